import { useEffect, useMemo, useRef, useState } from 'react';
import type { SourceId } from '../../../shared/model/ids';
import { api } from '../../data/client';
import { useLibraryQuery } from '../../data/hooks';
import '../../ui/library.css';
import { isTypingOrModal, matchesShortcut } from '../reader/shortcuts';
import { TagFilter } from '../tags/TagFilter';
import { SourceList } from './SourceList';
import { type LibraryFilters, NO_FILTERS, useSourcePages } from './useSourcePages';

interface Props {
  selected: SourceId | null;
  onOpen: (id: SourceId) => void;
  onPaste: () => void;
}

/** Typing waits this long for the next keystroke before querying, so fast typists cause one query, not ten. */
const TYPING_PAUSE_MS = 120;

const SORTS: Array<{ value: LibraryFilters['sort']; label: string }> = [
  { value: 'imported', label: 'Date imported' },
  { value: 'published', label: 'Date published' },
  { value: 'title', label: 'Title' },
];

export function LibraryPanel({ selected, onOpen, onPaste }: Props) {
  const [filters, setFilters] = useState<LibraryFilters>(NO_FILTERS);
  const [typed, setTyped] = useState('');
  const filterBox = useRef<HTMLInputElement>(null);
  const set = (patch: Partial<LibraryFilters>) => setFilters((f) => ({ ...f, ...patch }));

  useEffect(() => {
    const timer = window.setTimeout(() => setFilters((f) => (f.query === typed ? f : { ...f, query: typed })), TYPING_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [typed]);

  // L jumps to the filter box from anywhere that is not a text field ("/" belongs to the global search).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (matchesShortcut('library.filter', e) && !isTypingOrModal(e)) {
        e.preventDefault();
        filterBox.current?.focus();
        filterBox.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const pages = useSourcePages(filters);
  const outlets = useLibraryQuery(() => api.sources.outlets({}), [], ['sources', 'trash']);
  const filtered = useMemo(
    () => Boolean(filters.query.trim() || filters.tag || filters.outlet || filters.publishedFrom || filters.publishedTo),
    [filters],
  );
  const moreOpen = Boolean(filters.outlet || filters.publishedFrom || filters.publishedTo);

  return (
    <section className="library" aria-label="Library">
      <header className="panel-header">
        <h2>Library</h2>
        <button type="button" onClick={onPaste} title="Paste article (Ctrl+V)">
          Paste article
        </button>
      </header>
      <div className="library-filters">
        <input
          ref={filterBox}
          type="search"
          aria-label="Filter library"
          placeholder="Filter by title, byline, outlet  (L)"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && typed) {
              e.preventDefault();
              setTyped('');
            } else if (e.key === 'ArrowDown') {
              e.preventDefault();
              e.currentTarget.closest('.library')?.querySelector<HTMLButtonElement>('.source-item[tabindex="0"]')?.focus();
            }
          }}
        />
        <div className="library-filter-row">
          <TagFilter value={filters.tag} onChange={(tag) => set({ tag })} />
          <select className="library-sort" aria-label="Sort by" value={filters.sort} onChange={(e) => set({ sort: e.target.value as LibraryFilters['sort'] })}>
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <details className="library-more" open={moreOpen || undefined}>
          <summary>Outlet and dates</summary>
          <select aria-label="Outlet" value={filters.outlet ?? ''} onChange={(e) => set({ outlet: e.target.value || null })}>
            <option value="">All outlets</option>
            {(outlets.data ?? []).map((o) => (
              <option key={o.outlet} value={o.outlet}>
                {o.outlet} ({o.count.toLocaleString('en')})
              </option>
            ))}
          </select>
          <div className="library-dates">
            <input type="date" aria-label="Published from" value={filters.publishedFrom ?? ''} onChange={(e) => set({ publishedFrom: e.target.value || null })} />
            <span aria-hidden="true">–</span>
            <input type="date" aria-label="Published to" value={filters.publishedTo ?? ''} onChange={(e) => set({ publishedTo: e.target.value || null })} />
          </div>
        </details>
      </div>
      {pages.error && <p role="alert" className="error library-message">{pages.error}</p>}
      {pages.total !== null && (
        <p className="library-total muted" aria-live="polite">
          {pages.total.toLocaleString('en')} {pages.total === 1 ? 'source' : 'sources'}
          {filtered ? ' match' : ''}
          {filtered && (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setTyped('');
                setFilters((f) => ({ ...NO_FILTERS, sort: f.sort }));
              }}
            >
              Clear filters
            </button>
          )}
        </p>
      )}
      {pages.total === 0 && !filtered && (
        <div className="empty-state">
          <p>Your library is empty.</p>
          <p>
            Press <kbd>Paste article</kbd> (or <kbd>Ctrl</kbd>+<kbd>V</kbd>) to add an article from the clipboard, or import files with{' '}
            <code>collate import</code>.
          </p>
        </div>
      )}
      {pages.total === 0 && filtered && (
        <p className="empty-state">No sources match these filters. Change or clear them to see more of the library.</p>
      )}
      {pages.items.length > 0 && (
        <SourceList
          items={pages.items}
          total={pages.total ?? pages.items.length}
          selected={selected}
          hasMore={pages.hasMore}
          onOpen={onOpen}
          onNeedMore={pages.loadMore}
        />
      )}
    </section>
  );
}
