import { useEffect, useMemo, useState } from 'react';
import type { RelatedStatement, StatementRow } from '../../../shared/api/methods/statements';
import type { Annotation } from '../../../shared/model/entities';
import type { AnnotationId } from '../../../shared/model/ids';
import { type Relation, RELATIONS } from '../../../shared/model/statement';
import { api } from '../../data/client';
import { useNavigation } from '../../app/navigation';
import { Modal } from '../../ui/Modal';
import { clip, who } from './format';

interface Props {
  from: Annotation;
  initialTo?: AnnotationId;
  initialRelation?: Relation;
  onClose: () => void;
}

const CONFIDENCE = [
  { value: '', label: 'Not stated' },
  { value: '0.3', label: 'Low' },
  { value: '0.6', label: 'Medium' },
  { value: '0.9', label: 'High' },
];

/** Links the statement to another one anywhere in the library; the most likely ones come first. */
export function LinkDialog({ from, initialTo, initialRelation, onClose }: Props) {
  const { notify } = useNavigation();
  const [related, setRelated] = useState<RelatedStatement[]>([]);
  const [all, setAll] = useState<StatementRow[]>([]);
  const [query, setQuery] = useState('');
  const [to, setTo] = useState<AnnotationId | null>(initialTo ?? null);
  const [relation, setRelation] = useState<Relation>(initialRelation ?? 'supports');
  const [note, setNote] = useState('');
  const [confidence, setConfidence] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.statements.related({ id: from.id, limit: 8 }).then(setRelated, () => setRelated([]));
    api.statements.list({}).then(setAll, () => setAll([]));
  }, [from.id]);

  const candidates = useMemo(() => {
    const q = query.trim().toLowerCase();
    const ranked = related.map((r) => r.row);
    const rest = all.filter((r) => r.annotation.id !== from.id && !ranked.some((x) => x.annotation.id === r.annotation.id));
    const list = [...ranked, ...rest];
    if (!q) return list.slice(0, 30);
    return list.filter((r) => `${r.annotation.exact} ${who(r.annotation)} ${r.source.title}`.toLowerCase().includes(q)).slice(0, 30);
  }, [related, all, query, from.id]);

  const save = async () => {
    setError(null);
    if (to === null) {
      setError('Choose the statement to link to.');
      return;
    }
    try {
      await api.links.create({ fromId: from.id, toId: to, relation, note, confidence: confidence ? Number(confidence) : null });
      notify(`Linked: ${RELATIONS[relation].label}.`);
      onClose();
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <Modal title="Link statement" onClose={onClose} onSubmit={() => void save()} className="stm-dialog stm-wide">
      <p>
        From <strong>{who(from)}</strong>: “{clip(from.exact, 200)}”
      </p>
      <label>
        Relation
        <select value={relation} onChange={(e) => setRelation(e.target.value as Relation)}>
          {Object.entries(RELATIONS).map(([key, r]) => (
            <option key={key} value={key}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Find a statement
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Words of the quote, speaker or source" />
      </label>
      <fieldset className="stm-targets">
        <legend>Link to</legend>
        {candidates.length === 0 && <p className="muted">No other statements yet. Mark another passage as a statement, in this source or any other, then link them.</p>}
        {candidates.map((r) => {
          const reasons = related.find((x) => x.row.annotation.id === r.annotation.id)?.reasons;
          return (
            <label key={r.annotation.id} className="stm-target">
              <input type="radio" name="link-to" checked={to === r.annotation.id} onChange={() => setTo(r.annotation.id)} />
              <span>
                <strong>{who(r.annotation)}</strong>: “{clip(r.annotation.exact, 160)}” <span className="muted">— {r.source.title}</span>
                {reasons && <span className="stm-reason"> · likely related ({reasons.join(', ')})</span>}
              </span>
            </label>
          );
        })}
      </fieldset>
      <label>
        Note
        <textarea rows={3} value={note} onChange={(e) => setNote(e.target.value)} placeholder="Why: what the second statement changes about the first" />
      </label>
      <label>
        Confidence
        <select value={confidence} onChange={(e) => setConfidence(e.target.value)}>
          {CONFIDENCE.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={() => void save()}>
          Link statement
        </button>
      </div>
    </Modal>
  );
}
