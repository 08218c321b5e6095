import type { CollateClient } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import type { StatementRow } from '../../shared/api/methods/statements';
import type { SourceId } from '../../shared/model/ids';
import { MEDIA } from '../../shared/model/statement';

const clip = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1)}…` : s).replace(/\s+/g, ' ');

function statementLine(r: StatementRow): string {
  const st = r.annotation.statement!;
  const who = [st.speakerName ?? 'unknown speaker', st.role].filter(Boolean).join(', ');
  const how = [st.saidOn?.slice(0, 10), st.medium ? MEDIA[st.medium] : null, st.reportedIn].filter(Boolean).join(' · ');
  const links = r.links.map((l) => `${l.label} #${l.other.id}`).join('; ');
  return `#${r.annotation.id}\t${who}${how ? ` (${how})` : ''}: “${clip(r.annotation.exact)}” — #${r.source.id} ${r.source.title}${links ? `\t[${links}]` : ''}${r.contested ? '\tCONTESTED' : ''}`;
}

/**
 * `collate statements [--source ID] [--json]`: statements in date order, and for one
 * source its open suggested quotes (detected now if it was never opened). --json prints one
 * object per line: {type: 'statement', ...StatementRow} or {type: 'suggestion', ...SuggestionView}.
 */
export async function printStatements(client: CollateClient, values: Record<string, unknown>, out: (line: string) => void): Promise<number> {
  let sourceId: SourceId | undefined;
  if (values.source !== undefined) {
    const n = Number(values.source);
    if (!Number.isInteger(n) || n <= 0) throw new AppError('invalid_input', `--source must be a source number (see collate list), not "${String(values.source)}".`);
    sourceId = n as SourceId;
  }
  const rows = await client.statements.list(sourceId ? { sourceId } : {});
  const suggestions = sourceId ? await client.statements.suggestions({ sourceId }) : [];
  if (values.json) {
    for (const r of rows) out(JSON.stringify({ type: 'statement', ...r }));
    for (const s of suggestions) out(JSON.stringify({ type: 'suggestion', ...s }));
    return 0;
  }
  out(rows.length ? `Statements (${rows.length}):` : 'No statements yet. Mark a passage as a statement in the reader, or accept a suggested quote.');
  for (const r of rows) out(statementLine(r));
  if (sourceId) {
    out(suggestions.length ? `Suggested quotes (${suggestions.length}):` : 'No suggested quotes left in this source.');
    for (const s of suggestions) {
      const how = [s.saidOn, MEDIA[s.medium], s.reportedIn].filter(Boolean).join(' · ');
      out(`?${s.id}\t${s.speaker}${s.handle ? ` ${s.handle}` : ''}${s.role ? `, ${s.role}` : ''} (${how}, ${s.quoteKind}): “${clip(s.exact)}”`);
    }
  }
  return 0;
}
