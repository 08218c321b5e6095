import type { CollateClient } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import type { SearchResult } from '../../shared/api/methods/search';
import { snippetText } from '../../shared/search/snippet';

const GROUP_LABELS: Record<string, string> = { source: 'Sources', statement: 'Statements', annotation: 'Highlights and notes', brief: 'Briefs' };

/** `collate search QUERY [--json] [--recent] [--limit N]`: the app's search, grouped the same way. */
export async function printSearch(client: CollateClient, values: Record<string, unknown>, words: string[], out: (line: string) => void): Promise<number> {
  const query = words.join(' ').trim();
  if (!query) throw new AppError('invalid_input', 'Give something to search for, e.g. collate search "force levels" tag:iraq');
  const limit = Number(values.limit ?? 20);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new AppError('invalid_input', `--limit must be a whole number from 1 to 100, not "${String(values.limit)}".`);
  const result: SearchResult = await client.search.query({ query, order: values.recent ? 'recent' : 'ranked', limit });
  if (values.json) {
    out(JSON.stringify(result));
    return 0;
  }
  for (const n of result.notices) out(`note: ${n}`);
  if (result.groups.length === 0) out('Nothing found.');
  for (const g of result.groups) {
    out(`${GROUP_LABELS[g.kind]} (${g.hits.length}${g.more ? '+' : ''})`);
    for (const h of g.hits) {
      const where = h.open.kind === 'source' ? `source #${h.open.sourceId}${h.open.focus ? ` @${h.open.focus.start}-${h.open.focus.end}` : ''}` : `brief #${h.open.briefId}`;
      out(`  #${h.id}\t${h.title}${h.detail ? ` — ${h.detail}` : ''}\t(${where})`);
      const snip = snippetText(h.snippet).replace(/\s+/g, ' ').trim();
      if (snip) out(`    ${snip}`);
    }
  }
  return 0;
}
