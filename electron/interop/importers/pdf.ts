import { createRequire } from 'node:module';
import path from 'node:path';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { AppError } from '../../../shared/api/errors';
import type { BlockKind } from '../../../shared/document/model';
import { DocumentBuilder } from '../document-builder';
import { cleanLine, displayName, normalizeLanguage } from '../normalize';
import { emptyMetadata, type ExtractedSource, type Importer } from '../types';

type PdfJs = typeof PdfJsModule;
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

// The module is large; load it the first time a PDF is imported.
let pdfjsModule: Promise<PdfJs> | null = null;
const loadPdfJs = () => (pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** pdf.js reads its CMaps (CJK text) and standard font metrics from its own package folder. */
function pdfjsDataDirs(): { cMapUrl: string; standardFontDataUrl: string } | null {
  try {
    const dir = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    return { cMapUrl: `${dir}/cmaps/`, standardFontDataUrl: `${dir}/standard_fonts/` };
  } catch {
    return null;
  }
}

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  eol: boolean;
}

interface Line {
  text: string;
  y: number;
  size: number;
  page: number;
}

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Items (text runs with positions) into lines, in content-stream order. */
function toLines(items: Item[], page: number): Line[] {
  const lines: Line[] = [];
  let cur: { parts: string; y: number; size: number; endX: number } | null = null;
  let breakNext = false;
  for (const it of items) {
    if (!it.str) {
      if (it.eol) breakNext = true;
      continue;
    }
    const sameLine = cur && !breakNext && Math.abs(it.y - cur.y) < Math.max(cur.size, it.size) * 0.5;
    if (cur && sameLine) {
      const gap = it.x - cur.endX;
      const needsSpace = gap > Math.min(cur.size, it.size) * 0.15 && !/\s$/.test(cur.parts) && !/^\s/.test(it.str);
      cur.parts += (needsSpace ? ' ' : '') + it.str;
      cur.endX = it.x + it.width;
      cur.size = Math.max(cur.size, it.size);
    } else {
      if (cur) lines.push({ text: cur.parts, y: cur.y, size: cur.size, page });
      cur = { parts: it.str, y: it.y, size: it.size, endX: it.x + it.width };
    }
    breakNext = it.eol;
  }
  if (cur) lines.push({ text: cur.parts, y: cur.y, size: cur.size, page });
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() })).filter((l) => l.text);
}

/** Running heads, folios and footers: the same line at the top or bottom of most pages, or a bare page number. */
function dropPageFurniture(pages: Line[][]): Line[][] {
  const edgeCounts = new Map<string, number>();
  const key = (t: string) => t.replace(/\d+/g, '#').toLowerCase();
  for (const lines of pages) {
    const edges = new Set([lines[0], lines[lines.length - 1]].filter(Boolean).map((l) => key(l.text)));
    for (const k of edges) edgeCounts.set(k, (edgeCounts.get(k) ?? 0) + 1);
  }
  const repeated = (t: string) => pages.length >= 3 && (edgeCounts.get(key(t)) ?? 0) >= Math.max(3, pages.length * 0.5);
  const folio = (t: string) => /^(?:page\s+)?\d{1,4}(?:\s*(?:of|\/)\s*\d{1,4})?$/i.test(t) || /^[-–—]\s*\d{1,4}\s*[-–—]$/.test(t);
  return pages.map((lines) =>
    lines.filter((l, i) => {
      const edge = i === 0 || i === lines.length - 1;
      return !(edge && (folio(l.text) || repeated(l.text)));
    }),
  );
}

/**
 * Lines into blocks: a wider gap than the usual line spacing, or a change of
 * type size, starts a new block; lines set clearly larger than the body
 * text are headings. Words hyphenated across a line break are rejoined.
 */
function linesToBlocks(pages: Line[][], b: DocumentBuilder): void {
  const all = pages.flat();
  const bodySize = median(all.flatMap((l) => Array<number>(Math.min(l.text.length, 200)).fill(l.size))) || 12;
  const gaps: number[] = [];
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const dy = lines[i - 1].y - lines[i].y;
      if (dy > 0 && Math.abs(lines[i].size - bodySize) < bodySize * 0.1 && Math.abs(lines[i - 1].size - bodySize) < bodySize * 0.1) gaps.push(dy);
    }
  }
  const spacing = median(gaps) || bodySize * 1.2;

  const headingLevel = (size: number, text: string): number | null => {
    if (text.length > 200 || size < bodySize * 1.25) return null;
    return size >= bodySize * 1.8 ? 1 : size >= bodySize * 1.4 ? 2 : 3;
  };

  for (const lines of pages) {
    let prev: Line | null = null;
    for (const line of lines) {
      const level = headingLevel(line.size, line.text);
      const kind: BlockKind = level ? 'heading' : 'paragraph';
      const dy = prev ? prev.y - line.y : 0;
      const newBlock =
        !prev ||
        !b.hasOpenBlock ||
        b.currentKind !== kind ||
        dy <= 0 ||
        dy > spacing * 1.35 ||
        Math.abs(line.size - prev.size) > bodySize * 0.15;
      if (newBlock) {
        b.end();
        b.begin(kind, level ? { level, page: line.page } : { page: line.page });
        b.text(line.text, kind);
      } else if (prev && /\p{L}-$/u.test(prev.text) && /^\p{Ll}/u.test(line.text)) {
        b.joinHyphenated(line.text);
      } else {
        b.text(` ${line.text}`, kind);
      }
      prev = line;
    }
    b.end();
  }
}

const BAD_TITLE = /^(?:untitled|document\d*|microsoft word\b.*|slide \d+|title|pdf|print)$|\.(?:docx?|pdf|indd|qxd|tex|rtf|pptx?|xlsx?)$/i;

function describeFailure(err: unknown, fileName: string, bytes: Uint8Array): AppError {
  const name = displayName(fileName);
  const kind = (err as { name?: string })?.name;
  if (kind === 'PasswordException') {
    return new AppError('unreadable', `${name} is password-protected; remove the password (or print it to a new PDF) and import that.`);
  }
  const tail = new TextDecoder('latin1').decode(bytes.subarray(Math.max(0, bytes.length - 2048)));
  if (!tail.includes('%%EOF')) {
    return new AppError('unreadable', `${name} is damaged or incomplete (it looks cut off, as by an interrupted download).`);
  }
  if (kind === 'InvalidPDFException') return new AppError('unreadable', `${name} is damaged or is not a PDF.`);
  const detail = err instanceof Error ? err.message : String(err);
  return new AppError('unreadable', `${name} could not be read as a PDF (${detail}).`);
}

export async function extractPdf(bytes: Uint8Array, fileName: string): Promise<ExtractedSource> {
  const name = displayName(fileName);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) throw new AppError('unreadable', `${name} is not a PDF (it does not start like one).`);

  const pdfjs = await loadPdfJs();
  let pdf: PdfDocument;
  try {
    pdf = await pdfjs.getDocument({
      // pdf.js transfers (detaches) the buffer it is given: hand it a copy, the caller's bytes stay usable.
      data: bytes.slice(),
      verbosity: 0,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      ...pdfjsDataDirs(),
      cMapPacked: true,
    }).promise;
  } catch (err) {
    throw describeFailure(err, fileName, bytes);
  }

  const warnings: string[] = [];
  try {
    const pages: Line[][] = [];
    const blankPages: number[] = [];
    const failedPages: number[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      try {
        const page = await pdf.getPage(n);
        const content = await page.getTextContent();
        const items: Item[] = [];
        for (const it of content.items) {
          if (!('str' in it)) continue;
          const [, , c, d, x, y] = it.transform as number[];
          items.push({ str: it.str, x, y, width: it.width, size: Math.hypot(c, d) || it.height || 0, eol: it.hasEOL });
        }
        const lines = toLines(items, n);
        if (!lines.length) blankPages.push(n);
        pages.push(lines);
        page.cleanup();
      } catch {
        failedPages.push(n);
        pages.push([]);
      }
    }
    const b = new DocumentBuilder();
    linesToBlocks(dropPageFurniture(pages), b);
    const document = b.build();
    if (!document.blocks.length) {
      if (failedPages.length === pdf.numPages) throw new AppError('unreadable', `${name} is damaged: none of its pages could be read.`);
      throw new AppError('unreadable', `${name} has no text layer; OCR it first.`);
    }
    if (blankPages.length) warnings.push(`${pageList(blankPages)} had no text (scanned images?) and ${blankPages.length === 1 ? 'was' : 'were'} skipped.`);
    if (failedPages.length) warnings.push(`${pageList(failedPages)} could not be read and ${failedPages.length === 1 ? 'was' : 'were'} skipped.`);

    const metadata = emptyMetadata();
    const { info } = (await pdf.getMetadata().catch(() => ({ info: {} }))) as { info: Record<string, unknown> };
    const infoTitle = cleanLine(info.Title, 1000);
    const firstHeading = document.blocks.find((bl) => bl.kind === 'heading');
    metadata.title = infoTitle && !BAD_TITLE.test(infoTitle) ? infoTitle : firstHeading ? cleanLine(firstHeading.text, 1000) : null;
    const author = cleanLine(info.Author, 500);
    metadata.byline = author && !/^(?:admin|user|unknown|owner|author)$/i.test(author) ? author : null;
    metadata.language = normalizeLanguage(info.Language);
    // The PDF's creation date is when the file was made (often "Save as PDF" in a browser), not when the work was published.
    return { format: 'pdf', document, metadata, warnings };
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

function pageList(pages: number[]): string {
  if (pages.length === 1) return `Page ${pages[0]}`;
  const shown = pages.slice(0, 10).join(', ');
  return `Pages ${shown}${pages.length > 10 ? ` and ${pages.length - 10} more` : ''}`;
}

export const pdfImporter: Importer = {
  format: 'pdf',
  label: 'PDF',
  extensions: ['pdf'],
  mimeTypes: ['application/pdf'],
  extract: ({ bytes, fileName }) => extractPdf(bytes, fileName),
};
