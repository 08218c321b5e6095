import fs from 'node:fs';
import path from 'node:path';
import type { HandlersIn } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import type { ExportedFile } from '../../shared/api/methods/briefs';
import type { AnnotationImportReport } from '../../shared/api/methods/export';
import { ExportRequest, type SavedExport } from '../../shared/api/shell';
import type { Library } from '../app/library';
import { anchor } from '../../shared/anchoring/anchor';
import { describeRange } from '../../shared/anchoring/selectors';
import { sourceWithAnnotationsMarkdown } from '../../shared/markdown';
import { getAnnotation, insertAnnotation } from '../db/repos/annotations';
import { quotesOfSource } from '../db/repos/briefs';
import * as interop from '../db/repos/interop';
import { getCanonicalText, getSourceRecord } from '../db/repos/sources';
import { markdownFile, markdownFilename } from '../interop/exporters/markdown/brief';
import { annotationCollection, annotationToW3c } from '../interop/exporters/jsonld';
import { parseAnnotationFile } from '../interop/importers/annotations-jsonld';
import type { ServiceContext } from './context';

/** "Export source with annotations": the same bytes from every front end. */
export function exportSourceMarkdown(ctx: ServiceContext, id: number) {
  const source = getSourceRecord(ctx.db, id);
  if (!source) throw new AppError('not_found', `Source ${id} is not in the library.`);
  const text = sourceWithAnnotationsMarkdown({ source, quotes: quotesOfSource(ctx.db, id), exportedAt: ctx.now() });
  return markdownFile(source.title, text);
}

/** The desktop's Save dialog as a function: the path the user chose, or null when they cancelled. */
export type AskSavePath = (suggested: { filename: string; title: string }) => Promise<string | null>;

/**
 * "Export Markdown" in the desktop app: the same file the contract gives the
 * browser host and the CLI, written where the user chose in the Save dialog.
 * The page names only what to export; anything else (a path, a file name) is
 * refused before a dialog opens.
 */
export async function saveExportWithDialog(call: Library['call'], input: unknown, askPath: AskSavePath): Promise<SavedExport> {
  const parsed = ExportRequest.safeParse(input);
  if (!parsed.success) throw new AppError('invalid_input', 'Only a brief or a source can be exported, named by its id.');
  const request = parsed.data;
  const envelope = request.kind === 'brief' ? await call('briefs.exportMarkdown', { id: request.id }) : await call('interop.exportSource', { id: request.id });
  if (!envelope.ok) throw new AppError(envelope.error.code, envelope.error.message);
  const file = envelope.value as ExportedFile;
  const chosen = await askPath({ filename: file.filename, title: request.kind === 'brief' ? 'Export brief as Markdown' : 'Export source with annotations' });
  if (!chosen) return { saved: false, filename: null };
  writeExportFile(chosen, file.text);
  return { saved: true, filename: path.basename(chosen) };
}

/**
 * Writes an export where the user chose in the desktop app's Save dialog:
 * under a temporary name beside it, then renamed over it, so a full disk or a
 * crash never leaves half a file in place of one the user had.
 */
export function writeExportFile(filePath: string, text: string): void {
  const partial = path.join(path.dirname(filePath), `.${path.basename(filePath)}.${process.pid}.partial`);
  try {
    fs.writeFileSync(partial, text, 'utf8');
    fs.renameSync(partial, filePath);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    const name = path.basename(filePath);
    if (code === 'ENOSPC' || code === 'EDQUOT') throw new AppError('disk_full', `The disk is full, so ${name} was not saved. Free some space and export again.`);
    if (code === 'EISDIR') throw new AppError('invalid_input', `${name} is a folder; choose a file name.`);
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new AppError('read_only', `Collate may not write ${name} there; choose another folder.`);
    throw new AppError('internal', `${name} could not be saved (${code ?? String(err)}).`);
  }
}

export function exportAnnotationsJsonld(ctx: ServiceContext, scope: { sourceId?: number; tag?: string }) {
  if (scope.sourceId !== undefined && !getSourceRecord(ctx.db, scope.sourceId)) throw new AppError('not_found', `Source ${scope.sourceId} is not in the library.`);
  const ids = interop.annotationIdsFor(ctx.db, scope);
  const links = interop.linksAmong(ctx.db, ids);
  const sources = new Map<number, ReturnType<typeof getSourceRecord>>();
  const items = ids.flatMap((id) => {
    const a = getAnnotation(ctx.db, id);
    if (!a) return [];
    if (!sources.has(a.sourceId)) sources.set(a.sourceId, getSourceRecord(ctx.db, a.sourceId));
    const source = sources.get(a.sourceId);
    if (!source) return [];
    return [annotationToW3c(a, source, links.filter((l) => l.fromId === id))];
  });
  const label =
    scope.sourceId !== undefined ? `Annotations of “${sources.get(scope.sourceId)?.title ?? getSourceRecord(ctx.db, scope.sourceId)?.title}”` : scope.tag ? `Annotations tagged ${scope.tag}` : 'All annotations';
  const text = `${JSON.stringify(annotationCollection(label, items, ctx.now()), null, 2)}\n`;
  const name = markdownFilename(label).replace(/\.md$/, '.jsonld');
  return { filename: name, mimeType: 'application/ld+json', text };
}

export function importAnnotations(ctx: ServiceContext, json: string): AnnotationImportReport {
  const incoming = parseAnnotationFile(json);
  if (incoming.length === 0) throw new AppError('empty', 'That file holds no text annotations (none has a TextQuoteSelector).');
  const report: AnnotationImportReport = { imported: 0, duplicates: 0, links: 0, unmatched: [] };
  const texts = new Map<number, string | null>();
  const textOf = (id: number) => {
    if (!texts.has(id)) texts.set(id, getCanonicalText(ctx.db, id));
    return texts.get(id) ?? null;
  };
  const place = (sourceId: number, a: (typeof incoming)[number]) => {
    const text = textOf(sourceId);
    if (text === null) return null;
    const position = a.start !== null && a.end !== null ? { type: 'TextPositionSelector' as const, start: a.start, end: a.end } : null;
    const r = anchor(text, { position, quote: { type: 'TextQuoteSelector', exact: a.exact, prefix: a.prefix, suffix: a.suffix } });
    return r.status === 'orphan' ? null : { sourceId, start: r.start, end: r.end, text };
  };
  ctx.db
    .transaction(() => {
      const now = ctx.now();
      const newIds = new Map<string, number>();
      for (const a of incoming) {
        const byUrl = a.sourceUrl ? interop.sourceByUrl(ctx.db, a.sourceUrl) : null;
        let spot = byUrl !== null ? place(byUrl, a) : null;
        if (!spot) {
          for (const candidate of interop.sourcesWithWords(ctx.db, a.exact)) {
            spot = place(candidate, a);
            if (spot) break;
          }
        }
        if (!spot) {
          report.unmatched.push({
            id: a.id,
            exact: a.exact.slice(0, 200),
            reason: byUrl !== null ? 'the quote is not in the source with that URL' : a.sourceUrl ? `no source has the URL ${a.sourceUrl} or contains the quote` : 'no source contains the quote',
          });
          continue;
        }
        let id = interop.annotationAt(ctx.db, spot.sourceId, spot.start, spot.end);
        if (id !== null) report.duplicates++;
        else {
          const { quote } = describeRange(spot.text, spot.start, spot.end);
          const color = a.color && /^[a-z][a-z0-9-]{0,31}$/.test(a.color) ? a.color : 'yellow';
          id = insertAnnotation(ctx.db, { sourceId: spot.sourceId, start: spot.start, end: spot.end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, color }, now);
          interop.restoreAnnotationDetails(ctx.db, id, { created: a.created, modified: a.modified, note: a.note, noteText: a.noteText, statement: a.statement, tags: a.tags }, now);
          report.imported++;
        }
        if (a.id) newIds.set(a.id, id);
      }
      for (const a of incoming) {
        const fromId = a.id ? newIds.get(a.id) : undefined;
        if (fromId === undefined) continue;
        for (const l of a.links) {
          const toId = newIds.get(l.target);
          if (toId === undefined || toId === fromId) continue;
          if (interop.insertLinkIfMissing(ctx.db, { fromId, toId, relation: l.relation, note: l.note, confidence: l.confidence }, now)) report.links++;
        }
      }
    })
    .immediate();
  ctx.events.emit('library.changed', { kinds: ['annotations', 'statements', 'links', 'tags'] });
  return report;
}

export function exportHandlers(ctx: ServiceContext): HandlersIn<'interop'> {
  return {
    'interop.exportSource': ({ id }) => exportSourceMarkdown(ctx, id),
    'interop.exportAnnotations': (scope) => exportAnnotationsJsonld(ctx, scope),
    'interop.importAnnotations': ({ json }) => importAnnotations(ctx, json),
  };
}
