import { useEffect, useId, useState } from 'react';
import type { RelatedStatement, SpeakerDetail } from '../../../shared/api/methods/statements';
import type { Annotation } from '../../../shared/model/entities';
import type { AnnotationId, SourceId } from '../../../shared/model/ids';
import { MEDIA, type Medium, type QuoteKind, type Relation } from '../../../shared/model/statement';
import { api } from '../../data/client';
import { Modal } from '../../ui/Modal';
import { clip, who } from './format';
import { LinkDialog } from './LinkDialog';
import { RelatedStatements } from './RelatedStatements';

type Target = { kind: 'selection'; sourceId: SourceId; start: number; end: number; exact: string } | { kind: 'annotation'; annotation: Annotation };

interface Props {
  target: Target;
  onClose: () => void;
}

/**
 * Records who said a passage, in what role, when, how and where it was reported.
 * After saving it shows the statements most likely about the same thing, each one click from a link.
 */
export function StatementDialog({ target, onClose }: Props) {
  const existing = target.kind === 'annotation' ? target.annotation.statement : null;
  const [speaker, setSpeaker] = useState(existing?.speakerName ?? '');
  const [role, setRole] = useState(existing?.role ?? '');
  const [saidOn, setSaidOn] = useState(existing?.saidOn?.slice(0, 10) ?? '');
  const [medium, setMedium] = useState<Medium | ''>(existing?.medium ?? '');
  const [reportedIn, setReportedIn] = useState(existing?.reportedIn ?? '');
  const [quoteKind, setQuoteKind] = useState<QuoteKind>(existing?.quoteKind ?? 'direct');
  const [speakers, setSpeakers] = useState<SpeakerDetail[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<Annotation | null>(null);
  const [related, setRelated] = useState<RelatedStatement[] | null>(null);
  const [linkTo, setLinkTo] = useState<{ to: AnnotationId; relation: Relation } | null>(null);
  const listId = useId();
  const exact = target.kind === 'selection' ? target.exact : target.annotation.exact;

  useEffect(() => {
    api.speakers.list({}).then(setSpeakers, () => setSpeakers([]));
  }, []);

  // A speaker picked from the index fills in their latest role, which is usually still right.
  const pickRole = (name: string) => {
    const s = speakers.find((x) => x.name.toLowerCase() === name.trim().toLowerCase() || x.aliases.some((a) => a.toLowerCase() === name.trim().toLowerCase()));
    if (s && !role && s.roles.length) setRole(s.roles[s.roles.length - 1].role);
  };

  const save = async () => {
    setError(null);
    const fields = {
      speakerName: speaker.trim() || undefined,
      role: role.trim() || null,
      saidOn: saidOn || null,
      medium: medium || null,
      reportedIn: reportedIn.trim() || null,
      quoteKind,
    };
    if (!fields.speakerName) {
      setError('Type or pick who said it.');
      return;
    }
    try {
      const a =
        target.kind === 'selection'
          ? await api.statements.create({ sourceId: target.sourceId, start: target.start, end: target.end, ...fields })
          : await api.statements.mark({ annotationId: target.annotation.id, ...fields });
      window.getSelection()?.removeAllRanges();
      setSaved(a);
      const found = await api.statements.related({ id: a.id, limit: 6 });
      if (found.length === 0) onClose();
      else setRelated(found);
    } catch (err) {
      setError((err as Error).message);
    }
  };

  if (linkTo !== null && saved) return <LinkDialog from={saved} initialTo={linkTo.to} initialRelation={linkTo.relation} onClose={onClose} />;

  if (saved && related) {
    return (
      <Modal title="Statement saved" onClose={onClose} className="stm-dialog">
        <p>
          <strong>{who(saved)}</strong>: “{clip(saved.exact)}”
        </p>
        <RelatedStatements from={saved} related={related} onDetails={(r, relation) => setLinkTo({ to: r.row.annotation.id, relation })} />
        <div className="modal-actions">
          <button type="button" className="primary" onClick={onClose}>
            Done
          </button>
        </div>
      </Modal>
    );
  }

  return (
    <Modal title={existing ? 'Edit statement' : 'Mark as statement'} onClose={onClose} onSubmit={() => void save()} className="stm-dialog">
      <blockquote className="stm-quote">“{clip(exact, 400)}”</blockquote>
      <label>
        Speaker
        <input
          type="text"
          role="combobox"
          aria-autocomplete="list"
          list={listId}
          value={speaker}
          onChange={(e) => setSpeaker(e.target.value)}
          onBlur={() => pickRole(speaker)}
          placeholder="Pick from the speakers index or type a new name"
        />
        <datalist id={listId}>
          {speakers.flatMap((s) => [s.name, ...s.aliases].map((name) => <option key={`${s.id}-${name}`} value={name} label={name === s.name ? undefined : s.name} />))}
        </datalist>
      </label>
      <div className="stm-grid">
        <label>
          Role
          <input type="text" value={role} onChange={(e) => setRole(e.target.value)} placeholder="at the time, e.g. Pentagon Press Secretary" />
        </label>
        <label>
          Said on
          <input type="date" value={saidOn} onChange={(e) => setSaidOn(e.target.value)} />
        </label>
        <label>
          Medium
          <select value={medium} onChange={(e) => setMedium(e.target.value as Medium | '')}>
            <option value="">Not known</option>
            {Object.entries(MEDIA).map(([key, label]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Where reported
          <input type="text" value={reportedIn} onChange={(e) => setReportedIn(e.target.value)} placeholder="e.g. CNN" />
        </label>
      </div>
      <fieldset className="stm-kind">
        <legend>Quote</legend>
        <label>
          <input type="radio" name="quote-kind" checked={quoteKind === 'direct'} onChange={() => setQuoteKind('direct')} /> Direct quote
        </label>
        <label>
          <input type="radio" name="quote-kind" checked={quoteKind === 'paraphrase'} onChange={() => setQuoteKind('paraphrase')} /> Paraphrase
        </label>
      </fieldset>
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
          Save statement
        </button>
      </div>
    </Modal>
  );
}
