import type { Medium, QuoteKind, Relation } from '../model/statement';

/**
 * What a quote block shows and exports, resolved from the library at the time
 * of rendering. Brief nodes keep the last one they saw as a snapshot, so a
 * block whose annotation was deleted still has its text.
 */
export interface QuoteSource {
  id: number;
  title: string;
  byline: string | null;
  outlet: string | null;
  publishedAt: string | null;
  url: string | null;
  format: string;
}

export interface QuoteData {
  annotationId: number;
  exact: string;
  color: string;
  tags: string[];
  noteText: string;
  /** Null for a plain highlight. */
  speaker: string | null;
  role: string | null;
  medium: Medium | null;
  saidOn: string | null;
  reportedIn: string | null;
  quoteKind: QuoteKind | null;
  /** PDF sources: the page the quote starts on. */
  page: number | null;
  source: QuoteSource;
}

export interface CrossReferenceData {
  linkId: number;
  relation: Relation;
  note: string;
  from: QuoteData;
  to: QuoteData;
}

/** Lexical node types shared by the renderer's editor and the headless exporter. */
export const QUOTE_NODE_TYPE = 'collate-quote';
export const CROSSREF_NODE_TYPE = 'collate-crossref';

export interface SerializedQuoteBlock {
  type: typeof QUOTE_NODE_TYPE;
  version: 1;
  annotationId: number;
  snapshot: QuoteData;
}

export interface SerializedCrossReference {
  type: typeof CROSSREF_NODE_TYPE;
  version: 1;
  linkId: number;
  snapshot: CrossReferenceData;
}
