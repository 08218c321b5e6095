import { AppError } from '../../../shared/api/errors';

/** Opaque cursors for keyset paging: the last row's sort key and id, so page N costs what page 1 costs. */
export function encodeCursor(key: string | number, id: number): string {
  return Buffer.from(JSON.stringify([key, id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): { key: string | number; id: number } {
  try {
    const [key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if ((typeof key === 'string' || typeof key === 'number') && Number.isSafeInteger(id)) return { key, id: id as number };
  } catch {
    // fall through to the typed error
  }
  throw new AppError('invalid_input', 'That page cursor is not one Collate gave out; start from the first page.');
}

/** Splits a group_concat(…, char(31)) column back into a list. */
export function splitList(value: string | null): string[] {
  return value ? value.split('\x1f') : [];
}
