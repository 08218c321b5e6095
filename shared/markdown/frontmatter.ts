/**
 * YAML front matter written with JSON-style double-quoted scalars, which YAML
 * 1.2 reads as the same strings whatever characters they hold (colons, #,
 * quotes, newlines), so no title can break the header.
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
const scalar = (s: string) => JSON.stringify(s).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
