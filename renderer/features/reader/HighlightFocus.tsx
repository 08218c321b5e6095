import { type CSSProperties, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { Annotation } from '../../../shared/model/entities';
import { liveRange } from './highlights';

/** A highlight's note and tags: the popover shown when hovering a highlight or focusing it from the keyboard. */
export function HighlightPopover({ items, style, id, empty }: { items: Annotation[]; style: CSSProperties; id?: string; empty?: string }) {
  return (
    <div className="highlight-tooltip" role="tooltip" id={id} style={style}>
      {items.map((a) => (
        <div key={a.id}>
          {a.noteText && <p>{a.noteText}</p>}
          {a.tags.length > 0 && <p className="muted">{a.tags.map((t) => `#${t}`).join(' ')}</p>}
        </div>
      ))}
      {empty && items.every((a) => !a.noteText && !a.tags.length) && <p className="muted">{empty}</p>}
    </div>
  );
}

const QUOTE_CHARS = 140;
const quoteOf = (a: Annotation) => (a.exact.length > QUOTE_CHARS ? `${a.exact.slice(0, QUOTE_CHARS)}…` : a.exact);

interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

interface Props {
  annotation: Annotation;
  range: AbstractRange;
  /** The reader's scrolling element: the ring is placed in its content, so it scrolls with the text. */
  container: HTMLElement;
  position: { index: number; count: number };
  /** Bumped when the text reflows (zoom), so the ring is measured again. */
  layoutKey: unknown;
  onClose: (returnFocus: boolean) => void;
  onOpen: (annotation: Annotation) => void;
}

/**
 * The keyboard's stand-in for hovering a highlight: a focusable button laid over the passage, whose
 * accessible name quotes it ("Highlight 2 of 7: “…”") and whose description is the popover with its note
 * and tags. It draws the focus ring line by line over the text; Enter opens the annotation in the
 * sidebar, Escape closes it. Alt+↓/↑ (the reader's handler) move to the next and previous highlight.
 */
export function HighlightFocus({ annotation: a, range, container, position, layoutKey, onClose, onOpen }: Props) {
  const button = useRef<HTMLButtonElement>(null);
  const popoverId = useId();
  const [boxes, setBoxes] = useState<{ outer: Box; lines: Box[] } | null>(null);

  useLayoutEffect(() => {
    const origin = container.getBoundingClientRect();
    const toContent = (r: DOMRect): Box => ({
      left: r.left - origin.left + container.scrollLeft,
      top: r.top - origin.top + container.scrollTop,
      width: r.width,
      height: r.height,
    });
    const live = liveRange(range);
    const lines = [...live.getClientRects()].filter((r) => r.width > 0).map(toContent);
    setBoxes(lines.length ? { outer: toContent(live.getBoundingClientRect()), lines } : null);
  }, [range, container, layoutKey]);

  useEffect(() => {
    if (!boxes) return;
    button.current?.focus({ preventScroll: true });
    button.current?.scrollIntoView({ block: 'nearest' });
  }, [boxes]);

  if (!boxes) return null;
  const { outer, lines } = boxes;
  return (
    <>
      <button
        ref={button}
        type="button"
        className="highlight-focus"
        style={{ left: outer.left, top: outer.top, width: outer.width, height: outer.height }}
        aria-label={`Highlight ${position.index + 1} of ${position.count}: “${quoteOf(a)}”`}
        aria-describedby={popoverId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onClose(true);
          } else if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            onOpen(a);
          }
        }}
        onBlur={() => {
          // Moving to the next highlight replaces this button; only focus leaving the highlights closes it.
          window.setTimeout(() => {
            if (!document.activeElement?.classList.contains('highlight-focus')) onClose(false);
          }, 0);
        }}
      >
        {lines.map((l, i) => (
          <span key={i} className="highlight-ring" style={{ left: l.left - outer.left, top: l.top - outer.top, width: l.width, height: l.height }} />
        ))}
      </button>
      <HighlightPopover
        id={popoverId}
        items={[a]}
        empty="No note or tags yet. Enter: open it in the Annotations sidebar."
        style={{ position: 'absolute', left: outer.left, top: outer.top + outer.height + 6 }}
      />
    </>
  );
}
