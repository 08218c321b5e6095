import type { Handlers } from '../../shared/api/contract';
import { anchoringHandlers } from './anchoring';
import { annotationHandlers } from './annotations';
import { briefHandlers } from './briefs';
import type { ServiceContext } from './context';
import { exportHandlers } from './export';
import type { Extractor } from './import';
import { libraryHandlers } from './library';
import { linkHandlers } from './links';
import { pasteHandlers } from './paste';
import { searchHandlers } from './search';
import { settingsHandlers } from './settings';
import { sourceHandlers } from './sources';
import { speakerHandlers } from './speakers';
import { statementHandlers } from './statements';
import { tagHandlers } from './tags';
import { trashHandlers } from './trash';

/** Every contract method's handler; a method without one fails to compile here. */
export function createHandlers(ctx: ServiceContext, extractor: Extractor): Handlers {
  return {
    ...libraryHandlers(ctx),
    ...searchHandlers(ctx),
    ...sourceHandlers(ctx, extractor),
    ...pasteHandlers(ctx),
    ...annotationHandlers(ctx),
    ...anchoringHandlers(ctx),
    ...settingsHandlers(ctx),
    ...statementHandlers(ctx),
    ...speakerHandlers(ctx),
    ...linkHandlers(ctx),
    ...trashHandlers(ctx),
    ...tagHandlers(ctx),
    ...briefHandlers(ctx),
    ...exportHandlers(ctx),
  };
}
