import { useState } from 'react';
import type { Tag } from '../../../shared/model/entities';
import { useNavigation } from '../../app/navigation';
import { api } from '../../data/client';
import { HIGHLIGHT_COLORS } from '../../ui/colors';
import '../../ui/library.css';
import { TagCombobox } from './TagCombobox';
import { type TagNode, tagTree } from './tagTree';
import { useTags } from './useTags';

type Editing = { name: string; mode: 'rename' | 'merge' | 'delete' } | null;

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** The Tags section: every tag as a tree, with rename, merge, colour and delete. */
export function TagsView() {
  const { tags, error } = useTags();
  const [editing, setEditing] = useState<Editing>(null);
  const nodes = tagTree(tags);
  return (
    <section className="page tags-page" aria-label="Tags">
      <h1>Tags</h1>
      {error && <p role="alert">{error}</p>}
      {tags.length === 0 ? (
        <p className="empty-state">
          No tags yet. Open a source and type a tag under its title (use <code>/</code> for sub-tags, as in <code>iraq/nato-mission</code>), or import
          with <code>collate import --tag NAME</code>.
        </p>
      ) : (
        <>
          <p className="muted">Renaming a tag renames its sub-tags too; merging gives everything tagged with one the other, everywhere.</p>
          <ul className="tag-tree" aria-label="All tags">
            {nodes.map((node) => (
              <TagRow key={node.name} node={node} names={tags.map((t) => t.name)} editing={editing} setEditing={setEditing} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

interface RowProps {
  node: TagNode;
  names: string[];
  editing: Editing;
  setEditing: (e: Editing) => void;
}

function TagRow({ node, names, editing, setEditing }: RowProps) {
  const { notify } = useNavigation();
  const tag = node.tag;
  const mode = editing && tag && editing.name === tag.name ? editing.mode : null;
  const run = async (work: () => Promise<string>) => {
    try {
      notify(await work());
      setEditing(null);
    } catch (err) {
      notify((err as Error).message);
    }
  };
  return (
    <li className="tag-row" style={{ paddingLeft: `${node.depth * 20}px` }}>
      <div className="tag-row-main">
        <span className={`tag-dot${tag?.color ? ` tag-color-${tag.color}` : ''}`} aria-hidden="true" />
        <span className="tag-name" title={node.name}>
          {node.label}
        </span>
        <span className="muted tag-counts">
          {tag ? `${plural(tag.sourceCount, 'source', 'sources')} · ${plural(tag.annotationCount, 'annotation', 'annotations')}` : 'sub-tags only'}
        </span>
        {tag && (
          <span className="tag-actions">
            <ColorSelect tag={tag} onError={notify} />
            <button type="button" aria-label={`Rename ${tag.name}`} onClick={() => setEditing({ name: tag.name, mode: 'rename' })}>
              Rename
            </button>
            <button type="button" aria-label={`Merge ${tag.name}`} onClick={() => setEditing({ name: tag.name, mode: 'merge' })}>
              Merge
            </button>
            <button type="button" aria-label={`Delete ${tag.name}`} onClick={() => setEditing({ name: tag.name, mode: 'delete' })}>
              Delete
            </button>
          </span>
        )}
      </div>
      {tag && mode === 'rename' && (
        <RenameForm
          tag={tag}
          onCancel={() => setEditing(null)}
          onSubmit={(to) =>
            run(async () => {
              const r = await api.tags.rename({ from: tag.name, to });
              return `Renamed ${tag.name} to ${r.name}${r.tags > 1 ? ` (with ${plural(r.tags - 1, 'sub-tag', 'sub-tags')})` : ''}.`;
            })
          }
        />
      )}
      {tag && mode === 'merge' && (
        <MergeForm
          tag={tag}
          names={names}
          onCancel={() => setEditing(null)}
          onSubmit={(into) =>
            run(async () => {
              const r = await api.tags.merge({ from: tag.name, into });
              return `Merged ${tag.name} into ${r.name}.`;
            })
          }
        />
      )}
      {tag && mode === 'delete' && (
        <div className="tag-edit" role="group" aria-label={`Delete ${tag.name}?`}>
          <span>
            Remove <strong>{tag.name}</strong> from {plural(tag.sourceCount, 'source', 'sources')} and {plural(tag.annotationCount, 'annotation', 'annotations')}?
            They stay, and so do sub-tags; the Trash can put the tag back.
          </span>
          <button
            type="button"
            className="danger"
            onClick={() =>
              run(async () => {
                await api.tags.delete({ name: tag.name });
                return `Moved tag ${tag.name} to the Trash.`;
              })
            }
          >
            Delete tag
          </button>
          <button type="button" onClick={() => setEditing(null)}>
            Cancel
          </button>
        </div>
      )}
    </li>
  );
}

function ColorSelect({ tag, onError }: { tag: Tag; onError: (m: string) => void }) {
  return (
    <select
      aria-label={`Colour of ${tag.name}`}
      value={tag.color ?? ''}
      onChange={(e) => api.tags.setColor({ name: tag.name, color: e.target.value || null }).catch((err: Error) => onError(err.message))}
    >
      <option value="">No colour</option>
      {HIGHLIGHT_COLORS.map((c) => (
        <option key={c.key} value={c.key}>
          {c.name}
        </option>
      ))}
    </select>
  );
}

function RenameForm({ tag, onSubmit, onCancel }: { tag: Tag; onSubmit: (to: string) => void; onCancel: () => void }) {
  const [to, setTo] = useState(tag.name);
  return (
    <form
      className="tag-edit"
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(to);
      }}
    >
      <input
        type="text"
        aria-label={`New name for ${tag.name}`}
        value={to}
        autoFocus
        onChange={(e) => setTo(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      />
      <button type="submit" className="primary">
        Save name
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}

function MergeForm({ tag, names, onSubmit, onCancel }: { tag: Tag; names: string[]; onSubmit: (into: string) => void; onCancel: () => void }) {
  const [into, setInto] = useState('');
  return (
    <form
      className="tag-edit"
      onSubmit={(e) => {
        e.preventDefault();
        if (into.trim()) onSubmit(into);
      }}
    >
      <TagCombobox
        label={`Merge ${tag.name} into`}
        placeholder="Tag to keep"
        value={into}
        onChange={setInto}
        onCommit={(name) => setInto(name)}
        names={names}
        exclude={[tag.name]}
        onCancel={onCancel}
      />
      <button type="submit" className="primary" disabled={!into.trim()}>
        Merge tags
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
