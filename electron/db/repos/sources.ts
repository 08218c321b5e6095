import type { PackedDocument } from '../../../shared/document/pack';
import type { Page, SourceFormat, SourceMetadata, SourceSummary } from '../../../shared/model/entities';
import type { SourceId } from '../../../shared/model/ids';
import type { Db } from '../connection';
import { cachedStatement } from '../statements';
import { decodeCursor, encodeCursor, splitList } from './keyset';
import { childPattern } from './tags';

interface SourceRow {
  id: number;
  title: string;
  byline: string | null;
  outlet: string | null;
  published_at: string | null;
  url: string | null;
  canonical_url: string | null;
  language: string | null;
  excerpt: string | null;
  format: SourceFormat;
  origin: string | null;
  content_hash: string;
  word_count: number;
  imported_at: string;
  annotation_count: number;
  tag_names: string | null;
}

export interface NewSource {
  metadata: SourceMetadata;
  canonicalUrl: string | null;
  excerpt: string | null;
  format: SourceFormat;
  origin: string | null;
  contentHash: string;
  wordCount: number;
  document: PackedDocument;
  canonicalText: string;
}

export interface SourceRecord extends SourceSummary {
  canonicalUrl: string | null;
  excerpt: string | null;
  origin: string | null;
  contentHash: string;
}

const SUMMARY_COLUMNS = `
  s.id, s.title, s.byline, s.outlet, s.published_at, s.url, s.canonical_url, s.language, s.excerpt,
  s.format, s.origin, s.content_hash, s.word_count, s.imported_at,
  (SELECT count(*) FROM annotations a WHERE a.source_id = s.id AND a.deleted_at IS NULL) AS annotation_count,
  (SELECT group_concat(t.name, char(31)) FROM source_tags st JOIN tags t ON t.id = st.tag_id WHERE st.source_id = s.id) AS tag_names`;

function toRecord(row: SourceRow): SourceRecord {
  return {
    id: row.id as SourceId,
    title: row.title,
    byline: row.byline,
    outlet: row.outlet,
    publishedAt: row.published_at,
    url: row.url,
    language: row.language,
    format: row.format,
    importedAt: row.imported_at,
    wordCount: row.word_count,
    annotationCount: row.annotation_count,
    tags: splitList(row.tag_names),
    canonicalUrl: row.canonical_url,
    excerpt: row.excerpt,
    origin: row.origin,
    contentHash: row.content_hash,
  };
}

export function toSummary(r: SourceRecord): SourceSummary {
  const { canonicalUrl: _c, excerpt: _e, origin: _o, contentHash: _h, ...summary } = r;
  return summary;
}

/** index: false leaves the full-text index to the caller, who must call indexSources before its transaction ends. */
export function insertSource(db: Db, s: NewSource, now: string, { index = true }: { index?: boolean } = {}): SourceId {
  const { lastInsertRowid } = cachedStatement(
    db,
    `INSERT INTO sources (title, byline, outlet, published_at, url, canonical_url, language, excerpt, format, origin,
         content_hash, word_count, imported_at, updated_at)
       VALUES (@title, @byline, @outlet, @publishedAt, @url, @canonicalUrl, @language, @excerpt, @format, @origin,
         @contentHash, @wordCount, @now, @now)`,
  ).run({ ...s.metadata, canonicalUrl: s.canonicalUrl, excerpt: s.excerpt, format: s.format, origin: s.origin, contentHash: s.contentHash, wordCount: s.wordCount, now });
  const id = Number(lastInsertRowid);
  cachedStatement(db, 'INSERT INTO source_bodies (source_id, document, canonical_text) VALUES (?, ?, ?)').run(
    id,
    JSON.stringify(s.document),
    s.canonicalText,
  );
  if (index) indexSource(db, id);
  return id as SourceId;
}

/** Adds a live source to the full-text index (reads through the source_search view). */
export function indexSource(db: Db, id: number): void {
  cachedStatement(
    db,
    `INSERT INTO sources_fts (rowid, title, byline, outlet, body) SELECT id, title, byline, outlet, body FROM source_search WHERE id = ?`,
  ).run(id);
}

/**
 * Adds many live sources to the full-text index in one statement. A bulk
 * import indexes its batch this way: FTS5 writes its pending terms out at
 * every savepoint, so indexing each source inside its own savepoint costs a
 * segment (and later merges) per source instead of one per batch.
 */
export function indexSources(db: Db, ids: number[]): void {
  if (!ids.length) return;
  cachedStatement(
    db,
    `INSERT INTO sources_fts (rowid, title, byline, outlet, body)
     SELECT id, title, byline, outlet, body FROM source_search WHERE id IN (SELECT value FROM json_each(?))`,
  ).run(JSON.stringify(ids));
}

/** Removes a source from the index; must run before its indexed columns change (FTS5 needs the old values). */
export function unindexSource(db: Db, id: number): void {
  cachedStatement(
    db,
    `INSERT INTO sources_fts (sources_fts, rowid, title, byline, outlet, body)
     SELECT 'delete', id, title, byline, outlet, body FROM source_search WHERE id = ?`,
  ).run(id);
}

export function findDuplicate(db: Db, contentHash: string, canonicalUrl: string | null): { id: SourceId; title: string; reason: string } | null {
  const byHash = cachedStatement(db, `SELECT id, title FROM sources WHERE content_hash = ? AND deleted_at IS NULL LIMIT 1`).get(contentHash) as { id: number; title: string } | undefined;
  if (byHash) return { id: byHash.id as SourceId, title: byHash.title, reason: 'same text' };
  if (canonicalUrl) {
    const byUrl = cachedStatement(db, `SELECT id, title FROM sources WHERE canonical_url = ? AND deleted_at IS NULL LIMIT 1`).get(canonicalUrl) as { id: number; title: string } | undefined;
    if (byUrl) return { id: byUrl.id as SourceId, title: byUrl.title, reason: 'same URL' };
  }
  return null;
}

export function getSourceRecord(db: Db, id: number, includeTrashed = false): SourceRecord | null {
  const row = db
    .prepare(`SELECT ${SUMMARY_COLUMNS} FROM sources s WHERE s.id = ? ${includeTrashed ? '' : 'AND s.deleted_at IS NULL'}`)
    .get(id) as SourceRow | undefined;
  return row ? toRecord(row) : null;
}

export function getSourceBody(db: Db, id: number): { document: PackedDocument; canonicalText: string } | null {
  const row = db.prepare('SELECT document, canonical_text FROM source_bodies WHERE source_id = ?').get(id) as
    | { document: string; canonical_text: string }
    | undefined;
  return row ? { document: JSON.parse(row.document) as PackedDocument, canonicalText: row.canonical_text } : null;
}

export function getCanonicalText(db: Db, id: number): string | null {
  const row = db.prepare('SELECT canonical_text FROM source_bodies WHERE source_id = ?').get(id) as { canonical_text: string } | undefined;
  return row?.canonical_text ?? null;
}

export type SourceSort = 'imported' | 'published' | 'title';

const SORTS: Record<SourceSort, { key: string; dir: 'ASC' | 'DESC' }> = {
  imported: { key: 's.imported_at', dir: 'DESC' },
  published: { key: "coalesce(s.published_at, '')", dir: 'DESC' },
  title: { key: 's.title COLLATE NOCASE', dir: 'ASC' },
};

export interface ListQuery {
  limit: number;
  cursor?: string | null;
  sort: SourceSort;
  tag?: string | null;
  outlet?: string | null;
  /** Inclusive calendar days (or timestamps) on the published date; sources without one are left out. */
  publishedFrom?: string | null;
  publishedTo?: string | null;
  /** Words typed into "Filter library": each must start a word of the title, byline or outlet. */
  query?: string | null;
}

/**
 * An FTS5 query matching every typed word as a prefix in the title, byline or
 * outlet columns, or null when nothing searchable was typed. Words are quoted,
 * so FTS5 operators and punctuation typed by the user are never interpreted.
 */
export function filterQuery(typed: string): string | null {
  const words = typed.match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  return `{title byline outlet} : (${words.slice(0, 12).map((w) => `"${w}"*`).join(' AND ')})`;
}

function filterClauses(q: ListQuery): { where: string[]; params: Record<string, unknown> } {
  const where = ['s.deleted_at IS NULL'];
  const params: Record<string, unknown> = {};
  if (q.tag) {
    // A tag filter includes its children: "iraq" matches "iraq/nato-mission".
    where.push(`s.id IN (SELECT st.source_id FROM source_tags st JOIN tags t ON t.id = st.tag_id
                         WHERE t.name = @tag OR t.name LIKE @tagChildren ESCAPE '\\')`);
    params.tag = q.tag;
    params.tagChildren = childPattern(q.tag);
  }
  if (q.outlet) {
    where.push('s.outlet = @outlet COLLATE NOCASE');
    params.outlet = q.outlet;
  }
  // Written over coalesce(published_at, '') so that the sources_published index serves the range.
  if (q.publishedFrom) {
    where.push("coalesce(s.published_at, '') >= @publishedFrom");
    params.publishedFrom = q.publishedFrom;
  }
  if (q.publishedTo) {
    // A day "2021-02-19" includes every timestamp on that day.
    where.push("coalesce(s.published_at, '') <= @publishedTo", "coalesce(s.published_at, '') > ''");
    params.publishedTo = q.publishedTo.length === 10 ? `${q.publishedTo}\uffff` : q.publishedTo;
  }
  const match = q.query ? filterQuery(q.query) : null;
  if (match) {
    where.push('s.id IN (SELECT rowid FROM sources_meta_fts WHERE sources_meta_fts MATCH @match)');
    params.match = match;
  }
  return { where, params };
}

export function listSources(db: Db, q: ListQuery): Page<SourceSummary> {
  const { key, dir } = SORTS[q.sort];
  const { where, params } = filterClauses(q);
  const filter = where.join(' AND ');
  // Unfiltered, the planner would count table rows; the narrow imported-date index holds one entry per live source.
  const countFrom = where.length === 1 ? 'sources s INDEXED BY sources_imported' : 'sources s';
  const total = (db.prepare(`SELECT count(*) AS n FROM ${countFrom} WHERE ${filter}`).get(params) as { n: number }).n;
  const page = [...where];
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    const cmp = dir === 'DESC' ? '<' : '>';
    // The leading range term lets SQLite seek the sort index to the cursor instead of scanning to it.
    page.push(`${key} ${cmp}= @ck`, `(${key} ${cmp} @ck OR s.id ${cmp} @cid)`);
    params.ck = c.key;
    params.cid = c.id;
  }
  params.limit = q.limit + 1;
  // Pick the page's ids first, then compute the per-row subqueries (annotation count, tags) for those
  // rows only: when a filter makes SQLite sort, it would otherwise evaluate them for every match.
  const rows = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS}, p.sort_key FROM (
         SELECT s.id, ${key} AS sort_key FROM sources s WHERE ${page.join(' AND ')} ORDER BY ${key} ${dir}, s.id ${dir} LIMIT @limit
       ) p JOIN sources s ON s.id = p.id
       ORDER BY p.sort_key ${q.sort === 'title' ? 'COLLATE NOCASE ' : ''}${dir}, s.id ${dir}`,
    )
    .all(params) as Array<SourceRow & { sort_key: string }>;
  const more = rows.length > q.limit;
  const items = rows.slice(0, q.limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => toSummary(toRecord(r))),
    nextCursor: more && last ? encodeCursor(last.sort_key, last.id) : null,
    total,
  };
}

/** Distinct outlets of live sources with how many sources each has, for the outlet filter. */
export function listOutlets(db: Db): Array<{ outlet: string; count: number }> {
  return db
    .prepare(
      `SELECT min(outlet) AS outlet, count(*) AS count FROM sources
       WHERE deleted_at IS NULL AND outlet IS NOT NULL AND outlet <> '' GROUP BY outlet COLLATE NOCASE ORDER BY outlet COLLATE NOCASE`,
    )
    .all() as Array<{ outlet: string; count: number }>;
}

export function updateMetadata(db: Db, id: number, m: SourceMetadata, now: string): void {
  unindexSource(db, id);
  db.prepare(
    `UPDATE sources SET title = @title, byline = @byline, outlet = @outlet, published_at = @publishedAt, url = @url,
       language = @language, updated_at = @now WHERE id = @id`,
  ).run({ ...m, now, id });
  indexSource(db, id);
}

export function setSourceDeleted(db: Db, id: number, deletedAt: string | null): void {
  if (deletedAt) unindexSource(db, id);
  db.prepare('UPDATE sources SET deleted_at = ? WHERE id = ?').run(deletedAt, id);
  if (!deletedAt) indexSource(db, id);
}

export function countSources(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM sources WHERE deleted_at IS NULL').get() as { n: number }).n;
}
