import type { LinkView } from '../../../shared/api/methods/statements';
import type { StatementLink } from '../../../shared/model/entities';
import type { AnnotationId, LinkId, SourceId } from '../../../shared/model/ids';
import { type Relation, RELATIONS } from '../../../shared/model/statement';
import type { Db } from '../connection';

interface LinkRow {
  id: number;
  from_id: number;
  to_id: number;
  relation: Relation;
  note: string;
  confidence: number | null;
  created_at: string;
}

const toLink = (r: LinkRow): StatementLink => ({
  id: r.id as LinkId,
  fromId: r.from_id as AnnotationId,
  toId: r.to_id as AnnotationId,
  relation: r.relation,
  note: r.note,
  confidence: r.confidence,
  createdAt: r.created_at,
});

/** Links whose both ends are live statements in live sources: a trashed end hides the link without losing it. */
const LIVE_ENDS = `l.deleted_at IS NULL
  AND EXISTS (SELECT 1 FROM annotations a JOIN sources s ON s.id = a.source_id WHERE a.id = l.from_id AND a.deleted_at IS NULL AND a.is_statement = 1 AND s.deleted_at IS NULL)
  AND EXISTS (SELECT 1 FROM annotations a JOIN sources s ON s.id = a.source_id WHERE a.id = l.to_id AND a.deleted_at IS NULL AND a.is_statement = 1 AND s.deleted_at IS NULL)`;
const COLUMNS = 'l.id, l.from_id, l.to_id, l.relation, l.note, l.confidence, l.created_at';

export interface NewLink {
  fromId: number;
  toId: number;
  relation: Relation;
  note: string;
  confidence: number | null;
}

export function insertLink(db: Db, l: NewLink, now: string): LinkId {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO links (from_id, to_id, relation, note, confidence, created_at, updated_at)
       VALUES (@fromId, @toId, @relation, @note, @confidence, @now, @now)`,
    )
    .run({ ...l, now });
  return Number(lastInsertRowid) as LinkId;
}

export function getLink(db: Db, id: number, includeTrashed = false): StatementLink | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM links l WHERE l.id = ? ${includeTrashed ? '' : 'AND l.deleted_at IS NULL'}`).get(id) as
    | LinkRow
    | undefined;
  return row ? toLink(row) : null;
}

/** A live link with the same ends and relation, either way round for symmetric relations. */
export function findSameLink(db: Db, l: NewLink): StatementLink | null {
  const symmetric = !RELATIONS[l.relation].directional;
  const row = db
    .prepare(
      `SELECT ${COLUMNS} FROM links l WHERE l.deleted_at IS NULL AND l.relation = @relation
       AND ((l.from_id = @fromId AND l.to_id = @toId) OR (@symmetric AND l.from_id = @toId AND l.to_id = @fromId))`,
    )
    .get({ ...l, symmetric: symmetric ? 1 : 0 }) as LinkRow | undefined;
  return row ? toLink(row) : null;
}

export function setLinkDeleted(db: Db, id: number, deletedAt: string | null): void {
  db.prepare('UPDATE links SET deleted_at = ? WHERE id = ?').run(deletedAt, id);
}

/** Every live link at a statement, read from that statement's end. */
export function listLinksAt(db: Db, annotationId: number): LinkView[] {
  return listLinksAtMany(db, [annotationId]).get(annotationId) ?? [];
}

/** The links at each of many statements in two queries (one per end), for the claims table. */
export function listLinksAtMany(db: Db, ids: number[]): Map<number, LinkView[]> {
  const out = new Map<number, LinkView[]>();
  if (ids.length === 0) return out;
  type Row = LinkRow & { at: number; other_id: number; other_exact: string; other_speaker: string | null; other_source: number; other_title: string };
  const rows: Row[] = [];
  // One query per end so each can use its index (an OR of the two would scan every link).
  for (const [here, there] of [['from_id', 'to_id'], ['to_id', 'from_id']] as const) {
    rows.push(
      ...(db
        .prepare(
          `SELECT ${COLUMNS}, l.${here} AS at, o.id AS other_id, o.exact AS other_exact, sp.name AS other_speaker, s.id AS other_source, s.title AS other_title
           FROM json_each(@ids) j
           JOIN links l ON l.${here} = j.value
           JOIN annotations o ON o.id = l.${there}
           JOIN sources s ON s.id = o.source_id
           LEFT JOIN speakers sp ON sp.id = o.speaker_id
           WHERE ${LIVE_ENDS}`,
        )
        .all({ ids: JSON.stringify(ids) }) as Row[]),
    );
  }
  rows.sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id - b.id);
  for (const r of rows) {
    const direction = r.from_id === r.at ? 'out' : 'in';
    const relation = RELATIONS[r.relation];
    const list = out.get(r.at) ?? [];
    list.push({
      ...toLink(r),
      direction,
      label: direction === 'out' ? relation.label : relation.inverse,
      other: { id: r.other_id as AnnotationId, exact: r.other_exact, speakerName: r.other_speaker, sourceId: r.other_source as SourceId, sourceTitle: r.other_title },
    });
    out.set(r.at, list);
  }
  return out;
}

/** Live links whose both ends are among `ids`. */
export function linksAmong(db: Db, ids: number[]): StatementLink[] {
  const list = JSON.stringify(ids);
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM links l
       WHERE l.from_id IN (SELECT value FROM json_each(@list)) AND l.to_id IN (SELECT value FROM json_each(@list)) AND ${LIVE_ENDS}
       ORDER BY l.created_at, l.id`,
    )
    .all({ list }) as LinkRow[];
  return rows.map(toLink);
}

/** Ids of statements already linked to this one (either way), so suggestions skip them. */
export function linkedIds(db: Db, annotationId: number): Set<number> {
  const rows = db
    .prepare('SELECT CASE WHEN from_id = @id THEN to_id ELSE from_id END FROM links WHERE deleted_at IS NULL AND (from_id = @id OR to_id = @id)')
    .pluck()
    .all({ id: annotationId }) as number[];
  return new Set(rows);
}
