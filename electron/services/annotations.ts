import type { HandlersIn } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { describeRange } from '../../shared/anchoring/selectors';
import * as repo from '../db/repos/annotations';
import { getCanonicalText, getSourceRecord } from '../db/repos/sources';
import { ensureTag } from '../db/repos/tags';
import { addToTrash } from '../db/repos/trash';
import type { ServiceContext } from './context';

export function requireAnnotation(ctx: ServiceContext, id: number) {
  const a = repo.getAnnotation(ctx.db, id);
  if (!a) throw new AppError('not_found', `Annotation ${id} does not exist (it may be in the trash).`);
  return a;
}

export function annotationHandlers(ctx: ServiceContext): HandlersIn<'annotations'> {
  const changed = () => ctx.events.emit('library.changed', { kinds: ['annotations'] });
  return {
    'annotations.list': ({ sourceId }) => {
      if (!getSourceRecord(ctx.db, sourceId)) throw new AppError('not_found', `Source ${sourceId} is not in the library.`);
      return repo.listAnnotationsForSource(ctx.db, sourceId);
    },
    'annotations.create': ({ sourceId, start, end, color }) => {
      const created = ctx.db
        .transaction(() => {
          const text = getCanonicalText(ctx.db, sourceId);
          if (text === null || !getSourceRecord(ctx.db, sourceId)) {
            throw new AppError('not_found', `Source ${sourceId} is not in the library.`);
          }
          if (end > text.length) {
            throw new AppError('invalid_input', `That passage ends at ${end}, past the end of the text (${text.length}).`);
          }
          // The quote and its context come from the stored text, never from the caller.
          const { quote } = describeRange(text, start, end);
          if (!quote.exact.trim()) throw new AppError('invalid_input', 'Select some words to highlight, not just spaces.');
          return repo.insertAnnotation(ctx.db, { sourceId, start, end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, color }, ctx.now());
        })
        .immediate();
      changed();
      return requireAnnotation(ctx, created);
    },
    'annotations.update': ({ id, color, note, noteText }) => {
      requireAnnotation(ctx, id);
      ctx.db.transaction(() => repo.updateAnnotationFields(ctx.db, id, { color, note, noteText }, ctx.now())).immediate();
      changed();
      return requireAnnotation(ctx, id);
    },
    'annotations.setTags': ({ id, tags }) => {
      requireAnnotation(ctx, id);
      ctx.db
        .transaction(() => {
          const now = ctx.now();
          // Names compare without case, so "Iraq" and "iraq" are one tag.
          const ids = [...new Set(tags.map((name) => ensureTag(ctx.db, name, now)))];
          repo.setAnnotationTagIds(ctx.db, id, ids);
          repo.updateAnnotationFields(ctx.db, id, {}, now);
        })
        .immediate();
      ctx.events.emit('library.changed', { kinds: ['annotations', 'tags'] });
      return requireAnnotation(ctx, id);
    },
    'annotations.delete': ({ id }) => {
      const a = requireAnnotation(ctx, id);
      const trashId = ctx.db
        .transaction(() => {
          const now = ctx.now();
          repo.setAnnotationDeleted(ctx.db, id, now);
          return addToTrash(ctx.db, 'annotation', id, a.exact, now);
        })
        .immediate();
      ctx.events.emit('library.changed', { kinds: ['annotations', 'trash'] });
      return { trashId };
    },
  };
}
