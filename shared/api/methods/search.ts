import { z } from 'zod';
import type { AnnotationId, BriefId, SourceId } from '../../model/ids';
import type { ResultKind } from '../../search/query';
import type { Snippet } from '../../search/snippet';
import { method } from '../method';
import { nonEmpty, text } from '../schemas';

export interface SearchHit {
  kind: ResultKind;
  /** The source, annotation or brief id (by kind). */
  id: number;
  title: string;
  /** Outlet and date, speaker, or the source an annotation is in: a line under the title. */
  detail: string | null;
  snippet: Snippet;
  /** Where to open it: the source and the passage, or the brief. */
  open:
    | { kind: 'source'; sourceId: SourceId; focus: { annotationId?: AnnotationId; start: number; end: number } | null }
    | { kind: 'brief'; briefId: BriefId };
}

export interface SearchGroup {
  kind: ResultKind;
  hits: SearchHit[];
  /** More hits exist than were returned. */
  more: boolean;
}

export interface SearchResult {
  query: string;
  /** recent: newest matches first (fast); ranked: best matches first (bm25 with column weights). */
  order: 'recent' | 'ranked';
  groups: SearchGroup[];
  /** What in the query was ignored, and why. */
  notices: string[];
  /** Milliseconds the library took. */
  ms: number;
}

export interface SavedSearch {
  id: number;
  name: string;
  query: string;
  /** How many things it finds now, up to `countCap` (shown as 100+). */
  count: number;
  createdAt: string;
}

const SAVED_NAME = 200;
const QUERY_CHARS = 1_000;
const savedId = z.number().int().positive();

export const searchMethods = {
  'search.query': method<SearchResult>()(
    z
      .object({
        query: text(QUERY_CHARS, 'A search'),
        order: z.enum(['recent', 'ranked']).default('ranked'),
        limit: z.number().int().min(1).max(100).default(20),
        /** The last word, still being typed, counts as a prefix. */
        asYouType: z.boolean().default(false),
      })
      .strict(),
    'Search sources, statements, annotations and briefs; results grouped by kind with marked snippets',
  ),
  'search.listSaved': method<SavedSearch[]>()(z.object({}).strict(), 'Saved searches by name, each with how many things it finds now'),
  'search.save': method<SavedSearch>()(
    z.object({ name: nonEmpty(SAVED_NAME, 'The name of a saved search'), query: nonEmpty(QUERY_CHARS, 'A saved search') }).strict(),
    'Save a search under a name',
  ),
  'search.deleteSaved': method<{ id: number }>()(z.object({ id: savedId }).strict(), 'Remove a saved search (restorable with search.restoreSaved)'),
  'search.restoreSaved': method<SavedSearch>()(z.object({ id: savedId }).strict(), 'Put back a removed saved search'),
};
