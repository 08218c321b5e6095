import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { suggestTags } from './tagTree';

interface Props {
  /** The accessible name of the input. */
  label: string;
  value: string;
  onChange: (text: string) => void;
  /** Called with the chosen suggestion or the typed text (Enter). */
  onCommit: (name: string) => void;
  names: string[];
  exclude?: string[];
  placeholder?: string;
  /** Called on Escape with nothing to close, e.g. to leave an editor. */
  onCancel?: () => void;
}

/** A text input with autocomplete from existing tags (ARIA combobox with a listbox popup). */
export function TagCombobox({ label, value, onChange, onCommit, names, exclude, placeholder, onCancel }: Props) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const options = useMemo(() => suggestTags(names, value, exclude), [names, value, exclude]);
  const shown = open && options.length > 0;

  const commit = (name: string) => {
    setOpen(false);
    setActive(-1);
    if (name.trim()) onCommit(name.trim());
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (options.length ? (i + step + options.length + 1) % (options.length + 1) : -1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      commit(shown && active >= 0 && active < options.length ? options[active] : value);
    } else if (e.key === 'Escape') {
      if (shown) {
        e.preventDefault();
        e.stopPropagation();
        setOpen(false);
      } else onCancel?.();
    }
  };

  return (
    <div className="tag-combobox">
      <input
        type="text"
        role="combobox"
        aria-label={label}
        aria-expanded={shown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={shown && active >= 0 && active < options.length ? `${listId}-${active}` : undefined}
        value={value}
        placeholder={placeholder}
        autoComplete="off"
        spellCheck={false}
        onChange={(e) => {
          onChange(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={`${label} suggestions`} className="tag-suggestions" hidden={!shown}>
        {shown &&
          options.map((name, i) => (
            <li
              key={name}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              // mousedown, not click: the input's blur would close the list first.
              onMouseDown={(e) => {
                e.preventDefault();
                commit(name);
              }}
            >
              {name}
            </li>
          ))}
      </ul>
    </div>
  );
}
