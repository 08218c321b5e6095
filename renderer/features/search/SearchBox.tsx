import { useEffect, useRef, useState } from 'react';
import { useNavigation, useView } from '../../app/navigation';
import { onEvent } from '../../data/bridge';
import { matchesShortcut } from '../reader/shortcuts';
import '../../ui/search.css';

export const SEARCH_BOX_ID = 'search-box';

const typingIn = (t: EventTarget | null) => t instanceof HTMLElement && !!t.closest('input, textarea, select, [contenteditable="true"]');

/** The one search box: Ctrl/Cmd+K or / focuses it; typing shows results at once in the Search view. */
export function SearchBox() {
  const { navigate } = useNavigation();
  const view = useView();
  const [text, setText] = useState(view.kind === 'search' ? (view.query ?? '') : '');
  const input = useRef<HTMLInputElement>(null);

  // A saved search opened from the sidebar puts its query in the box.
  const viewQuery = view.kind === 'search' ? (view.query ?? '') : null;
  useEffect(() => {
    if (viewQuery !== null && viewQuery !== input.current?.value) setText(viewQuery);
  }, [viewQuery]);

  useEffect(() => {
    const focus = () => {
      input.current?.focus();
      input.current?.select();
    };
    const onKey = (e: KeyboardEvent) => {
      if (matchesShortcut('search', e)) {
        e.preventDefault();
        focus();
      } else if (matchesShortcut('search.slash', e) && !typingIn(e.target)) {
        // Issue 7 gives "/" to Search; the Library panel's own "/" (on window) must not take focus back.
        e.preventDefault();
        e.stopPropagation();
        focus();
      }
    };
    document.addEventListener('keydown', onKey);
    const off = onEvent('menu.command', (e) => e.command === 'search' && focus());
    return () => {
      document.removeEventListener('keydown', onKey);
      off();
    };
  }, []);

  return (
    <form className="search-box" role="search" onSubmit={(e) => e.preventDefault()}>
      <input
        ref={input}
        id={SEARCH_BOX_ID}
        type="search"
        aria-label="Search"
        aria-controls="search-results"
        placeholder="Search everything  (Ctrl+K or /)"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          navigate({ kind: 'search', query: e.target.value });
        }}
        onFocus={() => {
          if (text && view.kind !== 'search') navigate({ kind: 'search', query: text });
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && text) {
            e.preventDefault();
            setText('');
            navigate({ kind: 'search', query: '' });
          }
        }}
      />
    </form>
  );
}
