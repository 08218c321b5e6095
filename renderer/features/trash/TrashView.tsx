import { api } from '../../data/client';
import { useLibraryQuery } from '../../data/hooks';
import { useNavigation } from '../../app/navigation';

export function TrashView() {
  const { notify } = useNavigation();
  const { data } = useLibraryQuery(() => api.trash.list({}), [], ['trash']);
  return (
    <section className="page" aria-label="Trash">
      <h1>Trash</h1>
      {data && data.length === 0 && <p className="muted">The trash is empty. Deleted sources, highlights and briefs wait here until you restore them.</p>}
      {data && data.length > 0 && (
        <ul className="plain-list">
          {data.map((item) => (
            <li key={item.id} className="row">
              <span>
                <strong>{item.kind}</strong> {item.label} <span className="muted">deleted {item.deletedAt.slice(0, 16).replace('T', ' ')}</span>
              </span>
              <button
                type="button"
                aria-label={`Restore ${item.kind} ${item.label}`}
                onClick={() => api.trash.restore({ id: item.id }).then(() => notify(`Restored ${item.label}.`), (e: Error) => notify(e.message))}
              >
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
