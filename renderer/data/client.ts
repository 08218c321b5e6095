import { createClient } from '../../shared/api/client';
import type { CollateBridge, MethodName } from '../../shared/api/contract';
import type { Envelope } from '../../shared/api/errors';
import { bridge } from './bridge';

/** The renderer's only way to the library: contract methods that return values or throw AppError. */
export const api = createClient((method: MethodName, input: unknown) => {
  const dot = method.indexOf('.');
  const ns = bridge[method.slice(0, dot) as keyof CollateBridge] as unknown as Record<string, (i: unknown) => Promise<Envelope<unknown>>>;
  return ns[method.slice(dot + 1)](input);
});
