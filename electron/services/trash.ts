import type { HandlersIn } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import type { TrashKind } from '../../shared/model/entities';
import type { Db } from '../db/connection';
import { reindexAnnotationsOfSource, setAnnotationDeleted } from '../db/repos/annotations';
import { setSourceDeleted } from '../db/repos/sources';
import { getTrashItem, listTrash, removeFromTrash } from '../db/repos/trash';
import type { ServiceContext } from './context';

/** How to bring each kind of item back; a feature that trashes a new kind adds its line here. */
const restorers: Partial<Record<TrashKind, (db: Db, itemId: number) => void>> = {
  source: (db, id) => {
    setSourceDeleted(db, id, null);
    reindexAnnotationsOfSource(db, id);
  },
  annotation: (db, id) => setAnnotationDeleted(db, id, null),
};

export function registerRestorer(kind: TrashKind, restore: (db: Db, itemId: number) => void): void {
  restorers[kind] = restore;
}

export function trashHandlers(ctx: ServiceContext): HandlersIn<'trash'> {
  return {
    'trash.list': () => listTrash(ctx.db),
    'trash.restore': ({ id }) => {
      const item = getTrashItem(ctx.db, id);
      if (!item) throw new AppError('not_found', 'That item is no longer in the trash.');
      const restore = restorers[item.kind];
      if (!restore) throw new AppError('internal', `Collate does not know how to restore a ${item.kind}.`);
      ctx.db
        .transaction(() => {
          restore(ctx.db, item.itemId);
          removeFromTrash(ctx.db, id);
        })
        .immediate();
      ctx.events.emit('library.changed', { kinds: ['sources', 'annotations', 'briefs', 'links', 'trash'] });
      return { kind: item.kind, itemId: item.itemId };
    },
  };
}
