import type { SerializedEditorState } from 'lexical';
import type { HandlersIn } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import type { BriefDetail } from '../../shared/api/methods/briefs';
import { QUOTE_NODE_TYPE, type SerializedQuoteBlock } from '../../shared/markdown/model';
import type { BriefId } from '../../shared/model/ids';
import * as repo from '../db/repos/briefs';
import { addToTrash } from '../db/repos/trash';
import { briefMarkdown, markdownFile, quotedIds } from '../interop/exporters/markdown/brief';
import type { ServiceContext } from './context';
import { registerRestorer } from './trash';

/** An empty Lexical editor state: one empty paragraph. */
export const EMPTY_BRIEF = JSON.stringify({
  root: {
    type: 'root',
    version: 1,
    direction: null,
    format: '',
    indent: 0,
    children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [] }],
  },
});

registerRestorer('brief', (db, id) => repo.setBriefDeleted(db, id, null));

/** Keeps brief_quotes / brief_links in step with what the content quotes. */
function indexReferences(ctx: ServiceContext, id: number, content: string): void {
  repo.setBriefReferences(ctx.db, id, quotedIds(JSON.parse(content) as SerializedEditorState));
}

function toDetail(b: repo.BriefRecord): BriefDetail {
  return { id: b.id, title: b.title, tags: b.tags, updatedAt: b.updatedAt, createdAt: b.createdAt, content: b.content };
}

export function requireBrief(ctx: ServiceContext, id: number): repo.BriefRecord {
  const b = repo.getBrief(ctx.db, id);
  if (!b) throw new AppError('not_found', `Brief ${id} does not exist (it may be in the trash).`);
  return b;
}

/** The brief as the Markdown file every front end saves: identical bytes from the app, the browser host and the CLI. */
export function exportBrief(ctx: ServiceContext, id: number) {
  const brief = requireBrief(ctx, id);
  const state = JSON.parse(brief.content) as SerializedEditorState;
  const ids = quotedIds(state);
  const quotes = repo.quotesById(ctx.db, ids.annotationIds);
  const links = repo.crossReferencesById(ctx.db, ids.linkIds);
  const text = briefMarkdown({ title: brief.title, tags: brief.tags, state }, { quote: (a) => quotes.get(a), crossReference: (l) => links.get(l) }, ctx.now());
  return markdownFile(brief.title, text);
}

export function briefHandlers(ctx: ServiceContext): HandlersIn<'briefs'> {
  const changed = (...kinds: Array<'briefs' | 'trash' | 'tags'>) => ctx.events.emit('library.changed', { kinds: ['briefs', ...kinds] });
  const summary = (id: number) => {
    const { content: _c, contentText: _t, createdAt: _a, ...s } = requireBrief(ctx, id);
    return s;
  };
  return {
    'briefs.list': ({ query, annotationId }) => {
      const briefs = repo.listBriefs(ctx.db, repo.matchQuery(query));
      if (annotationId === undefined) return briefs;
      const quoting = new Set(repo.briefIdsQuoting(ctx.db, annotationId));
      return briefs.filter((b) => quoting.has(b.id));
    },
    'briefs.get': ({ id }) => toDetail(requireBrief(ctx, id)),
    'briefs.create': ({ title, tags }) => {
      const id = ctx.db
        .transaction(() => {
          const now = ctx.now();
          const id = repo.insertBrief(ctx.db, { title: title.trim(), content: EMPTY_BRIEF, contentText: '' }, now);
          repo.setBriefTags(ctx.db, id, tags, now);
          return id;
        })
        .immediate();
      changed('tags');
      return toDetail(requireBrief(ctx, id));
    },
    'briefs.update': ({ id, title, content, contentText, tags }) => {
      requireBrief(ctx, id);
      ctx.db
        .transaction(() => {
          const now = ctx.now();
          repo.updateBrief(ctx.db, id, { title: title?.trim(), content, contentText }, now);
          if (content !== undefined) indexReferences(ctx, id, content);
          if (tags) repo.setBriefTags(ctx.db, id, tags, now);
        })
        .immediate();
      changed(...(tags ? (['tags'] as const) : []));
      return summary(id);
    },
    'briefs.duplicate': ({ id }) => {
      const original = requireBrief(ctx, id);
      const copy = ctx.db
        .transaction(() => {
          const now = ctx.now();
          const copy = repo.insertBrief(ctx.db, { title: `${original.title} (copy)`.slice(0, 1000), content: original.content, contentText: original.contentText }, now);
          repo.setBriefTags(ctx.db, copy, original.tags, now);
          indexReferences(ctx, copy, original.content);
          return copy;
        })
        .immediate();
      changed();
      return toDetail(requireBrief(ctx, copy));
    },
    'briefs.delete': ({ id }) => {
      const b = requireBrief(ctx, id);
      const trashId = ctx.db
        .transaction(() => {
          const now = ctx.now();
          repo.setBriefDeleted(ctx.db, id, now);
          return addToTrash(ctx.db, 'brief', id, b.title, now);
        })
        .immediate();
      changed('trash');
      return { trashId };
    },
    'briefs.addQuote': ({ id, annotationId }) => {
      ctx.db
        .transaction(() => {
          const b = requireBrief(ctx, id);
          const quote = repo.quotesById(ctx.db, [annotationId]).get(annotationId);
          if (!quote) throw new AppError('not_found', `Annotation ${annotationId} does not exist (it may be in the trash).`);
          const state = JSON.parse(b.content) as { root: { children: unknown[] } };
          const node: SerializedQuoteBlock = { type: QUOTE_NODE_TYPE, version: 1, annotationId, snapshot: quote };
          state.root.children.push(node);
          const content = JSON.stringify(state);
          repo.updateBrief(ctx.db, id, { content, contentText: `${b.contentText}\n\n${quote.exact}`.trim() }, ctx.now());
          indexReferences(ctx, id, content);
        })
        .immediate();
      changed();
      return summary(id);
    },
    'briefs.quotes': ({ annotationIds, linkIds }) => ({
      quotes: [...repo.quotesById(ctx.db, annotationIds).values()],
      crossReferences: [...repo.crossReferencesById(ctx.db, linkIds).values()],
    }),
    'briefs.searchQuotes': ({ query, limit }) => repo.searchQuotes(ctx.db, repo.matchQuery(query), limit),
    'briefs.searchCrossReferences': ({ query, limit }) => repo.searchCrossReferences(ctx.db, repo.matchQuery(query), limit),
    'briefs.exportMarkdown': ({ id }) => exportBrief(ctx, id as BriefId),
  };
}
