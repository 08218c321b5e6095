import type { SourceDocument } from '../../shared/document/model';
import type { SourceFormat } from '../../shared/model/entities';

/**
 * What extraction found out about a source. Every field may be missing: the
 * import service falls back to the file name for the title.
 */
export interface ExtractedMetadata {
  title: string | null;
  byline: string | null;
  outlet: string | null;
  /** ISO 8601: a UTC timestamp when the source gave a time zone, else YYYY-MM-DD. */
  publishedAt: string | null;
  /** Where the source came from (http/https only). */
  url: string | null;
  /** The URL the publisher declares canonical (http/https only). */
  canonicalUrl: string | null;
  /** BCP 47 tag, e.g. "en-US". */
  language: string | null;
  excerpt: string | null;
  /** A social-media handle ("@PentagonPresSec") when the source is a post. */
  handle?: string | null;
}

/**
 * The result of extraction: plain data only (structured-clone safe), so it can
 * cross a worker_thread boundary unchanged.
 */
export interface ExtractedSource {
  format: SourceFormat;
  document: SourceDocument;
  metadata: ExtractedMetadata;
  /** Things a person may want to know about this import ("3 pages had no text"). */
  warnings: string[];
}

export interface ExtractInput {
  bytes: Uint8Array;
  fileName: string;
}

/** One importable format, in the manner of Joplin's InteropService module descriptors. */
export interface Importer {
  format: SourceFormat;
  /** For messages: "PDF", "Word document". */
  label: string;
  /** Lower-case, without the dot. The first one is the one named in messages. */
  extensions: string[];
  mimeTypes: string[];
  extract(input: ExtractInput): Promise<ExtractedSource>;
}

export interface ExtractOptions {
  /** Per-format byte limits overriding SIZE_LIMITS (tests use tiny ones instead of huge inputs). */
  limits?: Partial<Record<SourceFormat, number>>;
}

export function emptyMetadata(): ExtractedMetadata {
  return {
    title: null,
    byline: null,
    outlet: null,
    publishedAt: null,
    url: null,
    canonicalUrl: null,
    language: null,
    excerpt: null,
  };
}
