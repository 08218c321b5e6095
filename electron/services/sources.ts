import { createHash } from 'node:crypto';
import type { HandlersIn } from '../../shared/api/contract';
import type { ImportOutcome } from '../../shared/api/methods/sources';
import { AppError } from '../../shared/api/errors';
import { blockOffsets, canonicalText, type SourceDocument } from '../../shared/document/model';
import { plainTextToDocument } from '../interop/importers/text';
import { packDocument, unpackDocument } from '../../shared/document/pack';
import type { SourceDetail, SourceFormat, SourceMetadata } from '../../shared/model/entities';
import { listPlacedAnnotationsBefore, reindexAnnotationsOfSource } from '../db/repos/annotations';
import * as repo from '../db/repos/sources';
import { addToTrash } from '../db/repos/trash';
import type { ServiceContext } from './context';
import { cancelImport, type Extractor, expandPaths, fileItems, runImport, uploadItems } from './import';
import { sourceTagHandlers } from './tags';

export interface SourceToAdd {
  document: SourceDocument;
  metadata: SourceMetadata;
  format: SourceFormat;
  origin: string | null;
  canonicalUrl?: string | null;
  excerpt?: string | null;
  tags?: string[];
  /** The caller adds the source to the full-text index itself (repo.indexSources) before the transaction ends: a bulk import does, once per batch. */
  deferIndex?: boolean;
}

export function contentHash(text: string): string {
  return createHash('sha256').update(text.normalize('NFC'), 'utf8').digest('hex');
}

const countWords = (text: string) => text.match(/\S+/g)?.length ?? 0;

/**
 * Adds one source in one transaction: either the whole source (row, body,
 * search index) is there afterwards, or nothing is. The same text or the same
 * canonical URL is never imported twice.
 */
export function addSource(ctx: ServiceContext, s: SourceToAdd): ImportOutcome {
  const text = canonicalText(s.document);
  if (!text.trim()) throw new AppError('empty', 'There is no text to import.');
  const hash = contentHash(text);
  const canonicalUrl = s.canonicalUrl ?? s.metadata.url ?? null;
  return ctx.db.transaction((): ImportOutcome => {
    const dup = repo.findDuplicate(ctx.db, hash, canonicalUrl);
    if (dup) return { status: 'duplicate', id: dup.id, title: dup.title, reason: dup.reason };
    const id = repo.insertSource(
      ctx.db,
      {
        metadata: s.metadata,
        canonicalUrl,
        excerpt: s.excerpt ?? null,
        format: s.format,
        origin: s.origin,
        contentHash: hash,
        wordCount: countWords(text),
        document: packDocument(s.document),
        canonicalText: text,
      },
      ctx.now(),
      { index: !s.deferIndex },
    );
    return { status: 'imported', id, title: s.metadata.title };
  }).immediate();
}

function requireSource(ctx: ServiceContext, id: number) {
  const record = repo.getSourceRecord(ctx.db, id);
  if (!record) throw new AppError('not_found', `Source ${id} is not in the library (it may be in the trash).`);
  return record;
}

function sourceDetail(ctx: ServiceContext, id: number): SourceDetail {
  const record = requireSource(ctx, id);
  const body = repo.getSourceBody(ctx.db, id);
  if (!body) throw new AppError('database_corrupt', `Source ${id} has lost its text; restore a backup.`);
  return { ...record, document: unpackDocument(body.document, body.canonicalText) };
}

export function sourceHandlers(ctx: ServiceContext, extractor: Extractor): HandlersIn<'sources'> {
  const changed = () => ctx.events.emit('library.changed', { kinds: ['sources'] });
  return {
    'sources.list': (q) => {
      if (q.publishedFrom && q.publishedTo && q.publishedFrom.slice(0, 10) > q.publishedTo.slice(0, 10)) {
        throw new AppError('invalid_input', `The start date ${q.publishedFrom} is after the end date ${q.publishedTo}.`);
      }
      return repo.listSources(ctx.db, q);
    },
    ...sourceTagHandlers(ctx),
    'sources.get': ({ id }) => sourceDetail(ctx, id),
    'sources.opening': ({ id, chars }) =>
      // One read transaction: the cut document and its annotations are of the same moment.
      ctx.db.transaction(() => {
        const source = sourceDetail(ctx, id);
        const { blocks } = source.document;
        const offsets = blockOffsets(source.document);
        let n = 0;
        while (n < blocks.length && offsets[n] < chars) n++;
        const end = n ? offsets[n - 1] + blocks[n - 1].text.length : 0;
        // Only those wholly in the cut text: one running past its end comes with the whole list.
        const annotations = listPlacedAnnotationsBefore(ctx.db, id, end).filter((a) => a.end <= end);
        return { source: { ...source, document: { ...source.document, blocks: blocks.slice(0, n) } }, blockCount: blocks.length, annotations };
      })(),
    'sources.importText': ({ title, text }) => {
      const outcome = addSource(ctx, {
        document: plainTextToDocument(text).document,
        metadata: { title: title.trim(), byline: null, outlet: null, publishedAt: null, url: null, language: null },
        format: 'text',
        origin: 'paste',
      });
      if (outcome.status === 'imported') changed();
      return outcome;
    },
    'sources.importFiles': async ({ paths, tags, jobId }) => {
      const { files, problems } = await expandPaths(paths);
      return runImport(ctx, fileItems(files), { tags, jobId, extractor }, problems);
    },
    'sources.importUploads': ({ files, tags, jobId }) => runImport(ctx, uploadItems(files), { tags, jobId, extractor }),
    'sources.cancelImport': ({ jobId }) => ({ cancelled: cancelImport(ctx, jobId) }),
    'sources.updateMetadata': ({ id, metadata }) => {
      const current = requireSource(ctx, id);
      const next: SourceMetadata = {
        title: metadata.title.trim(),
        byline: metadata.byline === undefined ? current.byline : metadata.byline,
        outlet: metadata.outlet === undefined ? current.outlet : metadata.outlet,
        publishedAt: metadata.publishedAt === undefined ? current.publishedAt : metadata.publishedAt,
        url: metadata.url === undefined ? current.url : metadata.url,
        language: metadata.language === undefined ? current.language : metadata.language,
      };
      ctx.db.transaction(() => repo.updateMetadata(ctx.db, id, next, ctx.now())).immediate();
      changed();
      return repo.toSummary(requireSource(ctx, id));
    },
    'sources.delete': ({ id }) => {
      const record = requireSource(ctx, id);
      const trashId = ctx.db
        .transaction(() => {
          const now = ctx.now();
          repo.setSourceDeleted(ctx.db, id, now);
          reindexAnnotationsOfSource(ctx.db, id);
          return addToTrash(ctx.db, 'source', id, record.title, now);
        })
        .immediate();
      ctx.events.emit('library.changed', { kinds: ['sources', 'annotations', 'trash'] });
      return { trashId };
    },
  };
}
