import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, type NodeKey } from 'lexical';
import { useEffect } from 'react';
import { attributionParts, type QuoteData } from '../../../shared/markdown';
import type { AnnotationId } from '../../../shared/model/ids';
import { api } from '../../data/client';
import { useLibraryQuery } from '../../data/hooks';
import { useBriefNavigation } from './context';

/** Reads the annotation's current data; null once it is deleted (the block then shows its snapshot as detached). */
function useCurrentQuote(annotationId: number): QuoteData | null | undefined {
  // Wrapped, so "loaded: deleted" (null) differs from "not loaded yet" (no data).
  const q = useLibraryQuery(
    () => api.briefs.quotes({ annotationIds: [annotationId as AnnotationId] }).then((r) => ({ quote: r.quotes[0] ?? null })),
    [annotationId],
    ['annotations', 'statements', 'sources', 'trash', 'tags'],
  );
  return q.data ? q.data.quote : undefined;
}

/** Keeps the node's snapshot in step with the library, so a later detach keeps the last text and the export matches what is shown. */
export function useSnapshotSync<T>(nodeKey: NodeKey, snapshot: T, current: T | null | undefined, isNode: (n: unknown) => n is { setSnapshot(s: T): void }) {
  const [editor] = useLexicalComposerContext();
  useEffect(() => {
    if (!current || JSON.stringify(current) === JSON.stringify(snapshot)) return;
    editor.update(
      () => {
        const node = $getNodeByKey(nodeKey);
        if (isNode(node)) node.setSnapshot(current);
      },
      { tag: 'history-merge' },
    );
  }, [editor, nodeKey, snapshot, current, isNode]);
}

export function QuoteCard({ quote, detached }: { quote: QuoteData; detached: boolean }) {
  const { openSource } = useBriefNavigation();
  const parts = attributionParts(quote);
  return (
    <figure className={`brief-quote color-${quote.color}${detached ? ' detached' : ''}`} data-annotation-id={quote.annotationId}>
      <blockquote>{quote.exact}</blockquote>
      <figcaption>
        {parts.length > 0 ? (
          <>
            — <strong>{parts[0]}</strong>
            {parts.slice(1).map((p) => `, ${p}`)}
          </>
        ) : (
          'Highlight'
        )}
        {' · '}
        <button type="button" className="link-button" onClick={() => openSource(quote.source.id, quote.annotationId)}>
          {quote.source.title}
        </button>
        {quote.page !== null && `, p. ${quote.page}`}
        {detached && (
          <span className="badge detached-badge" title="The annotation was deleted; this is its last text">
            Detached
          </span>
        )}
      </figcaption>
      {quote.noteText && <p className="brief-quote-note">{quote.noteText}</p>}
    </figure>
  );
}

const isQuoteNode = (n: unknown): n is { setSnapshot(s: QuoteData): void } => (n as { getType?: () => string } | null)?.getType?.() === 'collate-quote';

export function QuoteBlockView({ nodeKey, annotationId, snapshot }: { nodeKey: NodeKey; annotationId: number; snapshot: QuoteData }) {
  const current = useCurrentQuote(annotationId);
  useSnapshotSync(nodeKey, snapshot, current, isQuoteNode);
  return (
    <div className="brief-embed" contentEditable={false}>
      <QuoteCard quote={current ?? snapshot} detached={current === null} />
      <RemoveButton nodeKey={nodeKey} label="Remove quote" />
    </div>
  );
}

export function RemoveButton({ nodeKey, label }: { nodeKey: NodeKey; label: string }) {
  const [editor] = useLexicalComposerContext();
  return (
    <button type="button" className="brief-remove" aria-label={label} title={label} onClick={() => editor.update(() => $getNodeByKey(nodeKey)?.remove())}>
      ×
    </button>
  );
}
