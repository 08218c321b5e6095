import type { HandlersIn } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { RELATIONS } from '../../shared/model/statement';
import type { Db } from '../db/connection';
import { getAnnotation } from '../db/repos/annotations';
import * as repo from '../db/repos/links';
import { addToTrash } from '../db/repos/trash';
import type { ServiceContext } from './context';
import { registerRestorer } from './trash';

registerRestorer('link', (db: Db, id: number) => repo.setLinkDeleted(db, id, null));

function requireStatement(ctx: ServiceContext, id: number, end: string) {
  const a = getAnnotation(ctx.db, id);
  if (!a) throw new AppError('not_found', `The ${end} statement (${id}) does not exist (it may be in the trash).`);
  if (!a.statement) throw new AppError('invalid_input', `The ${end} passage is a highlight, not a statement: mark it as a statement first.`);
  return a;
}

const short = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

export function linkHandlers(ctx: ServiceContext): HandlersIn<'links'> {
  return {
    'links.create': ({ fromId, toId, relation, note, confidence }) => {
      const id = ctx.db
        .transaction(() => {
          requireStatement(ctx, fromId, 'first');
          requireStatement(ctx, toId, 'second');
          const wanted = { fromId, toId, relation, note: note.trim(), confidence: confidence ?? null };
          if (repo.findSameLink(ctx.db, wanted)) {
            throw new AppError('duplicate', `These statements are already linked as "${RELATIONS[relation].label}".`);
          }
          return repo.insertLink(ctx.db, wanted, ctx.now());
        })
        .immediate();
      ctx.events.emit('library.changed', { kinds: ['links'] });
      return repo.getLink(ctx.db, id)!;
    },
    'links.list': ({ annotationId }) => {
      if (!getAnnotation(ctx.db, annotationId)) throw new AppError('not_found', `Statement ${annotationId} does not exist (it may be in the trash).`);
      return repo.listLinksAt(ctx.db, annotationId);
    },
    'links.delete': ({ id }) => {
      const link = repo.getLink(ctx.db, id);
      if (!link) throw new AppError('not_found', `Link ${id} does not exist (it may already be in the trash).`);
      const trashId = ctx.db
        .transaction(() => {
          const now = ctx.now();
          const from = getAnnotation(ctx.db, link.fromId, true);
          const to = getAnnotation(ctx.db, link.toId, true);
          const label = `“${short(from?.exact ?? '')}” ${RELATIONS[link.relation].label} “${short(to?.exact ?? '')}”`;
          repo.setLinkDeleted(ctx.db, id, now);
          return addToTrash(ctx.db, 'link', id, label, now);
        })
        .immediate();
      ctx.events.emit('library.changed', { kinds: ['links', 'trash'] });
      return { trashId };
    },
  };
}
