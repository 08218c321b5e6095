import type { NodeKey } from 'lexical';
import type { CrossReferenceData } from '../../../shared/markdown';
import type { LinkId } from '../../../shared/model/ids';
import { RELATIONS } from '../../../shared/model/statement';
import { api } from '../../data/client';
import { useLibraryQuery } from '../../data/hooks';
import { QuoteCard, RemoveButton, useSnapshotSync } from './QuoteBlockView';

const isCrossRefNode = (n: unknown): n is { setSnapshot(s: CrossReferenceData): void } =>
  (n as { getType?: () => string } | null)?.getType?.() === 'collate-crossref';

export function CrossReferenceView({ nodeKey, linkId, snapshot }: { nodeKey: NodeKey; linkId: number; snapshot: CrossReferenceData }) {
  const q = useLibraryQuery(
    () => api.briefs.quotes({ linkIds: [linkId as LinkId] }).then((r) => ({ link: r.crossReferences[0] ?? null })),
    [linkId],
    ['annotations', 'statements', 'links', 'sources', 'trash'],
  );
  const current = q.data ? q.data.link : undefined;
  useSnapshotSync(nodeKey, snapshot, current, isCrossRefNode);
  const x = current ?? snapshot;
  const detached = current === null;
  const who = (s: CrossReferenceData['from']) => s.speaker ?? `a highlight from “${s.source.title}”`;
  return (
    <div className="brief-embed brief-crossref" contentEditable={false} role="group" aria-label="Cross-reference">
      <p className="brief-crossref-sentence">
        <strong>{who(x.from)}</strong> {RELATIONS[x.relation].label} <strong>{who(x.to)}</strong>.
        {detached && <span className="badge detached-badge">Detached</span>}
      </p>
      {x.note && <p className="brief-crossref-note">{x.note}</p>}
      <QuoteCard quote={x.from} detached={detached} />
      <QuoteCard quote={x.to} detached={detached} />
      <RemoveButton nodeKey={nodeKey} label="Remove cross-reference" />
    </div>
  );
}
