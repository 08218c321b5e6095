import type { Db } from '../db/connection';
import type { EventHub } from '../app/events';

/** What every service needs: the open library and a way to tell windows it changed. */
export interface ServiceContext {
  db: Db;
  dataDir: string;
  databasePath: string;
  events: EventHub;
  /** ISO timestamp; injectable so tests can pin time. */
  now: () => string;
  /** Set when the background check of a large library finds damage (app/library.ts); shown by the app until restart. */
  damage?: string | null;
}
