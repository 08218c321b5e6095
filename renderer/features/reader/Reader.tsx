import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import type { LexicalEditor } from 'lexical';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { HighlightColor } from '../../../shared/api/methods/settings';
import { canonicalText } from '../../../shared/document/model';
import type { Annotation, SourceDetail } from '../../../shared/model/entities';
import type { AnnotationId } from '../../../shared/model/ids';
import { useNavigation } from '../../app/navigation';
import { onEvent } from '../../data/bridge';
import { $buildMore, type BuildState, pointToOffset, READER_NODES, rangeFor, selectionOffsets, startBuild } from '../../editor/document-to-lexical';
import { ColorsDialog } from './ColorsDialog';
import { FindBar } from './FindBar';
import { HighlightFocus, HighlightPopover } from './HighlightFocus';
import { annotationsAt, caretAt, flashRange, HighlightPainter, liveRange } from './highlights';
import { MetadataDialog } from './MetadataDialog';
import { quoteAsMarkdown } from './quote';
import { EditorCapture, ProgressivePlugin } from './ReaderPlugins';
import { ReplaceTextDialog } from './ReplaceTextDialog';
import { type AnnotateAction, SelectionToolbar } from './SelectionToolbar';
import { SourceTagsEditor } from '../tags/SourceTagsEditor';
import { isTypingOrModal, matchesShortcut, SHOW_SHORTCUTS_EVENT } from './shortcuts';
import { useZoom } from './zoom';
import '../../ui/reader.css';

export type Range_ = { start: number; end: number };

interface Props {
  source: SourceDetail;
  /** `source.document` is only the first blocks (sources.opening); the whole document follows as a new `source` prop. */
  partial?: boolean;
  annotations: Annotation[];
  colors: HighlightColor[];
  onColorsChanged?: () => void;
  /** Create an annotation over `range` (then, for comment and tag, open its note or tags); false if it failed. */
  onAnnotate: (action: Exclude<AnnotateAction, 'quote'>, range: Range_, color: string) => Promise<boolean>;
  /** Scroll to this passage (an annotation's, or a search hit's) and flash it; a new object each time the user asks. */
  jump?: { start: number; end: number } | null;
  /** More toolbar actions from other features (statements, briefs); they read the selection through useReaderSelection(). */
  children?: ReactNode;
}

export interface ReaderSelection {
  /** The current selection as canonical-text offsets, or null when nothing in the article is selected. */
  get: () => Range_ | null;
  source: SourceDetail;
}

const ReaderSelectionContext = createContext<ReaderSelection | null>(null);

/** For toolbar actions added by other features. */
export function useReaderSelection(): ReaderSelection {
  const ctx = useContext(ReaderSelectionContext);
  if (!ctx) throw new Error('useReaderSelection is only available inside the Reader');
  return ctx;
}

const theme = {
  paragraph: 'rd-p',
  quote: 'rd-quote',
  heading: { h1: 'rd-h1', h2: 'rd-h2', h3: 'rd-h3', h4: 'rd-h4', h5: 'rd-h4', h6: 'rd-h4' },
  list: { ul: 'rd-ul', ol: 'rd-ol', listitem: 'rd-li' },
  link: 'rd-link',
  text: { bold: 'rd-bold', italic: 'rd-italic', code: 'rd-code' },
};

/** Text built synchronously before the first paint: a screenful or two at any zoom. */
const FIRST_SCREEN_CHARS = 6_000;
const COLOR_KEY = 'collate.reader.color';

function confirmAndOpen(url: string) {
  // The browser host opens the page in a new tab without giving it a handle back to Collate;
  // in Electron the main process routes window.open to the system browser after checking the scheme.
  if (window.confirm(`Open this address in your web browser?\n\n${url}`)) window.open(url, '_blank', 'noopener,noreferrer');
}

export function Reader({ source, partial = false, annotations: given, colors, onColorsChanged, onAnnotate, jump, children }: Props) {
  // Opening another source, its text can arrive before its annotations: the previous source's are not painted over it.
  const annotations = useMemo(() => (given.every((a) => a.sourceId === source.id) ? given : given.filter((a) => a.sourceId === source.id)), [given, source.id]);
  const { notify } = useNavigation();
  const [editor, setEditor] = useState<LexicalEditor | null>(null);
  const build = useRef<BuildState | null>(null);
  const painter = useRef<HighlightPainter | null>(null);
  const latest = useRef(annotations);
  latest.current = annotations;
  const [renderedUpTo, setRenderedUpTo] = useState(0);
  const [complete, setComplete] = useState(false);
  const [color, setColor] = useState(() => localStorage.getItem(COLOR_KEY) ?? 'yellow');
  const [findOpen, setFindOpen] = useState(false);
  const [dialog, setDialog] = useState<'details' | 'replace' | 'colours' | null>(null);
  const [selection, setSelection] = useState<{ range: Range_; rect: DOMRect } | null>(null);
  const [tooltip, setTooltip] = useState<{ x: number; y: number; items: Annotation[] } | null>(null);
  const [focused, setFocused] = useState<{ id: AnnotationId; range: StaticRange } | null>(null);
  const section = useRef<HTMLElement>(null);
  const { zoom, zoomIn, zoomOut, reset: resetZoom } = useZoom();
  const text = useMemo(() => canonicalText(source.document), [source.document]);

  useEffect(() => localStorage.setItem(COLOR_KEY, color), [color]);

  const index = useCallback(() => build.current?.index ?? null, []);
  const getSelection = useCallback((): Range_ | null => (editor && build.current ? selectionOffsets(editor, build.current.index) : null), [editor]);

  // Highlights: repainted when the annotations change, extended as more text is rendered.
  useLayoutEffect(() => {
    if (!editor) return;
    painter.current = new HighlightPainter(editor, index);
    return () => painter.current?.clear();
  }, [editor, index]);
  useLayoutEffect(() => painter.current?.reset(annotations), [editor, annotations]);

  // Another source (or a replaced text) starts over: the composer below is keyed by both.
  useLayoutEffect(() => {
    setComplete(false);
    setRenderedUpTo(0);
  }, [source.id, source.contentHash]);

  const onProgress = useCallback((upTo: number, done: boolean) => {
    painter.current?.extend();
    setRenderedUpTo(upTo);
    if (done) setComplete(true);
  }, []);

  // The floating toolbar follows the selection.
  useEffect(() => {
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        const range = getSelection();
        const dom = window.getSelection();
        if (!range || !dom || dom.rangeCount === 0) return setSelection(null);
        setSelection({ range, rect: dom.getRangeAt(0).getBoundingClientRect() });
      });
    };
    document.addEventListener('selectionchange', update);
    document.addEventListener('scroll', update, true);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', update);
      document.removeEventListener('scroll', update, true);
    };
  }, [getSelection]);

  const act = useCallback(
    (action: AnnotateAction, withColor?: string) => {
      const range = getSelection();
      if (!range) {
        notify('Select a passage in the article first.');
        return;
      }
      if (action === 'quote') {
        const markdown = quoteAsMarkdown(text.slice(range.start, range.end), source);
        navigator.clipboard.writeText(markdown).then(
          () => notify('Copied as a Markdown quote with its citation.'),
          () => notify('Collate could not write to the clipboard; allow clipboard access and try again.'),
        );
        return;
      }
      const chosen = withColor ?? color;
      painter.current?.paintNow(range.start, range.end, chosen);
      window.getSelection()?.removeAllRanges();
      void onAnnotate(action, range, chosen).then((ok) => {
        // Stored (the list it is in is already on its way, and older loads are dropped) or failed: no longer held.
        painter.current?.forget(range.start, range.end);
        if (!ok) painter.current?.reset(latest.current);
      });
    },
    [getSelection, text, source, onAnnotate, color, notify],
  );

  /** Renders the document up to canonical offset `end` now (a jump or a keyboard move there), not in later slices. */
  const renderTo = useCallback(
    (end: number) => {
      const state = build.current;
      if (!editor || !state || state.index.end >= end) return;
      editor.update(
        () => {
          while (state.index.end < end && !$buildMore(state, end - state.index.end + 1));
        },
        { discrete: true },
      );
      onProgress(state.index.end, state.next >= state.doc.blocks.length && !partial);
    },
    [editor, onProgress, partial],
  );

  // Highlights in reading order, for moving between them from the keyboard.
  const navigable = useMemo(() => annotations.filter((a) => a.anchor !== 'orphan').sort((a, b) => a.start - b.start || a.end - b.end), [annotations]);
  const focusedAt = focused ? navigable.findIndex((a) => a.id === focused.id) : -1;
  const lastFocused = useRef<AnnotationId | null>(null);

  const moveHighlight = useCallback(
    (step: 1 | -1) => {
      const scroller = section.current;
      if (!editor || !build.current || !scroller) return;
      if (!navigable.length) return notify('This article has no highlights yet: select a passage and press H.');
      // After Escape, the next move continues from the highlight that was last focused.
      let i = navigable.findIndex((a) => a.id === (focused?.id ?? lastFocused.current));
      if (i >= 0) i += step;
      else {
        // From nothing focused: the first highlight on screen (Alt+↓) or the last one above the screen's bottom (Alt+↑).
        const view = scroller.getBoundingClientRect();
        const index = build.current.index;
        const after = (a: Annotation) => {
          const r = rangeFor(editor, index, a.start, a.end);
          if (!r) return true;
          const box = liveRange(r).getBoundingClientRect();
          return step > 0 ? box.bottom > view.top : box.top >= view.bottom;
        };
        let lo = 0;
        let hi = navigable.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (after(navigable[mid])) hi = mid;
          else lo = mid + 1;
        }
        i = step > 0 ? lo : lo - 1;
      }
      if (i < 0 || i >= navigable.length) return notify(step > 0 ? 'That was the last highlight.' : 'That was the first highlight.');
      const a = navigable[i];
      renderTo(a.end);
      const range = rangeFor(editor, build.current.index, a.start, a.end);
      if (range) setFocused({ id: a.id, range });
      lastFocused.current = a.id;
    },
    [editor, navigable, focused, notify, renderTo],
  );

  const closeFocus = useCallback((returnFocus: boolean) => {
    setFocused(null);
    if (returnFocus) section.current?.querySelector<HTMLElement>('.reader-text')?.focus({ preventScroll: true });
  }, []);

  /** Enter on a focused highlight: its entry in the Annotations sidebar, scrolled to and focused. */
  const openInSidebar = useCallback(
    (a: Annotation) => {
      let tries = 0;
      const find = () => {
        // The sidebar lists a long source's annotations progressively: this one may be a few frames away.
        const entry = document.querySelector<HTMLElement>(`[data-annotation-id="${a.id}"] .annotation-quote`);
        if (entry) {
          entry.scrollIntoView({ block: 'center' });
          entry.focus({ preventScroll: true });
        } else if (++tries < 120) requestAnimationFrame(find);
        else notify('That highlight is not in the Annotations sidebar.');
      };
      find();
    },
    [notify],
  );

  // Keyboard shortcuts of the reader (listed in the "Keyboard shortcuts" sheet).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (matchesShortcut('reader.find', e) && !document.querySelector('[aria-modal="true"]')) {
        e.preventDefault();
        setFindOpen(true);
        // A second Ctrl+F while the bar is open puts the cursor back in it.
        document.querySelector<HTMLInputElement>('.find-bar input')?.focus();
        return;
      }
      const zoom = matchesShortcut('reader.zoomIn', e) ? zoomIn : matchesShortcut('reader.zoomOut', e) ? zoomOut : matchesShortcut('reader.zoomReset', e) ? resetZoom : null;
      if (zoom) {
        e.preventDefault();
        zoom();
        return;
      }
      if (isTypingOrModal(e)) return;
      const step = matchesShortcut('reader.nextHighlight', e) ? 1 : matchesShortcut('reader.previousHighlight', e) ? -1 : 0;
      if (step) {
        e.preventDefault();
        moveHighlight(step);
        return;
      }
      const digit = Number(e.key);
      if (matchesShortcut('reader.colour', e) && digit <= colors.length) {
        const chosen = colors[digit - 1].key;
        setColor(chosen);
        if (getSelection()) act('highlight', chosen);
        e.preventDefault();
        return;
      }
      const action = (['highlight', 'comment', 'tag', 'quote'] as const).find((a) => matchesShortcut(`reader.${a}`, e));
      if (action && getSelection()) {
        e.preventDefault();
        act(action);
      }
    };
    window.addEventListener('keydown', onKey);
    const off = onEvent('menu.command', (e) => e.command === 'find' && setFindOpen(true));
    return () => {
      window.removeEventListener('keydown', onKey);
      off();
    };
  }, [act, colors, getSelection, zoomIn, zoomOut, resetZoom, moveHighlight]);

  // A jump from the sidebar: scroll the passage into view and flash it once its text is rendered.
  const jumped = useRef<object | null>(null);
  useEffect(() => {
    if (!jump || jumped.current === jump || !editor || !build.current) return;
    const a = jump;
    renderTo(a.end);
    const range = rangeFor(editor, build.current.index, a.start, a.end);
    if (!range) return;
    jumped.current = jump;
    const scroll = () => range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    scroll();
    // Blocks above it (content-visibility: auto) take their real height once laid out, which can move the passage away: settle it again.
    requestAnimationFrame(() => requestAnimationFrame(scroll));
    flashRange(range);
    // Again as more text arrives: the passage may be past the first blocks of a source still loading.
  }, [jump, editor, renderTo, renderedUpTo]);

  // Hovering a highlight shows its note and tags.
  const hoverFrame = useRef(0);
  const onMouseMove = (e: React.MouseEvent) => {
    const { clientX: x, clientY: y } = e;
    cancelAnimationFrame(hoverFrame.current);
    hoverFrame.current = requestAnimationFrame(() => {
      const caret = caretAt(x, y);
      const at = caret && editor && build.current ? pointToOffset(editor, build.current.index, caret.node, caret.offset, false) : null;
      const items = at === null ? [] : annotationsAt(annotations, at).filter((a) => a.noteText || a.tags.length);
      setTooltip(items.length ? { x, y, items } : null);
    });
  };

  const selectionApi = useMemo(() => ({ get: getSelection, source }), [getSelection, source]);
  const meta = [source.byline, source.outlet, source.publishedAt?.slice(0, 10)].filter(Boolean).join(' · ');

  return (
    <section className="reader" aria-label="Reader" ref={section}>
      <div className="reader-toolbar" role="toolbar" aria-label="Annotate">
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => act('highlight')} title="Highlight the selected passage (H)">
          Highlight
        </button>
        <div className="colour-choice" role="radiogroup" aria-label="Highlight colour">
          {colors.map((c, i) => (
            <button
              key={c.key}
              type="button"
              role="radio"
              aria-checked={color === c.key}
              aria-label={c.name}
              title={`${c.name} (${i + 1})`}
              className={`swatch-button swatch-${c.key}`}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => setColor(c.key)}
            />
          ))}
        </div>
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => act('comment')} title="Comment on the selected passage (C)">
          Comment
        </button>
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => act('tag')} title="Tag the selected passage (T)">
          Add tag
        </button>
        <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => act('quote')} title="Copy the selected passage as a Markdown quote with its citation (Q)">
          Copy as quote
        </button>
        <ReaderSelectionContext.Provider value={selectionApi}>{children}</ReaderSelectionContext.Provider>
        <span className="toolbar-gap" />
        <button type="button" onClick={() => setFindOpen(true)} title="Find in article (Ctrl/⌘+F)">
          Find
        </button>
        <button type="button" aria-label="Smaller text" title="Smaller text (Ctrl/⌘+−)" onClick={zoomOut}>
          A−
        </button>
        <button type="button" className="zoom-level" aria-label={`Text size ${Math.round(zoom * 100)}%, reset`} title="Reset text size (Ctrl/⌘+0)" onClick={resetZoom}>
          {Math.round(zoom * 100)}%
        </button>
        <button type="button" aria-label="Larger text" title="Larger text (Ctrl/⌘++)" onClick={zoomIn}>
          A+
        </button>
        <button type="button" onClick={() => setDialog('colours')} title="Name the highlight colours">
          Colours…
        </button>
        <button type="button" onClick={() => setDialog('details')} title="Edit title, byline, outlet, date and URL">
          Edit details
        </button>
        <button type="button" onClick={() => setDialog('replace')} title="Paste a revised version of this article">
          Replace text…
        </button>
        <button type="button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={() => window.dispatchEvent(new Event(SHOW_SHORTCUTS_EVENT))}>
          ?
        </button>
      </div>
      {findOpen && editor && <FindBar editor={editor} index={index} text={text} renderedUpTo={renderedUpTo} onClose={() => setFindOpen(false)} />}
      <article className="reader-page" style={{ '--reader-zoom': zoom } as React.CSSProperties} data-rendered={complete ? 'all' : 'partial'}>
        <header className="reader-header">
          <h1>{source.title}</h1>
          {meta && <p className="muted">{meta}</p>}
          <SourceTagsEditor source={source} />
          {source.url && (
            <p className="source-url">
              <a
                href={source.url}
                rel="noopener noreferrer"
                onClick={(e) => {
                  e.preventDefault();
                  confirmAndOpen(source.url!);
                }}
              >
                {source.url}
              </a>
            </p>
          )}
        </header>
        <div onMouseMove={onMouseMove} onMouseLeave={() => setTooltip(null)}>
          <LexicalComposer
            key={`${source.id}-${source.contentHash}`}
            initialConfig={{
              namespace: `reader-${source.id}`,
              editable: false,
              nodes: READER_NODES,
              theme,
              onError: (err: Error) => console.error(err),
              editorState: () => {
                build.current = startBuild(source.document);
                $buildMore(build.current, FIRST_SCREEN_CHARS);
              },
            }}
          >
            <RichTextPlugin contentEditable={<ContentEditable className="reader-text" aria-label="Article" tabIndex={0} />} ErrorBoundary={LexicalErrorBoundary} />
            <EditorCapture onEditor={setEditor} />
            <ProgressivePlugin build={build} doc={source.document} partial={partial} onProgress={onProgress} />
          </LexicalComposer>
        </div>
      </article>
      {selection && <SelectionToolbar rect={selection.rect} colors={colors} onAction={act} />}
      {tooltip && <HighlightPopover items={tooltip.items} style={{ left: tooltip.x + 12, top: tooltip.y + 16 }} />}
      {focused && focusedAt >= 0 && section.current && (
        <HighlightFocus
          key={focused.id}
          annotation={navigable[focusedAt]}
          range={focused.range}
          container={section.current}
          position={{ index: focusedAt, count: navigable.length }}
          layoutKey={zoom}
          onClose={closeFocus}
          onOpen={openInSidebar}
        />
      )}
      {dialog === 'details' && <MetadataDialog source={source} onClose={() => setDialog(null)} />}
      {dialog === 'replace' && <ReplaceTextDialog source={source} onClose={() => setDialog(null)} />}
      {dialog === 'colours' && <ColorsDialog colors={colors} onClose={() => setDialog(null)} onSaved={() => onColorsChanged?.()} />}
    </section>
  );
}
