import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/api/errors';
import type { Db } from '../db/connection';
import { SCHEMA_VERSION } from '../db/migrate';

/**
 * Backups of the library file: automatic ones (daily, and before each
 * migration) kept to a bounded number in <dataDir>/backups, manual ones
 * wherever the user asks, and restoring one in place of the library.
 */

export const BACKUP_DIR = 'backups';
export type BackupKind = 'daily' | 'pre-migration' | 'manual';

/** How many automatic backups of each kind are kept; manual ones are never pruned. */
export const KEEP: Record<Exclude<BackupKind, 'manual'>, number> = { daily: 7, 'pre-migration': 3 };
const DAY_MS = 24 * 60 * 60 * 1000;

export interface BackupFile {
  path: string;
  kind: BackupKind;
  /** When it was taken (from its name), ISO. */
  takenAt: string;
  bytes: number;
}

/** 2026-11-25T13:05:09.123Z → 20261125-130509123: sorts as text, valid in every file system. */
export const fileStamp = (iso: string) => iso.replace(/[-:]/g, '').replace('.', '').replace(/Z$/, '').replace('T', '-');
const NAME = /^library-(daily|pre-migration|manual)(?:-v\d+)?-(\d{8})-(\d{6})(\d{3})?\.sqlite3$/;

export const backupDir = (dataDir: string) => path.join(dataDir, BACKUP_DIR);

/** The backups in the data folder, newest first. Files we did not name are ignored. */
export function listBackups(dataDir: string): BackupFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(backupDir(dataDir));
  } catch {
    return [];
  }
  const out: BackupFile[] = [];
  for (const name of names) {
    const m = NAME.exec(name);
    if (!m) continue;
    const [, kind, d, t, ms] = m;
    const takenAt = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}.${ms ?? '000'}Z`;
    const file = path.join(backupDir(dataDir), name);
    try {
      out.push({ path: file, kind: kind as BackupKind, takenAt, bytes: fs.statSync(file).size });
    } catch {
      // removed while we looked
    }
  }
  return out.sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : b.path.localeCompare(a.path)));
}

function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A consistent copy of the library, written synchronously (VACUUM INTO reads
 * one snapshot, so it is safe while another connection writes) to a temporary
 * name and renamed into place: a crash mid-backup never leaves a file that
 * looks like a good backup.
 */
export function writeBackup(db: Db, target: string): { path: string; bytes: number } {
  const dir = path.dirname(target);
  fs.mkdirSync(dir, { recursive: true });
  const partial = `${target}.partial`;
  fs.rmSync(partial, { force: true });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    fsyncFile(partial);
    fs.renameSync(partial, target);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
  return { path: target, bytes: fs.statSync(target).size };
}

export function backupPath(dataDir: string, kind: BackupKind, now: string, version?: number): string {
  const v = kind === 'pre-migration' && version !== undefined ? `-v${version}` : '';
  return path.join(backupDir(dataDir), `library-${kind}${v}-${fileStamp(now)}.sqlite3`);
}

/** Writes a backup of the given kind into the backups folder, then prunes that kind to its bound. */
export function takeBackup(db: Db, dataDir: string, kind: BackupKind, now: string, version?: number): { path: string; bytes: number } {
  const result = writeBackup(db, backupPath(dataDir, kind, now, version));
  if (kind !== 'manual') pruneBackups(dataDir, kind);
  return result;
}

/** Removes the oldest automatic backups of a kind beyond its bound. */
export function pruneBackups(dataDir: string, kind: Exclude<BackupKind, 'manual'>): string[] {
  const removed: string[] = [];
  for (const b of listBackups(dataDir)
    .filter((x) => x.kind === kind)
    .slice(KEEP[kind])) {
    fs.rmSync(b.path, { force: true });
    removed.push(b.path);
  }
  return removed;
}

/** The daily backup, if the newest one is more than a day old (or there is none). */
export function dailyBackupIfDue(db: Db, dataDir: string, now: string): { path: string; bytes: number } | null {
  const newest = listBackups(dataDir).find((b) => b.kind === 'daily');
  if (newest && Date.parse(now) - Date.parse(newest.takenAt) < DAY_MS) return null;
  return takeBackup(db, dataDir, 'daily', now);
}

export interface BackupCheck {
  ok: boolean;
  /** True when the file is damaged (as opposed to missing, foreign or too new). */
  damaged?: boolean;
  /** Why it cannot be used, in a sentence. */
  problem?: string;
  schemaVersion?: number;
}

/**
 * Whether a file is a Collate library this version can open, with nothing
 * damaged: it opens, passes integrity_check, has our tables, and is not from
 * a newer Collate. Opened read-only, so checking never changes it.
 */
export function verifyLibraryFile(file: string, options: { nativeBinding?: string; quick?: boolean } = {}): BackupCheck {
  if (!fs.existsSync(file)) return { ok: false, problem: `${file} does not exist.` };
  let db: Db | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
    const rows = db.pragma(options.quick ? 'quick_check' : 'integrity_check') as Array<Record<string, string>>;
    const bad = rows.map((r) => Object.values(r)[0]).filter((v) => v !== 'ok');
    if (bad.length) return { ok: false, damaged: true, problem: `${file} is damaged: ${bad.slice(0, 3).join('; ')}.` };
    const version = db.pragma('user_version', { simple: true }) as number;
    const hasTables = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table' AND name IN ('sources', 'source_bodies', 'annotations')").get() as {
      n: number;
    };
    if (version < 1 || hasTables.n < 3) return { ok: false, problem: `${file} is not a Collate library.`, schemaVersion: version };
    if (version > SCHEMA_VERSION) {
      return { ok: false, problem: `${file} was written by a newer Collate (schema ${version}; this one knows up to ${SCHEMA_VERSION}).`, schemaVersion: version };
    }
    return { ok: true, schemaVersion: version };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const code = (err as { code?: string }).code ?? '';
    const damaged = code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB';
    return { ok: false, damaged, problem: `${file} is not a readable Collate library (${message}).` };
  } finally {
    db?.close();
  }
}

/** The newest backup in the data folder that passes verifyLibraryFile, or null. */
export function newestGoodBackup(dataDir: string, nativeBinding?: string): BackupFile | null {
  for (const b of listBackups(dataDir)) if (verifyLibraryFile(b.path, { nativeBinding }).ok) return b;
  return null;
}

const COMPANIONS = ['', '-wal', '-shm', '-journal'];

/**
 * Renames the library file and its WAL/SHM companions together to a new name
 * beside it, untouched, so SQLite sees them as one database again if someone
 * opens the moved file. Returns the new path of the main file.
 */
export function moveLibraryAside(databasePath: string, label: 'corrupt' | 'replaced', now: string): string {
  const dir = path.dirname(databasePath);
  let target = path.join(dir, `library-${label}-${fileStamp(now)}.sqlite3`);
  for (let n = 2; COMPANIONS.some((c) => fs.existsSync(target + c)); n++) target = path.join(dir, `library-${label}-${fileStamp(now)}-${n}.sqlite3`);
  // The main file last: until it moves, the library is still where it was.
  for (const c of ['-wal', '-shm', '-journal']) if (fs.existsSync(databasePath + c)) fs.renameSync(databasePath + c, target + c);
  fs.renameSync(databasePath, target);
  return target;
}

/**
 * Puts a backup in place of the library. The library must be closed by the
 * caller. The backup is verified first (a damaged one is refused and nothing
 * moves); the current library, if any, is moved aside as
 * library-replaced-<stamp>.sqlite3 with its WAL files; the backup is copied in
 * through SQLite (VACUUM INTO), so a backup that is itself a live library with
 * a WAL file comes in whole.
 */
export function restoreBackup(
  databasePath: string,
  file: string,
  now: string,
  nativeBinding?: string,
): { restored: string; movedAside: string | null; schemaVersion: number } {
  const source = path.resolve(file);
  if (path.resolve(databasePath) === source) throw new AppError('invalid_input', 'That file is the library itself; name a backup file.');
  const check = verifyLibraryFile(source, { nativeBinding });
  if (!check.ok) throw new AppError('database_corrupt', `Not restored: ${check.problem} The current library was left as it was.`);

  fs.mkdirSync(path.dirname(databasePath), { recursive: true });
  const incoming = `${databasePath}.restoring`;
  fs.rmSync(incoming, { force: true });
  const src = new Database(source, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    src.prepare('VACUUM INTO ?').run(incoming);
  } catch (err) {
    fs.rmSync(incoming, { force: true });
    throw err;
  } finally {
    src.close();
  }
  fsyncFile(incoming);
  const movedAside = fs.existsSync(databasePath) ? moveLibraryAside(databasePath, 'replaced', now) : null;
  fs.renameSync(incoming, databasePath);
  return { restored: databasePath, movedAside, schemaVersion: check.schemaVersion ?? 0 };
}
