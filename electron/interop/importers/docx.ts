import { inflateRawSync } from 'node:zlib';
import mammoth from 'mammoth';
import { AppError } from '../../../shared/api/errors';
import { htmlToDocument } from '../html/blocks';
import { parseHtmlDocument } from '../html/parse';
import { sanitizeTree } from '../html/sanitize';
import { cleanLine, displayName, normalizeLanguage, unescapeEntities } from '../normalize';
import { emptyMetadata, type ExtractedSource, type Importer } from '../types';

/** Word's quotation styles become blockquotes; Title and Subtitle become headings. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
  "p[style-name='Quotations'] => blockquote > p:fresh",
  'p.Quote => blockquote > p:fresh',
  'p.IntenseQuote => blockquote > p:fresh',
  "r[style-name='Emphasis'] => em",
  "r[style-name='Intense Emphasis'] => strong",
  "r[style-name='HTML Code'] => code",
];

// Images are never decoded or embedded: only their alt text can reach the document.
const NO_IMAGES = mammoth.images.imgElement(async () => ({ src: '' }));

/**
 * Reads one member of a ZIP archive (no ZIP64, which Word never needs for
 * docProps). Enough to read the core properties mammoth does not expose,
 * and to tell "not a ZIP" apart from "a broken document" before mammoth runs.
 */
export function readZipEntry(bytes: Uint8Array, wanted: string): Uint8Array | null | 'not-zip' {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'not-zip';
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  for (let n = 0; n < count && at + 46 <= bytes.length; n++) {
    if (view.getUint32(at, true) !== 0x02014b50) return 'not-zip';
    const method = view.getUint16(at + 10, true);
    const compressed = view.getUint32(at + 20, true);
    const nameLen = view.getUint16(at + 28, true);
    const extraLen = view.getUint16(at + 30, true);
    const commentLen = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLen));
    if (name === wanted) {
      if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) return null;
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const data = bytes.subarray(start, start + compressed);
      try {
        if (method === 0) return data;
        if (method === 8) return new Uint8Array(inflateRawSync(data, { maxOutputLength: 16 * 1024 * 1024 }));
      } catch {
        return null;
      }
      return null;
    }
    at += 46 + nameLen + extraLen + commentLen;
  }
  return null;
}

function xmlText(xml: string, tag: string): string | null {
  const m = new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(xml);
  return m ? unescapeEntities(m[1]) : null;
}

const PLACEHOLDER_AUTHOR = /^(?:admin|administrator|user|windows user|microsoft office user|unknown|owner|author|python-docx|apache poi)$/i;
const PLACEHOLDER_TITLE = /^(?:untitled|document\d*|title|word document)$/i;

export async function extractDocx(bytes: Uint8Array, fileName: string): Promise<ExtractedSource> {
  const name = displayName(fileName);
  const damaged = () => new AppError('unreadable', `${name} is damaged or is not a Word document (.docx).`);
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new AppError(
      'unreadable',
      `${name} is password-protected or is an old Word 97–2003 file renamed to .docx; remove the password or save it as .docx, then import it again.`,
    );
  }
  const main = readZipEntry(bytes, 'word/document.xml');
  if (main === 'not-zip' || main === null) throw damaged();

  let html: string;
  const warnings: string[] = [];
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { styleMap: STYLE_MAP, convertImage: NO_IMAGES, externalFileAccess: false, ignoreEmptyParagraphs: true },
    );
    html = result.value;
    if (result.messages.some((m) => m.type === 'error')) warnings.push('Parts of this document could not be read and were skipped.');
  } catch {
    throw damaged();
  }

  const doc = parseHtmlDocument(html);
  const body = doc.body ?? doc.documentElement;
  sanitizeTree(body, { baseUrl: null });
  const document = htmlToDocument(body, { baseUrl: null });

  const metadata = emptyMetadata();
  const core = readZipEntry(bytes, 'docProps/core.xml');
  if (core instanceof Uint8Array) {
    const xml = new TextDecoder().decode(core);
    const title = cleanLine(xmlText(xml, 'dc:title'), 1000);
    const creator = cleanLine(xmlText(xml, 'dc:creator'), 500);
    if (title && !PLACEHOLDER_TITLE.test(title)) metadata.title = title;
    if (creator && !PLACEHOLDER_AUTHOR.test(creator)) metadata.byline = creator;
    metadata.language = normalizeLanguage(xmlText(xml, 'dc:language'));
    // dcterms:created is when the file was started, not when the work was published: not a publishedAt.
  }
  // What the reader sees first beats a stale "Title" property left over from a template.
  const heading = document.blocks.find((b) => b.kind === 'heading' && b.level === 1) ?? document.blocks.find((b) => b.kind === 'heading');
  if (heading) metadata.title = cleanLine(heading.text, 1000);
  return { format: 'docx', document, metadata, warnings };
}

export const docxImporter: Importer = {
  format: 'docx',
  label: 'Word document',
  extensions: ['docx'],
  mimeTypes: ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  extract: ({ bytes, fileName }) => extractDocx(bytes, fileName),
};
