import { useState } from 'react';
import type { AnnotationId } from '../../../shared/model/ids';
import { MEDIA, type Relation, RELATIONS } from '../../../shared/model/statement';
import { useNavigation } from '../../app/navigation';
import { api } from '../../data/client';
import { useLibraryQuery } from '../../data/hooks';
import { clip } from './format';
import '../../ui/statements.css';

/** Every statement as a row, filterable, with its links, so contested claims stand out. */
export function ClaimsView() {
  const { navigate } = useNavigation();
  const [speakerId, setSpeakerId] = useState('');
  const [tag, setTag] = useState('');
  const [relation, setRelation] = useState<Relation | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [contested, setContested] = useState(false);
  const [picked, setPicked] = useState<AnnotationId[]>([]);
  const speakers = useLibraryQuery(() => api.speakers.list({}), [], ['statements']);
  const rows = useLibraryQuery(
    () =>
      api.statements.list({
        speakerId: speakerId ? (Number(speakerId) as never) : undefined,
        tag: tag.trim() || undefined,
        relation: relation || undefined,
        from: from || undefined,
        to: to || undefined,
        contested: contested || undefined,
      }),
    [speakerId, tag, relation, from, to, contested],
    ['annotations', 'statements', 'links', 'tags', 'trash', 'sources'],
  );
  const toggle = (id: AnnotationId) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id]));

  return (
    <section className="page stm-claims" aria-label="Claims">
      <h1>Claims</h1>
      <div className="stm-filters" role="group" aria-label="Filters">
        <label>
          Speaker
          <select value={speakerId} onChange={(e) => setSpeakerId(e.target.value)}>
            <option value="">Anyone</option>
            {(speakers.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tag
          <input type="text" value={tag} onChange={(e) => setTag(e.target.value)} placeholder="e.g. iraq" />
        </label>
        <label>
          Relation
          <select value={relation} onChange={(e) => setRelation(e.target.value as Relation | '')}>
            <option value="">Any or none</option>
            {Object.entries(RELATIONS).map(([key, r]) => (
              <option key={key} value={key}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          To
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <label className="stm-inline">
          <input type="checkbox" checked={contested} onChange={(e) => setContested(e.target.checked)} /> Only contested
        </label>
        <button type="button" disabled={picked.length < 2} onClick={() => navigate({ kind: 'compare', annotationIds: picked })}>
          Compare
        </button>
      </div>
      {rows.error && <p className="error">{rows.error}</p>}
      {rows.data && rows.data.length === 0 && (
        <p className="muted">No statements match. Open a source, select what someone said and press Mark as statement, or accept a suggested quote.</p>
      )}
      {rows.data && rows.data.length > 0 && (
        <table className="stm-table">
          <thead>
            <tr>
              <th scope="col">
                <span className="stm-sr-only">Pick to compare</span>
              </th>
              <th scope="col">Speaker</th>
              <th scope="col">Role</th>
              <th scope="col">Said on</th>
              <th scope="col">Medium</th>
              <th scope="col">Quote</th>
              <th scope="col">Source</th>
              <th scope="col">Links</th>
            </tr>
          </thead>
          <tbody>
            {rows.data.map((r) => {
              const a = r.annotation;
              const s = a.statement!;
              return (
                <tr key={a.id} className={r.contested ? 'stm-row-contested' : undefined}>
                  <td>
                    <input type="checkbox" aria-label={`Pick ${s.speakerName ?? 'statement'}: ${clip(a.exact, 40)}`} checked={picked.includes(a.id)} onChange={() => toggle(a.id)} />
                  </td>
                  <td>{s.speakerName ?? '—'}</td>
                  <td>{s.role ?? '—'}</td>
                  <td>{s.saidOn?.slice(0, 10) ?? '—'}</td>
                  <td>{s.medium ? MEDIA[s.medium] : '—'}</td>
                  <td>
                    <button type="button" className="stm-quote-link" onClick={() => navigate({ kind: 'library', sourceId: r.source.id, focus: { annotationId: a.id, start: a.start, end: a.end } })}>
                      “{clip(a.exact, 160)}”
                    </button>
                    {s.quoteKind === 'paraphrase' && <span className="muted"> (paraphrase)</span>}
                  </td>
                  <td>{r.source.title}</td>
                  <td>
                    {r.contested && <span className="stm-contested">Contested</span>}
                    <ul className="stm-links">
                      {r.links.map((l) => (
                        <li key={l.id}>
                          {l.direction === 'out' ? `${l.label} → ` : `${l.label} ← `}
                          {l.other.speakerName ?? 'Unknown'}
                          <button type="button" className="stm-small" onClick={() => navigate({ kind: 'compare', annotationIds: [a.id, l.other.id] })} aria-label={`Compare with ${l.other.speakerName ?? 'linked statement'}`}>
                            Compare
                          </button>
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
