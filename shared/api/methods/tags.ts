import { z } from 'zod';
import type { Tag } from '../../model/entities';
import type { TrashId } from '../../model/ids';
import { method } from '../method';
import { color, tagName } from '../schemas';

export interface TagMoveResult {
  /** The tag's name afterwards. */
  name: string;
  /** How many tags were renamed or folded (the tag and its children). */
  tags: number;
  /** How many annotations now carry a different tag name. */
  annotations: number;
}

export const tagMethods = {
  'tags.list': method<Tag[]>()(z.object({}).strict(), 'Every tag with its counts of sources and annotations, by name'),
  'tags.rename': method<TagMoveResult>()(
    z.object({ from: tagName, to: tagName }).strict(),
    'Rename a tag and its children everywhere ("iraq" → "middle-east/iraq" also moves "iraq/nato-mission")',
  ),
  'tags.merge': method<TagMoveResult>()(
    z.object({ from: tagName, into: tagName }).strict(),
    'Give everything tagged `from` (and its children) the tag `into` instead; `from` disappears',
  ),
  'tags.setColor': method<Tag>()(z.object({ name: tagName, color: color.nullable() }).strict(), 'Set or clear the colour of a tag'),
  'tags.delete': method<{ name: string; annotations: number; trashId: TrashId }>()(
    z.object({ name: tagName }).strict(),
    'Remove a tag (not its children) from every source, annotation and brief; the trash can put it back',
  ),
};
