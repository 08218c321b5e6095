import { z } from 'zod';
import type { CrossReferenceData, QuoteData } from '../../markdown/model';
import type { BriefSummary } from '../../model/entities';
import { AnnotationId, BriefId, LinkId } from '../../model/ids';
import { method } from '../method';
import { LIMITS, nonEmpty, tagName, text } from '../schemas';

export interface BriefDetail extends BriefSummary {
  /** Lexical JSON (an editor state), with quote blocks and cross-references as collate-quote / collate-crossref nodes. */
  content: string;
  createdAt: string;
}

/** A file to save: the same bytes whether the app, the browser host or the CLI writes it. */
export interface ExportedFile {
  filename: string;
  mimeType: string;
  text: string;
}

const briefContent = text(LIMITS.articleChars, 'Brief').refine(
  (s) => {
    try {
      const v = JSON.parse(s) as { root?: { type?: string } };
      return v?.root?.type === 'root';
    } catch {
      return false;
    }
  },
  { message: 'brief content must be a Lexical editor state (JSON with a root node)' },
);
const query = text(LIMITS.metadataChars, 'Search').optional();

export const briefMethods = {
  'briefs.list': method<BriefSummary[]>()(
    z.object({ query, annotationId: AnnotationId.optional() }).strict(),
    'Briefs, most recently edited first; optionally only those matching a search or quoting an annotation',
  ),
  'briefs.get': method<BriefDetail>()(z.object({ id: BriefId }).strict(), 'One brief with its content'),
  'briefs.create': method<BriefDetail>()(
    z.object({ title: nonEmpty(LIMITS.titleChars, 'Brief title').default('Untitled brief'), tags: z.array(tagName).max(50).default([]) }).strict(),
    'Start a new, empty brief',
  ),
  'briefs.update': method<BriefSummary>()(
    z
      .object({
        id: BriefId,
        title: nonEmpty(LIMITS.titleChars, 'Brief title').optional(),
        content: briefContent.optional(),
        contentText: text(LIMITS.articleChars, 'Brief text').optional(),
        tags: z.array(tagName).max(50).optional(),
      })
      .strict()
      .refine((b) => (b.content === undefined) === (b.contentText === undefined), { message: 'content and contentText are saved together' }),
    "Save a brief's title, content (as the user types) or tags",
  ),
  'briefs.duplicate': method<BriefDetail>()(z.object({ id: BriefId }).strict(), 'Copy a brief, with its content and tags'),
  'briefs.delete': method<{ trashId: number }>()(z.object({ id: BriefId }).strict(), 'Move a brief to the trash'),
  'briefs.addQuote': method<BriefSummary>()(
    z.object({ id: BriefId, annotationId: AnnotationId }).strict(),
    'Append a highlight or statement to the end of a brief as a quote block',
  ),
  'briefs.quotes': method<{ quotes: QuoteData[]; crossReferences: CrossReferenceData[] }>()(
    z.object({ annotationIds: z.array(AnnotationId).max(10_000).default([]), linkIds: z.array(LinkId).max(10_000).default([]) }).strict(),
    'The current text and attribution of quoted annotations and cross-referenced links; deleted ones are left out',
  ),
  'briefs.searchQuotes': method<QuoteData[]>()(
    z.object({ query, limit: z.number().int().min(1).max(200).default(30) }).strict(),
    'Highlights and statements to insert, found by their text, note, tags or speaker',
  ),
  'briefs.searchCrossReferences': method<CrossReferenceData[]>()(
    z.object({ query, limit: z.number().int().min(1).max(200).default(30) }).strict(),
    'Links between statements to insert as cross-references',
  ),
  'briefs.exportMarkdown': method<ExportedFile>()(
    z.object({ id: BriefId }).strict(),
    'The brief as Markdown: front matter, quotes as blockquotes with attributions, sources as footnotes',
  ),
};
