import { useEffect, useMemo, useRef, useState } from 'react';
import type { SearchHit } from '../../../shared/api/methods/search';
import type { ResultKind } from '../../../shared/search/query';
import { useNavigation, type View } from '../../app/navigation';
import { api } from '../../data/client';
import { savedSearchesChanged } from './saved-events';
import { SEARCH_BOX_ID } from './SearchBox';
import { Snippet } from './Snippet';
import { useSearch } from './useSearch';
import '../../ui/search.css';

const LABELS: Record<ResultKind, string> = { source: 'Sources', statement: 'Statements', annotation: 'Highlights and notes', brief: 'Briefs' };

export function viewFor(hit: SearchHit): View {
  return hit.open.kind === 'brief'
    ? { kind: 'briefs', briefId: hit.open.briefId }
    : { kind: 'library', sourceId: hit.open.sourceId, focus: hit.open.focus ?? undefined };
}

const SYNTAX: Array<[string, string]> = [
  ['nato troops', 'both words'],
  ['"force levels"', 'this exact phrase'],
  ['negoti*', 'words starting so'],
  ['iraq -syria', 'leave a word out'],
  ['iraq OR syria', 'either word'],
  ['tag:iraq  speaker:kirby  outlet:reuters', 'filters'],
  ['after:2021-01-01  before:2021-03', 'dates'],
  ['is:statement  relation:contradicts', 'statements and their links'],
];

export function SearchView({ query }: { query: string }) {
  const { navigate, notify } = useNavigation();
  const { result, error, pending } = useSearch(query);
  const [active, setActive] = useState(0);
  const [saving, setSaving] = useState<string | null>(null);
  const flat = useMemo(() => result?.groups.flatMap((g) => g.hits) ?? [], [result]);
  const flatRef = useRef(flat);
  flatRef.current = flat;
  const activeRef = useRef(active);
  activeRef.current = active;

  useEffect(() => setActive(0), [query]);

  // The search box keeps focus while the arrows move through results and Enter opens one.
  useEffect(() => {
    const box = document.getElementById(SEARCH_BOX_ID) as HTMLInputElement | null;
    if (!box) return;
    const onKey = (e: KeyboardEvent) => {
      const hits = flatRef.current;
      if (e.key === 'ArrowDown' && hits.length) {
        e.preventDefault();
        setActive((i) => Math.min(hits.length - 1, i + 1));
      } else if (e.key === 'ArrowUp' && hits.length) {
        e.preventDefault();
        setActive((i) => Math.max(0, i - 1));
      } else if (e.key === 'Enter') {
        const hit = hits[activeRef.current];
        if (hit) {
          e.preventDefault();
          navigate(viewFor(hit));
        }
      }
    };
    box.addEventListener('keydown', onKey);
    return () => box.removeEventListener('keydown', onKey);
  }, [navigate]);

  useEffect(() => {
    const box = document.getElementById(SEARCH_BOX_ID);
    const hit = flat[active];
    if (box) {
      if (hit) box.setAttribute('aria-activedescendant', `search-hit-${hit.kind}-${hit.id}`);
      else box.removeAttribute('aria-activedescendant');
    }
    document.getElementById(hit ? `search-hit-${hit.kind}-${hit.id}` : '')?.scrollIntoView({ block: 'nearest' });
  }, [flat, active]);

  const save = (name: string) =>
    api.search.save({ name, query }).then(
      (s) => {
        setSaving(null);
        savedSearchesChanged();
        notify(`Saved "${s.name}"; it is in the sidebar.`);
      },
      (e: Error) => notify(e.message),
    );

  const total = flat.length;
  return (
    <section className="page search-view" aria-label="Search results" aria-busy={pending}>
      <header className="search-head">
        <h1>Search</h1>
        {query.trim() && (
          <span className="muted" aria-live="polite">
            {pending && !result ? 'Searching…' : result ? `${total}${result.groups.some((g) => g.more) ? '+' : ''} found · ${result.order === 'ranked' ? 'best matches first' : 'newest first (ranking…)'}` : ''}
          </span>
        )}
        {query.trim() && saving === null && (
          <button type="button" onClick={() => setSaving(query.trim())}>
            Save search
          </button>
        )}
      </header>
      {saving !== null && (
        <form
          className="search-save"
          onSubmit={(e) => {
            e.preventDefault();
            void save(saving);
          }}
        >
          <label>
            Name <input aria-label="Saved search name" value={saving} onChange={(e) => setSaving(e.target.value)} autoFocus maxLength={200} />
          </label>
          <button type="submit">Save</button>
          <button type="button" onClick={() => setSaving(null)}>
            Cancel
          </button>
        </form>
      )}
      {error && <p role="alert">{error}</p>}
      {result?.notices.map((n) => (
        <p key={n} className="search-notice">
          {n}
        </p>
      ))}
      {!query.trim() && (
        <div className="search-help">
          <p className="muted">Type in the Search box (Ctrl+K or /) to look through sources, statements, highlights and briefs.</p>
          <dl>
            {SYNTAX.map(([example, meaning]) => (
              <div key={example}>
                <dt>
                  <code>{example}</code>
                </dt>
                <dd>{meaning}</dd>
              </div>
            ))}
          </dl>
        </div>
      )}
      {query.trim() && result && total === 0 && result.notices.length === 0 && (
        <p className="muted">Nothing matches “{query}”. Try fewer words, a prefix such as negoti*, or remove a filter.</p>
      )}
      <div id="search-results">
        {result?.groups.map((g) => (
          <section key={g.kind} className="search-group" aria-label={LABELS[g.kind]}>
            <h2>
              {LABELS[g.kind]} <span className="muted">{g.hits.length}{g.more ? '+' : ''}</span>
            </h2>
            <ul className="plain-list">
              {g.hits.map((hit) => {
                const index = flat.indexOf(hit);
                return (
                  <li key={hit.id}>
                    <button
                      type="button"
                      id={`search-hit-${hit.kind}-${hit.id}`}
                      className={`search-hit${index === active ? ' active' : ''}`}
                      onClick={() => navigate(viewFor(hit))}
                      onMouseEnter={() => setActive(index)}
                    >
                      <span className="search-hit-title">{hit.title}</span>
                      {hit.detail && <span className="search-hit-detail muted">{hit.detail}</span>}
                      <Snippet runs={hit.snippet} />
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
