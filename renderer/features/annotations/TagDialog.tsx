import { useEffect, useId, useRef, useState } from 'react';
import type { Annotation } from '../../../shared/model/entities';
import { api } from '../../data/client';
import { useLibraryQuery } from '../../data/hooks';
import { invalidReason } from '../reader/validate';
import { setAnnotationTags } from './actions';
import { Modal } from '../../ui/Modal';

/**
 * Adds and removes an annotation's tags. Hierarchical names ("iraq/nato-mission")
 * autocomplete from the tags already in the library; each change is saved at once.
 */
export function TagDialog({ annotation, onClose }: { annotation: Annotation; onClose: () => void }) {
  const [current, setCurrent] = useState(annotation);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const known = useLibraryQuery(() => api.tags.list({}), [], ['tags']);

  useEffect(() => input.current?.focus(), []);

  // Changes are saved one after another, each from the tags the last one left: a second tag typed
  // while the first is still being saved must neither be lost nor have its text cleared.
  const latest = useRef(annotation);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const change = (next: (tags: string[]) => string[]): Promise<boolean> => {
    const run = async () => {
      const tags = next(latest.current.tags);
      const reason = invalidReason('annotations.setTags', { id: latest.current.id, tags });
      if (reason) {
        setError(reason);
        return false;
      }
      try {
        latest.current = await setAnnotationTags(latest.current, tags);
        setCurrent(latest.current);
        setError(null);
        return true;
      } catch (err) {
        setError((err as Error).message);
        return false;
      }
    };
    const done = queue.current.then(run);
    queue.current = done;
    return done;
  };

  const add = () => {
    const name = draft.trim();
    if (!name) return;
    setDraft('');
    // Not saved: the words come back to be corrected, unless something else was typed meanwhile.
    void change((tags) => [...tags, name]).then((ok) => ok || setDraft((d) => d || name));
  };

  const suggestions = (known.data ?? []).map((t) => t.name).filter((n) => !current.tags.some((t) => t.toLowerCase() === n.toLowerCase()));

  return (
    <Modal title="Tags" onClose={onClose} className="tag-dialog">
        <blockquote className="tag-dialog-quote">{current.exact}</blockquote>
        {current.tags.length > 0 ? (
          <ul className="tag-chips" aria-label="Tags on this annotation">
            {current.tags.map((t) => (
              <li key={t} className="tag-chip">
                {t}
                <button type="button" aria-label={`Remove tag ${t}`} onClick={() => void change((tags) => tags.filter((x) => x !== t))}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">No tags yet. Type one below, e.g. iraq/nato-mission.</p>
        )}
        <form
          className="tag-form"
          onSubmit={(e) => {
            e.preventDefault();
            add();
          }}
        >
          <label>
            Tag
            <input ref={input} value={draft} list={listId} autoComplete="off" placeholder="iraq/nato-mission" onChange={(e) => setDraft(e.target.value)} />
          </label>
          <datalist id={listId}>
            {suggestions.map((n) => (
              <option key={n} value={n} />
            ))}
          </datalist>
          <button type="submit" className="primary">
            Add
          </button>
        </form>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Done
          </button>
        </div>
    </Modal>
  );
}
