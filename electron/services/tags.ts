import type { HandlersIn } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import type { TagMoveResult } from '../../shared/api/methods/tags';
import type { Tag } from '../../shared/model/entities';
import * as sources from '../db/repos/sources';
import * as tags from '../db/repos/tags';
import { addToTrash } from '../db/repos/trash';
import type { ServiceContext } from './context';
import { registerRestorer } from './trash';

registerRestorer('tag', (db, recordId) => tags.restoreTrashedTag(db, recordId));

const tagUses = (t: Tag) =>
  `${t.sourceCount} source${t.sourceCount === 1 ? '' : 's'}, ${t.annotationCount} annotation${t.annotationCount === 1 ? '' : 's'}`;

function requireTag(ctx: ServiceContext, name: string) {
  const tag = tags.getTag(ctx.db, name);
  if (!tag) throw new AppError('not_found', `There is no tag named “${name}”.`);
  return tag;
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function tagHandlers(ctx: ServiceContext): HandlersIn<'tags'> {
  const changed = () => ctx.events.emit('library.changed', { kinds: ['tags', 'sources', 'annotations', 'briefs'] });
  const move = (from: string, to: string): TagMoveResult => {
    const outcome = ctx.db.transaction(() => tags.moveTag(ctx.db, from, to)).immediate();
    changed();
    return { name: to, ...outcome };
  };
  return {
    'tags.list': () => tags.listTags(ctx.db),
    'tags.rename': ({ from, to }) => {
      const tag = requireTag(ctx, from);
      // A change of case only is a rename of the tag itself; anything else must not take an existing name.
      if (!sameName(from, to) && tags.getTag(ctx.db, to)) {
        throw new AppError('conflict', `A tag named “${to}” already exists; merge “${tag.name}” into it instead.`);
      }
      if (to.toLowerCase().startsWith(`${from.toLowerCase()}/`)) {
        throw new AppError('invalid_input', `“${to}” is inside “${tag.name}”; a tag cannot become its own child.`);
      }
      return move(tag.name, to);
    },
    'tags.merge': ({ from, into }) => {
      const source = requireTag(ctx, from);
      const target = requireTag(ctx, into);
      if (sameName(from, into)) throw new AppError('invalid_input', 'Choose two different tags to merge.');
      if (into.toLowerCase().startsWith(`${from.toLowerCase()}/`)) {
        throw new AppError('invalid_input', `“${target.name}” is inside “${source.name}”; merge it the other way round.`);
      }
      return move(source.name, target.name);
    },
    'tags.setColor': ({ name, color }) => {
      const tag = requireTag(ctx, name);
      ctx.db.transaction(() => tags.setTagColor(ctx.db, tag.name, color)).immediate();
      ctx.events.emit('library.changed', { kinds: ['tags'] });
      return requireTag(ctx, name);
    },
    'tags.delete': ({ name }) => {
      const tag = requireTag(ctx, name);
      const outcome = ctx.db
        .transaction(() => {
          const trashed = tags.trashTag(ctx.db, tag.name)!;
          const trashId = addToTrash(ctx.db, 'tag', trashed.recordId, `${trashed.name} (${tagUses(tag)})`, ctx.now());
          return { ...trashed, trashId };
        })
        .immediate();
      ctx.events.emit('library.changed', { kinds: ['tags', 'sources', 'annotations', 'briefs', 'trash'] });
      return { name: outcome.name, annotations: outcome.annotations, trashId: outcome.trashId };
    },
  };
}

/** The source methods about tags and the Library's filters; spread into sourceHandlers. */
export function sourceTagHandlers(ctx: ServiceContext): Pick<HandlersIn<'sources'>, 'sources.setTags' | 'sources.outlets'> {
  return {
    'sources.setTags': ({ id, tags: names }) => {
      if (!sources.getSourceRecord(ctx.db, id)) throw new AppError('not_found', `Source ${id} is not in the library (it may be in the trash).`);
      ctx.db.transaction(() => tags.setSourceTags(ctx.db, id, [...new Set(names)], ctx.now())).immediate();
      ctx.events.emit('library.changed', { kinds: ['sources', 'tags'] });
      return sources.toSummary(sources.getSourceRecord(ctx.db, id)!);
    },
    'sources.outlets': () => sources.listOutlets(ctx.db),
  };
}
