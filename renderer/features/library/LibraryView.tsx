import { useCallback, useEffect, useState } from 'react';
import type { Annotation } from '../../../shared/model/entities';
import type { AnnotationId, SourceId } from '../../../shared/model/ids';
import { useNavigation } from '../../app/navigation';
import { api } from '../../data/client';
import { useLibraryQuery } from '../../data/hooks';
import { createAnnotation } from '../annotations/actions';
import { AnnotationsPanel } from '../annotations/AnnotationsPanel';
import { AddToBrief } from '../briefs/AddToBrief';
import { ExportSourceButton } from '../briefs/ExportSourceButton';
import { TagDialog } from '../annotations/TagDialog';
import { useHighlightColors } from '../reader/colors';
import { Reader } from '../reader/Reader';
import { StatementsSidebar } from '../statements/SourceStatements';
import { AnnotationStatementActions, StatementActions } from '../statements/StatementActions';

/** The open source: the reader with its annotations beside it. */
export function LibraryView({ sourceId, focus }: { sourceId?: SourceId; focus?: { annotationId?: AnnotationId; start?: number; end?: number } }) {
  const { notify } = useNavigation();
  const id = sourceId ?? null;
  // The first screen's blocks and annotations come first (a few kilobytes), the whole document and list after.
  const opening = useLibraryQuery(() => (id ? api.sources.opening({ id }) : Promise.resolve(null)), [id], []);
  const source = useLibraryQuery(() => (id ? api.sources.get({ id }) : Promise.resolve(null)), [id], ['sources']);
  const annotations = useLibraryQuery(
    async () => (id ? { sourceId: id, list: await api.annotations.list({ sourceId: id }) } : null),
    [id],
    ['annotations', 'trash', 'tags'],
  );
  // While another source's data is still on screen, the one being opened is shown as soon as any of it arrives.
  const own = annotations.data?.sourceId === id ? annotations.data.list : null;
  const full = source.data?.id === id ? source.data : null;
  const start = opening.data?.source.id === id ? opening.data : null;
  const shown = full ?? start?.source ?? source.data;
  const { colors, reload: reloadColors } = useHighlightColors();
  const [editingNote, setEditingNote] = useState<AnnotationId | null>(null);
  const [tagging, setTagging] = useState<Annotation | null>(null);
  const [jump, setJump] = useState<{ start: number; end: number } | null>(null);

  useEffect(() => {
    setEditingNote(null);
    setTagging(null);
    setJump(null);
  }, [id]);

  // Other views open a source at an annotation (statements, briefs) or at a passage (search hits).
  useEffect(() => {
    const target = focus?.annotationId && own?.find((a) => a.id === focus.annotationId);
    if (target) setJump({ start: target.start, end: target.end });
    else if (focus?.start !== undefined && focus.end !== undefined && focus.end > focus.start) setJump({ start: focus.start, end: focus.end });
  }, [focus?.annotationId, focus?.start, focus?.end, own]);

  const annotate = useCallback(
    async (action: 'highlight' | 'comment' | 'tag', range: { start: number; end: number }, color: string) => {
      if (!id) return false;
      try {
        const a = await createAnnotation(id, range, color);
        annotations.reload();
        if (action === 'comment') setEditingNote(a.id);
        if (action === 'tag') setTagging(a);
        return true;
      } catch (err) {
        notify((err as Error).message);
        return false;
      }
    },
    [id, annotations, notify],
  );

  const showAnnotation = useCallback((a: Annotation) => setJump({ start: a.start, end: a.end }), []);
  const listed = useGrowingList(own, id);
  // Stable, so the sidebar's memoised items skip re-rendering when this view re-renders (a new function
  // each time re-rendered all 2,000 items on every click, keystroke-driven reload and source switch).
  const renderActions = useCallback(
    (a: Annotation) => (
      <>
        <AnnotationStatementActions annotation={a} />
        <AddToBrief annotation={a} />
      </>
    ),
    [],
  );

  return (
    <>
      {shown ? (
        <Reader
          source={shown}
          partial={shown === start?.source && start.blockCount > start.source.document.blocks.length}
          annotations={own ?? start?.annotations ?? []}
          colors={colors}
          onColorsChanged={reloadColors}
          onAnnotate={annotate}
          jump={jump}
        >
          <StatementActions />
          <ExportSourceButton />
        </Reader>
      ) : (
        <section className="reader reader-empty" aria-label="Reader">
          <p className="muted">{source.error ?? 'Open a source from the Library to read and annotate it.'}</p>
        </section>
      )}
      <StatementsSidebar sourceId={id}>
        <AnnotationsPanel
          // A new list per source: the old one goes in one removal, not 2,000.
          key={id ?? 'none'}
          annotations={id ? listed : null}
          colors={colors}
          onSelect={showAnnotation}
          editingNote={editingNote}
          onEditNote={setEditingNote}
          onEditTags={setTagging}
          renderActions={renderActions}
        />
      </StatementsSidebar>
      {tagging && <TagDialog annotation={tagging} onClose={() => setTagging(null)} />}
    </>
  );
}

/** Sidebar items rendered at once when a source opens; the rest follow in idle time. */
const FIRST_ITEMS = 60;
const MORE_ITEMS = 250;

/**
 * A source's annotations for the sidebar, listed progressively when it opens: 2,000 items cost about half
 * a second to create, which must not delay the article's first screen or the rest of its text (the reader
 * builds in ordinary tasks; idle callbacks run after them). Later reloads of the same source list everything
 * at once: the items are memoised, so only the changed ones render again.
 */
function useGrowingList<T>(items: T[] | null, resetKey: unknown): T[] | null {
  const [shown, setShown] = useState({ key: resetKey, count: FIRST_ITEMS });
  const count = shown.key === resetKey ? shown.count : FIRST_ITEMS;
  const total = items?.length ?? 0;
  useEffect(() => {
    if (count >= total) return;
    const handle = window.requestIdleCallback(() => setShown({ key: resetKey, count: count + MORE_ITEMS }), { timeout: 1000 });
    return () => window.cancelIdleCallback(handle);
  }, [count, total, resetKey]);
  return items && count < items.length ? items.slice(0, count) : items;
}
