import type { z } from 'zod';
import { contract, type Handlers, isMethodName } from './contract';
import { AppError, type ApiErrorShape, type Envelope } from './errors';

/** Turns a zod failure into one sentence a person can act on. */
export function describeIssues(method: string, error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    return `${where}${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return `Invalid input for ${method}: ${parts.join('; ')}${more}`;
}

export type ErrorMapper = (err: unknown, method: string) => ApiErrorShape;

const defaultMapper: ErrorMapper = (err) =>
  err instanceof AppError ? err.toShape() : { code: 'internal', message: 'Something went wrong inside Collate.' };

/**
 * The one loop every transport runs: look the method up, validate its input
 * against the contract, call the handler, wrap the answer in an envelope.
 * Never throws.
 */
export async function dispatch(
  handlers: Handlers,
  name: string,
  rawInput: unknown,
  mapError: ErrorMapper = defaultMapper,
): Promise<Envelope<unknown>> {
  if (!isMethodName(name)) {
    return { ok: false, error: { code: 'unknown_method', message: `There is no method named "${String(name).slice(0, 100)}".` } };
  }
  const parsed = contract[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid_input', message: describeIssues(name, parsed.error) } };
  }
  try {
    const handler = handlers[name] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value: value === undefined ? null : value };
  } catch (err) {
    return { ok: false, error: mapError(err, name) };
  }
}

/** Unwraps an envelope: the value, or an AppError with the same code and message. */
export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new AppError(envelope.error.code, envelope.error.message);
}
