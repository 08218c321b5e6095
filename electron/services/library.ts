import type { HandlersIn } from '../../shared/api/contract';
import type { CheckResult } from '../../shared/api/methods/library';
import type { Db } from '../db/connection';
import { schemaVersion } from '../db/migrate';
import { countAnnotations } from '../db/repos/annotations';
import { countSources } from '../db/repos/sources';
import { takeBackup } from './backup';
import type { ServiceContext } from './context';

export function checkDatabase(db: Db): CheckResult {
  const problems: string[] = [];
  const integrity = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
  for (const row of integrity) if (row.integrity_check !== 'ok') problems.push(row.integrity_check);
  const fk = db.pragma('foreign_key_check') as Array<{ table: string; rowid: number; parent: string }>;
  for (const row of fk) problems.push(`${row.table} row ${row.rowid} points to a missing ${row.parent}`);
  for (const table of ['sources_fts', 'annotations_fts', 'briefs_fts']) {
    try {
      db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES ('integrity-check', 1)`).run();
    } catch (err) {
      problems.push(`search index ${table}: ${(err as Error).message}`);
    }
  }
  return { ok: problems.length === 0, problems };
}


export function libraryHandlers(ctx: ServiceContext): HandlersIn<'library'> {
  return {
    'library.info': () => ({
      dataDir: ctx.dataDir,
      databasePath: ctx.databasePath,
      schemaVersion: schemaVersion(ctx.db),
      sources: countSources(ctx.db),
      annotations: countAnnotations(ctx.db),
      damage: ctx.damage ?? null,
    }),
    'library.check': () => checkDatabase(ctx.db),
    'library.backup': () => takeBackup(ctx.db, ctx.dataDir, 'manual', ctx.now()),
  };
}
