import { useState } from 'react';
import type { SourceId } from '../../../shared/model/ids';
import { useNavigation } from '../../app/navigation';
import { api } from '../../data/client';
import '../../ui/library.css';
import { TagCombobox } from './TagCombobox';
import { useTags } from './useTags';

interface Props {
  source: { id: SourceId; title: string; tags: string[] };
}

/** A source's tags as removable chips, and an input with autocomplete to add one. */
export function SourceTagsEditor({ source }: Props) {
  const { notify } = useNavigation();
  const { tags } = useTags();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);

  const save = async (next: string[], message: string) => {
    setBusy(true);
    try {
      await api.sources.setTags({ id: source.id, tags: next });
      notify(message);
      return true;
    } catch (err) {
      notify((err as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="source-tags" role="group" aria-label="Source tags">
      <ul className="tag-chips" aria-label="Tags of this source">
        {source.tags.map((name) => (
          <li key={name} className="tag-chip">
            <span>{name}</span>
            <button
              type="button"
              aria-label={`Remove tag ${name}`}
              title={`Remove tag ${name}`}
              disabled={busy}
              onClick={() => void save(source.tags.filter((t) => t !== name), `Removed tag ${name}.`)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <TagCombobox
        label="Tag this source"
        placeholder={source.tags.length ? 'Add a tag…' : 'Add a tag, e.g. iraq/nato-mission'}
        value={typed}
        onChange={setTyped}
        names={tags.map((t) => t.name)}
        exclude={source.tags}
        onCommit={async (name) => {
          if (source.tags.some((t) => t.toLowerCase() === name.toLowerCase())) {
            setTyped('');
            return;
          }
          if (await save([...source.tags, name], `Tagged “${source.title}” ${name}.`)) setTyped('');
        }}
      />
    </div>
  );
}
