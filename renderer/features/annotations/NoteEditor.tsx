import { LinkNode } from '@lexical/link';
import { ListItemNode, ListNode } from '@lexical/list';
import { BOLD_ITALIC_STAR, BOLD_STAR, ITALIC_STAR, ITALIC_UNDERSCORE, LINK, ORDERED_LIST, UNORDERED_LIST } from '@lexical/markdown';
import { AutoFocusPlugin } from '@lexical/react/LexicalAutoFocusPlugin';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { $createParagraphNode, $createTextNode, $getRoot, type EditorState } from 'lexical';
import { useEffect, useRef } from 'react';
import type { Annotation } from '../../../shared/model/entities';
import { useNavigation } from '../../app/navigation';
import { sealLast } from './history';
import { saveNote } from './actions';

const SAVE_AFTER_MS = 400;
// Markdown-style shortcuts that need no extra nodes: "- " and "1. " start lists, *…* and **…** emphasise, [text](url) links.
const SHORTCUTS = [UNORDERED_LIST, ORDERED_LIST, BOLD_ITALIC_STAR, BOLD_STAR, ITALIC_STAR, ITALIC_UNDERSCORE, LINK];

const theme = {
  paragraph: 'note-p',
  list: { ul: 'note-ul', ol: 'note-ol', listitem: 'note-li' },
  link: 'note-link',
  text: { bold: 'rd-bold', italic: 'rd-italic' },
};

/** Plain text one line per block, for search and the sidebar. */
const plainText = (state: EditorState) => state.read(() => $getRoot().getTextContent());

/**
 * A note on an annotation: rich text (emphasis, lists, links), saved as the
 * user types, with no Save button. Stored as Lexical JSON plus its plain text.
 */
export function NoteEditor({ annotation, autoFocus, label }: { annotation: Annotation; autoFocus?: boolean; label: string }) {
  const { notify } = useNavigation();
  const pending = useRef<{ note: string; text: string } | null>(null);
  const timer = useRef<number | null>(null);
  const saved = useRef({ note: annotation.note, noteText: annotation.noteText });

  const flush = () => {
    if (timer.current) window.clearTimeout(timer.current);
    timer.current = null;
    const next = pending.current;
    if (!next) return;
    pending.current = null;
    const before = saved.current;
    const empty = !next.text.trim();
    saved.current = { note: empty ? null : next.note, noteText: empty ? '' : next.text };
    saveNote(annotation, before, saved.current.note, saved.current.noteText).catch((err: Error) => notify(`The note was not saved: ${err.message}`));
  };

  // Whatever is still unsaved goes out when the editor closes.
  useEffect(
    () => () => {
      flush();
      sealLast();
    },
    // Only on unmount: flush reads the latest state through refs.
    [],
  );

  const onChange = (state: EditorState, _editor: unknown, tags: Set<string>) => {
    if (tags.has('initial')) return;
    const text = plainText(state);
    const note = JSON.stringify(state.toJSON());
    if (note === (pending.current?.note ?? saved.current.note)) return;
    pending.current = { note, text };
    if (timer.current) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(flush, SAVE_AFTER_MS);
  };

  return (
    <LexicalComposer
      initialConfig={{
        namespace: `note-${annotation.id}`,
        nodes: [ListNode, ListItemNode, LinkNode],
        theme,
        onError: (err: Error) => console.error(err),
        editorState: annotation.note
          ? annotation.note
          : () => {
              const p = $createParagraphNode();
              if (annotation.noteText) p.append($createTextNode(annotation.noteText));
              $getRoot().append(p);
            },
      }}
    >
      <div className="note-editor">
        <RichTextPlugin
          contentEditable={<ContentEditable className="note-input" aria-label={label} aria-multiline="true" role="textbox" />}
          placeholder={<div className="note-placeholder">Write a note… (*emphasis*, - list, [link](https://…))</div>}
          ErrorBoundary={LexicalErrorBoundary}
        />
        <HistoryPlugin />
        <ListPlugin />
        <LinkPlugin validateUrl={(url) => /^(https?:\/\/|mailto:)/i.test(url)} />
        <MarkdownShortcutPlugin transformers={SHORTCUTS} />
        <OnChangePlugin onChange={onChange} ignoreSelectionChange />
        {autoFocus && <AutoFocusPlugin defaultSelection="rootEnd" />}
      </div>
    </LexicalComposer>
  );
}
