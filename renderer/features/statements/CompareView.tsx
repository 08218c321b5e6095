import type { CompareItem } from '../../../shared/api/methods/statements';
import type { AnnotationId } from '../../../shared/model/ids';
import { RELATIONS } from '../../../shared/model/statement';
import { useNavigation } from '../../app/navigation';
import { api } from '../../data/client';
import { useLibraryQuery } from '../../data/hooks';
import { medium, who } from './format';
import '../../ui/statements.css';
import { diffWords } from './word-diff';

/** One quote with the words the others do not share marked. */
function MarkedQuote({ item, others }: { item: CompareItem; others: CompareItem[] }) {
  const parts = diffWords(item.row.annotation.exact, others.map((o) => o.row.annotation.exact).join(' '));
  return (
    <>
      {parts.map((p, i) =>
        p.changed ? (
          <mark key={i} className="stm-diff">
            <span className="stm-sr-only">(differs) </span>
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

/** Linked statements side by side: who, role, when, how, where, the context, and how they bear on each other. */
export function CompareView({ annotationIds }: { annotationIds: AnnotationId[] }) {
  const { navigate } = useNavigation();
  const result = useLibraryQuery(() => api.statements.compare({ ids: annotationIds }), [annotationIds.join(',')], ['annotations', 'statements', 'links', 'trash']);
  const items = result.data?.items ?? [];
  const name = (id: number) => {
    const a = items.find((i) => i.row.annotation.id === id)?.row.annotation;
    return a ? who(a) : `#${id}`;
  };
  return (
    <section className="page stm-compare" aria-label="Compare statements">
      <h1>Compare statements</h1>
      {result.error && <p className="error">{result.error}</p>}
      {result.data && result.data.links.length > 0 && (
        <ul className="stm-compare-links" aria-label="Relations">
          {result.data.links.map((l) => (
            <li key={l.id}>
              <strong>{name(l.fromId)}</strong> <span className={`stm-rel stm-rel-${l.relation}`}>{RELATIONS[l.relation].label}</span> <strong>{name(l.toId)}</strong>
              {l.confidence !== null && <span className="muted"> (confidence {Math.round(l.confidence * 100)}%)</span>}
              {l.note && <p className="stm-note">{l.note}</p>}
            </li>
          ))}
        </ul>
      )}
      {result.data && result.data.links.length === 0 && <p className="muted">These statements are not linked yet. Use Link statement on one of them to say how they bear on each other.</p>}
      <div className="stm-columns">
        {items.map((item) => {
          const a = item.row.annotation;
          return (
            <article key={a.id} className="stm-column" aria-label={`Statement by ${a.statement?.speakerName ?? 'unknown speaker'}`}>
              <h2>{a.statement?.speakerName ?? 'Unknown speaker'}</h2>
              <dl className="stm-facts">
                <dt>Role</dt>
                <dd>{a.statement?.role ?? '—'}</dd>
                <dt>Said on</dt>
                <dd>{a.statement?.saidOn?.slice(0, 10) ?? '—'}</dd>
                <dt>Medium</dt>
                <dd>{medium(a) || '—'}</dd>
                <dt>Source</dt>
                <dd>
                  {item.row.source.title}
                  {item.row.source.outlet ? ` — ${item.row.source.outlet}` : ''}
                  {item.row.source.publishedAt ? ` (${item.row.source.publishedAt.slice(0, 10)})` : ''}
                </dd>
              </dl>
              <p className="stm-context">
                <span className="muted">{item.before}</span>
                <a
                  href="#"
                  className="stm-quote-link"
                  title="Open this passage in its source"
                  onClick={(e) => {
                    e.preventDefault();
                    navigate({ kind: 'library', sourceId: item.row.source.id, focus: { annotationId: a.id, start: a.start, end: a.end } });
                  }}
                >
                  <MarkedQuote item={item} others={items.filter((o) => o !== item)} />
                </a>
                <span className="muted">{item.after}</span>
              </p>
            </article>
          );
        })}
      </div>
    </section>
  );
}
