import type { Annotation, AnchorStatus } from '../../../shared/model/entities';
import type { AnnotationId, SourceId, SpeakerId } from '../../../shared/model/ids';
import type { Medium, QuoteKind } from '../../../shared/model/statement';
import type { Db } from '../connection';
import { splitList } from './keyset';

interface AnnotationRow {
  id: number;
  source_id: number;
  pos_start: number;
  pos_end: number;
  exact: string;
  prefix: string;
  suffix: string;
  anchor: AnchorStatus;
  color: string;
  note: string | null;
  note_text: string;
  is_statement: 0 | 1;
  speaker_id: number | null;
  speaker_name: string | null;
  speaker_role: string | null;
  said_on: string | null;
  medium: Medium | null;
  reported_in: string | null;
  quote_kind: QuoteKind;
  created_at: string;
  updated_at: string;
  tag_names: string | null;
}

const COLUMNS = `
  a.id, a.source_id, a.pos_start, a.pos_end, a.exact, a.prefix, a.suffix, a.anchor, a.color, a.note, a.note_text,
  a.is_statement, a.speaker_id, sp.name AS speaker_name, a.speaker_role, a.said_on, a.medium, a.reported_in, a.quote_kind,
  a.created_at, a.updated_at,
  (SELECT group_concat(t.name, char(31)) FROM annotation_tags at JOIN tags t ON t.id = at.tag_id WHERE at.annotation_id = a.id) AS tag_names`;
const FROM = 'FROM annotations a LEFT JOIN speakers sp ON sp.id = a.speaker_id';

function toAnnotation(r: AnnotationRow): Annotation {
  return {
    id: r.id as AnnotationId,
    sourceId: r.source_id as SourceId,
    start: r.pos_start,
    end: r.pos_end,
    exact: r.exact,
    prefix: r.prefix,
    suffix: r.suffix,
    anchor: r.anchor,
    color: r.color,
    note: r.note,
    noteText: r.note_text,
    tags: splitList(r.tag_names),
    statement: r.is_statement
      ? {
          speakerId: r.speaker_id as SpeakerId | null,
          speakerName: r.speaker_name,
          role: r.speaker_role,
          saidOn: r.said_on,
          medium: r.medium,
          reportedIn: r.reported_in,
          quoteKind: r.quote_kind,
        }
      : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export interface NewAnnotation {
  sourceId: number;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
  color: string;
}

export function insertAnnotation(db: Db, a: NewAnnotation, now: string): AnnotationId {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO annotations (source_id, pos_start, pos_end, exact, prefix, suffix, color, created_at, updated_at)
       VALUES (@sourceId, @start, @end, @exact, @prefix, @suffix, @color, @now, @now)`,
    )
    .run({ ...a, now });
  const id = Number(lastInsertRowid);
  reindexAnnotation(db, id);
  return id as AnnotationId;
}

export function getAnnotation(db: Db, id: number, includeTrashed = false): Annotation | null {
  const row = db
    .prepare(`SELECT ${COLUMNS} ${FROM} WHERE a.id = ? ${includeTrashed ? '' : 'AND a.deleted_at IS NULL'}`)
    .get(id) as AnnotationRow | undefined;
  return row ? toAnnotation(row) : null;
}

/** Reading order; orphans (which have no place in the text) come last. */
export function listAnnotationsForSource(db: Db, sourceId: number): Annotation[] {
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} ${FROM} WHERE a.source_id = ? AND a.deleted_at IS NULL
       ORDER BY a.anchor = 'orphan', a.pos_start, a.pos_end, a.id`,
    )
    .all(sourceId) as AnnotationRow[];
  return rows.map(toAnnotation);
}

/** A source's placed annotations that start before canonical offset `end` (the text a reader shows first), in reading order. */
export function listPlacedAnnotationsBefore(db: Db, sourceId: number, end: number): Annotation[] {
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} ${FROM} WHERE a.source_id = ? AND a.deleted_at IS NULL AND a.pos_start < ? AND a.anchor <> 'orphan'
       ORDER BY a.pos_start, a.pos_end, a.id`,
    )
    .all(sourceId, end) as AnnotationRow[];
  return rows.map(toAnnotation);
}

export function updateAnnotationFields(
  db: Db,
  id: number,
  patch: { color?: string; note?: string | null; noteText?: string },
  now: string,
): void {
  const sets: string[] = ['updated_at = @now'];
  if (patch.color !== undefined) sets.push('color = @color');
  if (patch.note !== undefined) sets.push('note = @note');
  if (patch.noteText !== undefined) sets.push('note_text = @noteText');
  db.prepare(`UPDATE annotations SET ${sets.join(', ')} WHERE id = @id`).run({ ...patch, now, id });
  reindexAnnotation(db, id);
}

export function setAnnotationDeleted(db: Db, id: number, deletedAt: string | null): void {
  db.prepare('UPDATE annotations SET deleted_at = ? WHERE id = ?').run(deletedAt, id);
  reindexAnnotation(db, id);
}

/**
 * Rewrites the annotation's search row from its current state (quote, note,
 * tags, speaker); trashed annotations and those of trashed sources have none.
 */
export function reindexAnnotation(db: Db, id: number): void {
  db.prepare('DELETE FROM annotations_fts WHERE rowid = ?').run(id);
  db.prepare(
    `INSERT INTO annotations_fts (rowid, exact, note, tags, speaker)
     SELECT a.id, a.exact, a.note_text,
       coalesce((SELECT group_concat(t.name, ' ') FROM annotation_tags at JOIN tags t ON t.id = at.tag_id WHERE at.annotation_id = a.id), ''),
       coalesce(sp.name, '')
     FROM annotations a JOIN sources s ON s.id = a.source_id LEFT JOIN speakers sp ON sp.id = a.speaker_id
     WHERE a.id = ? AND a.deleted_at IS NULL AND s.deleted_at IS NULL`,
  ).run(id);
}

export function reindexAnnotationsOfSource(db: Db, sourceId: number): void {
  const ids = db.prepare('SELECT id FROM annotations WHERE source_id = ?').pluck().all(sourceId) as number[];
  for (const id of ids) reindexAnnotation(db, id);
}

export function countAnnotations(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM annotations WHERE deleted_at IS NULL').get() as { n: number }).n;
}

/** Replaces the annotation's tags with these (already ensured) tag ids and refreshes its search row. */
export function setAnnotationTagIds(db: Db, id: number, tagIds: number[]): void {
  db.prepare('DELETE FROM annotation_tags WHERE annotation_id = ?').run(id);
  const insert = db.prepare('INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)');
  for (const tagId of tagIds) insert.run(id, tagId);
  reindexAnnotation(db, id);
}

/** Every annotation of a source with its stored selectors, trashed ones included (they re-anchor too, so a restore lands right). */
export function listSelectorsOfSource(db: Db, sourceId: number): Array<{ id: number; start: number; end: number; exact: string; prefix: string; suffix: string }> {
  return db
    .prepare('SELECT id, pos_start AS start, pos_end AS "end", exact, prefix, suffix FROM annotations WHERE source_id = ? ORDER BY id')
    .all(sourceId) as Array<{ id: number; start: number; end: number; exact: string; prefix: string; suffix: string }>;
}

/** Stores where re-anchoring placed an annotation; an orphan keeps its old position as a hint. */
export function setAnchor(db: Db, id: number, placed: { status: AnchorStatus; start?: number; end?: number }, now: string): void {
  if (placed.status === 'orphan') {
    db.prepare("UPDATE annotations SET anchor = 'orphan', updated_at = ? WHERE id = ?").run(now, id);
  } else {
    db.prepare('UPDATE annotations SET anchor = ?, pos_start = ?, pos_end = ?, updated_at = ? WHERE id = ?').run(placed.status, placed.start, placed.end, now, id);
  }
}
