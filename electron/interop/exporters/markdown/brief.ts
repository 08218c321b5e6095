import { createHeadlessEditor } from '@lexical/headless';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { $convertToMarkdownString } from '@lexical/markdown';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { $getRoot, type LexicalEditor, type LexicalNode, type SerializedEditorState } from 'lexical';
import type { ExportedFile } from '../../../../shared/api/methods/briefs';
import { Footnotes, frontMatter } from '../../../../shared/markdown';
import { $isCrossReferenceNode, $isQuoteBlockNode, CrossReferenceNode, QuoteBlockNode } from './nodes';
import { briefTransformers, type QuoteResolver } from './transformers';

/** Every node a brief may hold; the renderer's editor registers the same types. */
export const BRIEF_NODES = [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, AutoLinkNode, QuoteBlockNode, CrossReferenceNode];

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

let shared: LexicalEditor | null = null;

/** One headless editor for every export: Lexical compiles its per-node setup on an editor's first use, which dominated small exports. */
function exportEditor(): LexicalEditor {
  shared ??= createHeadlessEditor({
    namespace: 'brief-export',
    nodes: BRIEF_NODES,
    onError: (e) => {
      throw e;
    },
  });
  return shared;
}

/**
 * Runs the brief through a headless Lexical editor and the transformer list;
 * sources are numbered as they are first cited, so the footnotes and the
 * front matter list them in reading order.
 */
export function briefMarkdown(brief: BriefForExport, resolve: QuoteResolver, exportedAt: string): string {
  const editor = exportEditor();
  // Read the parsed state directly: making it the editor's state would reconcile and collect the previous brief's nodes.
  const state = editor.parseEditorState(brief.state);
  const notes = new Footnotes();
  const body = state.read(() => {
    if ($getRoot().getChildren().every(isEmpty)) return '';
    return $convertToMarkdownString(briefTransformers(resolve, notes), undefined, false);
  }, { editor });
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

const isEmpty = (n: LexicalNode) => !$isQuoteBlockNode(n) && !$isCrossReferenceNode(n) && n.getTextContent().trim() === '';

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
