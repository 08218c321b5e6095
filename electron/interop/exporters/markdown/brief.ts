import type { SerializedEditorState } from 'lexical';
import type { ExportedFile } from '../../../../shared/api/methods/briefs';
import { Footnotes, frontMatter } from '../../../../shared/markdown';
import { briefBodyMarkdown, type QuoteResolver } from './serialize';

export interface BriefForExport {
  title: string;
  tags: string[];
  /** The stored Lexical JSON, parsed once by the caller. */
  state: SerializedEditorState;
}

/** The ids a brief quotes, so their current data can be read in one query each. */
export function quotedIds(state: SerializedEditorState): { annotationIds: number[]; linkIds: number[] } {
  const annotationIds: number[] = [];
  const linkIds: number[] = [];
  const walk = (n: { type?: string; annotationId?: number; linkId?: number; children?: unknown[] }) => {
    if (n.type === 'collate-quote' && typeof n.annotationId === 'number') annotationIds.push(n.annotationId);
    if (n.type === 'collate-crossref' && typeof n.linkId === 'number') linkIds.push(n.linkId);
    for (const c of n.children ?? []) walk(c as typeof n);
  };
  walk(state.root as never);
  return { annotationIds, linkIds };
}

/**
 * The brief's Markdown file: front matter, body, footnotes. Sources are
 * numbered as they are first cited, so the footnotes and the front matter
 * list them in reading order.
 */
export function briefMarkdown(brief: BriefForExport, resolve: QuoteResolver, exportedAt: string): string {
  const notes = new Footnotes();
  const body = briefBodyMarkdown(brief.state, resolve, notes);
  const sources = notes.sources().map((s) => {
    const entry: Record<string, string> = { title: s.title };
    if (s.outlet) entry.outlet = s.outlet;
    if (s.byline) entry.author = s.byline;
    if (s.publishedAt) entry.published = s.publishedAt;
    if (s.url) entry.url = s.url;
    return entry;
  });
  const header = frontMatter({ title: brief.title, exported: exportedAt, tags: brief.tags, sources });
  const definitions = notes.definitions();
  return `${[header, body.trim(), definitions].filter(Boolean).join('\n\n')}\n`;
}

/** A file name from the title: letters, digits and dashes, never empty. */
export function markdownFilename(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .toLowerCase();
  return `${slug || 'brief'}.md`;
}

export function markdownFile(title: string, text: string): ExportedFile {
  return { filename: markdownFilename(title), mimeType: 'text/markdown;charset=utf-8', text };
}
