import Database from 'better-sqlite3';
import fs from 'node:fs';
import { AppError } from '../../shared/api/errors';
import { explainOpenError } from '../db/connection';
import { type BackupFile, moveLibraryAside, newestGoodBackup } from '../services/backup';

/** Thrown by openLibrary when the library file is damaged; the app and the CLI show its message as is. */
export class LibraryDamagedError extends AppError {
  constructor(
    message: string,
    /** Where the damaged file now is (untouched), or null if it could not be moved. */
    readonly movedAside: string | null,
    /** The newest backup that passed its integrity check, or null. */
    readonly backup: BackupFile | null,
  ) {
    super('database_corrupt', message);
  }
}

/** The exact command that restores `backup` into `dataDir`. */
export function restoreCommand(backup: string, dataDir: string): string {
  const q = (s: string) => (/^[\w./:@%+=,-]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`);
  return `collate restore ${q(backup)} --data-dir ${q(dataDir)}`;
}

/** What quick_check says about the library, read-only so that checking cannot change it; [] when healthy. */
export function quickCheck(databasePath: string, nativeBinding?: string): string[] {
  let db: Database.Database | undefined;
  try {
    db = new Database(databasePath, { readonly: true, fileMustExist: true, nativeBinding });
    const rows = db.pragma('quick_check') as Array<Record<string, string>>;
    return rows.map((r) => Object.values(r)[0]).filter((v) => v !== 'ok');
  } catch (err) {
    const explained = explainOpenError(err, databasePath);
    // Locked or unreadable is not damage: say that instead, and touch nothing.
    if (explained.code !== 'database_corrupt') throw explained;
    return [err instanceof Error ? err.message : String(err)];
  } finally {
    db?.close();
  }
}

/**
 * Runs before the library is opened for writing. A damaged library is moved
 * aside untouched (with its WAL files, before any connection could checkpoint
 * into it) and the error names the newest good backup and how to restore it.
 */
export function checkLibraryOnOpen(options: { dataDir: string; databasePath: string; now: string; nativeBinding?: string }): void {
  const { dataDir, databasePath, now, nativeBinding } = options;
  if (!fs.existsSync(databasePath) || fs.statSync(databasePath).size === 0) return;
  const problems = quickCheck(databasePath, nativeBinding);
  if (problems.length === 0) return;

  let movedAside: string | null = null;
  try {
    movedAside = moveLibraryAside(databasePath, 'corrupt', now);
  } catch {
    // A read-only folder: the file stays where it is, still untouched.
  }
  const backup = newestGoodBackup(dataDir, nativeBinding);
  const where = movedAside ? `It has been moved aside, untouched, to ${movedAside}.` : 'It has been left where it is, untouched.';
  const offer = backup
    ? `The newest good backup is ${backup.path} (taken ${backup.takenAt.slice(0, 16).replace('T', ' ')} UTC). To restore it, run: ${restoreCommand(backup.path, dataDir)}`
    : `No good backup was found in ${dataDir}/backups.`;
  throw new LibraryDamagedError(
    `The library at ${databasePath} is damaged (${problems.slice(0, 2).join('; ')}). ${where} ${offer}`,
    movedAside,
    backup,
  );
}
