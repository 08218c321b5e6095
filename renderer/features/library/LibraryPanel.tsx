import type { SourceSummary } from '../../../shared/model/entities';
import type { SourceId } from '../../../shared/model/ids';
import { api } from '../../data/client';
import { useLibraryQuery } from '../../data/hooks';

interface Props {
  selected: SourceId | null;
  onOpen: (id: SourceId) => void;
  onPaste: () => void;
}

export function LibraryPanel({ selected, onOpen, onPaste }: Props) {
  const { data, error } = useLibraryQuery(() => api.sources.list({ limit: 100 }), [], ['sources', 'annotations', 'tags', 'trash']);
  return (
    <section className="library" aria-label="Library">
      <header className="panel-header">
        <h2>Library</h2>
        <button type="button" onClick={onPaste} title="Paste article (Ctrl+V)">
          Paste article
        </button>
      </header>
      {error && <p role="alert">{error}</p>}
      {data && data.total === 0 && (
        <div className="empty-state">
          <p>Your library is empty.</p>
          <p>
            Press <kbd>Paste article</kbd> (or <kbd>Ctrl</kbd>+<kbd>V</kbd>) to add an article from the clipboard, or import files with{' '}
            <code>collate import</code>.
          </p>
        </div>
      )}
      {data && data.total > 0 && (
        <ul className="source-list" aria-label="Sources">
          {data.items.map((s: SourceSummary) => (
            <li key={s.id}>
              <button
                type="button"
                className="source-item"
                aria-current={s.id === selected ? 'true' : undefined}
                onClick={() => onOpen(s.id)}
              >
                <span className="source-title">{s.title}</span>
                <span className="source-meta">
                  {[s.outlet, s.publishedAt?.slice(0, 10), s.annotationCount ? `${s.annotationCount} highlights` : null].filter(Boolean).join(' · ')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {data && data.total > data.items.length && <p className="muted">Showing {data.items.length} of {data.total}.</p>}
    </section>
  );
}
