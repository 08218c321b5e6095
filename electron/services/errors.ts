import type { ApiErrorShape } from '../../shared/api/errors';
import { AppError } from '../../shared/api/errors';

/**
 * What a failed write to the library's disk means for the person, or null if
 * the error is not about storage. One message per cause, each saying that
 * nothing was saved (the write's transaction rolled back) and what to do.
 */
export function storageError(err: unknown): ApiErrorShape | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') {
    return { code: 'disk_full', message: 'The disk holding your library is full, so this change was not saved. Free some space and try again; everything saved before is safe.' };
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return { code: 'read_only', message: 'The library folder is read-only, so this change was not saved. Make the folder writable (or the disk not read-only) and try again.' };
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return {
      code: 'database_locked',
      message: 'The library is locked by another program (another Collate, the collate command, or a sync tool), so this change was not saved. Close that program or wait, then try again.',
    };
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return { code: 'read_only', message: 'Collate could not write to the disk holding your library (it may be read-only, full or disconnected), so this change was not saved.' };
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return { code: 'database_corrupt', message: 'The library file is damaged. Run "collate check", and restore a backup with "collate restore FILE".' };
  }
  return null;
}

/**
 * Maps anything a service throws to an error a person can act on. SQLite and
 * file-system failures get their own codes; anything else is reported as an
 * internal error without leaking a stack trace to the UI.
 */
export function toErrorShape(err: unknown, method: string): ApiErrorShape {
  if (err instanceof AppError) return err.toShape();
  const storage = storageError(err);
  if (storage) return storage;
  if (process.env.COLLATE_DEBUG) console.error(`[${method}]`, err);
  return { code: 'internal', message: `Collate hit an unexpected problem while running ${method}. Nothing was changed.` };
}
