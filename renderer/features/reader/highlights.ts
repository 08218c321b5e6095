import type { LexicalEditor } from 'lexical';
import { HIGHLIGHT_COLOR_KEYS } from '../../../shared/api/methods/settings';
import type { Annotation } from '../../../shared/model/entities';
import { rangeFor, type TextIndex } from '../../editor/document-to-lexical';

export const supportsHighlights = () => typeof CSS !== 'undefined' && 'highlights' in CSS;

/**
 * Paints annotations with the CSS Custom Highlight API: ranges over the
 * rendered text, one Highlight per colour, no change to the document's DOM
 * (the bench compares this with Lexical MarkNodes). Overlaps stay legible
 * because each colour is a translucent layer. Long documents are rendered
 * progressively, so annotations are painted as their text arrives.
 */
export class HighlightPainter {
  private pending: Annotation[] = [];
  private next = 0;
  private layers = new Map<string, Highlight>();
  /** Painted on a key press, not yet in the annotations the reader was given. */
  private unconfirmed: Array<{ start: number; end: number; color: string }> = [];

  constructor(
    private readonly editor: LexicalEditor,
    private readonly index: () => TextIndex | null,
  ) {}

  reset(annotations: Annotation[]): void {
    if (!supportsHighlights()) return;
    this.clear();
    for (const key of HIGHLIGHT_COLOR_KEYS) {
      const layer = new Highlight();
      this.layers.set(key, layer);
      CSS.highlights.set(`hl-${key}`, layer);
    }
    this.pending = annotations.filter((a) => a.anchor !== 'orphan').sort((a, b) => a.end - b.end);
    this.next = 0;
    this.extend();
    // A list loaded before the new highlight was stored must not wipe it from the screen until it arrives.
    this.unconfirmed = this.unconfirmed.filter((u) => !annotations.some((a) => a.start === u.start && a.end === u.end));
    for (const u of this.unconfirmed) this.paint(u.start, u.end, u.color);
  }

  /** Paints every pending annotation whose text is now rendered. */
  extend(): void {
    const index = this.index();
    if (!index || !supportsHighlights()) return;
    while (this.next < this.pending.length && this.pending[this.next].end <= index.end) {
      const a = this.pending[this.next++];
      const range = rangeFor(this.editor, index, a.start, a.end);
      if (range) (this.layers.get(a.color) ?? this.layers.get('yellow'))?.add(range);
    }
  }

  /**
   * Paints a highlight the library has not confirmed yet, so a key press shows
   * at the next frame instead of after the round trip; the next reset()
   * replaces it with the stored annotation (or drops it if creation failed).
   */
  paintNow(start: number, end: number, color: string): void {
    this.unconfirmed.push({ start, end, color });
    this.paint(start, end, color);
  }

  /** Creation finished (stored or failed): from now on the annotations alone decide what is painted. */
  forget(start: number, end: number): void {
    this.unconfirmed = this.unconfirmed.filter((u) => u.start !== start || u.end !== end);
  }

  private paint(start: number, end: number, color: string): void {
    const index = this.index();
    const range = index && rangeFor(this.editor, index, start, end);
    if (range) (this.layers.get(color) ?? this.layers.get('yellow'))?.add(range);
  }

  clear(): void {
    if (!supportsHighlights()) return;
    for (const key of HIGHLIGHT_COLOR_KEYS) CSS.highlights.delete(`hl-${key}`);
    this.layers.clear();
  }
}

/** A live Range over a painted (static) range, for what only live ranges offer: measuring, reading its text. */
export function liveRange(r: AbstractRange): Range {
  const range = document.createRange();
  range.setStart(r.startContainer, r.startOffset);
  range.setEnd(r.endContainer, r.endOffset);
  return range;
}

/** Briefly marks a passage so the eye finds it after a jump. */
export function flashRange(range: AbstractRange, ms = 1500): void {
  if (!supportsHighlights()) return;
  const flash = new Highlight(range);
  flash.priority = 10;
  CSS.highlights.set('hl-flash', flash);
  window.setTimeout(() => {
    if (CSS.highlights.get('hl-flash') === flash) CSS.highlights.delete('hl-flash');
  }, ms);
}

/** Annotations covering a canonical offset, innermost (shortest) first. */
export function annotationsAt(annotations: Annotation[], offset: number): Annotation[] {
  return annotations
    .filter((a) => a.anchor !== 'orphan' && a.start <= offset && offset < a.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start));
}

/** The DOM point under the mouse: caretPositionFromPoint where supported, else WebKit's caretRangeFromPoint. */
export function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
  if (typeof doc.caretPositionFromPoint === 'function') {
    const pos = doc.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const range = doc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}
