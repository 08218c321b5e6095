import { $createLinkNode, LinkNode } from '@lexical/link';
import { $createListItemNode, $createListNode, ListItemNode, ListNode } from '@lexical/list';
import { $createHeadingNode, $createQuoteNode, HeadingNode, type HeadingTagType, QuoteNode } from '@lexical/rich-text';
import {
  $createParagraphNode,
  $createTextNode,
  $getNearestNodeFromDOMNode,
  $getNodeByKey,
  $getRoot,
  $isTextNode,
  type ElementNode,
  type LexicalEditor,
  type NodeKey,
  type TextFormatType,
} from 'lexical';
import { blockOffsets, type Block, type SourceDocument } from '../../shared/document/model';
import { PageBreakNode, ReaderBlockNode } from './reader-nodes';

export const READER_NODES = [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, PageBreakNode, ReaderBlockNode];

/**
 * Where each Lexical text node sits in the canonical text, sorted by start:
 * the bridge between what the reader shows and what annotations point at.
 * `end` is how far into the canonical text the rendered blocks reach (the
 * reader builds long documents progressively).
 */
export interface TextIndex {
  starts: number[];
  keys: string[];
  lengths: number[];
  byKey: Map<string, number>;
  end: number;
}

/** Progress of a document being built block by block across several editor updates. */
export interface BuildState {
  doc: SourceDocument;
  offsets: number[];
  next: number;
  /** The open list's node key: consecutive list items share one list. */
  list: { key: NodeKey; ordered: boolean } | null;
  page: number | undefined;
  index: TextIndex;
}

const FORMAT: Record<string, TextFormatType> = { em: 'italic', strong: 'bold', code: 'code' };

function $appendInline(parent: ElementNode, block: Block, blockStart: number, index: TextIndex): void {
  const marks = block.marks ?? [];
  const cuts = new Set([0, block.text.length]);
  for (const m of marks) {
    cuts.add(Math.max(0, Math.min(block.text.length, m.start)));
    cuts.add(Math.max(0, Math.min(block.text.length, m.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  let link: { node: ElementNode; href: string } | null = null;
  for (let i = 0; i < points.length - 1; i++) {
    const [from, to] = [points[i], points[i + 1]];
    if (from === to) continue;
    const covering = marks.filter((m) => m.start <= from && m.end >= to);
    const node = $createTextNode(block.text.slice(from, to));
    for (const m of covering) if (FORMAT[m.kind]) node.toggleFormat(FORMAT[m.kind]);
    const href = covering.find((m) => m.kind === 'link')?.href;
    if (href) {
      if (!link || link.href !== href) {
        link = { node: $createLinkNode(href, { rel: 'noopener noreferrer', target: null }), href };
        parent.append(link.node);
      }
      link.node.append(node);
    } else {
      link = null;
      parent.append(node);
    }
    index.byKey.set(node.getKey(), index.keys.length);
    index.starts.push(blockStart + from);
    index.keys.push(node.getKey());
    index.lengths.push(to - from);
  }
}

export function startBuild(doc: SourceDocument): BuildState {
  return {
    doc,
    offsets: blockOffsets(doc),
    next: 0,
    list: null,
    page: doc.blocks[0]?.page,
    index: { starts: [], keys: [], lengths: [], byKey: new Map(), end: 0 },
  };
}

/**
 * Appends blocks to the root until about `budgetChars` characters were added
 * (call inside an editor update); true when the whole document is built.
 */
export function $buildMore(state: BuildState, budgetChars: number): boolean {
  const root = $getRoot();
  const { doc, offsets, index } = state;
  let added = 0;
  while (state.next < doc.blocks.length && added < budgetChars) {
    const i = state.next++;
    const block = doc.blocks[i];
    if (block.page !== undefined && state.page !== undefined && block.page > state.page) {
      root.append(new PageBreakNode(block.page));
      state.list = null;
    }
    if (block.page !== undefined) state.page = block.page;
    let container: ElementNode;
    if (block.kind === 'list_item') {
      const ordered = block.ordered ?? false;
      const open = state.list && state.list.ordered === ordered ? $getNodeByKey<ElementNode>(state.list.key) : null;
      let listNode = open;
      if (!listNode) {
        listNode = $createListNode(ordered ? 'number' : 'bullet');
        root.append(listNode);
        state.list = { key: listNode.getKey(), ordered };
      }
      container = $createListItemNode();
      listNode.append(container);
    } else {
      state.list = null;
      if (block.kind === 'heading') container = $createHeadingNode(`h${Math.min(6, Math.max(1, block.level ?? 2))}` as HeadingTagType);
      else if (block.kind === 'quote') container = $createQuoteNode();
      else if (block.kind === 'preformatted') container = new ReaderBlockNode('pre');
      else if (block.kind === 'caption') container = new ReaderBlockNode('caption');
      else container = $createParagraphNode();
      root.append(container);
    }
    $appendInline(container, block, offsets[i], index);
    index.end = offsets[i] + block.text.length;
    added += block.text.length + 1;
  }
  return state.next >= doc.blocks.length;
}

/** Fills the root with the whole document (call inside an editor update) and returns the offset index. */
export function $buildDocument(doc: SourceDocument): TextIndex {
  $getRoot().clear();
  const state = startBuild(doc);
  $buildMore(state, Infinity);
  return state.index;
}

/** Binary search: the text node holding canonical offset `at` (at an end, the node ending there). */
function locate(index: TextIndex, at: number, preferEnd: boolean): number {
  let lo = 0;
  let hi = index.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (index.starts[mid] < at || (!preferEnd && index.starts[mid] === at)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Canonical offsets to a range over the rendered text. A StaticRange, not a live Range: the reader's text
 * never changes once rendered, and every live Range in a document is updated on every DOM mutation
 * anywhere in it, so 2,000 live highlight ranges made each sidebar re-render and keystroke pay for them.
 */
export function rangeFor(editor: LexicalEditor, index: TextIndex, start: number, end: number): StaticRange | null {
  if (!index.keys.length || end > index.end) return null;
  const a = locate(index, start, false);
  const b = locate(index, end, true);
  const startEl = editor.getElementByKey(index.keys[a])?.firstChild;
  const endEl = editor.getElementByKey(index.keys[b])?.firstChild;
  if (!startEl || !endEl) return null;
  return new StaticRange({
    startContainer: startEl,
    startOffset: Math.max(0, Math.min(start - index.starts[a], index.lengths[a])),
    endContainer: endEl,
    endOffset: Math.max(0, Math.min(end - index.starts[b], index.lengths[b])),
  });
}

/** A DOM point inside the reader to a canonical offset, or null outside the text. */
export function pointToOffset(editor: LexicalEditor, index: TextIndex, container: Node, offset: number, isEnd: boolean): number | null {
  let node: Node = container;
  let at = offset;
  if (node.nodeType !== Node.TEXT_NODE) {
    // An element boundary: step to the nearest text on the selected side.
    const children = node.childNodes;
    const target = isEnd ? children[offset - 1] : children[offset];
    if (!target) return null;
    const walker = document.createTreeWalker(target, NodeFilter.SHOW_TEXT);
    let text: Node | null = walker.nextNode();
    if (isEnd) {
      let last = text;
      while (text) {
        last = text;
        text = walker.nextNode();
      }
      text = last;
    }
    if (!text) return null;
    node = text;
    at = isEnd ? (text.textContent ?? '').length : 0;
  }
  const key = editor.read(() => {
    const lexical = $getNearestNodeFromDOMNode(node);
    return lexical && $isTextNode(lexical) ? lexical.getKey() : null;
  });
  if (!key) return null;
  const i = index.byKey.get(key);
  return i === undefined ? null : index.starts[i] + at;
}

/** The current DOM selection as canonical offsets, if it lies in this reader. */
export function selectionOffsets(editor: LexicalEditor, index: TextIndex): { start: number; end: number } | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const root = editor.getRootElement();
  if (!root || !root.contains(range.commonAncestorContainer)) return null;
  const start = pointToOffset(editor, index, range.startContainer, range.startOffset, false);
  const end = pointToOffset(editor, index, range.endContainer, range.endOffset, true);
  if (start === null || end === null || end <= start) return null;
  return { start, end };
}
