import { type KeyboardEvent, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { SourceSummary } from '../../../shared/model/entities';
import type { SourceId } from '../../../shared/model/ids';

/** Every row is this tall, so the list can place rows by arithmetic instead of measuring them. */
export const ROW_HEIGHT = 60;
const OVERSCAN = 6;

interface Props {
  items: SourceSummary[];
  total: number;
  selected: SourceId | null;
  hasMore: boolean;
  onOpen: (id: SourceId) => void;
  onNeedMore: () => void;
}

const meta = (s: SourceSummary) =>
  [s.outlet, s.publishedAt?.slice(0, 10), s.annotationCount ? `${s.annotationCount} highlight${s.annotationCount === 1 ? '' : 's'}` : null]
    .filter(Boolean)
    .join(' · ');

/**
 * A virtualized list: only the rows in view (plus a few) are in the DOM, so a
 * library of 100,000 sources scrolls like one of ten. Arrow keys, Page Up/Down,
 * Home and End move through the rows; Enter opens the focused one.
 */
export function SourceList({ items, total, selected, hasMore, onOpen, onNeedMore }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const [active, setActive] = useState(0);
  const focusWanted = useRef(false);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight));
    observer.observe(el);
    setHeight(el.clientHeight);
    return () => observer.disconnect();
  }, []);

  const count = items.length;
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(count, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);

  // Fetch the next page before the user reaches the end of what is loaded.
  useEffect(() => {
    if (hasMore && last >= count - OVERSCAN * 2) onNeedMore();
  }, [hasMore, last, count, onNeedMore]);

  useEffect(() => {
    if (active >= count && count > 0) setActive(count - 1);
  }, [active, count]);

  useEffect(() => {
    if (!focusWanted.current) return;
    focusWanted.current = false;
    scroller.current?.querySelector<HTMLButtonElement>(`[data-index="${active}"]`)?.focus();
  }, [active, first, last]);

  const moveTo = useCallback(
    (index: number) => {
      const next = Math.max(0, Math.min(count - 1, index));
      const el = scroller.current;
      if (el) {
        const top = next * ROW_HEIGHT;
        if (top < el.scrollTop) el.scrollTop = top;
        else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
        setScrollTop(el.scrollTop);
      }
      focusWanted.current = true;
      setActive(next);
    },
    [count],
  );

  const onKeyDown = (e: KeyboardEvent) => {
    const perPage = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, PageDown: active + perPage, PageUp: active - perPage, Home: 0, End: count - 1 };
    if (e.key in moves && !e.altKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      moveTo(moves[e.key]);
    }
  };

  const rows = [];
  for (let i = first; i < last; i++) {
    const s = items[i];
    rows.push(
      <li key={s.id} className="source-row" style={{ top: i * ROW_HEIGHT }} aria-setsize={total} aria-posinset={i + 1}>
        <button
          type="button"
          className="source-item"
          data-index={i}
          tabIndex={i === active || ((active < first || active >= last) && i === first) ? 0 : -1}
          aria-current={s.id === selected ? 'true' : undefined}
          onClick={() => {
            setActive(i);
            onOpen(s.id);
          }}
          onFocus={() => setActive(i)}
        >
          <span className="source-title">{s.title}</span>
          <span className="source-meta">
            {meta(s)}
            {s.tags.map((t) => (
              <span key={t} className="source-tag">
                {t}
              </span>
            ))}
          </span>
        </button>
      </li>,
    );
  }

  return (
    <div className="source-scroller" ref={scroller} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <ul className="source-list virtual" aria-label="Sources" style={{ height: (count + (hasMore ? 1 : 0)) * ROW_HEIGHT }} onKeyDown={onKeyDown}>
        {rows}
      </ul>
      {hasMore && last >= count && <p className="muted source-loading">Loading more…</p>}
    </div>
  );
}
