import { AppError } from '../../shared/api/errors';
import type { SourceFormat } from '../../shared/model/entities';
import { docxImporter } from './importers/docx';
import { htmlImporter } from './importers/html';
import { markdownImporter } from './importers/markdown';
import { pdfImporter } from './importers/pdf';
import { textImporter } from './importers/text';
import { displayName, extensionOf } from './normalize';
import type { ExtractOptions, Importer } from './types';

const MB = 1024 * 1024;

/**
 * Largest input per format, checked before any parsing. Text formats are
 * parsed into a DOM or token list several times their size, so they get
 * less room than PDF and DOCX, whose bytes are mostly compressed streams
 * and images that are never decoded.
 */
export const SIZE_LIMITS: Readonly<Record<SourceFormat, number>> = {
  text: 50 * MB,
  markdown: 50 * MB,
  html: 50 * MB,
  pdf: 200 * MB,
  docx: 100 * MB,
};

/** Every importable format; the order is the order messages list them in. */
export const IMPORTERS: readonly Importer[] = [textImporter, markdownImporter, htmlImporter, pdfImporter, docxImporter];

const byExtension = new Map<string, Importer>(IMPORTERS.flatMap((imp) => imp.extensions.map((ext) => [ext, imp] as const)));

/** ".txt, .md, .html, .pdf and .docx" */
export function supportedList(): string {
  const names = IMPORTERS.map((imp) => `.${imp.extensions[0]}`);
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Formats people reach for that have a close supported cousin. */
const HINTS: Record<string, string> = {
  doc: 'save it as .docx (Word 2007 or later) and import that',
  rtf: 'save it as .docx and import that',
  odt: 'save it as .docx and import that',
  pages: 'export it as .docx or PDF and import that',
  mhtml: 'save the page as "Webpage, HTML only" and import that',
  mht: 'save the page as "Webpage, HTML only" and import that',
};

export function importerFor(fileName: string): Importer {
  const ext = extensionOf(fileName);
  const importer = byExtension.get(ext);
  if (importer) return importer;
  if (!ext) {
    throw new AppError(
      'unsupported_format',
      `Collate can't tell what kind of file ${displayName(fileName)} is (it has no extension); it imports ${supportedList()}.`,
    );
  }
  const hint = HINTS[ext];
  throw new AppError(
    'unsupported_format',
    hint ? `Collate can't import .${ext} files; ${hint}.` : `Collate can't import .${ext} files; it imports ${supportedList()}.`,
  );
}

export function importerForMime(mime: string): Importer | null {
  const m = mime.split(';')[0].trim().toLowerCase();
  return IMPORTERS.find((imp) => imp.mimeTypes.includes(m)) ?? null;
}

/** "312 MB", "1.5 MB", "900 KB": precise enough that a size over a limit never prints as equal to it. */
export function formatBytes(n: number, limit?: number): string {
  const fmt = (v: number, unit: string, digits: number) => `${v.toFixed(digits).replace(/\.0+$/, '')} ${unit}`;
  const pick = (v: number): [number, string] => (v >= MB ? [v / MB, 'MB'] : v >= 1024 ? [v / 1024, 'KB'] : [v, 'bytes']);
  const [v, unit] = pick(n);
  let digits = unit === 'bytes' ? 0 : v < 10 ? 1 : 0;
  if (limit !== undefined && unit !== 'bytes') {
    const [lv, lunit] = pick(limit);
    while (digits < 3 && lunit === unit && fmt(v, unit, digits) === fmt(lv, lunit, digits)) digits++;
  }
  return fmt(v, unit, digits);
}

export function checkSize(importer: Importer, bytes: Uint8Array, fileName: string, options: ExtractOptions = {}): void {
  const limit = options.limits?.[importer.format] ?? SIZE_LIMITS[importer.format];
  if (bytes.byteLength > limit) {
    throw new AppError(
      'too_large',
      `${displayName(fileName)} is ${formatBytes(bytes.byteLength, limit)}; the limit is ${formatBytes(limit)}.`,
    );
  }
}
