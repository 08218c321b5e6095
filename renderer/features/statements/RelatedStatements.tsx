import { useState } from 'react';
import type { RelatedStatement } from '../../../shared/api/methods/statements';
import type { Annotation } from '../../../shared/model/entities';
import type { LinkId } from '../../../shared/model/ids';
import { type Relation, RELATIONS } from '../../../shared/model/statement';
import { api } from '../../data/client';
import { clip, who } from './format';

interface Props {
  from: Annotation;
  related: RelatedStatement[];
  /** The full Link dialog for this target and relation, for a note or a confidence. */
  onDetails: (to: RelatedStatement, relation: Relation) => void;
}

/**
 * The statements most likely about the same thing as `from`, each linked in
 * one click with the relation shown beside it; a link made by mistake is
 * undone from the same row (it goes to the trash like any deleted link).
 */
export function RelatedStatements({ from, related, onDetails }: Props) {
  return (
    <section aria-label="Possibly related statements">
      <h3 className="stm-subhead">Possibly about the same thing</h3>
      <ol className="stm-related">
        {related.map((r) => (
          <RelatedRow key={r.row.annotation.id} from={from} related={r} onDetails={onDetails} />
        ))}
      </ol>
    </section>
  );
}

function RelatedRow({ from, related, onDetails }: { from: Annotation; related: RelatedStatement; onDetails: Props['onDetails'] }) {
  const other = related.row.annotation;
  const [relation, setRelation] = useState<Relation>('supports');
  const [linkId, setLinkId] = useState<LinkId | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const name = `${who(other)}: ${clip(other.exact, 60)}`;
  const label = RELATIONS[relation].label;

  // Busy guards a double click from making the same link twice.
  const run = async (action: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const link = () =>
    run(async () => {
      const made = await api.links.create({ fromId: from.id, toId: other.id, relation, note: '', confidence: null });
      setLinkId(made.id);
    });
  const undo = () =>
    run(async () => {
      if (linkId === null) return;
      await api.links.delete({ id: linkId });
      setLinkId(null);
    });

  return (
    <li aria-label={name}>
      <span>
        <strong>{who(other)}</strong>: “{clip(other.exact, 160)}” <span className="muted">— {related.row.source.title} ({related.reasons.join(', ')})</span>
      </span>
      {linkId === null ? (
        <span className="stm-actions">
          <select aria-label={`Relation to ${name}`} value={relation} onChange={(e) => setRelation(e.target.value as Relation)}>
            {Object.entries(RELATIONS).map(([key, r]) => (
              <option key={key} value={key}>
                {r.label}
              </option>
            ))}
          </select>
          <button type="button" disabled={busy} onClick={() => void link()} aria-label={`Link as ${label}: ${name}`}>
            Link as {label}
          </button>
          <button type="button" onClick={() => onDetails(related, relation)} aria-label={`Link with a note: ${name}`}>
            With a note…
          </button>
        </span>
      ) : (
        <span className="stm-actions" role="status">
          Linked: this statement {label} it.{' '}
          <button type="button" disabled={busy} onClick={() => void undo()} aria-label={`Undo link: ${name}`}>
            Undo
          </button>
        </span>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </li>
  );
}
