import chardet from 'chardet';
import iconv from 'iconv-lite';
import { AppError } from '../../shared/api/errors';
import { displayName } from './normalize';

export interface DecodedText {
  text: string;
  /** The encoding used, as iconv-lite / WHATWG name it ("utf-8", "windows-1252", "utf-16le"). */
  encoding: string;
}

export interface DecodeOptions {
  /** Honour a <meta charset> declaration when the bytes are not UTF-8. */
  html?: boolean;
}

const SAMPLE = 64 * 1024;

const MAGIC: Array<[number[] | string, string, number?]> = [
  ['%PDF-', 'a PDF document'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  ['GIF8', 'a GIF image'],
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive or Office document'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x7f, 0x45, 0x4c, 0x46], 'a program'],
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 'an old Office document'],
  ['SQLite format 3\u0000', 'a database'],
  ['Rar!', 'a RAR archive'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'a 7-Zip archive'],
  [[0x00, 0x61, 0x73, 0x6d], 'a WebAssembly module'],
  ['ftyp', 'a video or audio file', 4],
];

function startsWith(bytes: Uint8Array, sig: number[] | string, at = 0): boolean {
  const arr = typeof sig === 'string' ? Array.from(sig, (c) => c.charCodeAt(0)) : sig;
  if (bytes.length < at + arr.length) return false;
  return arr.every((b, i) => bytes[at + i] === b);
}

function binaryError(fileName: string, kind?: string): AppError {
  const name = displayName(fileName);
  return new AppError('unreadable', kind ? `${name} looks like a binary file (${kind}), not text.` : `${name} looks like a binary file, not text.`);
}

/**
 * Text never has NULs (outside UTF-16) and hardly any C0 controls; binary
 * formats have plenty of both. The ratios leave room for a stray control
 * character in an otherwise ordinary file.
 */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SAMPLE);
  if (n === 0) return false;
  let nul = 0;
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) nul++;
    else if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) || b === 0x7f) ctrl++;
  }
  return nul / n > 0.002 || (nul > 0 && n < 512) || ctrl / n > 0.1;
}

function looksBinaryText(text: string): boolean {
  const n = Math.min(text.length, SAMPLE);
  if (n === 0) return false;
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || c === 0xfffd) bad++;
  }
  return bad / n > 0.1;
}

/** UTF-16 without a BOM: ASCII-range text leaves every other byte zero. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  if (n < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd / pairs > 0.3 && zeroEven / pairs < 0.02) return 'utf-16le';
  if (zeroEven / pairs > 0.3 && zeroOdd / pairs < 0.02) return 'utf-16be';
  return null;
}

/**
 * WHATWG's label mapping where it matters: pages labelled Latin-1 or ASCII
 * are decoded as windows-1252 by every browser (curly quotes and € live in
 * 0x80–0x9F), and GB2312/GBK are subsets of GB18030.
 */
function canonicalEncoding(label: string): string | null {
  const l = label.trim().toLowerCase();
  if (!l) return null;
  if (['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'l1', 'us-ascii', 'ascii', 'iso_8859-1', 'cp1252', 'x-user-defined', 'cp819'].includes(l))
    return 'windows-1252';
  if (['gb2312', 'gbk', 'x-gbk', 'gb_2312-80', 'chinese'].includes(l)) return 'gb18030';
  if (['utf8', 'unicode-1-1-utf-8'].includes(l)) return 'utf-8';
  if (['x-sjis', 'ms_kanji', 'windows-31j', 'sjis'].includes(l)) return 'shift_jis';
  if (l === 'iso-8859-9') return 'windows-1254';
  if (l === 'tis-620' || l === 'iso-8859-11') return 'windows-874';
  return iconv.encodingExists(l) ? l : null;
}

/** The encoding a page declares in its first bytes (<meta charset> or http-equiv Content-Type). */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = latin1(bytes.subarray(0, 4096));
  const m = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
  return m ? m[1] : null;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] > 0x7f) return false;
  return true;
}

const FATAL_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const LOSSY_UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

function decodeWith(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'utf-8') return LOSSY_UTF8.decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: true });
}

/** chardet's best guess, trusted only when it is confident; short Western texts fool it easily. */
function guessLegacy(bytes: Uint8Array): string {
  const sample = bytes.length > SAMPLE ? bytes.subarray(0, SAMPLE) : bytes;
  const top = chardet.analyse(sample)[0];
  const enc = top ? canonicalEncoding(top.name) : null;
  return enc && (enc === 'windows-1252' || top.confidence >= 50) ? enc : 'windows-1252';
}

/**
 * Bytes to text, never throwing on bad bytes (they become U+FFFD). Order:
 * BOM, UTF-16 sniffing, binary detection, strict UTF-8, the page's own
 * <meta charset> (HTML), then a confident chardet guess, else windows-1252.
 */
export function decodeText(bytes: Uint8Array, fileName: string, opts: DecodeOptions = {}): DecodedText {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: LOSSY_UTF8.decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    throw new AppError('unreadable', `${displayName(fileName)} is in UTF-32, which Collate does not read; save it as UTF-8.`);
  }
  let utf16: 'utf-16le' | 'utf-16be' | null = null;
  let start = 0;
  if (startsWith(bytes, [0xff, 0xfe])) [utf16, start] = ['utf-16le', 2];
  else if (startsWith(bytes, [0xfe, 0xff])) [utf16, start] = ['utf-16be', 2];
  else utf16 = sniffUtf16(bytes);
  if (utf16) {
    const body = bytes.subarray(start, start + ((bytes.length - start) & ~1));
    const text = new TextDecoder(utf16, { ignoreBOM: true }).decode(body);
    if (looksBinaryText(text)) throw binaryError(fileName);
    return { text, encoding: utf16 };
  }

  for (const [sig, kind, at] of MAGIC) if (startsWith(bytes, sig, at)) throw binaryError(fileName, kind);
  if (looksBinary(bytes)) throw binaryError(fileName);

  const declared = opts.html ? canonicalEncoding(declaredHtmlCharset(bytes) ?? '') : null;
  // 7-bit encodings (ISO-2022-JP) look like ASCII: only the declaration can tell.
  if (declared && declared !== 'utf-8' && declared !== 'windows-1252' && isAscii(bytes)) {
    return { text: decodeWith(bytes, declared), encoding: declared };
  }
  try {
    // Valid UTF-8 with any non-ASCII byte is almost never an accident, so it beats a stale declaration.
    return { text: FATAL_UTF8.decode(bytes), encoding: 'utf-8' };
  } catch {
    // not UTF-8
  }
  const encoding = declared && declared !== 'utf-8' && !declared.startsWith('utf-16') ? declared : guessLegacy(bytes);
  return { text: decodeWith(bytes, encoding), encoding };
}
