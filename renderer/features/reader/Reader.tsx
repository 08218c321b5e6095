import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { useEffect, useRef } from 'react';
import type { Annotation, SourceDetail } from '../../../shared/model/entities';
import { $buildDocument, READER_NODES, rangeFor, selectionOffsets, type TextIndex } from '../../editor/document-to-lexical';
import { HIGHLIGHT_COLORS } from '../../ui/colors';

interface Props {
  source: SourceDetail;
  annotations: Annotation[];
  onHighlight: (range: { start: number; end: number }) => void;
}

const theme = {
  paragraph: 'rd-p',
  quote: 'rd-quote',
  heading: { h1: 'rd-h1', h2: 'rd-h2', h3: 'rd-h3', h4: 'rd-h4', h5: 'rd-h4', h6: 'rd-h4' },
  list: { ul: 'rd-ul', ol: 'rd-ol', listitem: 'rd-li' },
  link: 'rd-link',
  text: { bold: 'rd-bold', italic: 'rd-italic', code: 'rd-code' },
};

/** Paints stored annotations with the CSS Custom Highlight API: no change to the document's DOM. */
function HighlightsPlugin({ index, annotations }: { index: React.RefObject<TextIndex | null>; annotations: Annotation[] }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    const paint = () => {
      if (!('highlights' in CSS) || !index.current) return;
      const byColor = new Map<string, Range[]>();
      for (const a of annotations) {
        if (a.anchor === 'orphan') continue;
        const range = rangeFor(editor, index.current, a.start, a.end);
        if (!range) continue;
        const list = byColor.get(a.color) ?? [];
        list.push(range);
        byColor.set(a.color, list);
      }
      for (const c of HIGHLIGHT_COLORS) CSS.highlights.delete(`hl-${c.key}`);
      for (const [color, ranges] of byColor) CSS.highlights.set(`hl-${color}`, new Highlight(...ranges));
    };
    paint();
    const off = editor.registerUpdateListener(paint);
    return () => {
      off();
      for (const c of HIGHLIGHT_COLORS) CSS.highlights.delete(`hl-${c.key}`);
    };
  }, [editor, annotations, index]);
  return null;
}

/** Exposes "highlight the current selection" to the toolbar and keyboard. */
function SelectionPlugin({ index, onReady }: { index: React.RefObject<TextIndex | null>; onReady: (get: () => { start: number; end: number } | null) => void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => onReady(() => (index.current ? selectionOffsets(editor, index.current) : null)), [editor, index, onReady]);
  return null;
}

export function Reader({ source, annotations, onHighlight }: Props) {
  const index = useRef<TextIndex | null>(null);
  const getSelection = useRef<() => { start: number; end: number } | null>(() => null);

  const highlight = () => {
    const range = getSelection.current();
    if (range) onHighlight(range);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.closest('input, textarea, [contenteditable="true"]') || e.ctrlKey || e.metaKey || e.altKey)) return;
      if (e.key === 'h' || e.key === 'H') {
        const range = getSelection.current();
        if (range) {
          e.preventDefault();
          onHighlight(range);
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onHighlight]);

  return (
    <section className="reader" aria-label="Reader">
      <div className="reader-toolbar" role="toolbar" aria-label="Annotate">
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={highlight} title="Highlight the selected passage (H)">
          Highlight
        </button>
      </div>
      <article className="reader-page">
        <header className="reader-header">
          <h1>{source.title}</h1>
          <p className="muted">{[source.byline, source.outlet, source.publishedAt?.slice(0, 10)].filter(Boolean).join(' · ')}</p>
        </header>
        <LexicalComposer
          key={source.id}
          initialConfig={{
            namespace: `reader-${source.id}`,
            editable: false,
            nodes: READER_NODES,
            theme,
            onError: (err: Error) => console.error(err),
            editorState: () => {
              index.current = $buildDocument(source.document);
            },
          }}
        >
          <RichTextPlugin
            contentEditable={<ContentEditable className="reader-text" aria-label="Article" />}
            ErrorBoundary={LexicalErrorBoundary}
          />
          <HighlightsPlugin index={index} annotations={annotations} />
          <SelectionPlugin index={index} onReady={(get) => (getSelection.current = get)} />
        </LexicalComposer>
      </article>
    </section>
  );
}
