import type { SourceDocument } from '../../../shared/document/model';
import { DocumentBuilder } from '../document-builder';
import { decodeText } from '../encoding';
import { cleanLine } from '../normalize';
import { emptyMetadata, type ExtractedMetadata, type ExtractedSource, type Importer } from '../types';

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const MONTH_INDEX: Record<string, number> = Object.fromEntries(
  MONTHS.split('|').map((m) => [m.slice(0, 3).toLowerCase(), 'janfebmaraprmayjunjulaugsepoctnovdec'.indexOf(m.slice(0, 3).toLowerCase()) / 3 + 1]),
);

/**
 * The signature line of an embedded or copied post, as Twitter/X, Mastodon
 * and Bluesky embeds print it: "— John Kirby (@PentagonPresSec) February 19, 2021"
 * (also "19 February 2021", and a plain or doubled hyphen for the dash).
 */
const SIGNATURE = new RegExp(
  String.raw`^(?:—|–|--?|―)\s*(.+?)\s*\((@[\w.@-]{1,64})\)\s*(?:(${MONTHS})\.?\s+(\d{1,2}),?\s+(\d{4})|(\d{1,2})\s+(${MONTHS})\.?,?\s+(\d{4}))\s*$`,
  'i',
);

export interface PostSignature {
  name: string;
  handle: string;
  /** YYYY-MM-DD */
  date: string;
}

export function parseSignature(line: string): PostSignature | null {
  const m = SIGNATURE.exec(line.trim());
  if (!m) return null;
  const [month, day, year] = m[3] ? [m[3], m[4], m[5]] : [m[7], m[6], m[8]];
  const mi = MONTH_INDEX[month.slice(0, 3).toLowerCase()];
  const d = Number(day);
  if (!mi || d < 1 || d > 31) return null;
  return { name: m[1].trim(), handle: m[2], date: `${year}-${String(mi).padStart(2, '0')}-${String(d).padStart(2, '0')}` };
}

const BULLET = /^\s*(?:[-*+•·‣◦▪])\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;

/** Lines of one paragraph hard-wrapped at a fixed width (e-mail, Gutenberg) rather than one line per thought. */
function isHardWrapped(lines: string[]): boolean {
  if (lines.length < 2) return false;
  if (lines.some((l) => BULLET.test(l) || NUMBERED.test(l) || parseSignature(l))) return false;
  const widths = lines.map((l) => l.trimEnd().length);
  const max = Math.max(...widths);
  if (max > 100 || max < 40) return false;
  return widths.slice(0, -1).every((w) => w >= max * 0.6);
}

export interface PlainTextResult {
  document: SourceDocument;
  /** The signature when the text is a single post (its last line is one). */
  signature: PostSignature | null;
}

/**
 * Plain text to blocks: blank lines separate paragraphs; a paragraph's lines
 * are joined when it was hard-wrapped and kept apart otherwise (pasted
 * articles put one paragraph per line); "- item" and "1. item" lines become
 * list items; a post with its signature line becomes a quote.
 */
export function plainTextToDocument(input: string): PlainTextResult {
  const text = input.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const b = new DocumentBuilder();
  const lines = text.split('\n');
  // Collected first, so a signature line can turn the line before it into a quote.
  type Pending = { kind: 'paragraph' | 'quote' | 'list_item' | 'heading'; text: string; ordered?: boolean; level?: number };
  const out: Pending[] = [];
  let para: string[] = [];
  const flush = () => {
    if (!para.length) return;
    if (isHardWrapped(para)) out.push({ kind: 'paragraph', text: para.map((l) => l.trim()).join(' ') });
    else {
      for (const line of para) {
        const bullet = BULLET.exec(line);
        const numbered = bullet ? null : NUMBERED.exec(line);
        if (bullet) out.push({ kind: 'list_item', text: bullet[1], ordered: false, level: 1 });
        else if (numbered) out.push({ kind: 'list_item', text: numbered[1], ordered: true, level: 1 });
        else if (parseSignature(line) && out.length) {
          const prev = out[out.length - 1];
          if (prev.kind === 'paragraph') prev.kind = 'quote';
          out.push({ kind: 'quote', text: line });
        } else out.push({ kind: 'paragraph', text: line });
      }
    }
    para = [];
  };
  for (const line of lines) {
    if (!line.trim()) flush();
    else para.push(line);
  }
  flush();

  // A short first line standing alone, without closing punctuation, is the text's heading.
  const firstPara = text.trim().split(/\n\s*\n/)[0] ?? '';
  if (out.length > 1 && out[0].kind === 'paragraph' && !firstPara.includes('\n')) {
    const t = out[0].text.trim();
    if (t.length <= 100 && !/[.,;:!]$/.test(t)) {
      out[0].kind = 'heading';
      out[0].level = 1;
    }
  }

  for (const p of out) {
    b.begin(p.kind, p.kind === 'list_item' ? { level: p.level, ordered: p.ordered } : p.kind === 'heading' ? { level: 1 } : {});
    b.text(p.text);
    b.end();
  }
  const lastLine = lines.map((l) => l.trim()).filter(Boolean).pop() ?? '';
  return { document: b.build(), signature: parseSignature(lastLine) };
}

/** Metadata a plain text carries by itself: a heading line, or a post's signature. */
export function plainTextMetadata(result: PlainTextResult): ExtractedMetadata {
  const metadata = emptyMetadata();
  const first = result.document.blocks[0];
  if (first?.kind === 'heading') metadata.title = cleanLine(first.text, 1000);
  if (result.signature) {
    metadata.byline = `${result.signature.name} (${result.signature.handle})`;
    metadata.handle = result.signature.handle;
    metadata.publishedAt = result.signature.date;
  }
  return metadata;
}

export const textImporter: Importer = {
  format: 'text',
  label: 'text file',
  extensions: ['txt', 'text'],
  mimeTypes: ['text/plain'],
  async extract({ bytes, fileName }): Promise<ExtractedSource> {
    const { text } = decodeText(bytes, fileName);
    const result = plainTextToDocument(text);
    return { format: 'text', document: result.document, metadata: plainTextMetadata(result), warnings: [] };
  },
};
