import { createPortal } from 'react-dom';
import type { HighlightColor } from '../../../shared/api/methods/settings';

export type AnnotateAction = 'highlight' | 'comment' | 'tag' | 'quote';

interface Props {
  rect: DOMRect;
  colors: HighlightColor[];
  onAction: (action: AnnotateAction, color?: string) => void;
}

/** The toolbar that floats above a selection in the article. */
export function SelectionToolbar({ rect, colors, onAction }: Props) {
  const top = Math.max(8, rect.top - 44);
  const left = Math.min(window.innerWidth - 360, Math.max(8, rect.left + rect.width / 2 - 180));
  // Buttons keep the selection: a mouse-down on them must not collapse it.
  const keep = (e: React.MouseEvent) => e.preventDefault();
  return createPortal(
    <div className="selection-toolbar" role="toolbar" aria-label="Selection" style={{ top, left }} onMouseDown={keep}>
      <button type="button" onClick={() => onAction('highlight')}>
        Highlight
      </button>
      {colors.map((c, i) => (
        <button key={c.key} type="button" className={`swatch-button swatch-${c.key}`} aria-label={`Highlight in ${c.name}`} title={`${c.name} (${i + 1})`} onClick={() => onAction('highlight', c.key)} />
      ))}
      <button type="button" onClick={() => onAction('comment')}>
        Comment
      </button>
      <button type="button" onClick={() => onAction('tag')}>
        Add tag
      </button>
      <button type="button" onClick={() => onAction('quote')}>
        Copy as quote
      </button>
    </div>,
    document.body,
  );
}
