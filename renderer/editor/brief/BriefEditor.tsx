import { $isLinkNode, AutoLinkNode, LinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import { INSERT_ORDERED_LIST_COMMAND, INSERT_UNORDERED_LIST_COMMAND, ListItemNode, ListNode } from '@lexical/list';
import { ELEMENT_TRANSFORMERS, TEXT_FORMAT_TRANSFORMERS, TEXT_MATCH_TRANSFORMERS } from '@lexical/markdown';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { $createHeadingNode, $isHeadingNode, HeadingNode, QuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import {
  $createParagraphNode,
  $getNearestNodeFromDOMNode,
  $getRoot,
  $getSelection,
  $insertNodes,
  $isRangeSelection,
  COMMAND_PRIORITY_HIGH,
  DRAGOVER_COMMAND,
  DROP_COMMAND,
  FORMAT_TEXT_COMMAND,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { type RefObject, useEffect, useRef } from 'react';
import type { CrossReferenceData, QuoteData } from '../../../shared/markdown';
import type { AnnotationId } from '../../../shared/model/ids';
import { api } from '../../data/client';
import { QUOTE_DRAG_TYPE } from './context';
import { $createCrossReferenceNode, CrossReferenceNode } from './CrossReferenceNode';
import { $createQuoteBlockNode, QuoteBlockNode } from './QuoteBlockNode';

/** The same node types the main process registers to export a brief (electron/interop/exporters/markdown/brief.ts). */
export const BRIEF_NODES = [HeadingNode, QuoteNode, ListNode, ListItemNode, LinkNode, AutoLinkNode, QuoteBlockNode, CrossReferenceNode];
/** Typing shortcuts ("# ", "- ", "1. ", **bold**); code blocks are left out, as briefs have none. */
const SHORTCUTS = [...ELEMENT_TRANSFORMERS, ...TEXT_FORMAT_TRANSFORMERS, ...TEXT_MATCH_TRANSFORMERS];

const theme = {
  paragraph: 'bf-p',
  quote: 'bf-quote',
  heading: { h1: 'bf-h1', h2: 'bf-h2', h3: 'bf-h3', h4: 'bf-h4', h5: 'bf-h4', h6: 'bf-h4' },
  list: { ul: 'bf-ul', ol: 'bf-ol', listitem: 'bf-li' },
  link: 'bf-link',
  text: { bold: 'bf-bold', italic: 'bf-italic', code: 'bf-code', strikethrough: 'bf-strike' },
};

export interface BriefEditorHandle {
  insertQuote: (q: QuoteData) => void;
  insertCrossReference: (x: CrossReferenceData) => void;
  /** Writes any pending change now (before an export, or when leaving the brief). */
  flush: () => Promise<void>;
}

interface Props {
  briefId: number;
  initialContent: string;
  onSave: (content: string, text: string) => Promise<void>;
  onSaving: (saving: boolean) => void;
  handle: RefObject<BriefEditorHandle | null>;
}

/** Puts a block node at the caret (splitting the paragraph), else at the end; keeps a paragraph after it to type into. */
function $insertBlock(node: LexicalNode, at?: LexicalNode | null) {
  const selection = $getSelection();
  if (at) at.getTopLevelElementOrThrow().insertAfter(node);
  else if ($isRangeSelection(selection) && selection.anchor.getNode().getTopLevelElement()) $insertNodes([node]);
  else $getRoot().append(node);
  if (!node.getNextSibling()) node.insertAfter($createParagraphNode());
}

function HandlePlugin({ handle, onSave, onSaving }: Pick<Props, 'handle' | 'onSave' | 'onSaving'>) {
  const [editor] = useLexicalComposerContext();
  const pending = useRef<number | null>(null);
  const save = useRef(onSave);
  save.current = onSave;

  useEffect(() => {
    const write = async () => {
      if (pending.current !== null) window.clearTimeout(pending.current);
      pending.current = null;
      const state = editor.getEditorState();
      await save.current(JSON.stringify(state.toJSON()), state.read(() => $getRoot().getTextContent()));
    };
    handle.current = {
      insertQuote: (q) => editor.update(() => $insertBlock($createQuoteBlockNode(q))),
      insertCrossReference: (x) => editor.update(() => $insertBlock($createCrossReferenceNode(x))),
      flush: () => (pending.current !== null ? write() : Promise.resolve()),
    };
    // Saved as the user types, at most every half second.
    const off = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState }) => {
      if ((dirtyElements.size === 0 && dirtyLeaves.size === 0) || prevEditorState.isEmpty()) return;
      onSaving(true);
      if (pending.current !== null) window.clearTimeout(pending.current);
      pending.current = window.setTimeout(() => void write().finally(() => onSaving(false)), 500);
    });
    return () => {
      off();
      if (pending.current !== null) void write();
    };
  }, [editor, handle, onSaving]);
  return null;
}

/** Quotes dragged from the quotes list land where they are dropped. */
function DropPlugin() {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const offOver = editor.registerCommand(
      DRAGOVER_COMMAND,
      (e) => {
        if (!e.dataTransfer?.types.includes(QUOTE_DRAG_TYPE)) return false;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    );
    const offDrop = editor.registerCommand(
      DROP_COMMAND,
      (e) => {
        const id = Number(e.dataTransfer?.getData(QUOTE_DRAG_TYPE));
        if (!id) return false;
        e.preventDefault();
        const target = document.caretRangeFromPoint?.(e.clientX, e.clientY)?.startContainer ?? null;
        void api.briefs.quotes({ annotationIds: [id as AnnotationId] }).then(({ quotes }) => {
          if (!quotes[0]) return;
          editor.update(() => {
            const near = target ? $getNearestNodeFromDOMNode(target) : null;
            $insertBlock($createQuoteBlockNode(quotes[0]), near && near !== $getRoot() ? near : null);
          });
        });
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    );
    return () => {
      offOver();
      offDrop();
    };
  }, [editor]);
  return null;
}

function toggleHeading(editor: LexicalEditor) {
  editor.update(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    const isHeading = $isHeadingNode(selection.anchor.getNode().getTopLevelElement());
    $setBlocksType(selection, () => (isHeading ? $createParagraphNode() : $createHeadingNode('h2')));
  });
}

function toggleLink(editor: LexicalEditor) {
  let current: string | null = null;
  editor.getEditorState().read(() => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    const parent = selection.anchor.getNode().getParent();
    if ($isLinkNode(parent)) current = parent.getURL();
  });
  const url = window.prompt(current ? 'Link address (leave empty to remove the link)' : 'Link address', current ?? 'https://');
  if (url === null) return;
  if (url.trim() && !/^(https?:\/\/|mailto:)/i.test(url.trim())) {
    window.alert('A link must start with http://, https:// or mailto:.');
    return;
  }
  editor.dispatchCommand(TOGGLE_LINK_COMMAND, url.trim() || null);
}

function Toolbar() {
  const [editor] = useLexicalComposerContext();
  const keep = (e: React.MouseEvent) => e.preventDefault();
  return (
    <div className="brief-format" role="toolbar" aria-label="Formatting">
      <button type="button" onMouseDown={keep} onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold')} title="Bold (Ctrl+B)">
        Bold
      </button>
      <button type="button" onMouseDown={keep} onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic')} title="Italic (Ctrl+I)">
        Italic
      </button>
      <button type="button" onMouseDown={keep} onClick={() => toggleHeading(editor)} title="Heading (or type # and a space)">
        Heading
      </button>
      <button type="button" onMouseDown={keep} onClick={() => editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined)} title="Bulleted list (or type - and a space)">
        Bulleted list
      </button>
      <button type="button" onMouseDown={keep} onClick={() => editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined)} title="Numbered list (or type 1. and a space)">
        Numbered list
      </button>
      <button type="button" onMouseDown={keep} onClick={() => toggleLink(editor)} title="Link">
        Link
      </button>
    </div>
  );
}

export function BriefEditor({ briefId, initialContent, onSave, onSaving, handle }: Props) {
  return (
    <LexicalComposer
      key={briefId}
      initialConfig={{
        namespace: `brief-${briefId}`,
        nodes: BRIEF_NODES,
        theme,
        editorState: initialContent,
        onError: (err: Error) => console.error(err),
      }}
    >
      <Toolbar />
      <div className="brief-page">
        <RichTextPlugin
          contentEditable={<ContentEditable className="brief-text" aria-label="Brief text" />}
          placeholder={<p className="brief-placeholder">Write your findings here. Insert quotes with “Insert quote”, or drag them in from the list.</p>}
          ErrorBoundary={LexicalErrorBoundary}
        />
      </div>
      <HistoryPlugin />
      <ListPlugin />
      <LinkPlugin validateUrl={(url) => /^(https?:\/\/|mailto:)/i.test(url)} />
      <MarkdownShortcutPlugin transformers={SHORTCUTS} />
      <HandlePlugin handle={handle} onSave={onSave} onSaving={onSaving} />
      <DropPlugin />
    </LexicalComposer>
  );
}
