/** Clean-up rules for metadata values, shared by every importer. */

const ENTITY: Record<string, string> = { quot: '"', amp: '&', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0' };

/** Pages often put entity-escaped text in attributes that were escaped once already ("&amp;amp;"). */
export function unescapeEntities(s: string): string {
  return s
    .replace(/&(quot|amp|apos|lt|gt|nbsp);/g, (_, name: string) => ENTITY[name])
    .replace(/&#(?:x([0-9a-f]+)|([0-9]+));/gi, (_, hex: string | undefined, dec: string | undefined) => {
      const n = parseInt(hex ?? dec ?? '', hex ? 16 : 10);
      return n === 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff) ? '\ufffd' : String.fromCodePoint(n);
    });
}

/** One line of human text, or null: white space collapsed, controls removed, length capped. */
export function cleanLine(raw: unknown, max = 2000): string | null {
  if (typeof raw !== 'string') return null;
  const s = raw
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
    .replace(/[\u00ad\u200b\ufeff]/g, '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
  if (!s) return null;
  return s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

const ISO_LIKE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

function validDay(y: number, m: number, d: number): boolean {
  if (y < 1000 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

function offsetMinutes(zone: string): number {
  if (/^(z|utc|gmt)$/i.test(zone)) return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
  const v = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -v : v;
}

/**
 * A published date as stored: a UTC timestamp when the source says which
 * time zone it meant, else only the calendar day it names (a time without a
 * zone could be off by a day either way, so it is not kept).
 */
export function normalizeDate(raw: unknown): string | null {
  const s = cleanLine(raw, 100);
  if (!s) return null;
  const m = ISO_LIKE.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!validDay(y, mo, d)) return null;
    if (m[4] === undefined || m[7] === undefined) return `${m[1]}-${pad(mo)}-${pad(d)}`;
    const [h, mi, se] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
    if (h > 23 || mi > 59 || se > 60) return `${m[1]}-${pad(mo)}-${pad(d)}`;
    const t = Date.UTC(y, mo - 1, d, h, mi, se) - offsetMinutes(m[7]) * 60_000;
    return new Date(t).toISOString();
  }
  // Textual dates ("March 25, 2015", "Thu, 05 Apr 2018 06:00:00 GMT"): let V8 read them.
  if (!/\d{4}/.test(s)) return null;
  const t = Date.parse(s);
  if (Number.isNaN(t)) return null;
  const hasTime = /\d:\d\d/.test(s);
  const hasZone = /\b(?:GMT|UTC|Z)\b|[+-]\d{2}:?\d{2}\b/.test(s);
  const dt = new Date(t);
  if (hasTime && hasZone) return dt.toISOString();
  // Parsed as local time: read it back the same way to keep the day as written.
  const y = dt.getFullYear();
  if (y < 1000 || y > 2200) return null;
  return `${y}-${pad(dt.getMonth() + 1)}-${pad(dt.getDate())}`;
}

/** A BCP 47 tag in canonical case ("en-us", "en_US" → "en-US"), or null. */
export function normalizeLanguage(raw: unknown): string | null {
  const s = cleanLine(raw, 64);
  if (!s) return null;
  const tag = s.split(/[,;\s]/)[0].replace(/_/g, '-');
  if (!/^[a-z]{2,8}(?:-[a-z0-9]{1,8})*$/i.test(tag)) return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

/** "Report 2021.final.pdf" → "Report 2021.final". */
export function fileStem(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** The file's own name, for messages ("notes.txt looks like…"). */
export function displayName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() || fileName || 'This file';
}

/**
 * A title made from the first line of a text: kept whole when short, else cut
 * at a word boundary, since a title is a label and not the first sentence.
 */
export function titleFromLine(line: string, max = 120): string | null {
  const s = cleanLine(line.replace(/^#{1,6}\s+|^>\s*|^[-*+]\s+/, ''), 10_000);
  if (!s) return null;
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/, '')}…`;
}
