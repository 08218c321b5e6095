import { useEffect, useState } from 'react';
import type { Annotation } from '../../../shared/model/entities';
import { useNavigation } from '../../app/navigation';
import { api } from '../../data/client';
import { useReaderSelection } from '../reader/Reader';
import { isTypingOrModal } from '../reader/shortcuts';
import { how } from './format';
import { LinkDialog } from './LinkDialog';
import { useSourceStatement } from './SourceStatements';
import { StatementDialog } from './StatementDialog';

type Open = Parameters<typeof StatementDialog>[0]['target'] | null;

/** "Mark as statement" in the reader's toolbar, also on the S key while text is selected. */
export function StatementActions() {
  const { get, source } = useReaderSelection();
  const { notify } = useNavigation();
  const [open, setOpen] = useState<Open>(null);

  const mark = () => {
    const range = get();
    if (!range) {
      notify('Select the words that were said first, then press Mark as statement.');
      return;
    }
    const text = window.getSelection()?.toString() ?? '';
    setOpen({ kind: 'selection', sourceId: source.id, ...range, exact: text });
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (open || e.ctrlKey || e.metaKey || e.altKey || isTypingOrModal(e) || (e.target as HTMLElement | null)?.closest('li.stm-suggestion')) return;
      if ((e.key === 's' || e.key === 'S') && get()) {
        e.preventDefault();
        mark();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <>
      <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={mark} title="Record who said the selected passage (S)">
        Mark as statement
      </button>
      {open && <StatementDialog target={open} onClose={() => setOpen(null)} />}
    </>
  );
}

/** Under each annotation: mark it as a statement, or for a statement its details, links and actions. */
export function AnnotationStatementActions({ annotation }: { annotation: Annotation }) {
  const { navigate, notify } = useNavigation();
  const row = useSourceStatement(annotation.id);
  const [dialog, setDialog] = useState<'mark' | 'link' | null>(null);
  const statement = annotation.statement;

  const close = () => setDialog(null);
  const dialogs = (
    <>
      {dialog === 'mark' && <StatementDialog target={{ kind: 'annotation', annotation }} onClose={close} />}
      {dialog === 'link' && <LinkDialog from={annotation} onClose={close} />}
    </>
  );

  if (!statement) {
    return (
      <div className="stm-actions">
        <button type="button" onClick={() => setDialog('mark')}>
          Mark as statement
        </button>
        {dialogs}
      </div>
    );
  }

  const links = row?.links ?? [];
  return (
    <div className="stm-card">
      <div className="stm-speaker">
        <strong>{statement.speakerName ?? 'Unknown speaker'}</strong>
        {statement.role && <span>, {statement.role}</span>}
        {row?.contested && <span className="stm-contested"> Contested</span>}
      </div>
      <div className="muted stm-meta">{how(annotation)}</div>
      {links.length > 0 && (
        <ul className="stm-links" aria-label="Links">
          {links.map((l) => (
            <li key={l.id}>
              <span className={`stm-rel stm-rel-${l.relation}`}>
                {l.direction === 'out' ? `${l.label} →` : `${l.label} ←`}
              </span>{' '}
              <span>
                {l.other.speakerName ?? 'Unknown'}: “{l.other.exact.length > 70 ? `${l.other.exact.slice(0, 69)}…` : l.other.exact}”
              </span>
              {l.note && <div className="stm-note">{l.note}</div>}
              <div className="stm-actions">
                <button type="button" onClick={() => navigate({ kind: 'compare', annotationIds: [annotation.id, l.other.id] })} aria-label={`Compare with ${l.other.speakerName ?? 'the other statement'}`}>
                  Compare
                </button>
                <button
                  type="button"
                  aria-label={`Delete link: ${l.label} ${l.other.speakerName ?? ''}`}
                  onClick={() => api.links.delete({ id: l.id }).then(() => notify('Link moved to the trash.'), (e: Error) => notify(e.message))}
                >
                  Delete link
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <div className="stm-actions">
        <button type="button" onClick={() => setDialog('link')}>
          Link statement
        </button>
        <button type="button" onClick={() => setDialog('mark')} aria-label="Edit statement">
          Edit
        </button>
        <button
          type="button"
          title="Keep it as a plain highlight; its links come back if you mark it again"
          onClick={() => api.statements.unmark({ annotationId: annotation.id }).then(() => notify('It is a plain highlight again.'), (e: Error) => notify(e.message))}
        >
          Not a statement
        </button>
        {statement.speakerId && (
          <button type="button" onClick={() => navigate({ kind: 'speakers', speakerId: statement.speakerId! })} aria-label={`Speaker: ${statement.speakerName ?? ''}`}>
            Speaker
          </button>
        )}
        {links.length > 1 && (
          <button type="button" onClick={() => navigate({ kind: 'compare', annotationIds: [annotation.id, ...links.map((l) => l.other.id)] })} aria-label="Compare all linked">
            Compare all
          </button>
        )}
      </div>
      {dialogs}
    </div>
  );
}

