import { useEffect, useId, useRef, useState } from 'react';
import type { SourceId } from '../../../shared/model/ids';
import { api } from '../../data/client';

interface Props {
  initialText?: string;
  onClose: () => void;
  onAdded: (id: SourceId, duplicate: boolean) => void;
}

/** Guesses a title from the first line, as a person would. */
function firstLine(text: string): string {
  return (text.split('\n').find((l) => l.trim())?.trim() ?? '').slice(0, 200);
}

export function PasteDialog({ initialText = '', onClose, onAdded }: Props) {
  const [text, setText] = useState(initialText);
  const [title, setTitle] = useState(firstLine(initialText));
  const [titleTouched, setTitleTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const headingId = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    textRef.current?.focus();
  }, []);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const outcome = await api.sources.importText({ title: title.trim() || firstLine(text), text });
      onAdded(outcome.id, outcome.status === 'duplicate');
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="modal-backdrop">
      <div
        className="modal"
        role="dialog"
        aria-modal="true"
        aria-labelledby={headingId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
        }}
      >
        <h2 id={headingId}>Paste article</h2>
        <label>
          Title
          <input
            type="text"
            value={title}
            onChange={(e) => {
              setTitle(e.target.value);
              setTitleTouched(true);
            }}
          />
        </label>
        <label>
          Article text
          <textarea
            ref={textRef}
            rows={14}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              if (!titleTouched) setTitle(firstLine(e.target.value));
            }}
          />
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
          <button type="button" className="primary" disabled={busy || !text.trim()} onClick={() => void submit()}>
            Add to library
          </button>
        </div>
      </div>
    </div>
  );
}
