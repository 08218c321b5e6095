import type { TagId } from '../../../shared/model/ids';
import type { Db } from '../connection';

/** The tag's id, creating it if needed; names compare without case. */
export function ensureTag(db: Db, name: string, now: string): TagId {
  const existing = db.prepare('SELECT id FROM tags WHERE name = ?').pluck().get(name) as number | undefined;
  if (existing) return existing as TagId;
  return Number(db.prepare('INSERT INTO tags (name, created_at) VALUES (?, ?)').run(name, now).lastInsertRowid) as TagId;
}

export function tagSource(db: Db, sourceId: number, tagId: number): void {
  db.prepare('INSERT OR IGNORE INTO source_tags (source_id, tag_id) VALUES (?, ?)').run(sourceId, tagId);
}
