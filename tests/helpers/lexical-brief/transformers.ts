import { createHeadlessEditor } from '@lexical/headless';
import { AutoLinkNode, LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import {
  $convertToMarkdownString,
  ELEMENT_TRANSFORMERS,
  type ElementTransformer,
  TEXT_FORMAT_TRANSFORMERS,
  TEXT_MATCH_TRANSFORMERS,
  type TextMatchTransformer,
  type Transformer,
} from '@lexical/markdown';
import { HeadingNode, QuoteNode } from '@lexical/rich-text';
import { $getRoot, $isTextNode, type LexicalNode, type SerializedEditorState, TextNode } from 'lexical';
import { crossReferenceMarkdown, escapeProse, type Footnotes, quoteMarkdown } from '../../../shared/markdown';
import type { QuoteResolver } from '../../../electron/interop/exporters/markdown/serialize';
import { $isCrossReferenceNode, $isQuoteBlockNode, CrossReferenceNode, QuoteBlockNode } from './nodes';

/** Every node a brief may hold; the renderer's editor registers the same types. */
export const BRIEF_NODES = [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, AutoLinkNode, QuoteBlockNode, CrossReferenceNode];


// Export-only: quote blocks are inserted from the library, never typed as Markdown.
const NEVER = /(?!)/;
const noImport = () => false;

/** The user's own words stay what they typed: "# 1" in a paragraph is not a heading, "<b>" not HTML. */
const literalText: TextMatchTransformer = {
  type: 'text-match',
  dependencies: [TextNode],
  regExp: NEVER,
  export: (node, _children, exportFormat) => ($isTextNode(node) && !node.hasFormat('code') ? exportFormat(node, escapeProse(node.getTextContent())) : null),
};

/**
 * The one list of transformers a brief is exported with: ours for quote
 * blocks and cross-references, then @lexical/markdown's for the user's own
 * headings, lists, quotes, links and emphasis.
 */
export function briefTransformers(resolve: QuoteResolver, notes: Footnotes): Transformer[] {
  const quoteBlock: ElementTransformer = {
    type: 'element',
    dependencies: [QuoteBlockNode],
    regExp: NEVER,
    replace: noImport,
    export: (node) => ($isQuoteBlockNode(node) ? quoteMarkdown(resolve.quote(node.__annotationId) ?? node.__snapshot, notes) : null),
  };
  const crossReference: ElementTransformer = {
    type: 'element',
    dependencies: [CrossReferenceNode],
    regExp: NEVER,
    replace: noImport,
    export: (node) => ($isCrossReferenceNode(node) ? crossReferenceMarkdown(resolve.crossReference(node.__linkId) ?? node.__snapshot, notes) : null),
  };
  return [quoteBlock, crossReference, ...ELEMENT_TRANSFORMERS, ...TEXT_FORMAT_TRANSFORMERS, ...TEXT_MATCH_TRANSFORMERS, literalText];
}

const isEmpty = (n: LexicalNode) => !$isQuoteBlockNode(n) && !$isCrossReferenceNode(n) && n.getTextContent().trim() === '';

/**
 * The reference export of a brief's body: a headless Lexical editor and
 * $convertToMarkdownString with the transformers above. Exports go through
 * serialize.ts, which is faster; the tests hold the two to the same bytes.
 */
export function lexicalBriefBody(state: SerializedEditorState, resolve: QuoteResolver, notes: Footnotes): string {
  const editor = createHeadlessEditor({
    namespace: 'brief-export',
    nodes: BRIEF_NODES,
    onError: (e) => {
      throw e;
    },
  });
  return editor.parseEditorState(state).read(() => {
    if ($getRoot().getChildren().every(isEmpty)) return '';
    return $convertToMarkdownString(briefTransformers(resolve, notes), undefined, false);
  }, { editor });
}
