import { useState } from 'react';
import type { SourceDetail } from '../../../shared/model/entities';
import { api } from '../../data/client';
import { useNavigation } from '../../app/navigation';
import { friendly, Modal } from '../../ui/Modal';

/** Pastes a revised version of the article; every annotation is re-anchored and none is lost. */
export function ReplaceTextDialog({ source, onClose }: { source: SourceDetail; onClose: () => void }) {
  const { notify } = useNavigation();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      const { anchors } = await api.anchoring.replaceText({ sourceId: source.id, text });
      const parts = [`${anchors.exact} in place`, `${anchors.moved} moved`, `${anchors.fuzzy} approximate`, `${anchors.orphan} orphaned`];
      notify(`Text replaced. Annotations: ${parts.join(', ')}.`);
      onClose();
    } catch (err) {
      setError(friendly(err));
      setBusy(false);
    }
  };
  return (
    <Modal title="Replace text" onClose={onClose}>
      <p className="muted">
        Paste the revised version of “{source.title}”. Highlights follow their passages; those whose words are gone are kept under “Orphaned”.
      </p>
      <label>
        Revised text
        <textarea rows={14} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="modal-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={busy || !text.trim()} onClick={() => void submit()}>
          Replace and re-anchor
        </button>
      </div>
    </Modal>
  );
}
