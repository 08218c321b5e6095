import type { HandlersIn } from '../../shared/api/contract';
import type { ReplaceTextResult } from '../../shared/api/methods/anchoring';
import { AppError } from '../../shared/api/errors';
import { reanchorAll } from '../../shared/anchoring';
import { canonicalText, type SourceDocument } from '../../shared/document/model';
import { plainTextToDocument } from '../interop/importers/text';
import { packDocument } from '../../shared/document/pack';
import type { AnchorStatus } from '../../shared/model/entities';
import { listSelectorsOfSource, setAnchor } from '../db/repos/annotations';
import { replaceSourceBody } from '../db/repos/source-text';
import { getSourceRecord, toSummary } from '../db/repos/sources';
import type { ServiceContext } from './context';
import { contentHash } from './sources';

const countWords = (text: string) => text.match(/\S+/g)?.length ?? 0;

/**
 * Stores a revised text for a source and re-anchors every annotation on it,
 * in one transaction (a savepoint when the caller has one open): either the
 * new text and all new positions are stored, or nothing changed. An
 * annotation that cannot be placed becomes an orphan and keeps its quote;
 * none is ever dropped. Announces nothing: a re-import calls this inside its
 * batch and reports the change once the batch is committed.
 */
export function storeRevisedText(ctx: ServiceContext, sourceId: number, document: SourceDocument): Record<AnchorStatus, number> {
  const text = canonicalText(document);
  if (!text.trim()) throw new AppError('empty', 'The revised text is empty; paste the new version of the article.');
  const anchors: Record<AnchorStatus, number> = { exact: 0, moved: 0, fuzzy: 0, orphan: 0 };
  ctx.db
    .transaction(() => {
      if (!getSourceRecord(ctx.db, sourceId)) throw new AppError('not_found', `Source ${sourceId} is not in the library (it may be in the trash).`);
      const now = ctx.now();
      replaceSourceBody(ctx.db, sourceId, { document: packDocument(document), canonicalText: text, contentHash: contentHash(text), wordCount: countWords(text) }, now);
      const stored = listSelectorsOfSource(ctx.db, sourceId);
      const placed = reanchorAll(
        text,
        stored.map((a) => ({ position: { type: 'TextPositionSelector', start: a.start, end: a.end }, quote: { type: 'TextQuoteSelector', exact: a.exact, prefix: a.prefix, suffix: a.suffix } })),
      );
      placed.forEach((p, i) => {
        anchors[p.status] += 1;
        setAnchor(ctx.db, stored[i].id, p, now);
      });
    })
    .immediate();
  return anchors;
}

/** The "Replace text…" dialog: stores the revised text (see storeRevisedText) and tells every window. */
export function replaceSourceText(ctx: ServiceContext, sourceId: number, document: SourceDocument): ReplaceTextResult {
  const anchors = storeRevisedText(ctx, sourceId, document);
  ctx.events.emit('library.changed', { kinds: ['sources', 'annotations'] });
  const record = getSourceRecord(ctx.db, sourceId);
  if (!record) throw new AppError('not_found', `Source ${sourceId} is not in the library.`);
  return { source: toSummary(record), anchors };
}

export function anchoringHandlers(ctx: ServiceContext): HandlersIn<'anchoring'> {
  return {
    'anchoring.replaceText': ({ sourceId, text }) => replaceSourceText(ctx, sourceId, plainTextToDocument(text).document),
  };
}
