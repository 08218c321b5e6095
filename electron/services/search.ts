import type { HandlersIn } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import type { SavedSearch, SearchGroup, SearchHit, SearchResult } from '../../shared/api/methods/search';
import type { AnnotationId, BriefId, SourceId } from '../../shared/model/ids';
import { asYouType as prefixLastWord, firstMatch, parseQuery, RESULT_KINDS, type ParsedQuery, type ResultKind } from '../../shared/search/query';
import { parseSnippet, plainSnippet } from '../../shared/search/snippet';
import type { Db } from '../db/connection';
import * as repo from '../db/repos/search';
import type { ServiceContext } from './context';

export interface SearchOptions {
  order: repo.SearchOrder;
  limit: number;
  asYouType?: boolean;
  /** Set by runSearch: one ranking budget for all kinds (repo.RANK_BUDGET_MS). */
  deadline?: number;
}

/** Saved searches show how many things they find, up to this (then "100+"). */
export const COUNT_CAP = 100;

/** The kinds a query can find: filters that only statements carry leave out sources, highlights and briefs. */
export function kindsFor(q: ParsedQuery): ResultKind[] {
  const f = q.filters;
  const statementOnly = f.speakers.length > 0 || f.relations.length > 0;
  return RESULT_KINDS.filter((k) => {
    if (f.kinds.length && !f.kinds.includes(k)) return false;
    if (statementOnly && k !== 'statement') return false;
    if (k === 'brief' && f.outlets.length) return false;
    return true;
  });
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : null);
const joinDetail = (parts: Array<string | null | undefined>) => parts.filter((p): p is string => !!p && p.trim() !== '').join(' · ') || null;

interface KindHits {
  hits: SearchHit[];
  partial: boolean;
}

function sourceHits(db: Db, q: ParsedQuery, o: SearchOptions): KindHits {
  const { rows, partial } = repo.searchSources(db, { match: q.match, filters: q.filters, order: o.order, limit: o.limit + 1, deadline: o.deadline });
  const texts = q.match ? repo.canonicalTexts(db, rows.slice(0, o.limit).map((r) => r.id)) : new Map<number, string>();
  const hits = rows.map((r): SearchHit => {
    const text = texts.get(r.id);
    return {
      kind: 'source',
      id: r.id,
      title: r.title,
      detail: joinDetail([r.outlet, day(r.published_at), r.byline]),
      snippet: r.snip ? parseSnippet(r.snip) : plainSnippet(r.excerpt ?? ''),
      open: { kind: 'source', sourceId: r.id as SourceId, focus: text ? firstMatch(text, q.terms) : null },
    };
  });
  return { hits, partial };
}

function annotationHits(db: Db, q: ParsedQuery, o: SearchOptions, statements: boolean): KindHits {
  const { rows, partial } = repo.searchAnnotations(db, { match: q.match, filters: q.filters, order: o.order, limit: o.limit + 1, deadline: o.deadline }, statements);
  const hits = rows.map((r): SearchHit => ({
    kind: statements ? 'statement' : 'annotation',
    id: r.id,
    title: statements ? (r.speaker_name ?? 'Unattributed statement') : r.title,
    detail: statements ? joinDetail([day(r.said_on), r.title]) : joinDetail([r.note_text ? 'with a note' : null]),
    snippet: r.snip ? parseSnippet(r.snip) : plainSnippet(r.exact),
    open: {
      kind: 'source',
      sourceId: r.source_id as SourceId,
      focus: { annotationId: r.id as AnnotationId, start: r.pos_start, end: r.pos_end },
    },
  }));
  return { hits, partial };
}

function briefHits(db: Db, q: ParsedQuery, o: SearchOptions): KindHits {
  const { rows, partial } = repo.searchBriefs(db, { match: q.match, filters: q.filters, order: o.order, limit: o.limit + 1, deadline: o.deadline });
  const hits = rows.map((r): SearchHit => ({
    kind: 'brief',
    id: r.id,
    title: r.title,
    detail: `Brief · updated ${day(r.updated_at)}`,
    snippet: r.snip ? parseSnippet(r.snip) : plainSnippet(r.content_text),
    open: { kind: 'brief', briefId: r.id as BriefId },
  }));
  return { hits, partial };
}

/** One search over everything, grouped by kind; the same call serves the app, the CLI and the saved-search counts. */
export function runSearch(db: Db, query: string, o: SearchOptions): SearchResult {
  const t0 = performance.now();
  const parsed = parseQuery(o.asYouType ? prefixLastWord(query) : query);
  o = { ...o, deadline: t0 + repo.RANK_BUDGET_MS };
  const groups: SearchGroup[] = [];
  let partial = false;
  if (parsed.runnable) {
    for (const kind of kindsFor(parsed)) {
      const found =
        kind === 'source'
          ? sourceHits(db, parsed, o)
          : kind === 'brief'
            ? briefHits(db, parsed, o)
            : annotationHits(db, parsed, o, kind === 'statement');
      partial ||= found.partial;
      if (found.hits.length) groups.push({ kind, hits: found.hits.slice(0, o.limit), more: found.hits.length > o.limit });
    }
  }
  const notices = [...parsed.notices];
  if (partial) notices.push(`So many matches that the best are picked from the newest (up to ${repo.RANK_CANDIDATES.toLocaleString('en-US')}): add a word to narrow the search.`);
  if (!parsed.runnable && query.trim() && notices.length === 0) notices.push('Type a word to look for, or a filter such as tag:iraq.');
  return { query, order: o.order, groups, notices, ms: Math.round((performance.now() - t0) * 10) / 10 };
}

function countOf(db: Db, query: string): number {
  const r = runSearch(db, query, { order: 'recent', limit: COUNT_CAP });
  return Math.min(
    COUNT_CAP + 1,
    r.groups.reduce((n, g) => n + g.hits.length + (g.more ? 1 : 0), 0),
  );
}

function toSaved(db: Db, r: repo.SavedSearchRow): SavedSearch {
  return { id: r.id, name: r.name, query: r.query, count: countOf(db, r.query), createdAt: r.created_at };
}

export function searchHandlers(ctx: ServiceContext): HandlersIn<'search'> {
  const requireSaved = (id: number, includeDeleted = false) => {
    const row = repo.getSavedSearch(ctx.db, id, includeDeleted);
    if (!row) throw new AppError('not_found', `Saved search ${id} does not exist.`);
    return row;
  };
  return {
    'search.query': ({ query, order, limit, asYouType }) => runSearch(ctx.db, query, { order, limit, asYouType }),
    'search.listSaved': () => repo.listSavedSearches(ctx.db).map((r) => toSaved(ctx.db, r)),
    'search.save': ({ name, query }) => {
      const parsed = parseQuery(query);
      if (!parsed.runnable) throw new AppError('invalid_input', parsed.notices[0] ?? 'Type a word to look for, or a filter such as tag:iraq, before saving.');
      const trimmed = name.trim();
      // Saving under an existing name updates that search: one entry per name in the sidebar.
      const id = ctx.db
        .transaction(() => {
          const existing = repo.findSavedByName(ctx.db, trimmed);
          if (existing) {
            repo.updateSavedQuery(ctx.db, existing.id, query.trim(), ctx.now());
            return existing.id;
          }
          return repo.insertSavedSearch(ctx.db, trimmed, query.trim(), ctx.now());
        })
        .immediate();
      return toSaved(ctx.db, requireSaved(id));
    },
    'search.deleteSaved': ({ id }) => {
      requireSaved(id);
      ctx.db.transaction(() => repo.setSavedDeleted(ctx.db, id, ctx.now())).immediate();
      return { id };
    },
    'search.restoreSaved': ({ id }) => {
      const row = requireSaved(id, true);
      if (repo.findSavedByName(ctx.db, row.name)) throw new AppError('conflict', `Another saved search is already called "${row.name}".`);
      ctx.db.transaction(() => repo.setSavedDeleted(ctx.db, id, null)).immediate();
      return toSaved(ctx.db, requireSaved(id));
    },
  };
}
