/**
 * Markdown escaping for text that must stay literal: quotes, titles, notes.
 * CommonMark lets any ASCII punctuation be backslash-escaped, so the escaped
 * form parses back to exactly the original characters in any CommonMark/GFM
 * reader (markdown-it, micromark, pandoc, Obsidian, GitHub).
 */

/**
 * Always escaped: emphasis (* _), code (`), links and footnotes ([ ]), HTML and
 * autolinks (< >), entities (&), the escape itself (\), GFM strikethrough and
 * tables (~ |), Obsidian tags, math, comments and highlights (# $ % =).
 */
const ALWAYS = /[\\`*_[\]<>&~|#$%=]/g;

/** Escapes one line of text so no inline construct can start inside it. */
export function escapeInline(text: string): string {
  // "scheme://" would be autolinked from the raw text by some readers (markdown-it's linkify), escapes included.
  return text.replace(ALWAYS, (c) => `\\${c}`).replace(/:\/\//g, '\\://');
}

/**
 * Line-start constructs (list items, ordered lists, headings, setext
 * underlines, thematic breaks, fences, indented code) need care only at the
 * start of a line; leading/trailing spaces and tabs, which Markdown strips,
 * become numeric character references so they survive.
 */
export function escapeLine(line: string): string {
  const lead = /^[ \t]*/.exec(line)![0];
  const trail = lead.length === line.length ? '' : /[ \t]*$/.exec(line)![0];
  let body = escapeInline(line.slice(lead.length, line.length - trail.length)).replace(/\r/g, '&#13;');
  // "-", "+" open lists and setext/thematic lines; "1." / "1)" open ordered lists.
  if (/^[-+]/.test(body)) body = `\\${body}`;
  else body = body.replace(/^(\d{1,9})([.)])/, '$1\\$2');
  return charRefs(lead) + body + charRefs(trail);
}

const charRefs = (ws: string) => ws.replace(/ /g, '&#32;').replace(/\t/g, '&#9;');

/**
 * Text with line breaks as Markdown paragraphs: a single newline is a soft
 * break, one blank line a paragraph break, and any further newlines are kept
 * as &#10; references so the parsed text equals the original exactly.
 */
export function escapeParagraphs(text: string): string[] {
  const lines = text.split('\n');
  const out: string[] = [];
  let pendingNewlines = 0;
  let started = false;
  for (const line of lines) {
    if (line === '') {
      pendingNewlines++;
      continue;
    }
    let prefix = '';
    if (!started) prefix = '&#10;'.repeat(pendingNewlines);
    else if (pendingNewlines > 0) {
      out.push('');
      prefix = '&#10;'.repeat(pendingNewlines - 1);
    }
    out.push(prefix + escapeLine(line));
    started = true;
    pendingNewlines = 0;
  }
  if (pendingNewlines > 0) {
    // Trailing newlines have no Markdown form of their own.
    if (out.length === 0) out.push('&#10;'.repeat(pendingNewlines));
    else out[out.length - 1] += '&#10;'.repeat(pendingNewlines);
  }
  return out;
}

/** A `>` blockquote whose parsed text is exactly `text`. */
export function blockquote(text: string): string {
  return escapeParagraphs(text)
    .map((l) => (l === '' ? '>' : `> ${l}`))
    .join('\n');
}

/** An Obsidian tag (#name): letters, digits, _ - and / only. */
export function obsidianTag(name: string): string | null {
  const cleaned = name.normalize('NFC').replace(/[^\p{L}\p{N}_\-/]+/gu, '-').replace(/^[-/]+|[-/]+$/g, '');
  if (!cleaned || /^[\d/-]+$/.test(cleaned)) return null;
  return `#${cleaned}`;
}

/** http(s) URLs become autolinks; anything else is shown as inert text. */
export function urlText(url: string): string {
  return /^https?:\/\/[^\s<>]+$/i.test(url) ? `<${url}>` : escapeInline(url);
}

/**
 * For the user's own prose exported through @lexical/markdown, which already
 * backslash-escapes * _ ` ~ and backslash itself (so another backslash here
 * would be doubled): the other characters that could start Markdown or HTML
 * become character references, which no escaping touches.
 */
export function escapeProse(text: string): string {
  return text
    .replace(/[&<>[\]|$=]|:\/\//g, (c) => (c === '://' ? '&#58;//' : `&#${c.charCodeAt(0)};`))
    // A heading or list marker only counts at the start of a line; a #tag inside the prose stays an Obsidian tag.
    .replace(/^[-+#]/, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/^(\d{1,9})([.)])/, (_m, d: string, p: string) => `${d}&#${p.charCodeAt(0)};`);
}
