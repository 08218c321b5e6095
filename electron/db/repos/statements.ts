import type { StatementRow, SuggestionView } from '../../../shared/api/methods/statements';
import type { AnnotationId, SourceId } from '../../../shared/model/ids';
import type { Medium, QuoteKind, Relation } from '../../../shared/model/statement';
import type { QuoteSuggestion } from '../../../shared/statements/detect';
import type { Db } from '../connection';
import { getAnnotation, reindexAnnotation } from './annotations';
import { listLinksAtMany } from './links';

export interface StatementValues {
  speakerId: number;
  role: string | null;
  saidOn: string | null;
  medium: Medium | null;
  reportedIn: string | null;
  quoteKind: QuoteKind;
}

export function setStatement(db: Db, annotationId: number, v: StatementValues, now: string): void {
  db.prepare(
    `UPDATE annotations SET is_statement = 1, speaker_id = @speakerId, speaker_role = @role, said_on = @saidOn, medium = @medium,
       reported_in = @reportedIn, quote_kind = @quoteKind, updated_at = @now WHERE id = @id`,
  ).run({ ...v, now, id: annotationId });
  reindexAnnotation(db, annotationId);
}

export function clearStatement(db: Db, annotationId: number, now: string): void {
  db.prepare(
    `UPDATE annotations SET is_statement = 0, speaker_id = NULL, speaker_role = NULL, said_on = NULL, medium = NULL,
       reported_in = NULL, quote_kind = 'direct', updated_at = ? WHERE id = ?`,
  ).run(now, annotationId);
  reindexAnnotation(db, annotationId);
}

/** A live annotation at exactly this range, so accepting a suggestion over a highlight reuses it. */
export function findAnnotationAt(db: Db, sourceId: number, start: number, end: number): AnnotationId | null {
  const id = db
    .prepare('SELECT id FROM annotations WHERE source_id = ? AND pos_start = ? AND pos_end = ? AND deleted_at IS NULL ORDER BY id LIMIT 1')
    .pluck()
    .get(sourceId, start, end) as number | undefined;
  return id === undefined ? null : (id as AnnotationId);
}

export interface StatementFilter {
  sourceId?: number;
  speakerId?: number;
  tag?: string;
  relation?: Relation;
  contested?: boolean;
  from?: string;
  to?: string;
  ids?: number[];
  limit?: number;
}

/** When it was said, else when it was published, else when it was recorded: the order of a timeline. */
const WHEN = 'coalesce(a.said_on, s.published_at, a.created_at)';
/** Statements at either end of a live link of these relations (two lookups, so each end uses its index). */
const AT_LINK = (relations: string) => `a.id IN (SELECT from_id FROM links WHERE deleted_at IS NULL AND relation IN (${relations})
  UNION SELECT to_id FROM links WHERE deleted_at IS NULL AND relation IN (${relations}))`;

export function listStatements(db: Db, f: StatementFilter): StatementRow[] {
  const where = ['a.is_statement = 1', 'a.deleted_at IS NULL', 's.deleted_at IS NULL'];
  if (f.sourceId !== undefined) where.push('a.source_id = @sourceId');
  if (f.speakerId !== undefined) where.push('a.speaker_id = @speakerId');
  if (f.tag !== undefined) {
    where.push(`(EXISTS (SELECT 1 FROM annotation_tags at JOIN tags t ON t.id = at.tag_id WHERE at.annotation_id = a.id AND (t.name = @tag OR t.name LIKE @tagPrefix ESCAPE '\\'))
      OR EXISTS (SELECT 1 FROM source_tags st JOIN tags t ON t.id = st.tag_id WHERE st.source_id = a.source_id AND (t.name = @tag OR t.name LIKE @tagPrefix ESCAPE '\\')))`);
  }
  if (f.relation !== undefined) where.push(AT_LINK('@relation'));
  if (f.contested) where.push(AT_LINK("'contradicts', 'qualifies'"));
  if (f.from !== undefined) where.push(`${WHEN} >= @from`);
  // A day bound includes the whole day, whatever the time part of the stored value.
  if (f.to !== undefined) where.push(`substr(${WHEN}, 1, length(@to)) <= @to`);
  if (f.ids !== undefined) where.push('a.id IN (SELECT value FROM json_each(@ids))');
  const rows = db
    .prepare(
      `SELECT a.id, s.id AS source_id, s.title, s.outlet, s.published_at FROM annotations a JOIN sources s ON s.id = a.source_id
       WHERE ${where.join(' AND ')} ORDER BY ${WHEN}, a.source_id, a.pos_start, a.id LIMIT @limit`,
    )
    .all({
      sourceId: f.sourceId,
      speakerId: f.speakerId,
      tag: f.tag,
      tagPrefix: f.tag === undefined ? undefined : `${f.tag.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`,
      relation: f.relation,
      from: f.from,
      to: f.to,
      ids: f.ids ? JSON.stringify(f.ids) : undefined,
      limit: f.limit ?? 1000,
    }) as Array<{ id: number; source_id: number; title: string; outlet: string | null; published_at: string | null }>;
  const linksAt = listLinksAtMany(db, rows.map((r) => r.id));
  return rows.map((r) => {
    const links = linksAt.get(r.id) ?? [];
    return {
      annotation: getAnnotation(db, r.id)!,
      source: { id: r.source_id as SourceId, title: r.title, outlet: r.outlet, publishedAt: r.published_at },
      links,
      contested: links.some((l) => l.relation === 'contradicts' || l.relation === 'qualifies'),
    };
  });
}

// --- Related statements -----------------------------------------------------

const STOP = new Set(
  `about above after again against also among another because been before being below between both could does doing down during each
  from further have having here into itself just more most must only other over same should some such than that their them then there
  these they this those through under until very were what when where which while will with would your said says told according`.split(/\s+/),
);

/** The quote's distinctive words, longest first: what a statement about the same thing would share. */
export function keyTerms(text: string, max = 12): string[] {
  const words = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .match(/[\p{L}\p{N}]+/gu);
  const unique = [...new Set((words ?? []).filter((w) => (w.length >= 4 || /^\d{3,}$/.test(w)) && !STOP.has(w)))];
  return unique.sort((a, b) => b.length - a.length).slice(0, max);
}

export interface TextMatch {
  id: number;
  /** bm25 turned around: higher is more similar. */
  score: number;
}

/** Live statements sharing key terms with `terms`, by FTS5 bm25 over the quote and note columns. */
export function matchStatements(db: Db, terms: string[], excludeId: number, limit: number): TextMatch[] {
  if (terms.length === 0) return [];
  const query = `{exact note} : (${terms.map((t) => `"${t.replace(/"/g, '""')}"`).join(' OR ')})`;
  return db
    .prepare(
      `SELECT f.rowid AS id, -bm25(annotations_fts, 4.0, 1.0, 0.0, 0.0) AS score
       FROM annotations_fts f JOIN annotations a ON a.id = f.rowid
       WHERE annotations_fts MATCH @query AND a.is_statement = 1 AND a.id <> @excludeId
       ORDER BY bm25(annotations_fts, 4.0, 1.0, 0.0, 0.0) LIMIT @limit`,
    )
    .all({ query, excludeId, limit }) as TextMatch[];
}

export function sameSpeakerStatements(db: Db, speakerId: number, excludeId: number, limit: number): number[] {
  return db
    .prepare(
      `SELECT a.id FROM annotations a JOIN sources s ON s.id = a.source_id
       WHERE a.speaker_id = ? AND a.id <> ? AND a.is_statement = 1 AND a.deleted_at IS NULL AND s.deleted_at IS NULL
       ORDER BY ${WHEN} DESC LIMIT ?`,
    )
    .pluck()
    .all(speakerId, excludeId, limit) as number[];
}

export function sharedTagStatements(db: Db, annotationId: number, limit: number): Array<{ id: number; shared: number }> {
  return db
    .prepare(
      `SELECT a.id, count(*) AS shared FROM annotation_tags mine
       JOIN annotation_tags theirs ON theirs.tag_id = mine.tag_id AND theirs.annotation_id <> mine.annotation_id
       JOIN annotations a ON a.id = theirs.annotation_id JOIN sources s ON s.id = a.source_id
       WHERE mine.annotation_id = ? AND a.is_statement = 1 AND a.deleted_at IS NULL AND s.deleted_at IS NULL
       GROUP BY a.id ORDER BY shared DESC LIMIT ?`,
    )
    .all(annotationId, limit) as Array<{ id: number; shared: number }>;
}

// --- Quote suggestions ------------------------------------------------------

interface SuggestionRow {
  id: number;
  source_id: number;
  pos_start: number;
  pos_end: number;
  exact: string;
  speaker: string;
  handle: string | null;
  role: string | null;
  said_on: string | null;
  medium: Medium;
  reported_in: string | null;
  quote_kind: QuoteKind;
  confidence: number;
  status: SuggestionView['status'];
  annotation_id: number | null;
}

const toSuggestion = (r: SuggestionRow): SuggestionView => ({
  id: r.id,
  sourceId: r.source_id as SourceId,
  start: r.pos_start,
  end: r.pos_end,
  exact: r.exact,
  speaker: r.speaker,
  handle: r.handle,
  role: r.role,
  saidOn: r.said_on,
  medium: r.medium,
  reportedIn: r.reported_in,
  quoteKind: r.quote_kind,
  confidence: r.confidence,
  status: r.status,
  annotationId: r.annotation_id as AnnotationId | null,
});

export function detectionDone(db: Db, sourceId: number): boolean {
  return db.prepare('SELECT 1 FROM quote_detection_runs WHERE source_id = ?').get(sourceId) !== undefined;
}

/** Stores what the detector found, once per source; a second call (a race between windows) adds nothing. */
export function storeSuggestions(db: Db, sourceId: number, found: QuoteSuggestion[], now: string): void {
  if (detectionDone(db, sourceId)) return;
  const insert = db.prepare(
    `INSERT INTO quote_suggestions (source_id, pos_start, pos_end, exact, speaker, handle, role, said_on, medium, reported_in, quote_kind, confidence, created_at, updated_at)
     VALUES (@sourceId, @start, @end, @exact, @speaker, @handle, @role, @saidOn, @medium, @reportedIn, @quoteKind, @confidence, @now, @now)`,
  );
  for (const q of found) {
    if (q.end <= q.start) continue;
    insert.run({ sourceId, start: q.start, end: q.end, exact: q.exact, speaker: q.speaker, handle: q.handle, role: q.role, saidOn: q.saidOn, medium: q.medium, reportedIn: q.reportedIn, quoteKind: q.quoteKind, confidence: q.confidence, now });
  }
  db.prepare('INSERT INTO quote_detection_runs (source_id, detected_at) VALUES (?, ?)').run(sourceId, now);
}

const SUGGESTION_COLUMNS = 'id, source_id, pos_start, pos_end, exact, speaker, handle, role, said_on, medium, reported_in, quote_kind, confidence, status, annotation_id';

export function listSuggestions(db: Db, sourceId: number, includeClosed: boolean): SuggestionView[] {
  return (
    db
      .prepare(`SELECT ${SUGGESTION_COLUMNS} FROM quote_suggestions WHERE source_id = ? ${includeClosed ? '' : "AND status = 'open'"} ORDER BY pos_start, id`)
      .all(sourceId) as SuggestionRow[]
  ).map(toSuggestion);
}

export function getSuggestion(db: Db, id: number): SuggestionView | null {
  const row = db.prepare(`SELECT ${SUGGESTION_COLUMNS} FROM quote_suggestions WHERE id = ?`).get(id) as SuggestionRow | undefined;
  return row ? toSuggestion(row) : null;
}

export function closeSuggestion(db: Db, id: number, status: 'accepted' | 'dismissed', annotationId: number | null, now: string): void {
  db.prepare('UPDATE quote_suggestions SET status = ?, annotation_id = ?, updated_at = ? WHERE id = ?').run(status, annotationId, now, id);
}
