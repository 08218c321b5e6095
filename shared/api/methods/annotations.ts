import { z } from 'zod';
import type { Annotation } from '../../model/entities';
import { AnnotationId, SourceId } from '../../model/ids';
import { method } from '../method';
import { color, LIMITS, tagName, text } from '../schemas';

const position = {
  start: z.number().int().min(0),
  end: z.number().int().min(1),
};

export const annotationMethods = {
  'annotations.list': method<Annotation[]>()(
    z.object({ sourceId: SourceId }).strict(),
    "A source's annotations in reading order, orphans last",
  ),
  'annotations.create': method<Annotation>()(
    z
      .object({ sourceId: SourceId, ...position, color: color.default('yellow') })
      .strict()
      .refine((a) => a.end > a.start, { message: 'a highlight needs at least one character' }),
    'Highlight a passage; the quote and its context are taken from the stored text',
  ),
  'annotations.update': method<Annotation>()(
    z
      .object({
        id: AnnotationId,
        color: color.optional(),
        note: text(LIMITS.noteChars, 'Note').nullable().optional(),
        noteText: text(LIMITS.noteChars, 'Note').optional(),
      })
      .strict(),
    'Recolour an annotation or change its note',
  ),
  'annotations.setTags': method<Annotation>()(
    z.object({ id: AnnotationId, tags: z.array(tagName).max(100, { message: 'an annotation takes at most 100 tags' }) }).strict(),
    "Replace an annotation's tags (hierarchical names such as iraq/nato-mission; new tags are created)",
  ),
  'annotations.delete': method<{ trashId: number }>()(
    z.object({ id: AnnotationId }).strict(),
    'Move an annotation to the trash',
  ),
};
