import type { Annotation } from '../../../shared/model/entities';
import type { AnnotationId, SourceId, TrashId } from '../../../shared/model/ids';
import { api } from '../../data/client';
import { record } from './history';

/**
 * Annotation edits as the UI makes them: each is one library call and
 * records how to undo and redo it.
 */
export async function createAnnotation(sourceId: SourceId, range: { start: number; end: number }, color: string): Promise<Annotation> {
  const a = await api.annotations.create({ sourceId, ...range, color });
  let trashId: TrashId | null = null;
  record({
    label: 'highlight',
    undo: async () => {
      trashId = (await api.annotations.delete({ id: a.id })).trashId as TrashId;
    },
    redo: async () => {
      if (trashId) await api.trash.restore({ id: trashId });
    },
  });
  return a;
}

export async function recolorAnnotation(a: Annotation, color: string): Promise<Annotation> {
  if (a.color === color) return a;
  const updated = await api.annotations.update({ id: a.id, color });
  record({
    label: 'colour',
    undo: async () => void (await api.annotations.update({ id: a.id, color: a.color })),
    redo: async () => void (await api.annotations.update({ id: a.id, color })),
  });
  return updated;
}

/** Saves a note; consecutive saves of one annotation's note while its editor stays open undo as one step. */
export async function saveNote(a: Pick<Annotation, 'id'>, before: { note: string | null; noteText: string }, note: string | null, noteText: string): Promise<Annotation> {
  const updated = await api.annotations.update({ id: a.id, note, noteText });
  record({
    label: 'note',
    mergeKey: `note-${a.id}`,
    undo: async () => void (await api.annotations.update({ id: a.id, note: before.note, noteText: before.noteText })),
    redo: async () => void (await api.annotations.update({ id: a.id, note, noteText })),
  });
  return updated;
}

export async function setAnnotationTags(a: Annotation, tags: string[]): Promise<Annotation> {
  const updated = await api.annotations.setTags({ id: a.id, tags });
  record({
    label: 'tags',
    undo: async () => void (await api.annotations.setTags({ id: a.id, tags: a.tags })),
    redo: async () => void (await api.annotations.setTags({ id: a.id, tags })),
  });
  return updated;
}

export async function deleteAnnotation(id: AnnotationId): Promise<void> {
  let { trashId } = await api.annotations.delete({ id });
  record({
    label: 'delete',
    undo: async () => void (await api.trash.restore({ id: trashId as TrashId })),
    redo: async () => {
      trashId = (await api.annotations.delete({ id })).trashId;
    },
  });
}
