import { z } from 'zod';
import type { TrashItem } from '../../model/entities';
import { TrashId } from '../../model/ids';
import { method } from '../method';

export const trashMethods = {
  'trash.list': method<TrashItem[]>()(z.object({}).strict(), 'What is in the trash, newest first'),
  'trash.restore': method<{ kind: TrashItem['kind']; itemId: number }>()(
    z.object({ id: TrashId }).strict(),
    'Put a trashed item back where it was',
  ),
};
