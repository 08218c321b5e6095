import { AppError } from '../../shared/api/errors';
import type { Block, InlineMark, SourceDocument } from '../../shared/document/model';
import { safeHref, webUrlOrNull } from './document-builder';
import { cleanLine, normalizeDate, normalizeLanguage } from './normalize';
import type { ExtractedMetadata, ExtractedSource } from './types';

/**
 * The last check every extraction passes, whatever produced it: links are
 * http(s)/mailto or gone, marks lie inside their block, metadata is clean,
 * and an empty document is an error rather than an empty source.
 */
export function finalizeExtraction(result: ExtractedSource, emptyMessage: string): ExtractedSource {
  const document = safeDocument(result.document);
  if (!document.blocks.length) throw new AppError('empty', emptyMessage);
  return { format: result.format, document, metadata: cleanMetadata(result.metadata), warnings: result.warnings };
}

function safeMark(m: InlineMark, len: number): InlineMark | null {
  const start = Math.max(0, Math.min(m.start, len));
  const end = Math.max(start, Math.min(m.end, len));
  if (end <= start) return null;
  if (m.kind === 'link') {
    const href = safeHref(m.href, null);
    return href ? { kind: 'link', start, end, href } : null;
  }
  return { kind: m.kind, start, end };
}

function safeDocument(doc: SourceDocument): SourceDocument {
  const blocks: Block[] = [];
  for (const b of doc.blocks) {
    if (!b.text.trim()) continue;
    const marks = (b.marks ?? []).map((m) => safeMark(m, b.text.length)).filter((m): m is InlineMark => m !== null);
    const { marks: _old, ...rest } = b;
    blocks.push(marks.length ? { ...rest, marks } : rest);
  }
  return { version: 1, blocks };
}

function cleanMetadata(m: ExtractedMetadata): ExtractedMetadata {
  const out: ExtractedMetadata = {
    title: cleanLine(m.title, 1000),
    byline: cleanLine(m.byline, 500),
    outlet: cleanLine(m.outlet, 500),
    publishedAt: m.publishedAt ? normalizeDate(m.publishedAt) : null,
    url: webUrlOrNull(m.url),
    canonicalUrl: webUrlOrNull(m.canonicalUrl),
    language: normalizeLanguage(m.language),
    excerpt: cleanLine(m.excerpt, 2000),
  };
  if (m.handle) out.handle = m.handle;
  return out;
}
