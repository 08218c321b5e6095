import { escapeInline, escapeParagraphs } from './escape';
import { frontMatter } from './frontmatter';
import { Footnotes, quoteMarkdown, sourceCitation } from './citations';
import type { QuoteData, QuoteSource } from './model';

export interface SourceExportInput {
  source: QuoteSource & { tags: string[] };
  /** In reading order. */
  quotes: QuoteData[];
  exportedAt: string;
}

/** A source's metadata and every annotation with its note, in reading order. */
export function sourceWithAnnotationsMarkdown({ source, quotes, exportedAt }: SourceExportInput): string {
  const notes = new Footnotes();
  const header = frontMatter({
    title: source.title,
    author: source.byline,
    outlet: source.outlet,
    published: source.publishedAt,
    url: source.url,
    exported: exportedAt,
    tags: source.tags,
    annotations: quotes.length,
  });
  const parts = [header, `# ${escapeInline(source.title.replace(/\s+/g, ' ').trim())}`, sourceCitation(source)];
  if (quotes.length === 0) parts.push('*No annotations yet.*');
  for (const q of quotes) {
    parts.push(quoteMarkdown(q, notes));
    if (q.noteText.trim()) parts.push(escapeParagraphs(q.noteText.trim()).join('\n'));
  }
  if (quotes.length > 0) parts.push(notes.definitions());
  return `${parts.join('\n\n')}\n`;
}
