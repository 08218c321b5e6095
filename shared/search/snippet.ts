/** A snippet as text runs, some marked: the renderer paints <mark>, the CLI brackets; no HTML is ever built from stored text. */
export type Snippet = Array<{ text: string; mark: boolean }>;

/** What FTS5 snippet() is asked to put around matched terms: control characters no article text keeps. */
export const MARK_OPEN = '\u0002';
export const MARK_CLOSE = '\u0003';

const SPLIT = new RegExp(`([${MARK_OPEN}${MARK_CLOSE}])`);

export function parseSnippet(raw: string): Snippet {
  const out: Snippet = [];
  let mark = false;
  for (const part of raw.split(SPLIT)) {
    if (part === MARK_OPEN) mark = true;
    else if (part === MARK_CLOSE) mark = false;
    else if (part) {
      const last = out[out.length - 1];
      if (last && last.mark === mark) last.text += part;
      else out.push({ text: part, mark });
    }
  }
  return out;
}

/** A plain snippet (no marks) of at most `max` characters, cut at a word boundary. */
export function plainSnippet(text: string, max = 160): Snippet {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat ? [{ text: flat, mark: false }] : [];
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return [{ text: `${space > max / 2 ? cut.slice(0, space) : cut}…`, mark: false }];
}

/** The CLI's rendering: [marked] words. */
export function snippetText(s: Snippet, open = '[', close = ']'): string {
  return s.map((p) => (p.mark ? `${open}${p.text}${close}` : p.text)).join('');
}
