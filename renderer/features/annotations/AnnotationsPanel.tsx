import { type DragEvent, memo, type ReactNode } from 'react';
import type { HighlightColor } from '../../../shared/api/methods/settings';
import type { Annotation } from '../../../shared/model/entities';
import type { AnnotationId } from '../../../shared/model/ids';
import { useNavigation } from '../../app/navigation';
import { QUOTE_DRAG_TYPE } from '../../editor/brief/context';
import { deleteAnnotation, recolorAnnotation } from './actions';
import { NoteEditor } from './NoteEditor';

interface Props {
  annotations: Annotation[] | null;
  colors?: HighlightColor[];
  /** Per-annotation actions from other features (statements, briefs). */
  renderActions?: (annotation: Annotation) => ReactNode;
  /** Scroll the reader to an annotation and flash it. */
  onSelect?: (annotation: Annotation) => void;
  editingNote?: AnnotationId | null;
  onEditNote?: (id: AnnotationId | null) => void;
  onEditTags?: (annotation: Annotation) => void;
}

const ANCHOR_LABEL: Record<string, string> = {
  moved: 'Moved: the text around it changed',
  fuzzy: 'Approximate: its words changed in the revised text',
};

export function AnnotationsPanel({ annotations, colors = [], renderActions, onSelect, editingNote, onEditNote, onEditTags }: Props) {
  const placed = annotations?.filter((a) => a.anchor !== 'orphan') ?? [];
  const orphans = annotations?.filter((a) => a.anchor === 'orphan') ?? [];
  const item = (a: Annotation) => (
    <AnnotationItem
      key={a.id}
      annotation={a}
      colors={colors}
      editing={editingNote === a.id}
      onSelect={onSelect}
      onEditNote={onEditNote}
      onEditTags={onEditTags}
      renderActions={renderActions}
    />
  );
  return (
    <section className="annotations" aria-label="Annotations">
      <h2>Annotations</h2>
      {annotations && annotations.length === 0 && (
        <p className="muted">
          Select a passage and press Highlight (or <kbd>H</kbd>) to annotate it; <kbd>?</kbd> lists every shortcut.
        </p>
      )}
      {placed.length > 0 && <ol className="annotation-list">{placed.map(item)}</ol>}
      {orphans.length > 0 && (
        <section className="orphans" aria-label="Orphaned">
          <h3>Orphaned</h3>
          <p className="muted">These passages are no longer in the revised text. They are kept with their quotes and notes.</p>
          <ol className="annotation-list">{orphans.map(item)}</ol>
        </section>
      )}
    </section>
  );
}

interface ItemProps {
  annotation: Annotation;
  colors: HighlightColor[];
  editing: boolean;
  onSelect?: (a: Annotation) => void;
  onEditNote?: (id: AnnotationId | null) => void;
  onEditTags?: (a: Annotation) => void;
  renderActions?: (a: Annotation) => ReactNode;
}

/** An annotation is unchanged when its row is: the list reloads whole, but only edited items re-render (2,000 stay cheap). */
const sameItem = (p: ItemProps, n: ItemProps) =>
  p.annotation.id === n.annotation.id &&
  p.annotation.updatedAt === n.annotation.updatedAt &&
  p.annotation.anchor === n.annotation.anchor &&
  p.annotation.start === n.annotation.start &&
  p.annotation.color === n.annotation.color &&
  p.annotation.noteText === n.annotation.noteText &&
  p.annotation.tags.join('\u001f') === n.annotation.tags.join('\u001f') &&
  JSON.stringify(p.annotation.statement) === JSON.stringify(n.annotation.statement) &&
  p.editing === n.editing &&
  p.colors === n.colors &&
  p.onSelect === n.onSelect &&
  p.onEditNote === n.onEditNote &&
  p.onEditTags === n.onEditTags &&
  p.renderActions === n.renderActions;

const AnnotationItem = memo(function AnnotationItem({ annotation: a, colors, editing, onSelect, onEditNote, onEditTags, renderActions }: ItemProps) {
  const { notify } = useNavigation();
  const fail = (err: Error) => notify(err.message);
  const orphan = a.anchor === 'orphan';
  // The quote can be dragged into a brief open in another window or tab, where it lands as a quote block
  // ("Add to brief" is the keyboard way); other apps receive its text.
  const drag = {
    draggable: true,
    onDragStart: (e: DragEvent) => {
      e.dataTransfer.setData(QUOTE_DRAG_TYPE, String(a.id));
      e.dataTransfer.setData('text/plain', a.exact);
      e.dataTransfer.effectAllowed = 'copy';
    },
  };
  return (
    <li className={`annotation color-${a.color}`} data-annotation-id={a.id}>
      {orphan ? (
        <blockquote className="annotation-quote" {...drag}>
          {a.exact}
        </blockquote>
      ) : (
        <button type="button" className="annotation-quote" title="Show in the article, or drag into a brief" onClick={() => onSelect?.(a)} {...drag}>
          {a.exact}
        </button>
      )}
      {ANCHOR_LABEL[a.anchor] && (
        <span className="anchor-badge" title={ANCHOR_LABEL[a.anchor]}>
          {a.anchor}
        </span>
      )}
      {a.tags.length > 0 && (
        <p className="annotation-tags" aria-label="Tags">
          {a.tags.map((t) => (
            <span key={t} className="tag-chip">
              {t}
            </span>
          ))}
        </p>
      )}
      {editing ? (
        <NoteEditor annotation={a} autoFocus label="Note" />
      ) : (
        a.noteText && <p className="annotation-note">{a.noteText}</p>
      )}
      <div className="annotation-actions">
        <label className="visually-hidden" htmlFor={`colour-${a.id}`}>
          Colour
        </label>
        <select id={`colour-${a.id}`} value={a.color} onChange={(e) => recolorAnnotation(a, e.target.value).catch(fail)}>
          {colors.map((c) => (
            <option key={c.key} value={c.key}>
              {c.name}
            </option>
          ))}
        </select>
        <button type="button" aria-expanded={editing} onClick={() => onEditNote?.(editing ? null : a.id)}>
          {editing ? 'Close note' : a.noteText ? 'Edit note' : 'Add note'}
        </button>
        <button type="button" onClick={() => onEditTags?.(a)}>
          Tags
        </button>
        <button
          type="button"
          onClick={() =>
            deleteAnnotation(a.id).then(() => notify('Annotation moved to the trash. Press Ctrl+Z to undo.'), fail)
          }
        >
          Delete
        </button>
        {renderActions?.(a)}
      </div>
    </li>
  );
}, sameItem);
