import { createHash } from 'node:crypto';
import type { Db } from '../../electron/db/connection';

/**
 * A hash of every row of every table (FTS shadow tables included, so a search
 * index that drifted counts as a change), and the schema version: equal
 * hashes mean the library holds exactly what it held.
 */
export function contentHash(db: Db): string {
  const hash = createHash('sha256');
  hash.update(String(db.pragma('user_version', { simple: true })));
  const tables = db
    .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as Array<{ name: string; sql: string }>;
  for (const t of tables) {
    if (/^CREATE VIRTUAL/i.test(t.sql)) continue;
    hash.update(`\0${t.name}\0`);
    const rows = db.prepare(`SELECT * FROM "${t.name}"`).raw().all() as unknown[][];
    // Row order is not content: sort by each row's serialisation.
    const lines = rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : typeof v === 'bigint' ? String(v) : v)));
    lines.sort();
    for (const l of lines) hash.update(l);
  }
  return hash.digest('hex');
}
