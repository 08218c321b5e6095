import type { LexicalEditor } from 'lexical';
import { useEffect, useMemo, useRef, useState } from 'react';
import { rangeFor, type TextIndex } from '../../editor/document-to-lexical';
import { findAll } from './find';
import { supportsHighlights } from './highlights';

interface Props {
  editor: LexicalEditor;
  index: () => TextIndex | null;
  text: string;
  /** Bumped whenever more of the document is rendered, so late matches get painted. */
  renderedUpTo: number;
  onClose: () => void;
}

/** Find in the article: paints every match, counts them ("3 of 12"), Enter / Shift+Enter move, Escape closes. */
export function FindBar({ editor, index, text, renderedUpTo, onClose }: Props) {
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const matches = useMemo(() => findAll(text, query), [text, query]);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  useEffect(() => setCurrent(0), [query]);

  useEffect(() => {
    const idx = index();
    if (!supportsHighlights() || !idx) return;
    const all = new Highlight();
    const here = new Highlight();
    here.priority = 5;
    matches.forEach((at, i) => {
      const range = rangeFor(editor, idx, at, at + query.length);
      if (!range) return;
      (i === current ? here : all).add(range);
    });
    CSS.highlights.set('find-match', all);
    CSS.highlights.set('find-current', here);
    const [first] = here;
    (first as AbstractRange | undefined)?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    return () => {
      CSS.highlights.delete('find-match');
      CSS.highlights.delete('find-current');
    };
  }, [editor, index, matches, current, query, renderedUpTo]);

  const step = (by: number) => matches.length && setCurrent((c) => (c + by + matches.length) % matches.length);

  return (
    <div className="find-bar" role="search" aria-label="Find in article">
      <input
        ref={input}
        type="search"
        aria-label="Find in article"
        placeholder="Find in article"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            step(e.shiftKey ? -1 : 1);
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          }
        }}
      />
      <span className="find-count" role="status" aria-live="polite">
        {query ? (matches.length ? `${current + 1} of ${matches.length}` : 'No matches') : ''}
      </span>
      <button type="button" aria-label="Previous match" disabled={!matches.length} onClick={() => step(-1)}>
        ↑
      </button>
      <button type="button" aria-label="Next match" disabled={!matches.length} onClick={() => step(1)}>
        ↓
      </button>
      <button type="button" aria-label="Close find" onClick={onClose}>
        ×
      </button>
    </div>
  );
}
