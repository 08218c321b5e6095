import fs from 'node:fs';
import path from 'node:path';
import type { Handlers } from '../../shared/api/contract';
import { dispatch } from '../../shared/api/dispatch';
import type { Envelope } from '../../shared/api/errors';
import { type Db, openDatabase } from '../db/connection';
import { migrate, schemaVersion } from '../db/migrate';
import { dailyBackupIfDue, takeBackup } from '../services/backup';
import type { MaintenanceJob, MaintenanceReport } from './maintenance-worker';
import { checkLibraryOnOpen } from './recovery';
import { startWorker } from './workers';
import { createHandlers } from '../services';
import type { ServiceContext } from '../services/context';
import type { Extractor } from '../services/import';
import { toErrorShape } from '../services/errors';
import { DATABASE_FILE } from './data-dir';
import { EventHub } from './events';

export interface Library {
  dataDir: string;
  databasePath: string;
  db: Db;
  handlers: Handlers;
  events: EventHub;
  /** The transport loop: validate, call, wrap. Never throws. */
  call(method: string, input: unknown): Promise<Envelope<unknown>>;
  close(): void;
}

export interface OpenLibraryOptions {
  dataDir: string;
  /** better_sqlite3.node for this runtime; the Electron app passes its Electron-ABI build. */
  nativeBinding?: string;
  now?: () => string;
  /** How file bytes become sources; defaults to extracting on this thread (the app and CLI pass a worker pool). */
  extractor?: Extractor;
  /** Overrides CHECK_BEFORE_OPEN_BYTES (tests). */
  checkBeforeOpenBytes?: number;
}

/** Without a worker pool (tests, one-off scripts), files are parsed here; the parsers load with the first file. */
const extractInProcess: Extractor['extract'] = async (bytes, fileName) => (await import('../interop')).extractFile(bytes, fileName);

/**
 * Up to this size, the quick check and the daily backup run before the library
 * opens (well under a second). A bigger library opens at once and gets both on
 * a worker thread: quick_check reads every page, about 10 s for the 1 GB of a
 * 100,000-article library, and the Library must show in under one.
 */
export const CHECK_BEFORE_OPEN_BYTES = 64 * 1024 * 1024;

/** Left beside a library in which the background check found damage, so the next open checks it first and sets it aside. */
export const damageMarker = (databasePath: string) => `${databasePath}.damaged`;

const fileSize = (file: string) => {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
};

/** Opens (creating if needed) and migrates the library in a data folder. Shared by the app, CLI, browser host and tests. */
export function openLibrary(options: OpenLibraryOptions): Library {
  const dataDir = path.resolve(options.dataDir);
  const databasePath = path.join(dataDir, DATABASE_FILE);
  const now = options.now ?? (() => new Date().toISOString());
  const marker = damageMarker(databasePath);
  const checkLater = fileSize(databasePath) > (options.checkBeforeOpenBytes ?? CHECK_BEFORE_OPEN_BYTES) && !fs.existsSync(marker);
  if (!checkLater) {
    // A damaged library is moved aside before anything opens it for writing (recovery.ts).
    checkLibraryOnOpen({ dataDir, databasePath, now: now(), nativeBinding: options.nativeBinding });
    fs.rmSync(marker, { force: true });
  }
  const db = openDatabase(databasePath, { nativeBinding: options.nativeBinding });
  try {
    const existed = schemaVersion(db) > 0;
    let backedUp = false;
    // One backup before the first step of a migration; a failed backup stops the migration.
    migrate(db, undefined, (from) => {
      if (from > 0 && !backedUp) takeBackup(db, dataDir, 'pre-migration', now(), from);
      backedUp = true;
    });
    if (existed && !checkLater) {
      try {
        dailyBackupIfDue(db, dataDir, now());
      } catch {
        // A missed daily backup (full disk, read-only backups folder) must not keep the library closed; the next open retries.
      }
    }
  } catch (err) {
    db.close();
    throw err;
  }
  const events = new EventHub();
  const ctx: ServiceContext = { db, dataDir, databasePath, events, now };
  const handlers = createHandlers(ctx, options.extractor ?? { extract: extractInProcess, concurrency: 1 });
  const maintenance = checkLater ? startWorker(new URL('./maintenance-worker.ts', import.meta.url), { workerData: { databasePath, dataDir, now: now(), nativeBinding: options.nativeBinding } satisfies MaintenanceJob }) : null;
  maintenance?.unref();
  maintenance?.once('message', (report: MaintenanceReport) => {
    if (report.problems.length === 0) return;
    const message =
      `Collate found damage in this library (${report.problems.slice(0, 2).join('; ')}). What is open still works: copy out anything you need. ` +
      'When Collate next starts it will set this library aside, untouched, and offer the newest good backup.';
    try {
      fs.writeFileSync(marker, `${now()}\n${report.problems.join('\n')}\n`);
    } catch {
      // A read-only folder: the next open finds the damage with its own check.
    }
    ctx.damage = message;
    events.emit('library.damaged', { message });
  });
  return {
    dataDir,
    databasePath,
    db,
    handlers,
    events,
    call: (method, input) => dispatch(handlers, method, input, toErrorShape),
    close: () => {
      void maintenance?.terminate();
      if (db.open) db.close();
    },
  };
}
