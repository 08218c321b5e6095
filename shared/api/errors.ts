/** Error codes every transport carries unchanged; messages are for people. */
export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'unknown_method',
  'conflict',
  'duplicate',
  'unsupported_format',
  'too_large',
  'empty',
  'unreadable',
  'cancelled',
  'unauthorized',
  'forbidden',
  'database_too_new',
  'database_corrupt',
  'database_locked',
  'read_only',
  'disk_full',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorShape {
  code: ErrorCode;
  message: string;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorShape };

/** Thrown by services and clients; carries a code a program can branch on. */
export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
  toShape(): ApiErrorShape {
    return { code: this.code, message: this.message };
  }
}

export function isErrorShape(x: unknown): x is ApiErrorShape {
  if (typeof x !== 'object' || x === null) return false;
  const { code, message } = x as Record<string, unknown>;
  return typeof message === 'string' && (ERROR_CODES as readonly unknown[]).includes(code);
}
