import { useEffect, useState } from 'react';
import type { CrossReferenceData, QuoteData } from '../../../shared/markdown';
import { attributionParts } from '../../../shared/markdown';
import { RELATIONS } from '../../../shared/model/statement';
import { api } from '../../data/client';
import { useLibraryQuery } from '../../data/hooks';
import { QUOTE_DRAG_TYPE } from '../../editor/brief/context';
import { Modal } from '../../ui/Modal';

const short = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
export const quoteLabel = (q: QuoteData) => short(q.exact);
const byline = (q: QuoteData) => [attributionParts(q).slice(0, 2).join(', ') || 'Highlight', q.source.title].join(' · ');

/** Search-as-you-type over highlights and statements (text, note, tags, speaker). */
function useQuoteSearch(query: string) {
  const [debounced, setDebounced] = useState(query);
  useEffect(() => {
    const t = window.setTimeout(() => setDebounced(query), 150);
    return () => window.clearTimeout(t);
  }, [query]);
  return useLibraryQuery(() => api.briefs.searchQuotes({ query: debounced || undefined, limit: 50 }), [debounced], ['annotations', 'statements', 'trash', 'tags']);
}

/** The Quotes side panel of the briefs view: drag a quote into the brief, or insert it at the caret. */
export function QuotesPanel({ onInsert }: { onInsert: (q: QuoteData) => void }) {
  const [query, setQuery] = useState('');
  const results = useQuoteSearch(query);
  return (
    <section className="brief-quotes" aria-label="Quotes">
      <h2>Quotes</h2>
      <input type="search" aria-label="Filter quotes" placeholder="Filter by words or speaker" value={query} onChange={(e) => setQuery(e.target.value)} />
      {results.data && results.data.length === 0 && (
        <p className="muted">{query ? 'No highlight or statement matches.' : 'Highlight passages in the Library; they appear here to drag into the brief.'}</p>
      )}
      <ul className="brief-quote-list">
        {results.data?.map((q) => (
          <li
            key={q.annotationId}
            draggable
            className={`color-${q.color}`}
            onDragStart={(e) => {
              e.dataTransfer.setData(QUOTE_DRAG_TYPE, String(q.annotationId));
              e.dataTransfer.setData('text/plain', q.exact);
              e.dataTransfer.effectAllowed = 'copy';
            }}
            title="Drag into the brief"
          >
            <q>{short(q.exact, 160)}</q>
            <span className="muted">{byline(q)}</span>
            <button type="button" onClick={() => onInsert(q)} aria-label={`Insert “${quoteLabel(q)}”`}>
              Insert
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: React.ReactNode }) {
  return (
    <Modal title={title} onClose={onClose} className="brief-dialog">
      {children}
      <div className="modal-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}

/** "Insert quote": find a highlight or statement by its words, speaker, note or tags; Enter inserts the first. */
export function InsertQuoteDialog({ onInsert, onClose }: { onInsert: (q: QuoteData) => void; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const results = useQuoteSearch(query);
  const first = results.data?.[0];
  return (
    <Dialog title="Insert quote" onClose={onClose}>
      <input
        type="search"
        aria-label="Search quotes"
        placeholder="Words of the quote, speaker, note or tag"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && first) {
            e.preventDefault();
            onInsert(first);
          }
        }}
      />
      {results.data?.length === 0 && <p className="muted">Nothing matches. Highlight the passage in the Library first.</p>}
      <ul className="brief-pick-list" aria-label="Matching quotes">
        {results.data?.map((q) => (
          <li key={q.annotationId}>
            <button type="button" onClick={() => onInsert(q)} aria-label={`Insert “${quoteLabel(q)}”`}>
              <q>{short(q.exact, 200)}</q>
              <span className="muted">{byline(q)}</span>
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}

/** "Insert cross-reference": a link between two statements, with its relation and note. */
export function InsertCrossReferenceDialog({ onInsert, onClose }: { onInsert: (x: CrossReferenceData) => void; onClose: () => void }) {
  const [query, setQuery] = useState('');
  const results = useLibraryQuery(() => api.briefs.searchCrossReferences({ query: query || undefined, limit: 50 }), [query], ['links', 'statements', 'trash']);
  const sentence = (x: CrossReferenceData) =>
    `${x.from.speaker ?? 'A highlight'} ${RELATIONS[x.relation].label} ${x.to.speaker ?? 'a highlight'}: “${short(x.from.exact, 50)}” / “${short(x.to.exact, 50)}”`;
  return (
    <Dialog title="Insert cross-reference" onClose={onClose}>
      <input type="search" aria-label="Search cross-references" placeholder="Words or speaker of either statement" value={query} onChange={(e) => setQuery(e.target.value)} />
      {results.data?.length === 0 && <p className="muted">No linked statements yet. Link two statements (supports, contradicts, qualifies…) first.</p>}
      <ul className="brief-pick-list" aria-label="Matching cross-references">
        {results.data?.map((x) => (
          <li key={x.linkId}>
            <button type="button" onClick={() => onInsert(x)} aria-label={`Insert ${sentence(x)}`}>
              {sentence(x)}
              {x.note && <span className="muted">{x.note}</span>}
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
