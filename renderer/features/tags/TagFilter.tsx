import { useEffect, useState } from 'react';
import { TagCombobox } from './TagCombobox';
import { useTags } from './useTags';

interface Props {
  value: string | null;
  onChange: (tag: string | null) => void;
}

/** The Library's "Tags" filter: pick a tag (its children are included) from an autocomplete of existing tags. */
export function TagFilter({ value, onChange }: Props) {
  const { tags } = useTags();
  const [typed, setTyped] = useState(value ?? '');
  useEffect(() => setTyped(value ?? ''), [value]);
  return (
    <div className="tag-filter">
      <TagCombobox
        label="Tags"
        placeholder="Filter by tag"
        value={typed}
        onChange={(text) => {
          setTyped(text);
          if (!text.trim()) onChange(null);
        }}
        names={tags.map((t) => t.name)}
        onCommit={(name) => {
          const chosen = tags.find((t) => t.name.toLowerCase() === name.toLowerCase())?.name ?? name;
          setTyped(chosen);
          onChange(chosen);
        }}
        onCancel={() => {
          setTyped('');
          onChange(null);
        }}
      />
      {value && (
        <button type="button" className="icon-button" aria-label="Clear tag filter" title="Clear tag filter" onClick={() => onChange(null)}>
          ×
        </button>
      )}
    </div>
  );
}
