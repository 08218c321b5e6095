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
  const source = useLibraryQuery(() => (id ? api.sources.get({ id }) : Promise.resolve(null)), [id], ['sources']);
  const annotations = useLibraryQuery(() => (id ? api.annotations.list({ sourceId: id }) : Promise.resolve(null)), [id], ['annotations', 'trash', 'tags']);
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
    const target = focus?.annotationId && annotations.data?.find((a) => a.id === focus.annotationId);
    if (target) setJump({ start: target.start, end: target.end });
    else if (focus?.start !== undefined && focus.end !== undefined && focus.end > focus.start) setJump({ start: focus.start, end: focus.end });
  }, [focus?.annotationId, focus?.start, focus?.end, annotations.data]);

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

  return (
    <>
      {source.data ? (
        <Reader source={source.data} annotations={annotations.data ?? []} colors={colors} onColorsChanged={reloadColors} onAnnotate={annotate} jump={jump}>
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
          annotations={id ? annotations.data : null}
          colors={colors}
          onSelect={showAnnotation}
          editingNote={editingNote}
          onEditNote={setEditingNote}
          onEditTags={setTagging}
          renderActions={(a) => (
            <>
              <AnnotationStatementActions annotation={a} />
              <AddToBrief annotation={a} />
            </>
          )}
        />
      </StatementsSidebar>
      {tagging && <TagDialog annotation={tagging} onClose={() => setTagging(null)} />}
    </>
  );
}
