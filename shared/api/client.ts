import { buildNested, type CollateBridge, type CollateClient, type EventBridge, type MethodName } from './contract';
import { unwrap } from './dispatch';
import type { Envelope } from './errors';

/** One function that carries a call over some transport and answers with the envelope. */
export type Call = (method: MethodName, input: unknown) => Promise<Envelope<unknown>>;

/** The envelope-returning object (window.collate in Electron, the HTTP bridge in the browser host). */
export function createBridge(call: Call, events: EventBridge): CollateBridge {
  const nested = buildNested((name) => (input: unknown) => call(name, input));
  return { ...nested, events } as unknown as CollateBridge;
}

/** The value-returning client: AppError on failure, with the transport's code and message. */
export function createClient(call: Call): CollateClient {
  return buildNested((name) => async (input: unknown) => unwrap(await call(name, input))) as unknown as CollateClient;
}
