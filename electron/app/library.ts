import path from 'node:path';
import type { Handlers } from '../../shared/api/contract';
import { dispatch } from '../../shared/api/dispatch';
import type { Envelope } from '../../shared/api/errors';
import { type Db, openDatabase } from '../db/connection';
import { migrate, schemaVersion } from '../db/migrate';
import { dailyBackupIfDue, takeBackup } from '../services/backup';
import { checkLibraryOnOpen } from './recovery';
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
}

/** Opens (creating if needed) and migrates the library in a data folder. Shared by the app, CLI, browser host and tests. */
/** Without a worker pool (tests, one-off scripts), files are parsed here; the parsers load with the first file. */
const extractInProcess: Extractor['extract'] = async (bytes, fileName) => (await import('../interop')).extractFile(bytes, fileName);

export function openLibrary(options: OpenLibraryOptions): Library {
  const dataDir = path.resolve(options.dataDir);
  const databasePath = path.join(dataDir, DATABASE_FILE);
  const now = options.now ?? (() => new Date().toISOString());
  // A damaged library is moved aside before anything opens it for writing (recovery.ts).
  checkLibraryOnOpen({ dataDir, databasePath, now: now(), nativeBinding: options.nativeBinding });
  const db = openDatabase(databasePath, { nativeBinding: options.nativeBinding });
  try {
    const existed = schemaVersion(db) > 0;
    let backedUp = false;
    // One backup before the first step of a migration; a failed backup stops the migration.
    migrate(db, undefined, (from) => {
      if (from > 0 && !backedUp) takeBackup(db, dataDir, 'pre-migration', now(), from);
      backedUp = true;
    });
    if (existed) {
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
  return {
    dataDir,
    databasePath,
    db,
    handlers,
    events,
    call: (method, input) => dispatch(handlers, method, input, toErrorShape),
    close: () => {
      if (db.open) db.close();
    },
  };
}
