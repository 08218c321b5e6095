import type { CrossReferenceData, QuoteData } from '../../../shared/markdown/model';
import { unpackDocument, type PackedDocument } from '../../../shared/document/pack';
import { blockOffsets } from '../../../shared/document/model';
import type { BriefSummary } from '../../../shared/model/entities';
import type { BriefId } from '../../../shared/model/ids';
import type { Medium, QuoteKind, Relation } from '../../../shared/model/statement';
import type { Db } from '../connection';
import { splitList } from './keyset';
import { ensureTag } from './tags';

interface BriefRow {
  id: number;
  title: string;
  content: string;
  content_text: string;
  created_at: string;
  updated_at: string;
  tag_names: string | null;
}

export interface BriefRecord extends BriefSummary {
  content: string;
  contentText: string;
  createdAt: string;
}

const BRIEF_COLUMNS = `b.id, b.title, b.content, b.content_text, b.created_at, b.updated_at,
  (SELECT group_concat(t.name, char(31)) FROM brief_tags bt JOIN tags t ON t.id = bt.tag_id WHERE bt.brief_id = b.id ORDER BY t.name) AS tag_names`;

const toRecord = (r: BriefRow): BriefRecord => ({
  id: r.id as BriefId,
  title: r.title,
  tags: splitList(r.tag_names),
  updatedAt: r.updated_at,
  createdAt: r.created_at,
  content: r.content,
  contentText: r.content_text,
});

export function insertBrief(db: Db, b: { title: string; content: string; contentText: string }, now: string): BriefId {
  const id = Number(
    db.prepare('INSERT INTO briefs (title, content, content_text, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(b.title, b.content, b.contentText, now, now)
      .lastInsertRowid,
  );
  reindexBrief(db, id);
  return id as BriefId;
}

export function getBrief(db: Db, id: number, includeTrashed = false): BriefRecord | null {
  const row = db.prepare(`SELECT ${BRIEF_COLUMNS} FROM briefs b WHERE b.id = ? ${includeTrashed ? '' : 'AND b.deleted_at IS NULL'}`).get(id) as BriefRow | undefined;
  return row ? toRecord(row) : null;
}

/** Newest first; with a query, the briefs whose title or text match it (full-text, prefix on the last word). */
export function listBriefs(db: Db, match: string | null): BriefSummary[] {
  const rows = match
    ? (db
        .prepare(`SELECT ${BRIEF_COLUMNS} FROM briefs_fts f JOIN briefs b ON b.id = f.rowid WHERE briefs_fts MATCH ? AND b.deleted_at IS NULL ORDER BY b.updated_at DESC, b.id DESC`)
        .all(match) as BriefRow[])
    : (db.prepare(`SELECT ${BRIEF_COLUMNS} FROM briefs b WHERE b.deleted_at IS NULL ORDER BY b.updated_at DESC, b.id DESC`).all() as BriefRow[]);
  return rows.map((r) => ({ id: r.id as BriefId, title: r.title, tags: splitList(r.tag_names), updatedAt: r.updated_at }));
}

export function updateBrief(db: Db, id: number, patch: { title?: string; content?: string; contentText?: string }, now: string): void {
  const sets = ['updated_at = @now'];
  if (patch.title !== undefined) sets.push('title = @title');
  if (patch.content !== undefined) sets.push('content = @content');
  if (patch.contentText !== undefined) sets.push('content_text = @contentText');
  db.prepare(`UPDATE briefs SET ${sets.join(', ')} WHERE id = @id`).run({ ...patch, now, id });
  reindexBrief(db, id);
}

export function setBriefTags(db: Db, id: number, tags: string[], now: string): void {
  db.prepare('DELETE FROM brief_tags WHERE brief_id = ?').run(id);
  const add = db.prepare('INSERT OR IGNORE INTO brief_tags (brief_id, tag_id) VALUES (?, ?)');
  for (const t of tags) add.run(id, ensureTag(db, t, now));
}

export function setBriefDeleted(db: Db, id: number, deletedAt: string | null): void {
  db.prepare('UPDATE briefs SET deleted_at = ? WHERE id = ?').run(deletedAt, id);
  reindexBrief(db, id);
}

/** The search row follows the brief: rewritten on every save, absent while trashed. */
export function reindexBrief(db: Db, id: number): void {
  db.prepare('DELETE FROM briefs_fts WHERE rowid = ?').run(id);
  db.prepare('INSERT INTO briefs_fts (rowid, title, body) SELECT id, title, content_text FROM briefs WHERE id = ? AND deleted_at IS NULL').run(id);
}

interface QuoteRow {
  id: number;
  exact: string;
  pos_start: number;
  color: string;
  note_text: string;
  is_statement: 0 | 1;
  speaker_name: string | null;
  speaker_role: string | null;
  medium: Medium | null;
  said_on: string | null;
  reported_in: string | null;
  quote_kind: QuoteKind;
  tag_names: string | null;
  source_id: number;
  title: string;
  byline: string | null;
  outlet: string | null;
  published_at: string | null;
  url: string | null;
  format: string;
}

const QUOTE_SELECT = `SELECT a.id, a.exact, a.pos_start, a.color, a.note_text, a.is_statement, sp.name AS speaker_name, a.speaker_role,
    a.medium, a.said_on, a.reported_in, a.quote_kind,
    (SELECT group_concat(t.name, char(31)) FROM annotation_tags at JOIN tags t ON t.id = at.tag_id WHERE at.annotation_id = a.id) AS tag_names,
    s.id AS source_id, s.title, s.byline, s.outlet, s.published_at, s.url, s.format
  FROM annotations a JOIN sources s ON s.id = a.source_id LEFT JOIN speakers sp ON sp.id = a.speaker_id`;
const LIVE = 'a.deleted_at IS NULL AND s.deleted_at IS NULL';

/** Quote data for live annotations, keyed by id; missing ids were deleted (their blocks are detached). */
export function quotesById(db: Db, ids: number[]): Map<number, QuoteData> {
  if (ids.length === 0) return new Map();
  const rows = db.prepare(`${QUOTE_SELECT} WHERE a.id IN (SELECT value FROM json_each(?)) AND ${LIVE}`).all(JSON.stringify([...new Set(ids)])) as QuoteRow[];
  return toQuotes(db, rows);
}

/** A source's live annotations in reading order. */
export function quotesOfSource(db: Db, sourceId: number): QuoteData[] {
  const rows = db.prepare(`${QUOTE_SELECT} WHERE a.source_id = ? AND ${LIVE} ORDER BY a.anchor = 'orphan', a.pos_start, a.pos_end, a.id`).all(sourceId) as QuoteRow[];
  return [...toQuotes(db, rows).values()];
}

/**
 * Annotations whose quote, note, tags or speaker match a full-text query,
 * statements first; with no query, the most recent statements and highlights.
 */
export function searchQuotes(db: Db, match: string | null, limit: number): QuoteData[] {
  const rows = match
    ? (db
        .prepare(`${QUOTE_SELECT} JOIN annotations_fts f ON f.rowid = a.id WHERE annotations_fts MATCH ? AND ${LIVE} ORDER BY a.is_statement DESC, f.rank LIMIT ?`)
        .all(match, limit) as QuoteRow[])
    : (db.prepare(`${QUOTE_SELECT} WHERE ${LIVE} ORDER BY a.is_statement DESC, a.updated_at DESC, a.id DESC LIMIT ?`).all(limit) as QuoteRow[]);
  return [...toQuotes(db, rows).values()];
}

function toQuotes(db: Db, rows: QuoteRow[]): Map<number, QuoteData> {
  const pages = pdfPages(db, rows);
  const out = new Map<number, QuoteData>();
  for (const r of rows) {
    out.set(r.id, {
      annotationId: r.id,
      exact: r.exact,
      color: r.color,
      tags: splitList(r.tag_names),
      noteText: r.note_text,
      speaker: r.is_statement ? r.speaker_name : null,
      role: r.is_statement ? r.speaker_role : null,
      medium: r.is_statement ? r.medium : null,
      saidOn: r.is_statement ? r.said_on : null,
      reportedIn: r.is_statement ? r.reported_in : null,
      quoteKind: r.is_statement ? r.quote_kind : null,
      page: pages.get(r.id) ?? null,
      source: { id: r.source_id, title: r.title, byline: r.byline, outlet: r.outlet, publishedAt: r.published_at, url: r.url, format: r.format },
    });
  }
  return out;
}

/** The page each PDF quote starts on, from the block that holds its first character. */
function pdfPages(db: Db, rows: QuoteRow[]): Map<number, number> {
  const out = new Map<number, number>();
  const bySource = new Map<number, QuoteRow[]>();
  for (const r of rows) if (r.format === 'pdf') bySource.set(r.source_id, [...(bySource.get(r.source_id) ?? []), r]);
  for (const [sourceId, quotes] of bySource) {
    const body = db.prepare('SELECT document, canonical_text FROM source_bodies WHERE source_id = ?').get(sourceId) as { document: string; canonical_text: string } | undefined;
    if (!body) continue;
    const doc = unpackDocument(JSON.parse(body.document) as PackedDocument, body.canonical_text);
    const offsets = blockOffsets(doc);
    for (const q of quotes) {
      let i = offsets.length - 1;
      while (i > 0 && offsets[i] > q.pos_start) i--;
      const page = doc.blocks[i]?.page;
      if (page !== undefined) out.set(q.id, page);
    }
  }
  return out;
}

interface LinkRow {
  id: number;
  from_id: number;
  to_id: number;
  relation: Relation;
  note: string;
}

/** Links between live statements, with both ends' quote data. */
export function crossReferencesById(db: Db, ids: number[]): Map<number, CrossReferenceData> {
  if (ids.length === 0) return new Map();
  const rows = db
    .prepare('SELECT id, from_id, to_id, relation, note FROM links WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL')
    .all(JSON.stringify([...new Set(ids)])) as LinkRow[];
  return toCrossReferences(db, rows);
}

/** Links whose statements or note match the query (or the newest ones). */
export function searchCrossReferences(db: Db, match: string | null, limit: number): CrossReferenceData[] {
  const rows = match
    ? (db
        .prepare(
          `SELECT DISTINCT l.id, l.from_id, l.to_id, l.relation, l.note FROM links l JOIN annotations_fts f ON f.rowid IN (l.from_id, l.to_id)
           WHERE annotations_fts MATCH ? AND l.deleted_at IS NULL ORDER BY l.created_at DESC LIMIT ?`,
        )
        .all(match, limit) as LinkRow[])
    : (db.prepare('SELECT id, from_id, to_id, relation, note FROM links WHERE deleted_at IS NULL ORDER BY created_at DESC, id DESC LIMIT ?').all(limit) as LinkRow[]);
  return [...toCrossReferences(db, rows).values()];
}

function toCrossReferences(db: Db, rows: LinkRow[]): Map<number, CrossReferenceData> {
  const quotes = quotesById(db, rows.flatMap((r) => [r.from_id, r.to_id]));
  const out = new Map<number, CrossReferenceData>();
  for (const r of rows) {
    const from = quotes.get(r.from_id);
    const to = quotes.get(r.to_id);
    if (from && to) out.set(r.id, { linkId: r.id, relation: r.relation, note: r.note, from, to });
  }
  return out;
}

/** What a person typed as an FTS5 query: every word must appear, the last one as a prefix; null when nothing is left. */
export function matchQuery(typed: string | undefined): string | null {
  const words = (typed ?? '').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

/** Rewrites which annotations and links a brief quotes (ids no longer in the library are skipped). */
export function setBriefReferences(db: Db, id: number, refs: { annotationIds: number[]; linkIds: number[] }): void {
  db.prepare('DELETE FROM brief_quotes WHERE brief_id = ?').run(id);
  db.prepare('DELETE FROM brief_links WHERE brief_id = ?').run(id);
  db.prepare('INSERT OR IGNORE INTO brief_quotes (brief_id, annotation_id) SELECT ?, id FROM annotations WHERE id IN (SELECT value FROM json_each(?))').run(id, JSON.stringify(refs.annotationIds));
  db.prepare('INSERT OR IGNORE INTO brief_links (brief_id, link_id) SELECT ?, id FROM links WHERE id IN (SELECT value FROM json_each(?))').run(id, JSON.stringify(refs.linkIds));
}

/** Live briefs that quote this annotation, newest first. */
export function briefIdsQuoting(db: Db, annotationId: number): number[] {
  return db
    .prepare('SELECT b.id FROM brief_quotes q JOIN briefs b ON b.id = q.brief_id WHERE q.annotation_id = ? AND b.deleted_at IS NULL ORDER BY b.updated_at DESC')
    .pluck()
    .all(annotationId) as number[];
}
