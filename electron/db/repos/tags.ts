import type { Tag } from '../../../shared/model/entities';
import type { TagId } from '../../../shared/model/ids';
import type { Db } from '../connection';
import { reindexAnnotation } from './annotations';

interface TagRow {
  id: number;
  name: string;
  color: string | null;
  source_count: number;
  annotation_count: number;
}

const toTag = (r: TagRow): Tag => ({
  id: r.id as TagId,
  name: r.name,
  color: r.color,
  sourceCount: r.source_count,
  annotationCount: r.annotation_count,
});

/** LIKE pattern for the children of a tag ("iraq" → "iraq/%"), with LIKE's wildcards escaped. */
export function childPattern(name: string): string {
  return `${name.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`;
}

/** The tag's id, creating it if needed; names compare without case. */
export function ensureTag(db: Db, name: string, now: string): TagId {
  const existing = db.prepare('SELECT id FROM tags WHERE name = ?').pluck().get(name) as number | undefined;
  if (existing) return existing as TagId;
  return Number(db.prepare('INSERT INTO tags (name, created_at) VALUES (?, ?)').run(name, now).lastInsertRowid) as TagId;
}

export function tagSource(db: Db, sourceId: number, tagId: number): void {
  db.prepare('INSERT OR IGNORE INTO source_tags (source_id, tag_id) VALUES (?, ?)').run(sourceId, tagId);
}

/** Replaces a source's tags with `names` (created as needed); tags left unused stay, with a count of 0. */
export function setSourceTags(db: Db, sourceId: number, names: string[], now: string): void {
  db.prepare('DELETE FROM source_tags WHERE source_id = ?').run(sourceId);
  for (const name of names) tagSource(db, sourceId, ensureTag(db, name, now));
}

const TAG_COLUMNS = `t.id, t.name, t.color,
  (SELECT count(*) FROM source_tags st JOIN sources s ON s.id = st.source_id
    WHERE st.tag_id = t.id AND s.deleted_at IS NULL) AS source_count,
  (SELECT count(*) FROM annotation_tags at JOIN annotations a ON a.id = at.annotation_id JOIN sources s ON s.id = a.source_id
    WHERE at.tag_id = t.id AND a.deleted_at IS NULL AND s.deleted_at IS NULL) AS annotation_count`;

/** Every tag with how many live sources and annotations carry it (itself, not its children), by name. */
export function listTags(db: Db): Tag[] {
  return (db.prepare(`SELECT ${TAG_COLUMNS} FROM tags t ORDER BY t.name COLLATE NOCASE`).all() as TagRow[]).map(toTag);
}

export function getTag(db: Db, name: string): Tag | null {
  const row = db.prepare(`SELECT ${TAG_COLUMNS} FROM tags t WHERE t.name = ?`).get(name) as TagRow | undefined;
  return row ? toTag(row) : null;
}

/** The tag and all its descendants ("iraq", "iraq/nato-mission", …). */
function familyOf(db: Db, name: string): Array<{ id: number; name: string; color: string | null }> {
  return db
    .prepare(`SELECT id, name, color FROM tags WHERE name = @name OR name LIKE @children ESCAPE '\\'`)
    .all({ name, children: childPattern(name) }) as Array<{ id: number; name: string; color: string | null }>;
}

/** Annotations carrying any of these tags: their search rows index tag names. */
function annotationsTagged(db: Db, tagIds: number[]): number[] {
  if (tagIds.length === 0) return [];
  return db
    .prepare(`SELECT DISTINCT annotation_id FROM annotation_tags WHERE tag_id IN (SELECT value FROM json_each(?))`)
    .pluck()
    .all(JSON.stringify(tagIds)) as number[];
}

/** Gives everything tagged `fromId` the tag `intoId` instead, then drops `fromId`. */
function mergeInto(db: Db, fromId: number, intoId: number, fromColor: string | null): void {
  db.prepare('INSERT OR IGNORE INTO source_tags (source_id, tag_id) SELECT source_id, ? FROM source_tags WHERE tag_id = ?').run(intoId, fromId);
  db.prepare('INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) SELECT annotation_id, ? FROM annotation_tags WHERE tag_id = ?').run(
    intoId,
    fromId,
  );
  db.prepare('INSERT OR IGNORE INTO brief_tags (brief_id, tag_id) SELECT brief_id, ? FROM brief_tags WHERE tag_id = ?').run(intoId, fromId);
  if (fromColor) db.prepare('UPDATE tags SET color = ? WHERE id = ? AND color IS NULL').run(fromColor, intoId);
  db.prepare('DELETE FROM tags WHERE id = ?').run(fromId);
}

export interface MoveOutcome {
  /** Tags renamed or folded into an existing tag (the tag itself and its children). */
  tags: number;
  annotations: number;
}

/**
 * Moves a tag and its children to a new name: "iraq" → "middle-east/iraq" also
 * turns "iraq/nato-mission" into "middle-east/iraq/nato-mission". Where a new
 * name already belongs to another tag, the two are merged. Run inside a transaction.
 */
export function moveTag(db: Db, from: string, to: string): MoveOutcome {
  const family = familyOf(db, from);
  const root = family.find((t) => t.name.toLowerCase() === from.toLowerCase());
  const moving = new Set(family.map((t) => t.id));
  const affected = annotationsTagged(db, [...moving]);
  const targets = family.map((t) => ({ ...t, next: to + t.name.slice(root ? root.name.length : from.length) }));
  const existing = db.prepare('SELECT id FROM tags WHERE name = ?').pluck();
  const renames: typeof targets = [];
  for (const t of targets) {
    const clash = existing.get(t.next) as number | undefined;
    if (clash !== undefined && !moving.has(clash)) mergeInto(db, t.id, clash, t.color);
    else renames.push(t);
  }
  // Two steps, so that swapping names within the family never trips the UNIQUE constraint midway;
  // the interim names contain spaces, which real tag names never do.
  const rename = db.prepare('UPDATE tags SET name = ? WHERE id = ?');
  for (const t of renames) rename.run(`moving tag ${t.id}`, t.id);
  for (const t of renames) rename.run(t.next, t.id);
  for (const id of affected) reindexAnnotation(db, id);
  return { tags: family.length, annotations: affected.length };
}

export function setTagColor(db: Db, name: string, color: string | null): boolean {
  return db.prepare('UPDATE tags SET color = ? WHERE name = ?').run(color, name).changes > 0;
}

/**
 * Removes a tag (not its children) from every source, annotation and brief,
 * keeping a record of what carried it so the trash can put it back exactly.
 * Returns the record's id, or null when there is no such tag. Run inside a transaction.
 */
export function trashTag(db: Db, name: string): { recordId: number; name: string; annotations: number } | null {
  const tag = db.prepare('SELECT id, name, color, created_at FROM tags WHERE name = ?').get(name) as
    | { id: number; name: string; color: string | null; created_at: string }
    | undefined;
  if (!tag) return null;
  const ids = (table: string, column: string) =>
    JSON.stringify(db.prepare(`SELECT ${column} FROM ${table} WHERE tag_id = ? ORDER BY ${column}`).pluck().all(tag.id));
  const recordId = Number(
    db
      .prepare('INSERT INTO trashed_tags (name, color, created_at, sources, annotations, briefs) VALUES (?, ?, ?, ?, ?, ?)')
      .run(tag.name, tag.color, tag.created_at, ids('source_tags', 'source_id'), ids('annotation_tags', 'annotation_id'), ids('brief_tags', 'brief_id'))
      .lastInsertRowid,
  );
  const affected = annotationsTagged(db, [tag.id]);
  db.prepare('DELETE FROM tags WHERE id = ?').run(tag.id);
  for (const a of affected) reindexAnnotation(db, a);
  return { recordId, name: tag.name, annotations: affected.length };
}

/**
 * Puts a trashed tag back on what carried it (items deleted for good since are
 * skipped). If a tag of that name was created meanwhile, the two become one.
 */
export function restoreTrashedTag(db: Db, recordId: number): void {
  const rec = db.prepare('SELECT name, color, created_at, sources, annotations, briefs FROM trashed_tags WHERE id = ?').get(recordId) as
    | { name: string; color: string | null; created_at: string; sources: string; annotations: string; briefs: string }
    | undefined;
  if (!rec) return;
  const tagId = ensureTag(db, rec.name, rec.created_at);
  if (rec.color) db.prepare('UPDATE tags SET color = ? WHERE id = ? AND color IS NULL').run(rec.color, tagId);
  const attach = (table: string, column: string, parent: string, ids: string) =>
    db
      .prepare(`INSERT OR IGNORE INTO ${table} (${column}, tag_id) SELECT p.id, ? FROM ${parent} p WHERE p.id IN (SELECT value FROM json_each(?))`)
      .run(tagId, ids);
  attach('source_tags', 'source_id', 'sources', rec.sources);
  attach('annotation_tags', 'annotation_id', 'annotations', rec.annotations);
  attach('brief_tags', 'brief_id', 'briefs', rec.briefs);
  for (const a of annotationsTagged(db, [tagId])) reindexAnnotation(db, a);
  db.prepare('DELETE FROM trashed_tags WHERE id = ?').run(recordId);
}
