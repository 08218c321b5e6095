import type { SearchFilters } from '../../../shared/search/query';
import type { Db } from '../connection';

/**
 * Full-text search over the three FTS5 indexes. Two orders:
 * - recent: FTS5 walks the doclist from the highest rowid down and stops after
 *   `limit` rows, so it costs the same whatever the query matches (the first
 *   page painted at once);
 * - ranked: bm25 with the column weights set in migration 0004, over the
 *   matches scored within a bound (see RANK_CANDIDATES), with snippets built
 *   only for the rows returned.
 * Filter-only searches (no words) list by id, newest first.
 */
export type SearchOrder = 'recent' | 'ranked';

export interface SearchArgs {
  match: string | null;
  filters: SearchFilters;
  order: SearchOrder;
  limit: number;
  /** performance.now() by which ranking stops scoring more candidates (shared by the kinds of one search). */
  deadline?: number;
}

export interface SourceHitRow {
  id: number;
  title: string;
  byline: string | null;
  outlet: string | null;
  published_at: string | null;
  excerpt: string | null;
  snip: string | null;
}

export interface AnnotationHitRow {
  id: number;
  source_id: number;
  pos_start: number;
  pos_end: number;
  exact: string;
  note_text: string;
  anchor: string;
  is_statement: 0 | 1;
  speaker_name: string | null;
  said_on: string | null;
  title: string;
  snip: string | null;
}

export interface BriefHitRow {
  id: number;
  title: string;
  updated_at: string;
  content_text: string;
  snip: string | null;
}

const SNIP = (table: string) => `snippet(${table}, -1, char(2), char(3), '…', 16)`;

/** Collects named parameters for generated clauses. */
class Params {
  readonly values: Record<string, unknown> = {};
  private n = 0;
  add(v: unknown): string {
    const name = `p${this.n++}`;
    this.values[name] = v;
    return `@${name}`;
  }
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const contains = (p: Params, v: string) => p.add(`%${escapeLike(v)}%`);

/** A tag and its children: "iraq" also finds "iraq/nato-mission". */
function tagMatch(p: Params, tag: string): string {
  return `(t.name = ${p.add(tag)} OR t.name LIKE ${p.add(`${escapeLike(tag)}/%`)} ESCAPE '\\')`;
}

function dateClauses(p: Params, f: SearchFilters, column: string): string[] {
  const out: string[] = [];
  if (f.after) out.push(`${column} >= ${p.add(f.after)}`);
  if (f.before) out.push(`${column} < ${p.add(f.before)}`);
  return out;
}

function sourceFilters(p: Params, f: SearchFilters): string[] {
  const where = ['s.deleted_at IS NULL'];
  for (const tag of f.tags) {
    where.push(`EXISTS (SELECT 1 FROM source_tags st JOIN tags t ON t.id = st.tag_id WHERE st.source_id = s.id AND ${tagMatch(p, tag)})`);
  }
  for (const o of f.outlets) where.push(`s.outlet LIKE ${contains(p, o)} ESCAPE '\\'`);
  where.push(...dateClauses(p, f, 's.published_at'));
  return where;
}

function annotationFilters(p: Params, f: SearchFilters, statements: boolean): string[] {
  const where = ['a.deleted_at IS NULL', 's.deleted_at IS NULL', `a.is_statement = ${statements ? 1 : 0}`];
  for (const tag of f.tags) {
    where.push(`(EXISTS (SELECT 1 FROM annotation_tags at JOIN tags t ON t.id = at.tag_id WHERE at.annotation_id = a.id AND ${tagMatch(p, tag)})
      OR EXISTS (SELECT 1 FROM source_tags st JOIN tags t ON t.id = st.tag_id WHERE st.source_id = a.source_id AND ${tagMatch(p, tag)}))`);
  }
  for (const o of f.outlets) where.push(`s.outlet LIKE ${contains(p, o)} ESCAPE '\\'`);
  for (const name of f.speakers) {
    const like = contains(p, name);
    where.push(`a.speaker_id IN (SELECT id FROM speakers WHERE name LIKE ${like} ESCAPE '\\'
      UNION SELECT speaker_id FROM speaker_aliases WHERE alias LIKE ${like} ESCAPE '\\')`);
  }
  for (const r of f.relations) {
    where.push(`EXISTS (SELECT 1 FROM links l WHERE l.deleted_at IS NULL AND l.relation = ${p.add(r)} AND (l.from_id = a.id OR l.to_id = a.id))`);
  }
  where.push(...dateClauses(p, f, 'coalesce(a.said_on, s.published_at, a.created_at)'));
  return where;
}

function briefFilters(p: Params, f: SearchFilters): string[] {
  const where = ['b.deleted_at IS NULL'];
  for (const tag of f.tags) {
    where.push(`EXISTS (SELECT 1 FROM brief_tags bt JOIN tags t ON t.id = bt.tag_id WHERE bt.brief_id = b.id AND ${tagMatch(p, tag)})`);
  }
  where.push(...dateClauses(p, f, 'b.updated_at'));
  return where;
}

/**
 * Ranking is bounded so that no query can stall the thread that answers the
 * app: scoring every match costs about 1.5 µs a row, 150 ms or more for a
 * word found in all 100,000 articles. Matches are scored newest first, at most
 * RANK_CANDIDATES of them or until the search's deadline (RANK_BUDGET_MS over
 * all kinds), and the best of those are returned. A query with fewer matches
 * (nearly every query that names something) is ranked exactly; the few that
 * match most of the library are ranked among their newest matches, and the
 * result says so. A prefix query is the exception: FTS5 must merge the lists
 * of every word with that prefix before it can walk them newest first, which
 * costs more than scoring them, so it is ranked by FTS5's own sorted plan.
 */
export const RANK_CANDIDATES = 5_000;
export const RANK_BUDGET_MS = 60;

export interface FtsPage {
  ids: Array<{ id: number; snip: string | null }>;
  /** Ranked among only the newest matches (the bound above was reached). */
  partial: boolean;
}

/**
 * Ids (and snippets) of matching rows, in the order asked for. The filter is a
 * correlated EXISTS checked per FTS5 row, so the FTS5 table stays the outer
 * loop and keeps its own order (rowid DESC) and stops at the limit; an
 * IN (SELECT …) would build the set of every live row on each keystroke.
 */
function ftsIds(db: Db, table: string, match: string, filter: { from: string; idColumn: string; where: string; p: Params } | null, order: SearchOrder, limit: number, deadline = performance.now() + RANK_BUDGET_MS): FtsPage {
  const p = filter?.p ?? new Params();
  const m = p.add(match);
  const exists = filter ? `AND EXISTS (SELECT 1 ${filter.from} WHERE ${filter.idColumn} = ${table}.rowid AND ${filter.where})` : '';
  const prefix = match.includes('*');
  if (order === 'recent' || prefix) {
    // rank is the index's configured bm25 (column weights from migration 0004); lower is better.
    const ids = db
      .prepare(`SELECT rowid AS id, ${SNIP(table)} AS snip FROM ${table} WHERE ${table} MATCH ${m} ${exists} ORDER BY ${order === 'recent' ? 'rowid DESC' : 'rank'} LIMIT ${p.add(limit)}`)
      .all(p.values) as Array<{ id: number; snip: string }>;
    return { ids, partial: false };
  }
  const scored: Array<{ id: number; score: number }> = [];
  let partial = false;
  // Checked after every row: a phrase's matches can be far apart, with the scan between them inside SQLite.
  // Each kind scores at least a page, even when an earlier kind of the same search used up the time.
  for (const row of db.prepare(`SELECT rowid AS id, rank AS score FROM ${table} WHERE ${table} MATCH ${m} ${exists} ORDER BY rowid DESC`).iterate(p.values) as Iterable<{ id: number; score: number }>) {
    scored.push(row);
    if (scored.length >= RANK_CANDIDATES || (scored.length > limit && performance.now() > deadline)) {
      partial = true;
      break;
    }
  }
  scored.sort((a, b) => a.score - b.score || b.id - a.id);
  const best = scored.slice(0, limit);
  if (best.length === 0) return { ids: [], partial };
  const snips = new Map(
    (db
      .prepare(`SELECT rowid AS id, ${SNIP(table)} AS snip FROM ${table} WHERE ${table} MATCH ? AND rowid IN (SELECT value FROM json_each(?))`)
      .all(match, JSON.stringify(best.map((r) => r.id))) as Array<{ id: number; snip: string }>).map((r) => [r.id, r.snip]),
  );
  return { ids: best.map((r) => ({ id: r.id, snip: snips.get(r.id) ?? null })), partial };
}

function inOrder<T extends { id: number }>(rows: T[], ids: Array<{ id: number; snip: string | null }>): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap(({ id, snip }) => {
    const r = byId.get(id);
    return r ? [{ ...r, snip }] : [];
  });
}

/** Rows of one kind, and whether their ranking covered only the newest matches. */
export interface Hits<T> {
  rows: T[];
  partial: boolean;
}

const SOURCE_COLUMNS = 's.id, s.title, s.byline, s.outlet, s.published_at, s.excerpt';

export function searchSources(db: Db, a: SearchArgs): Hits<SourceHitRow> {
  const p = new Params();
  const where = sourceFilters(p, a.filters).join(' AND ');
  let page: FtsPage;
  if (a.match) {
    // Unfiltered, every indexed row is a live source (trashing unindexes): FTS5 alone answers.
    const filter = where === 's.deleted_at IS NULL' ? null : { from: 'FROM sources s', idColumn: 's.id', where, p };
    page = ftsIds(db, 'sources_fts', a.match, filter, a.order, a.limit, a.deadline);
  } else {
    const ids = db.prepare(`SELECT s.id FROM sources s WHERE ${where} ORDER BY s.id DESC LIMIT ${p.add(a.limit)}`).all(p.values) as Array<{ id: number }>;
    page = { ids: ids.map((r) => ({ id: r.id, snip: null })), partial: false };
  }
  if (page.ids.length === 0) return { rows: [], partial: page.partial };
  const rows = db
    .prepare(`SELECT ${SOURCE_COLUMNS} FROM sources s WHERE s.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(page.ids.map((r) => r.id))) as SourceHitRow[];
  return { rows: inOrder(rows, page.ids), partial: page.partial };
}

const ANNOTATION_COLUMNS = `a.id, a.source_id, a.pos_start, a.pos_end, a.exact, a.note_text, a.anchor, a.is_statement,
  sp.name AS speaker_name, a.said_on, s.title`;
const ANNOTATION_FROM = 'FROM annotations a JOIN sources s ON s.id = a.source_id LEFT JOIN speakers sp ON sp.id = a.speaker_id';

export function searchAnnotations(db: Db, a: SearchArgs, statements: boolean): Hits<AnnotationHitRow> {
  const p = new Params();
  const where = annotationFilters(p, a.filters, statements).join(' AND ');
  const page: FtsPage = a.match
    ? ftsIds(db, 'annotations_fts', a.match, { from: 'FROM annotations a JOIN sources s ON s.id = a.source_id', idColumn: 'a.id', where, p }, a.order, a.limit, a.deadline)
    : {
        ids: (db.prepare(`SELECT a.id FROM annotations a JOIN sources s ON s.id = a.source_id WHERE ${where} ORDER BY a.id DESC LIMIT ${p.add(a.limit)}`).all(p.values) as Array<{ id: number }>).map(
          (r) => ({ id: r.id, snip: null }),
        ),
        partial: false,
      };
  if (page.ids.length === 0) return { rows: [], partial: page.partial };
  const rows = db
    .prepare(`SELECT ${ANNOTATION_COLUMNS} ${ANNOTATION_FROM} WHERE a.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(page.ids.map((r) => r.id))) as AnnotationHitRow[];
  return { rows: inOrder(rows, page.ids), partial: page.partial };
}

export function searchBriefs(db: Db, a: SearchArgs): Hits<BriefHitRow> {
  const p = new Params();
  const where = briefFilters(p, a.filters).join(' AND ');
  const page: FtsPage = a.match
    ? ftsIds(db, 'briefs_fts', a.match, { from: 'FROM briefs b', idColumn: 'b.id', where, p }, a.order, a.limit, a.deadline)
    : {
        ids: (db.prepare(`SELECT b.id FROM briefs b WHERE ${where} ORDER BY b.updated_at DESC, b.id DESC LIMIT ${p.add(a.limit)}`).all(p.values) as Array<{ id: number }>).map(
          (r) => ({ id: r.id, snip: null }),
        ),
        partial: false,
      };
  if (page.ids.length === 0) return { rows: [], partial: page.partial };
  const rows = db
    .prepare(`SELECT b.id, b.title, b.updated_at, substr(b.content_text, 1, 400) AS content_text FROM briefs b WHERE b.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(page.ids.map((r) => r.id))) as BriefHitRow[];
  return { rows: inOrder(rows, page.ids), partial: page.partial };
}

/** The canonical texts of these sources, to place each hit's first match. */
export function canonicalTexts(db: Db, ids: number[]): Map<number, string> {
  if (ids.length === 0) return new Map();
  const rows = db
    .prepare('SELECT source_id, canonical_text FROM source_bodies WHERE source_id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as Array<{ source_id: number; canonical_text: string }>;
  return new Map(rows.map((r) => [r.source_id, r.canonical_text]));
}

// --- Saved searches ----------------------------------------------------------

export interface SavedSearchRow {
  id: number;
  name: string;
  query: string;
  created_at: string;
}

export function listSavedSearches(db: Db): SavedSearchRow[] {
  return db
    .prepare('SELECT id, name, query, created_at FROM saved_searches WHERE deleted_at IS NULL ORDER BY name COLLATE NOCASE, id')
    .all() as SavedSearchRow[];
}

export function getSavedSearch(db: Db, id: number, includeDeleted = false): SavedSearchRow | null {
  return (
    (db
      .prepare(`SELECT id, name, query, created_at FROM saved_searches WHERE id = ? ${includeDeleted ? '' : 'AND deleted_at IS NULL'}`)
      .get(id) as SavedSearchRow | undefined) ?? null
  );
}

export function findSavedByName(db: Db, name: string): SavedSearchRow | null {
  return (
    (db
      .prepare('SELECT id, name, query, created_at FROM saved_searches WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL')
      .get(name) as SavedSearchRow | undefined) ?? null
  );
}

export function insertSavedSearch(db: Db, name: string, query: string, now: string): number {
  return Number(db.prepare('INSERT INTO saved_searches (name, query, created_at, updated_at) VALUES (?, ?, ?, ?)').run(name, query, now, now).lastInsertRowid);
}

export function updateSavedQuery(db: Db, id: number, query: string, now: string): void {
  db.prepare('UPDATE saved_searches SET query = ?, updated_at = ? WHERE id = ?').run(query, now, id);
}

export function setSavedDeleted(db: Db, id: number, deletedAt: string | null): void {
  db.prepare('UPDATE saved_searches SET deleted_at = ? WHERE id = ?').run(deletedAt, id);
}
