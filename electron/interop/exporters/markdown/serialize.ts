import type { SerializedEditorState } from 'lexical';
import { crossReferenceMarkdown, type CrossReferenceData, escapeProse, type Footnotes, quoteMarkdown, type QuoteData } from '../../../../shared/markdown';
import { CROSSREF_NODE_TYPE, QUOTE_NODE_TYPE, type SerializedCrossReference, type SerializedQuoteBlock } from '../../../../shared/markdown/model';
import { safeHref } from '../../document-builder';

/** The current data of what a brief quotes; a missing id means it was deleted and the node's snapshot is used. */
export interface QuoteResolver {
  quote(annotationId: number): QuoteData | undefined;
  crossReference(linkId: number): CrossReferenceData | undefined;
}

/**
 * A brief's Markdown written straight from its stored Lexical JSON.
 *
 * Building a headless editor's node tree for a brief of hundreds of quotes
 * cost more than everything else in an export, so this walks the JSON and
 * produces the bytes @lexical/markdown's $convertToMarkdownString gives with
 * briefTransformers (transformers.ts): same element order, same text-format
 * tag bookkeeping, same escaping. tests/unit/brief-serialize.test.ts holds the
 * two to byte equality on generated briefs, so a Lexical upgrade that changes
 * its output shows up there rather than as a silent difference between files.
 */

interface JsonNode {
  type: string;
  children?: JsonNode[];
  text?: string;
  format?: number | string;
  tag?: string;
  listType?: 'bullet' | 'number' | 'check';
  start?: number;
  checked?: boolean;
  url?: string;
  title?: string | null;
  $?: Record<string, unknown>;
}

/** The node types a brief may hold (BRIEF_NODES plus Lexical's own); anything else is refused, as Lexical's parser would. */
const ELEMENTS = new Set(['root', 'paragraph', 'heading', 'quote', 'list', 'listitem', 'link', 'autolink']);
const TEXTS = new Set(['text', 'tab']);

// Lexical's TEXT_TYPE_TO_FORMAT bits.
const FORMAT_BITS: Record<string, number> = { bold: 1, italic: 2, strikethrough: 4, underline: 8, code: 16, subscript: 32, superscript: 64, highlight: 128 };
// @lexical/markdown's single-format tags in its export order (code last, "__"/"_" deduplicated away by "**"/"*").
const TAGS: Array<{ format: string; tag: string }> = [
  { format: 'bold', tag: '**' },
  { format: 'highlight', tag: '==' },
  { format: 'italic', tag: '*' },
  { format: 'strikethrough', tag: '~~' },
];
const LIST_INDENT = 4;

interface OpenTag {
  format: string;
  tag: string;
}

const isText = (n: JsonNode | undefined): boolean => n !== undefined && TEXTS.has(n.type);
const textOf = (n: JsonNode) => (n.type === 'tab' ? '\t' : (n.text ?? ''));

function formatBits(n: JsonNode): number {
  const f = n.format;
  if (typeof f === 'number') return f;
  // Lexical's setFormat also takes a type name.
  return typeof f === 'string' ? (FORMAT_BITS[f] ?? 0) : 0;
}

const hasFormat = (n: JsonNode | undefined, format: string) => isText(n) && (formatBits(n!) & FORMAT_BITS[format]) !== 0;
const checkHasFormat = (n: JsonNode | undefined, format: string) => hasFormat(n, format) && (format === 'code' || !/^\s*$/.test(textOf(n!)));

function codeSpan(content: string): string {
  const runs = content.match(/`+/g);
  const fence = '`'.repeat((runs ? Math.max(...runs.map((r) => r.length)) : 0) + 1);
  const pad = content.length === 0 || content.includes('`') || (/^\s/.test(content) && /\s$/.test(content));
  return fence + (pad ? ` ${content} ` : content) + fence;
}

/** @lexical/markdown's exportTextFormat for one text node among its siblings. */
function exportText(siblings: JsonNode[], i: number, textContent: string, unclosed: OpenTag[], unclosable: OpenTag[]): string {
  const node = siblings[i];
  const isCode = hasFormat(node, 'code');
  const output = isCode ? textContent : textContent.replace(/([*_`~\\])/g, '\\$1');
  let lead = '';
  let body: string;
  let trail = '';
  let whitespaceOnly = false;
  if (isCode) body = codeSpan(textContent);
  else {
    const m = /^(\s*)(.*?)(\s*)$/s.exec(output) ?? ['', '', output, ''];
    [lead, body, trail] = [m[1], m[2], m[3]];
    whitespaceOnly = body === '';
  }
  const prev = isText(siblings[i - 1]) ? siblings[i - 1] : undefined;
  const next = isText(siblings[i + 1]) ? siblings[i + 1] : undefined;
  let opening = '';
  for (const { format, tag } of TAGS) {
    if (!whitespaceOnly && checkHasFormat(node, format) && (!checkHasFormat(prev, format) || !unclosed.some((t) => t.tag === tag))) {
      unclosed.push({ format, tag });
      opening += tag;
    }
  }
  let closingBefore = '';
  let closingAfter = '';
  for (let k = 0; k < unclosed.length; k++) {
    const nodeHas = hasFormat(node, unclosed[k].format);
    const nextHas = hasFormat(next, unclosed[k].format);
    if (nodeHas && nextHas) continue;
    const pending = [...unclosed];
    while (pending.length > k) {
      const t = pending.pop()!;
      if (unclosable.some((u) => u.tag === t.tag)) continue;
      if (!nodeHas) closingBefore += t.tag;
      else if (!nextHas) closingAfter += t.tag;
      unclosed.pop();
    }
    break;
  }
  if (whitespaceOnly) return closingBefore + output;
  // Tags go inside the spaces: CommonMark's flanking rules want them next to a non-space.
  return closingBefore + lead + opening + body + closingAfter + trail;
}

function escapeCharacterReferences(value: string): string {
  return value.replace(/&(?=#\d+;|#[Xx][\dA-Fa-f]+;|[A-Za-z][\dA-Za-z]*;)/g, '&#38;');
}

/** @lexical/markdown's LINK export. */
function linkMarkdown(node: JsonNode, content: string): string {
  const raw = node.url ?? '';
  const escaped = escapeCharacterReferences(raw);
  const url =
    raw === '' || /\s/.test(raw)
      ? `<${escaped.replace(/([\\<>])/g, '\\$1').replace(/\r/g, '&#13;').replace(/\n/g, '&#10;')}>`
      : escaped.replace(/([\\()])/g, '\\$1').replace(/^</, '\\<');
  const title = node.title != null ? escapeCharacterReferences(node.title).replace(/([\\"])/g, '\\$1') : null;
  return title ? `[${content}](${url} "${title}")` : `[${content}](${url})`;
}

function children(node: JsonNode): JsonNode[] {
  return node.children ?? [];
}

function check(node: JsonNode): void {
  if (!ELEMENTS.has(node.type) && !TEXTS.has(node.type) && node.type !== 'linebreak' && node.type !== QUOTE_NODE_TYPE && node.type !== CROSSREF_NODE_TYPE) {
    throw new Error(`This brief holds a "${node.type}" block, which Collate cannot export.`);
  }
}

/** What Lexical's getTextContent gives, enough to tell an empty block from a written one. */
function plainText(node: JsonNode): string {
  if (isText(node)) return textOf(node);
  if (node.type === 'linebreak') return '\n';
  if (node.type === QUOTE_NODE_TYPE) return (node as unknown as SerializedQuoteBlock).snapshot.exact;
  if (node.type === CROSSREF_NODE_TYPE) {
    const x = (node as unknown as SerializedCrossReference).snapshot;
    return `${x.from.exact}\n${x.to.exact}`;
  }
  return children(node).map(plainText).join('\n\n');
}

export function briefBodyMarkdown(state: SerializedEditorState, resolve: QuoteResolver, notes: Footnotes): string {
  const exportChildren = (node: JsonNode, unclosed: OpenTag[] = [], unclosable: OpenTag[] = []): string => {
    const kids = children(node);
    let out = '';
    for (let i = 0; i < kids.length; i++) {
      const child = kids[i];
      check(child);
      if (child.type === 'link') {
        const content = exportChildren(child, unclosed, [...unclosable, ...unclosed]);
        // The editor only makes web and mail links, but a brief can arrive through the API: anything else leaves as its words.
        out += safeHref(child.url, null) ? linkMarkdown(child, content) : content;
      }
      else if (isText(child)) out += exportText(kids, i, hasFormat(child, 'code') ? textOf(child) : escapeProse(textOf(child)), unclosed, unclosable);
      else if (child.type === 'linebreak') out += `${hardBreak(child)}\n`;
      else if (child.type === QUOTE_NODE_TYPE || child.type === CROSSREF_NODE_TYPE) out += plainText(child);
      else out += exportChildren(child, unclosed, unclosable);
    }
    return out;
  };

  const listMarkdown = (list: JsonNode, depth: number): string => {
    const lines: string[] = [];
    let index = 0;
    for (const item of children(list)) {
      check(item);
      if (item.type !== 'listitem') continue;
      const kids = children(item);
      if (kids.length === 1 && kids[0].type === 'list') {
        const nested = listMarkdown(kids[0], depth + 1);
        if (nested) lines.push(nested);
        continue;
      }
      const type = list.listType ?? 'bullet';
      const marker = listMarker(list);
      const prefix = type === 'number' ? `${(list.start ?? 1) + index}. ` : type === 'check' ? `${marker} [${item.checked ? 'x' : ' '}] ` : `${marker} `;
      let text = exportChildren(item);
      if (type !== 'number') text = text.replace(/^(\s{0,3}\d+)(\.\s)/, '$1\\$2');
      lines.push(' '.repeat(depth * LIST_INDENT) + prefix + text);
      index++;
    }
    return lines.join('\n');
  };

  const topLevel = (node: JsonNode): string | null => {
    check(node);
    switch (node.type) {
      case QUOTE_NODE_TYPE: {
        const q = node as unknown as SerializedQuoteBlock;
        return quoteMarkdown(resolve.quote(q.annotationId) ?? q.snapshot, notes);
      }
      case CROSSREF_NODE_TYPE: {
        const x = node as unknown as SerializedCrossReference;
        return crossReferenceMarkdown(resolve.crossReference(x.linkId) ?? x.snapshot, notes);
      }
      case 'heading':
        return `${'#'.repeat(Number((node.tag ?? 'h1').slice(1)))} ${exportChildren(node)}`;
      case 'quote':
        return exportChildren(node)
          .split('\n')
          .map((line) => `> ${line}`)
          .join('\n');
      case 'list':
        return listMarkdown(node, 0);
      default:
        return ELEMENTS.has(node.type) ? exportChildren(node) : null;
    }
  };

  const top = children(state.root as unknown as JsonNode);
  if (top.every((n) => n.type !== QUOTE_NODE_TYPE && n.type !== CROSSREF_NODE_TYPE && plainText(n).trim() === '')) {
    top.forEach(check);
    return '';
  }
  const output: string[] = [];
  for (let i = 0; i < top.length; i++) {
    const result = topLevel(top[i]);
    if (result === null) continue;
    // Like $convertToMarkdownString: blocks are a blank line apart, while each empty paragraph stands for one newline.
    output.push(i > 0 && !isEmptyParagraph(top[i]) && !isEmptyParagraph(top[i - 1]) ? `\n${result}` : result);
  }
  return output.join('\n');
}

function isEmptyParagraph(node: JsonNode): boolean {
  if (node.type !== 'paragraph') return false;
  const kids = children(node);
  return kids.length === 0 || (kids.length === 1 && isText(kids[0]) && /^\s{0,3}$/.test(textOf(kids[0])));
}

// Node state kept by @lexical/markdown's import, read with the same validation.
function listMarker(list: JsonNode): string {
  const v = list.$?.mdListMarker;
  return typeof v === 'string' && /^[-*+]$/.test(v) ? v : '-';
}
function hardBreak(node: JsonNode): string {
  const v = node.$?.mdHardLineBreak;
  return typeof v === 'string' && /^(\\| {2,})$/.test(v) ? v : '';
}
