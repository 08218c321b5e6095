import type { SearchFilters } from '../../../shared/search/query';
import type { Db } from '../connection';

/**
 * Full-text search over the three FTS5 indexes. Two orders:
 * - recent: FTS5 walks the doclist from the highest rowid down and stops after
 *   `limit` rows, so it costs the same whatever the query matches (the first
 *   page painted at once);
 * - ranked: FTS5's sorted-match plan (`ORDER BY rank`, with the column weights
 *   set in migration 0004) scores every match inside the index and builds
 *   snippets only for the rows returned.
 * Filter-only searches (no words) list by id, newest first.
 */
export type SearchOrder = 'recent' | 'ranked';

export interface SearchArgs {
  match: string | null;
  filters: SearchFilters;
  order: SearchOrder;
  limit: number;
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
 * Ids (and snippets) of matching rows, in the order asked for. The filter is a
 * correlated EXISTS checked per FTS5 row, so the FTS5 table stays the outer
 * loop and keeps its own order (rowid DESC or rank) and stops at the limit;
 * an IN (SELECT …) would build the set of every live row on each keystroke.
 */
function ftsIds(db: Db, table: string, match: string, from: string, idColumn: string, where: string, p: Params, order: SearchOrder, limit: number): Array<{ id: number; snip: string }> {
  const orderBy = order === 'ranked' ? 'rank' : 'rowid DESC';
  return db
    .prepare(
      `SELECT rowid AS id, ${SNIP(table)} AS snip FROM ${table}
       WHERE ${table} MATCH ${p.add(match)} AND EXISTS (SELECT 1 ${from} WHERE ${idColumn} = ${table}.rowid AND ${where})
       ORDER BY ${orderBy} LIMIT ${p.add(limit)}`,
    )
    .all(p.values) as Array<{ id: number; snip: string }>;
}

function inOrder<T extends { id: number }>(rows: T[], ids: Array<{ id: number; snip: string | null }>): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap(({ id, snip }) => {
    const r = byId.get(id);
    return r ? [{ ...r, snip }] : [];
  });
}

const SOURCE_COLUMNS = 's.id, s.title, s.byline, s.outlet, s.published_at, s.excerpt';

export function searchSources(db: Db, a: SearchArgs): SourceHitRow[] {
  const p = new Params();
  const where = sourceFilters(p, a.filters).join(' AND ');
  let ids: Array<{ id: number; snip: string | null }>;
  if (a.match) {
    // Unfiltered, every indexed row is a live source (trashing unindexes): FTS5 alone answers.
    ids =
      where === 's.deleted_at IS NULL'
        ? ftsOnly(db, 'sources_fts', a.match, a.order, a.limit)
        : ftsIds(db, 'sources_fts', a.match, 'FROM sources s', 's.id', where, p, a.order, a.limit);
  } else {
    ids = (db.prepare(`SELECT s.id FROM sources s WHERE ${where} ORDER BY s.id DESC LIMIT ${p.add(a.limit)}`).all(p.values) as Array<{ id: number }>).map(
      (r) => ({ id: r.id, snip: null }),
    );
  }
  if (ids.length === 0) return [];
  const rows = db
    .prepare(`SELECT ${SOURCE_COLUMNS} FROM sources s WHERE s.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids.map((r) => r.id))) as SourceHitRow[];
  return inOrder(rows, ids);
}

function ftsOnly(db: Db, table: string, match: string, order: SearchOrder, limit: number): Array<{ id: number; snip: string }> {
  return db
    .prepare(`SELECT rowid AS id, ${SNIP(table)} AS snip FROM ${table} WHERE ${table} MATCH ? ORDER BY ${order === 'ranked' ? 'rank' : 'rowid DESC'} LIMIT ?`)
    .all(match, limit) as Array<{ id: number; snip: string }>;
}

const ANNOTATION_COLUMNS = `a.id, a.source_id, a.pos_start, a.pos_end, a.exact, a.note_text, a.anchor, a.is_statement,
  sp.name AS speaker_name, a.said_on, s.title`;
const ANNOTATION_FROM = 'FROM annotations a JOIN sources s ON s.id = a.source_id LEFT JOIN speakers sp ON sp.id = a.speaker_id';

export function searchAnnotations(db: Db, a: SearchArgs, statements: boolean): AnnotationHitRow[] {
  const p = new Params();
  const where = annotationFilters(p, a.filters, statements).join(' AND ');
  const ids = a.match
    ? ftsIds(db, 'annotations_fts', a.match, 'FROM annotations a JOIN sources s ON s.id = a.source_id', 'a.id', where, p, a.order, a.limit)
    : (db.prepare(`SELECT a.id FROM annotations a JOIN sources s ON s.id = a.source_id WHERE ${where} ORDER BY a.id DESC LIMIT ${p.add(a.limit)}`).all(p.values) as Array<{
        id: number;
      }>).map((r) => ({ id: r.id, snip: null }));
  if (ids.length === 0) return [];
  const rows = db
    .prepare(`SELECT ${ANNOTATION_COLUMNS} ${ANNOTATION_FROM} WHERE a.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids.map((r) => r.id))) as AnnotationHitRow[];
  return inOrder(rows, ids);
}

export function searchBriefs(db: Db, a: SearchArgs): BriefHitRow[] {
  const p = new Params();
  const where = briefFilters(p, a.filters).join(' AND ');
  const ids = a.match
    ? ftsIds(db, 'briefs_fts', a.match, 'FROM briefs b', 'b.id', where, p, a.order, a.limit)
    : (db.prepare(`SELECT b.id FROM briefs b WHERE ${where} ORDER BY b.updated_at DESC, b.id DESC LIMIT ${p.add(a.limit)}`).all(p.values) as Array<{ id: number }>).map(
        (r) => ({ id: r.id, snip: null }),
      );
  if (ids.length === 0) return [];
  const rows = db
    .prepare(`SELECT b.id, b.title, b.updated_at, substr(b.content_text, 1, 400) AS content_text FROM briefs b WHERE b.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids.map((r) => r.id))) as BriefHitRow[];
  return inOrder(rows, ids);
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
