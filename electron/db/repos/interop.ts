import type { Medium, QuoteKind, Relation } from '../../../shared/model/statement';
import type { Db } from '../connection';
import { reindexAnnotation } from './annotations';
import { ensureTag } from './tags';
import type { ExportLink } from '../../interop/exporters/jsonld';

/** Live annotation ids of one source, one tag (and its children) or the whole library, in reading order per source. */
export function annotationIdsFor(db: Db, scope: { sourceId?: number; tag?: string }): number[] {
  const where = ['a.deleted_at IS NULL', 's.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (scope.sourceId !== undefined) {
    where.push('a.source_id = ?');
    params.push(scope.sourceId);
  }
  if (scope.tag !== undefined) {
    where.push(`a.id IN (SELECT at.annotation_id FROM annotation_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name = ? OR t.name LIKE ? ESCAPE '\\')`);
    params.push(scope.tag, `${scope.tag.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`);
  }
  return db
    .prepare(`SELECT a.id FROM annotations a JOIN sources s ON s.id = a.source_id WHERE ${where.join(' AND ')} ORDER BY a.source_id, a.anchor = 'orphan', a.pos_start, a.pos_end, a.id`)
    .pluck()
    .all(...params) as number[];
}

/** Live links whose both ends are among `ids`. */
export function linksAmong(db: Db, ids: number[]): ExportLink[] {
  const list = JSON.stringify(ids);
  return db
    .prepare(
      `SELECT from_id AS fromId, to_id AS toId, relation, note, confidence FROM links
       WHERE deleted_at IS NULL AND from_id IN (SELECT value FROM json_each(?)) AND to_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    )
    .all(list, list) as ExportLink[];
}

/** A live source with this URL (as given or canonical), ignoring a trailing slash and the fragment. */
export function sourceByUrl(db: Db, url: string): number | null {
  const bare = url.replace(/#.*$/, '').replace(/\/+$/, '');
  const id = db
    .prepare(
      `SELECT id FROM sources WHERE deleted_at IS NULL AND (rtrim(url, '/') = ? OR rtrim(canonical_url, '/') = ?) ORDER BY id LIMIT 1`,
    )
    .pluck()
    .get(bare, bare) as number | undefined;
  return id ?? null;
}

/** Live sources whose text has all the words of the quote (full-text), to check one by one. */
export function sourcesWithWords(db: Db, exact: string, limit = 20): number[] {
  const words = (exact.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
  if (words.length === 0) return [];
  return db
    .prepare(`SELECT rowid FROM sources_fts WHERE sources_fts MATCH ? AND rowid IN (SELECT id FROM sources WHERE deleted_at IS NULL) LIMIT ?`)
    .pluck()
    .all(`body : ${words.map((w) => `"${w}"`).join(' ')}`, limit) as number[];
}

export function annotationAt(db: Db, sourceId: number, start: number, end: number): number | null {
  return (
    (db.prepare('SELECT id FROM annotations WHERE source_id = ? AND pos_start = ? AND pos_end = ? AND deleted_at IS NULL ORDER BY id LIMIT 1').pluck().get(sourceId, start, end) as
      | number
      | undefined) ?? null
  );
}

/** A speaker by name or alias (without case), created if there is none. */
function ensureSpeaker(db: Db, name: string, now: string): number {
  const found = db
    .prepare(
      `SELECT coalesce(s.merged_into, s.id) FROM speakers s WHERE s.name = ? COLLATE NOCASE
       UNION ALL SELECT speaker_id FROM speaker_aliases WHERE alias = ? LIMIT 1`,
    )
    .pluck()
    .get(name, name) as number | undefined;
  if (found) return found;
  return Number(db.prepare('INSERT INTO speakers (name, created_at) VALUES (?, ?)').run(name, now).lastInsertRowid);
}

export interface ImportedStatement {
  speaker: string;
  role: string | null;
  saidOn: string | null;
  medium: Medium | null;
  reportedIn: string | null;
  quoteKind: QuoteKind;
}

/** Restores what an import carries beyond the highlight: created time, note, statement, tags. */
export function restoreAnnotationDetails(
  db: Db,
  id: number,
  d: { created: string | null; modified: string | null; note: string | null; noteText: string; statement: ImportedStatement | null; tags: string[] },
  now: string,
): void {
  const speakerId = d.statement ? ensureSpeaker(db, d.statement.speaker, now) : null;
  db.prepare(
    `UPDATE annotations SET note = @note, note_text = @noteText, created_at = coalesce(@created, created_at), updated_at = coalesce(@modified, updated_at),
       is_statement = @isStatement, speaker_id = @speakerId, speaker_role = @role, said_on = @saidOn, medium = @medium, reported_in = @reportedIn,
       quote_kind = @quoteKind
     WHERE id = @id`,
  ).run({
    id,
    note: d.note,
    noteText: d.noteText,
    created: d.created,
    modified: d.modified,
    isStatement: d.statement ? 1 : 0,
    speakerId,
    role: d.statement?.role ?? null,
    saidOn: d.statement?.saidOn ?? null,
    medium: d.statement?.medium ?? null,
    reportedIn: d.statement?.reportedIn ?? null,
    quoteKind: d.statement?.quoteKind ?? 'direct',
  });
  const add = db.prepare('INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)');
  for (const t of d.tags) add.run(id, ensureTag(db, t, now));
  reindexAnnotation(db, id);
}

/** Adds a link unless the same one is already there; true when added. */
export function insertLinkIfMissing(db: Db, l: { fromId: number; toId: number; relation: Relation; note: string; confidence: number | null }, now: string): boolean {
  const exists = db.prepare('SELECT 1 FROM links WHERE from_id = ? AND to_id = ? AND relation = ? AND deleted_at IS NULL').get(l.fromId, l.toId, l.relation);
  if (exists) return false;
  db.prepare('INSERT INTO links (from_id, to_id, relation, note, confidence, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    l.fromId,
    l.toId,
    l.relation,
    l.note,
    l.confidence,
    now,
    now,
  );
  return true;
}
