import type { SourceDocument } from '../document/model';
import type { AnnotationId, BriefId, LinkId, SourceId, SpeakerId, TagId, TrashId } from './ids';
import type { Medium, QuoteKind, Relation } from './statement';

/** Dates are ISO 8601 strings (UTC timestamps, or YYYY-MM-DD where only a day is known). */
export type IsoDate = string;

export type SourceFormat = 'text' | 'markdown' | 'html' | 'pdf' | 'docx';

/** Editable bibliographic metadata of a source. */
export interface SourceMetadata {
  title: string;
  byline: string | null;
  outlet: string | null;
  publishedAt: IsoDate | null;
  url: string | null;
  language: string | null;
}

/** A row of the Library list: never carries the body. */
export interface SourceSummary extends SourceMetadata {
  id: SourceId;
  format: SourceFormat;
  importedAt: IsoDate;
  wordCount: number;
  annotationCount: number;
  tags: string[];
}

export interface SourceDetail extends SourceSummary {
  canonicalUrl: string | null;
  excerpt: string | null;
  origin: string | null;
  contentHash: string;
  document: SourceDocument;
}

export interface Page<T> {
  items: T[];
  /** Opaque; pass back to get the next page. Null on the last page. */
  nextCursor: string | null;
  total: number;
}

export type AnchorStatus = 'exact' | 'moved' | 'fuzzy' | 'orphan';

export interface StatementFields {
  speakerId: SpeakerId | null;
  speakerName: string | null;
  role: string | null;
  saidOn: IsoDate | null;
  medium: Medium | null;
  reportedIn: string | null;
  quoteKind: QuoteKind;
}

export interface Annotation {
  id: AnnotationId;
  sourceId: SourceId;
  /** W3C TextPositionSelector over the source's canonical text. */
  start: number;
  end: number;
  /** W3C TextQuoteSelector. */
  exact: string;
  prefix: string;
  suffix: string;
  anchor: AnchorStatus;
  color: string;
  /** Lexical JSON of the note, or null when there is none. */
  note: string | null;
  noteText: string;
  tags: string[];
  statement: StatementFields | null;
  createdAt: IsoDate;
  updatedAt: IsoDate;
}

export interface Tag {
  id: TagId;
  name: string;
  color: string | null;
  sourceCount: number;
  annotationCount: number;
}

export interface Speaker {
  id: SpeakerId;
  name: string;
  aliases: string[];
  statementCount: number;
}

export interface StatementLink {
  id: LinkId;
  fromId: AnnotationId;
  toId: AnnotationId;
  relation: Relation;
  note: string;
  confidence: number | null;
  createdAt: IsoDate;
}

export interface BriefSummary {
  id: BriefId;
  title: string;
  tags: string[];
  updatedAt: IsoDate;
}

export type TrashKind = 'source' | 'annotation' | 'brief' | 'link' | 'tag';

export interface TrashItem {
  id: TrashId;
  kind: TrashKind;
  itemId: number;
  label: string;
  deletedAt: IsoDate;
}
