const MAX_MATCHES = 10_000;

/** Start offsets of `query` in `text`, ignoring case. */
export function findAll(text: string, query: string): number[] {
  const q = query.toLocaleLowerCase();
  if (!q) return [];
  const hay = text.toLocaleLowerCase();
  const out: number[] = [];
  // Lower-casing can change a string's length (e.g. "İ"); only then fall back to a case-insensitive regex.
  if (hay.length === text.length) {
    for (let at = hay.indexOf(q); at !== -1 && out.length < MAX_MATCHES; at = hay.indexOf(q, at + q.length)) out.push(at);
    return out;
  }
  const re = new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'giu');
  for (let m = re.exec(text); m && out.length < MAX_MATCHES; m = re.exec(text)) out.push(m.index);
  return out;
}
