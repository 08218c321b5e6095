import { contract, type InputOf, type MethodName } from '../../../shared/api/contract';

/**
 * Checks an input against the contract's own schema before sending it, so a
 * form can show the library's message at once (the server checks again).
 */
export function invalidReason<M extends MethodName>(method: M, input: InputOf<M>): string | null {
  const parsed = contract[method].input.safeParse(input);
  if (parsed.success) return null;
  return parsed.error.issues
    .slice(0, 2)
    .map((i) => i.message)
    .join('; ');
}
