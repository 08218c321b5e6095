import { z } from 'zod';
import { SourceId } from '../../model/ids';
import { method } from '../method';
import { LIMITS, tagName, text } from '../schemas';
import type { ExportedFile } from './briefs';

export interface AnnotationImportReport {
  /** Annotations created. */
  imported: number;
  /** Already in the library (same source, same passage). */
  duplicates: number;
  /** Links between imported statements recreated. */
  links: number;
  /** Annotations whose source could not be found by URL or quote, with why. */
  unmatched: Array<{ id: string | null; exact: string; reason: string }>;
}

export const exportMethods = {
  'interop.exportSource': method<ExportedFile>()(
    z.object({ id: SourceId }).strict(),
    "A source as Markdown: its metadata and every annotation with its note, in reading order",
  ),
  'interop.exportAnnotations': method<ExportedFile>()(
    z
      .object({ sourceId: SourceId.optional(), tag: tagName.optional() })
      .strict()
      .refine((x) => !(x.sourceId && x.tag), { message: 'export one source or one tag, not both' }),
    'Annotations (a source, a tag or the whole library) as a W3C Web Annotation collection (JSON-LD)',
  ),
  'interop.importAnnotations': method<AnnotationImportReport>()(
    z.object({ json: text(LIMITS.articleChars, 'Annotation file') }).strict(),
    'Import W3C Web Annotations (JSON-LD) or a Hypothesis JSON export, attaching them to sources by URL or quote',
  ),
};
