import { useState } from 'react';
import type { SourceDetail } from '../../../shared/model/entities';
import { api } from '../../data/client';
import { friendly, Modal } from '../../ui/Modal';
import { invalidReason } from './validate';

/** Edits a source's title, byline, outlet, date and URL; a bad date or URL is refused with the reason. */
export function MetadataDialog({ source, onClose }: { source: SourceDetail; onClose: () => void }) {
  const [fields, setFields] = useState({
    title: source.title,
    byline: source.byline ?? '',
    outlet: source.outlet ?? '',
    publishedAt: source.publishedAt ?? '',
    url: source.url ?? '',
  });
  const [error, setError] = useState<string | null>(null);
  const field = (key: keyof typeof fields, label: string, placeholder?: string) => (
    <label>
      {label}
      <input type="text" value={fields[key]} placeholder={placeholder} onChange={(e) => setFields({ ...fields, [key]: e.target.value })} />
    </label>
  );
  const orNull = (s: string) => (s.trim() ? s.trim() : null);
  const save = async () => {
    const metadata = { title: fields.title, byline: orNull(fields.byline), outlet: orNull(fields.outlet), publishedAt: orNull(fields.publishedAt), url: orNull(fields.url) };
    // Each field is checked on its own so the message can name it.
    const checks: Array<[string, unknown]> = [['Title', { title: metadata.title }], ['Date', { title: 'x', publishedAt: metadata.publishedAt }], ['URL', { title: 'x', url: metadata.url }]];
    for (const [label, partial] of checks) {
      const reason = invalidReason('sources.updateMetadata', { id: source.id, metadata: partial as { title: string } });
      if (reason) return setError(`${label}: ${reason}`);
    }
    try {
      await api.sources.updateMetadata({ id: source.id, metadata });
      onClose();
    } catch (err) {
      setError(friendly(err).replace(/^metadata\.(\w+): /, (_m, f: string) => `${{ publishedAt: 'Date', url: 'URL', title: 'Title' }[f] ?? f}: `));
    }
  };
  return (
    <Modal title="Edit details" onClose={onClose}>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {field('title', 'Title')}
        {field('byline', 'Byline')}
        {field('outlet', 'Outlet')}
        {field('publishedAt', 'Date', '2021-02-19')}
        {field('url', 'URL', 'https://…')}
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
            Save details
          </button>
        </div>
      </form>
    </Modal>
  );
}
