import { useState } from 'react';
import type { Annotation } from '../../../shared/model/entities';
import type { BriefId } from '../../../shared/model/ids';
import { useNavigation } from '../../app/navigation';
import { api } from '../../data/client';
import { useLibraryQuery } from '../../data/hooks';
import { friendly } from '../../ui/Modal';
import '../../ui/briefs.css';

/** "Add to brief" on an annotation: choose which brief (or a new one); the quote goes at its end. */
export function AddToBrief({ annotation }: { annotation: Annotation }) {
  const [open, setOpen] = useState(false);
  return (
    <span className="add-to-brief">
      <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        Add to brief
      </button>
      {open && <BriefChooser annotation={annotation} onDone={() => setOpen(false)} />}
    </span>
  );
}

function BriefChooser({ annotation, onDone }: { annotation: Annotation; onDone: () => void }) {
  const { notify, navigate } = useNavigation();
  const briefs = useLibraryQuery(() => api.briefs.list({}), [], ['briefs']);
  const quoting = useLibraryQuery(() => api.briefs.list({ annotationId: annotation.id }).then((l) => new Set(l.map((b) => b.id))), [annotation.id], ['briefs']);
  const add = async (id: BriefId | null) => {
    try {
      const brief = id === null ? await api.briefs.create({ title: 'Untitled brief' }) : null;
      const target = brief?.id ?? id!;
      const saved = await api.briefs.addQuote({ id: target, annotationId: annotation.id });
      onDone();
      notify(`Added to “${saved.title}”.`);
      if (brief) navigate({ kind: 'briefs', briefId: brief.id });
    } catch (e) {
      notify(friendly(e));
    }
  };
  return (
    <div className="brief-chooser" role="group" aria-label="Choose a brief" onKeyDown={(e) => e.key === 'Escape' && onDone()}>
      {briefs.data?.map((b) => (
        <button key={b.id} type="button" onClick={() => void add(b.id)}>
          {b.title}
          {quoting.data?.has(b.id) && <span className="muted"> (already quotes it)</span>}
        </button>
      ))}
      <button type="button" onClick={() => void add(null)}>
        New brief with this quote
      </button>
    </div>
  );
}
