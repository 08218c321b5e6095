import { useEffect, useRef, useState } from 'react';
import type { SuggestionView } from '../../../shared/api/methods/statements';
import type { SourceId } from '../../../shared/model/ids';
import { MEDIA } from '../../../shared/model/statement';
import { useNavigation } from '../../app/navigation';
import { api } from '../../data/client';
import { useLibraryQuery } from '../../data/hooks';
import { clip } from './format';

const describe = (s: SuggestionView) =>
  [s.role, s.saidOn, MEDIA[s.medium], s.reportedIn ? `to ${s.reportedIn}` : null, s.quoteKind === 'paraphrase' ? 'paraphrase' : null].filter(Boolean).join(' · ');

/** A long article can hold hundreds of quotes: drawing them all would slow the reader's first screen. */
const PAGE = 30;

/** Quotes found in the text, each accepted (A) or dismissed (D) with one key while focused. */
export function SuggestionsPanel({ sourceId }: { sourceId: SourceId }) {
  const { notify } = useNavigation();
  const list = useLibraryQuery(() => api.statements.suggestions({ sourceId }), [sourceId], ['statements']);
  const listRef = useRef<HTMLOListElement>(null);
  const all = list.data ?? [];
  const [shown, setShown] = useState(PAGE);
  useEffect(() => setShown(PAGE), [sourceId]);
  const items = all.slice(0, shown);

  const act = async (s: SuggestionView, action: 'accept' | 'dismiss', index: number) => {
    try {
      if (action === 'accept') await api.statements.acceptSuggestion({ id: s.id });
      else await api.statements.dismissSuggestion({ id: s.id });
      notify(action === 'accept' ? `Added a statement by ${s.speaker}.` : 'Suggestion dismissed.');
      list.reload();
      // Keep the keyboard where it was: on the next suggestion once the list has redrawn,
      // unless the user has already moved focus somewhere else meanwhile.
      const from = document.activeElement;
      window.setTimeout(() => {
        const now = document.activeElement;
        if (now && now !== from && now !== document.body && now.isConnected) return;
        const next = listRef.current?.querySelectorAll<HTMLElement>('li.stm-suggestion');
        next?.[Math.min(index, (next?.length ?? 1) - 1)]?.focus();
      }, 150);
    } catch (err) {
      notify((err as Error).message);
    }
  };

  return (
    <section className="stm-suggestions" aria-label="Suggestions">
      <h2>Suggestions</h2>
      {list.error && <p className="error">{list.error}</p>}
      {list.data && all.length === 0 && <p className="muted">No suggested quotes left. Select a passage and press Mark as statement (S) to record one yourself.</p>}
      {items.length > 0 && (
        <>
          <p className="muted stm-hint">
            Focus a suggestion and press <kbd>A</kbd> to accept or <kbd>D</kbd> to dismiss.
          </p>
          <ol ref={listRef} className="stm-suggestion-list">
            {items.map((s, i) => (
              <li
                key={s.id}
                className="stm-suggestion"
                tabIndex={0}
                aria-label={`${s.speaker}: ${clip(s.exact, 80)}`}
                onKeyDown={(e) => {
                  if (e.target !== e.currentTarget || e.ctrlKey || e.metaKey || e.altKey) return;
                  if (e.key === 'a' || e.key === 'A') {
                    e.preventDefault();
                    void act(s, 'accept', i);
                  } else if (e.key === 'd' || e.key === 'D') {
                    e.preventDefault();
                    void act(s, 'dismiss', i);
                  } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                    e.preventDefault();
                    if (e.key === 'ArrowDown' && i === items.length - 1 && all.length > items.length) {
                      // Past the last one shown: show the next page and move into it once drawn.
                      const here = e.currentTarget;
                      setShown((n) => n + PAGE);
                      window.setTimeout(() => (here.nextElementSibling as HTMLElement | null)?.focus(), 0);
                      return;
                    }
                    const sib = (e.key === 'ArrowDown' ? e.currentTarget.nextElementSibling : e.currentTarget.previousElementSibling) as HTMLElement | null;
                    sib?.focus();
                  }
                }}
              >
                <div className="stm-speaker">
                  <strong>{s.speaker}</strong>
                  {s.handle && <span className="muted"> {s.handle}</span>}
                </div>
                <div className="muted stm-meta">{describe(s)}</div>
                <blockquote>“{clip(s.exact, 220)}”</blockquote>
                <div className="stm-actions">
                  <button type="button" tabIndex={-1} aria-label={`Accept suggestion: ${s.speaker}`} onClick={() => void act(s, 'accept', i)}>
                    Accept
                  </button>
                  <button type="button" tabIndex={-1} aria-label={`Dismiss suggestion: ${s.speaker}`} onClick={() => void act(s, 'dismiss', i)}>
                    Dismiss
                  </button>
                </div>
              </li>
            ))}
          </ol>
          {all.length > items.length && (
            <button type="button" className="link-button" onClick={() => setShown((n) => n + PAGE)}>
              Show {Math.min(PAGE, all.length - items.length)} more suggestions ({all.length - items.length} not shown)
            </button>
          )}
        </>
      )}
    </section>
  );
}
