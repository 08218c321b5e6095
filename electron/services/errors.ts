import type { ApiErrorShape } from '../../shared/api/errors';
import { AppError } from '../../shared/api/errors';

/**
 * Maps anything a service throws to an error a person can act on. SQLite and
 * file-system failures get their own codes; anything else is reported as an
 * internal error without leaking a stack trace to the UI.
 */
export function toErrorShape(err: unknown, method: string): ApiErrorShape {
  if (err instanceof AppError) return err.toShape();
  const code = (err as { code?: string } | null)?.code ?? '';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return { code: 'disk_full', message: 'The disk is full, so nothing was saved. Free some space and try again.' };
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') {
    return { code: 'read_only', message: 'The library folder is read-only, so nothing was saved.' };
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return { code: 'database_locked', message: 'The library is busy in another program; nothing was saved. Try again in a moment.' };
  }
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') {
    return { code: 'database_corrupt', message: 'The library file is damaged. Run "collate check" and restore a backup.' };
  }
  if (process.env.COLLATE_DEBUG) console.error(`[${method}]`, err);
  return { code: 'internal', message: `Collate hit an unexpected problem while running ${method}. Nothing was changed.` };
}
