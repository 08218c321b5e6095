import { useState } from 'react';
import type { HighlightColor } from '../../../shared/api/methods/settings';
import { api } from '../../data/client';
import { friendly, Modal } from '../../ui/Modal';
import { invalidReason } from './validate';

/** Names the highlight colours after what they mean to the user ("claim", "evidence", "disputed"). */
export function ColorsDialog({ colors, onClose, onSaved }: { colors: HighlightColor[]; onClose: () => void; onSaved: () => void }) {
  const [names, setNames] = useState(colors.map((c) => c.name));
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const input = { colors: colors.map((c, i) => ({ key: c.key, name: names[i] })) };
    const reason = invalidReason('settings.setHighlightColors', input);
    if (reason) return setError(reason);
    try {
      await api.settings.setHighlightColors(input);
      onSaved();
      onClose();
    } catch (err) {
      setError(friendly(err));
    }
  };
  return (
    <Modal title="Highlight colours" onClose={onClose}>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {colors.map((c, i) => (
          <label key={c.key} className="colour-name">
            <span>
              <span className={`swatch swatch-${c.key}`} aria-hidden="true" /> Name for colour {i + 1} ({c.key})
            </span>
            <input type="text" value={names[i]} onChange={(e) => setNames(names.map((n, j) => (j === i ? e.target.value : n)))} />
          </label>
        ))}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Save colours
          </button>
        </div>
      </form>
    </Modal>
  );
}
