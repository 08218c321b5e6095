import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/api/errors';

export type Db = Database.Database;

export interface OpenOptions {
  /** Absolute path to a better_sqlite3.node built for this runtime (Electron's ABI in the app). */
  nativeBinding?: string;
  readonly?: boolean;
}

/**
 * Opens the library with the settings every writer relies on: WAL so readers
 * never block the writer, foreign keys on, FULL sync because a researcher's
 * months of work matter more than a few ms per commit, and a busy timeout so a
 * second process (CLI beside the app) waits instead of failing at once.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:') {
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
    } catch (err) {
      throw explainOpenError(err, file);
    }
  }
  let db: Db;
  try {
    db = new Database(file, { nativeBinding: options.nativeBinding, readonly: options.readonly ?? false });
    db.pragma('busy_timeout = 5000');
    if (!options.readonly && file !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = FULL');
  } catch (err) {
    throw explainOpenError(err, file);
  }
  return db;
}

export function explainOpenError(err: unknown, file: string): AppError {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string }).code ?? '';
  const message = err instanceof Error ? err.message : String(err);
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || /not a database|malformed/i.test(message)) {
    return new AppError('database_corrupt', `The library at ${file} is damaged (${message}). It has been left untouched.`);
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new AppError('database_locked', `The library at ${file} is locked by another program. Close it and try again.`);
  }
  if (code === 'SQLITE_READONLY' || code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'SQLITE_CANTOPEN') {
    return new AppError('read_only', `Collate cannot write to ${path.dirname(file)}. Check that the folder exists and is writable.`);
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new AppError('disk_full', `The disk holding ${file} is full. Free some space; nothing was lost.`);
  }
  return new AppError('internal', `Could not open the library at ${file}: ${message}`);
}
