import { z } from 'zod';
import type { AnchorStatus, Annotation, Page, SourceDetail, SourceSummary } from '../../model/entities';
import { SourceId } from '../../model/ids';
import { method } from '../method';
import { isoDate, LIMITS, metadataPatch, nonEmpty, pageRequest, tagName, text } from '../schemas';

export interface ImportOutcome {
  /** updated: a source with the same URL and a different text was there; its text was replaced and its annotations re-anchored. */
  status: 'imported' | 'duplicate' | 'updated';
  id: SourceId;
  title: string;
  /** For duplicates: why it matched ("same text", "same URL"). */
  reason?: string;
  /** For updates: how the source's annotations landed in the new text. */
  anchors?: Record<AnchorStatus, number>;
}

/**
 * One line of an import report; the CLI's --json prints exactly this per file.
 * - imported: a new source (id, title).
 * - duplicate: the same text is already in the library (duplicateOf).
 * - updated: a source with the same canonical URL but a different text was
 *   there; its text was replaced by this file's and its annotations
 *   re-anchored (id, title of that source; anchors counts how each landed).
 * - failed: nothing was written (error).
 */
export interface FileImportResult {
  file: string;
  status: 'imported' | 'duplicate' | 'updated' | 'failed';
  id?: SourceId;
  title?: string;
  error?: string;
  /** For duplicates: the source already in the library, and why it matched. */
  duplicateOf?: { id: SourceId; title: string; reason: string };
  /** For updates: how the source's annotations (trashed ones included) landed in the new text. */
  anchors?: Record<AnchorStatus, number>;
}

export interface ImportReport {
  jobId: string;
  cancelled: boolean;
  results: FileImportResult[];
}

const jobId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { message: 'job id must be 1–64 letters, digits, - or _' });
const importOptions = {
  tags: z.array(tagName).max(50).default([]),
  /** Chosen by the caller so it can cancel the job while the call is still running. */
  jobId: jobId.optional(),
};

/** The first blocks of a source's document and the placed annotations that start in them. */
export interface SourceOpening {
  /** The source, its document cut after the first blocks. */
  source: SourceDetail;
  /** How many blocks the whole document has: more than `source.document.blocks` when it was cut. */
  blockCount: number;
  annotations: Annotation[];
}

export const sourceSort = z.enum(['imported', 'published', 'title']);

export const sourceMethods = {
  'sources.list': method<Page<SourceSummary>>()(
    z
      .object({
        ...pageRequest,
        sort: sourceSort.default('imported'),
        tag: text(LIMITS.tagChars, 'Tag').nullable().optional(),
        outlet: text(LIMITS.metadataChars, 'Outlet').nullable().optional(),
        publishedFrom: isoDate.nullable().optional(),
        publishedTo: isoDate.nullable().optional(),
        query: text(LIMITS.titleChars, 'Filter').nullable().optional(),
      })
      .strict(),
    'A page of the Library, newest first unless sorted otherwise',
  ),
  'sources.setTags': method<SourceSummary>()(
    z.object({ id: SourceId, tags: z.array(tagName).max(100, { message: 'a source can carry at most 100 tags' }) }).strict(),
    "Replace a source's tags (new tags are created)",
  ),
  'sources.outlets': method<Array<{ outlet: string; count: number }>>()(
    z.object({}).strict(),
    'Every outlet in the Library with its number of sources, for the outlet filter',
  ),
  'sources.get': method<SourceDetail>()(z.object({ id: SourceId }).strict(), 'One source with its document'),
  'sources.opening': method<SourceOpening>()(
    z.object({ id: SourceId, chars: z.number().int().min(1_000).max(200_000).default(8_000) }).strict(),
    'The start of a source (its first blocks, about `chars` characters) with the annotations placed in it, so the reader shows its first screen before the whole document and every annotation have arrived',
  ),
  'sources.importText': method<ImportOutcome>()(
    z
      .object({
        title: nonEmpty(LIMITS.titleChars, 'Title'),
        text: nonEmpty(LIMITS.articleChars, 'Article text'),
      })
      .strict(),
    'Add a pasted plain-text article to the library',
  ),
  'sources.importFiles': method<ImportReport>()(
    z
      .object({
        paths: z.array(z.string().min(1).max(4096)).min(1, { message: 'choose at least one file or folder' }).max(100_000),
        ...importOptions,
      })
      .strict(),
    'Import files and folders (recursively) from this computer, reporting each file',
  ),
  'sources.importUploads': method<ImportReport>()(
    z
      .object({
        files: z
          .array(z.object({ name: z.string().min(1).max(1024), base64: z.string().max(280_000_000) }).strict())
          .min(1)
          .max(10_000),
        ...importOptions,
      })
      .strict(),
    'Import files the browser host received from a file input or a drop',
  ),
  'sources.cancelImport': method<{ cancelled: boolean }>()(
    z.object({ jobId }).strict(),
    'Stop a running import after the file in hand; what was imported stays',
  ),
  'sources.updateMetadata': method<SourceSummary>()(
    z.object({ id: SourceId, metadata: metadataPatch }).strict(),
    'Edit title, byline, outlet, date, URL or language',
  ),
  'sources.delete': method<{ trashId: number }>()(z.object({ id: SourceId }).strict(), 'Move a source to the trash'),
};
