import type { SourceMetadata } from '../../../shared/model/entities';

/**
 * A passage as a Markdown blockquote with its citation, for pasting into
 * notes and drafts: every line of the quote quoted, then "— Title, Outlet,
 * date, URL" with whatever of those the source has.
 */
export function quoteAsMarkdown(quote: string, source: Pick<SourceMetadata, 'title' | 'outlet' | 'publishedAt' | 'url'>): string {
  const lines = quote
    .trim()
    .split(/\n+/)
    .map((line) => `> ${line.trim()}`);
  // Separate paragraphs stay separate paragraphs inside one blockquote.
  const body = lines.join('\n>\n');
  const citation = [source.title, source.outlet, source.publishedAt?.slice(0, 10), source.url].filter((p) => p && p.trim()).join(', ');
  return `${body}\n\n— ${citation}\n`;
}
