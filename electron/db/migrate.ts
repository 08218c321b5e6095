import { AppError } from '../../shared/api/errors';
import type { Db } from './connection';
import { type Migration, migrations as allMigrations } from './migrations';

export const SCHEMA_VERSION = allMigrations[allMigrations.length - 1].version;

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Brings the database up to the newest schema. Each step and its version bump
 * commit together, so a crash mid-way leaves a database at some whole version.
 * A database from a newer Collate is refused rather than guessed at.
 */
export function migrate(db: Db, migrations: Migration[] = allMigrations, beforeStep?: (from: number) => void): number {
  const current = schemaVersion(db);
  const latest = migrations.length ? migrations[migrations.length - 1].version : 0;
  if (current > latest) {
    throw new AppError(
      'database_too_new',
      `This library was written by a newer version of Collate (schema ${current}; this one knows up to ${latest}). Update Collate to open it.`,
    );
  }
  for (const m of migrations) {
    if (m.version <= current) continue;
    beforeStep?.(m.version - 1);
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return schemaVersion(db);
}
