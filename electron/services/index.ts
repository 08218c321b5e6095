import type { Handlers } from '../../shared/api/contract';
import { annotationHandlers } from './annotations';
import type { ServiceContext } from './context';
import type { Extract } from './import';
import { libraryHandlers } from './library';
import { sourceHandlers } from './sources';
import { trashHandlers } from './trash';

/** Every contract method's handler; a method without one fails to compile here. */
export function createHandlers(ctx: ServiceContext, extract: Extract): Handlers {
  return {
    ...libraryHandlers(ctx),
    ...sourceHandlers(ctx, extract),
    ...annotationHandlers(ctx),
    ...trashHandlers(ctx),
  };
}
