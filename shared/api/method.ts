import type { z } from 'zod';

/**
 * One contract method: its input schema (checked at runtime on every
 * transport) and its result type (a phantom, checked at compile time).
 */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  readonly summary: string;
  /** Never set: carries the result type. */
  readonly __output?: O;
}

export function method<O>() {
  return <I extends z.ZodType>(input: I, summary: string): MethodSpec<I, O> => ({ input, summary });
}
