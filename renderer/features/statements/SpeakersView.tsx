import { useState } from 'react';
import type { SpeakerDetail } from '../../../shared/api/methods/statements';
import type { SpeakerId } from '../../../shared/model/ids';
import { useNavigation } from '../../app/navigation';
import { api } from '../../data/client';
import { useLibraryQuery } from '../../data/hooks';
import { how } from './format';
import '../../ui/statements.css';

const span = (r: SpeakerDetail['roles'][number]) => (r.from ? (r.from === r.to || !r.to ? r.from : `${r.from} – ${r.to}`) : 'dates not known');

function SpeakerDetailPane({ id, all }: { id: number; all: SpeakerDetail[] }) {
  const { navigate, notify } = useNavigation();
  const detail = useLibraryQuery(() => api.speakers.get({ id: id as SpeakerId }), [id], ['statements', 'annotations', 'links', 'trash']);
  const [alias, setAlias] = useState('');
  const [merge, setMerge] = useState<number[]>([]);
  if (detail.error) return <p className="error">{detail.error}</p>;
  if (!detail.data) return null;
  const { speaker, timeline } = detail.data;
  const others = all.filter((s) => s.id !== speaker.id);

  const addAlias = async () => {
    try {
      await api.speakers.addAlias({ id: speaker.id as SpeakerId, alias });
      setAlias('');
    } catch (err) {
      notify((err as Error).message);
    }
  };
  const doMerge = async () => {
    try {
      await api.speakers.merge({ intoId: speaker.id as SpeakerId, fromIds: merge as SpeakerId[] });
      notify(`Merged ${merge.length} speaker${merge.length === 1 ? '' : 's'} into ${speaker.name}.`);
      setMerge([]);
    } catch (err) {
      notify((err as Error).message);
    }
  };

  return (
    <article className="stm-speaker-detail" aria-label={speaker.name}>
      <h2>{speaker.name}</h2>
      <p>
        <strong>Also known as:</strong> {speaker.aliases.length ? speaker.aliases.join(', ') : <span className="muted">no other names yet</span>}
      </p>
      <div className="stm-inline-form">
        <label>
          New alias
          <input type="text" value={alias} onChange={(e) => setAlias(e.target.value)} placeholder="e.g. @PentagonPresSec" />
        </label>
        <button type="button" disabled={!alias.trim()} onClick={() => void addAlias()}>
          Add alias
        </button>
      </div>
      <h3 className="stm-subhead">Roles over time</h3>
      {speaker.roles.length === 0 ? (
        <p className="muted">No role recorded. Roles come from the statements you mark.</p>
      ) : (
        <ul className="plain-list">
          {speaker.roles.map((r) => (
            <li key={r.role}>
              {r.role} <span className="muted">({span(r)})</span>
            </li>
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <fieldset className="stm-merge">
          <legend>Merge other speakers into {speaker.name}</legend>
          {others.map((s) => (
            <label key={s.id} className="stm-inline">
              <input type="checkbox" checked={merge.includes(s.id)} onChange={() => setMerge((m) => (m.includes(s.id) ? m.filter((x) => x !== s.id) : [...m, s.id]))} /> {s.name}
              {s.aliases.length > 0 && <span className="muted"> ({s.aliases.join(', ')})</span>}
            </label>
          ))}
          <button type="button" disabled={merge.length === 0} onClick={() => void doMerge()}>
            Merge into {speaker.name}
          </button>
        </fieldset>
      )}
      <h3 className="stm-subhead">Statements in date order</h3>
      {timeline.length === 0 && <p className="muted">No statements yet.</p>}
      <ol className="stm-timeline" aria-label="Timeline">
        {timeline.map((r) => (
          <li key={r.annotation.id}>
            <div className="muted stm-meta">
              {[r.annotation.statement?.saidOn?.slice(0, 10) ?? r.source.publishedAt?.slice(0, 10), r.annotation.statement?.role].filter(Boolean).join(' · ')}
            </div>
            <button
              type="button"
              className="stm-quote-link"
              onClick={() => navigate({ kind: 'library', sourceId: r.source.id, focus: { annotationId: r.annotation.id, start: r.annotation.start, end: r.annotation.end } })}
            >
              “{r.annotation.exact}”
            </button>
            <div className="muted stm-meta">
              {how(r.annotation)} — {r.source.title}
              {r.contested && <span className="stm-contested"> Contested</span>}
            </div>
          </li>
        ))}
      </ol>
    </article>
  );
}

/** Everyone quoted in the library, their names and roles, and what they said over time. */
export function SpeakersView({ speakerId }: { speakerId?: number }) {
  const { navigate } = useNavigation();
  const [query, setQuery] = useState('');
  const list = useLibraryQuery(() => api.speakers.list({}), [], ['statements', 'annotations', 'trash']);
  const all = list.data ?? [];
  const q = query.trim().toLowerCase();
  const shown = q ? all.filter((s) => [s.name, ...s.aliases].some((n) => n.toLowerCase().includes(q))) : all;
  const selected = speakerId ?? (all.length ? all[0].id : undefined);
  return (
    <section className="page stm-speakers" aria-label="Speakers">
      <h1>Speakers</h1>
      {list.data && all.length === 0 && <p className="muted">No speakers yet. Mark a passage as a statement, or accept a suggested quote, and its speaker appears here.</p>}
      {all.length > 0 && (
        <div className="stm-speakers-layout">
          <div>
            <label>
              Find a speaker
              <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
            </label>
            <ul className="stm-speaker-list" aria-label="Speaker list">
              {shown.map((s) => (
                <li key={s.id}>
                  <button type="button" aria-current={s.id === selected ? 'true' : undefined} onClick={() => navigate({ kind: 'speakers', speakerId: s.id })}>
                    <span className="stm-speaker-name">{s.name}</span>
                    <span className="muted">
                      {s.statementCount} statement{s.statementCount === 1 ? '' : 's'}
                      {s.roles.length ? ` · ${s.roles[s.roles.length - 1].role}` : ''}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
          {selected !== undefined && <SpeakerDetailPane id={selected} all={all} />}
        </div>
      )}
    </section>
  );
}
