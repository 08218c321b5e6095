/**
 * YAML front matter written with JSON-style double-quoted scalars, which YAML
 * 1.2 reads as the same strings whatever characters they hold (colons, #,
 * quotes, newlines), so no title can break the header.
 *
 * Renderers that do not know front matter (markdown-it, many previewers) show
 * these lines as Markdown, so the characters that could start HTML, a link or
 * an autolink are written as YAML \u escapes: every YAML reader (Obsidian's
 * js-yaml, GitHub's libyaml, pandoc's HsYAML) decodes them to the same value,
 * while a Markdown reader sees only inert text.
 */
export type FrontMatterValue = string | number | string[] | Array<Record<string, string | number>>;

export function frontMatter(fields: Record<string, FrontMatterValue | null | undefined>): string {
  const lines = ['---'];
  for (const [key, value] of Object.entries(fields)) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'string') lines.push(`${key}: ${scalar(value)}`);
    else if (typeof value === 'number') lines.push(`${key}: ${value}`);
    else if (value.length === 0) lines.push(`${key}: []`);
    else {
      lines.push(`${key}:`);
      for (const item of value) {
        if (typeof item === 'string') lines.push(`  - ${scalar(item)}`);
        else {
          Object.entries(item).forEach(([k, v], i) => lines.push(`${i === 0 ? '  - ' : '    '}${k}: ${typeof v === 'number' ? v : scalar(v)}`));
        }
      }
    }
  }
  lines.push('---');
  return lines.join('\n');
}

// JSON.stringify leaves U+2028/2029 raw and YAML treats them as line breaks in plain context only: escape them anyway.
// < > open HTML and autolinks, [ ] links, images and reference definitions, and "//" a linkified URL
// ("https://", "//host"); \u escapes rather than \/ because YAML 1.1 readers lack the latter.
const scalar = (s: string) =>
  JSON.stringify(s).replace(/[\u2028\u2029<>[\]]|\/\//g, (c) => (c === '//' ? '/\\u002f' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
