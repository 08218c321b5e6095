import { useEffect, useState } from 'react';
import { useNavigation, useView } from '../../app/navigation';
import { api } from '../../data/client';
import { useLibraryQuery } from '../../data/hooks';
import { onSavedSearchesChanged } from './saved-events';
import '../../ui/search.css';

/** Saved searches in the sidebar, each with what it finds now; counts follow every change to the library. */
export function SavedSearches() {
  const { navigate, notify } = useNavigation();
  const view = useView();
  const { data, reload } = useLibraryQuery(() => api.search.listSaved({}), [], ['sources', 'annotations', 'tags', 'statements', 'links', 'briefs', 'trash']);
  const [removed, setRemoved] = useState<{ id: number; name: string } | null>(null);
  useEffect(() => onSavedSearchesChanged(reload), [reload]);

  return (
    <nav className="saved-searches" aria-label="Saved searches">
      <h2>Saved searches</h2>
      {data && data.length === 0 && <p className="muted">Search, then “Save search” to keep it here.</p>}
      <ul className="plain-list">
        {data?.map((s) => (
          <li key={s.id} className="saved-search">
            <button
              type="button"
              title={s.query}
              aria-current={view.kind === 'search' && view.query === s.query ? 'page' : undefined}
              onClick={() => navigate({ kind: 'search', query: s.query })}
            >
              <span className="saved-search-name">{s.name}</span>{' '}
              <span className="count" aria-label={`${s.count > 100 ? 'more than 100' : s.count} found`}>
                {s.count > 100 ? '100+' : s.count}
              </span>
            </button>
            <button
              type="button"
              className="icon"
              aria-label={`Remove saved search ${s.name}`}
              onClick={() =>
                api.search.deleteSaved({ id: s.id }).then(
                  () => {
                    setRemoved({ id: s.id, name: s.name });
                    reload();
                  },
                  (e: Error) => notify(e.message),
                )
              }
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {removed && (
        <button
          type="button"
          className="link"
          onClick={() =>
            api.search.restoreSaved({ id: removed.id }).then(
              () => {
                setRemoved(null);
                reload();
              },
              (e: Error) => notify(e.message),
            )
          }
        >
          Undo remove “{removed.name}”
        </button>
      )}
    </nav>
  );
}
