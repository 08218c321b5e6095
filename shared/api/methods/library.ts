import { z } from 'zod';
import { method } from '../method';

export interface LibraryInfo {
  dataDir: string;
  databasePath: string;
  schemaVersion: number;
  sources: number;
  annotations: number;
  /** Damage the background check found in a large library since it was opened, as a message for the user; null when none. */
  damage: string | null;
}

export interface CheckResult {
  ok: boolean;
  problems: string[];
}

export const libraryMethods = {
  'library.info': method<LibraryInfo>()(z.object({}).strict(), 'Where the library lives and what it holds'),
  'library.check': method<CheckResult>()(z.object({}).strict(), 'Run SQLite integrity checks on the library'),
  'library.backup': method<{ path: string; bytes: number }>()(
    z.object({}).strict(),
    'Write an online backup into the backups folder of the data folder',
  ),
};
