import type { HandlersIn } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import * as repo from '../db/repos/speakers';
import { listStatements } from '../db/repos/statements';
import type { ServiceContext } from './context';

export function requireSpeaker(ctx: ServiceContext, id: number) {
  const s = repo.getSpeaker(ctx.db, id);
  if (!s) throw new AppError('not_found', `Speaker ${id} does not exist (it may have been merged into another).`);
  return s;
}

export function speakerHandlers(ctx: ServiceContext): HandlersIn<'speakers'> {
  const changed = () => ctx.events.emit('library.changed', { kinds: ['statements'] });
  return {
    'speakers.list': ({ query }) => repo.listSpeakers(ctx.db, query),
    'speakers.get': ({ id }) => ({ speaker: requireSpeaker(ctx, id), timeline: listStatements(ctx.db, { speakerId: id }) }),
    'speakers.create': ({ name, kind, aliases }) => {
      const id = ctx.db
        .transaction(() => {
          const existing = repo.findSpeaker(ctx.db, name);
          if (existing) throw new AppError('duplicate', `"${name.trim()}" is already in the speakers index.`);
          const created = repo.insertSpeaker(ctx.db, name, kind, ctx.now());
          for (const alias of aliases) {
            const owner = repo.aliasOwner(ctx.db, alias);
            if (owner && owner !== created) throw new AppError('conflict', `"${alias.trim()}" is already a name of another speaker; merge them instead.`);
            repo.addAlias(ctx.db, created, alias);
          }
          return created;
        })
        .immediate();
      changed();
      return requireSpeaker(ctx, id);
    },
    'speakers.addAlias': ({ id, alias }) => {
      requireSpeaker(ctx, id);
      ctx.db
        .transaction(() => {
          const owner = repo.aliasOwner(ctx.db, alias);
          if (owner && owner !== id) throw new AppError('conflict', `"${alias.trim()}" is already a name of another speaker; merge them instead.`);
          repo.addAlias(ctx.db, id, alias);
        })
        .immediate();
      changed();
      return requireSpeaker(ctx, id);
    },
    'speakers.merge': ({ intoId, fromIds }) => {
      requireSpeaker(ctx, intoId);
      const from = [...new Set(fromIds)].filter((id) => id !== intoId);
      if (from.length === 0) throw new AppError('invalid_input', 'Choose at least one other speaker to merge into this one.');
      for (const id of from) requireSpeaker(ctx, id);
      ctx.db.transaction(() => from.forEach((id) => repo.mergeSpeaker(ctx.db, intoId, id))).immediate();
      ctx.events.emit('library.changed', { kinds: ['statements', 'annotations'] });
      return requireSpeaker(ctx, intoId);
    },
  };
}
