import type { Snippet as SnippetRuns } from '../../../shared/search/snippet';

/** Marked runs as <mark>: text only, never HTML from the library. */
export function Snippet({ runs }: { runs: SnippetRuns }) {
  return <span className="search-snippet">{runs.map((r, i) => (r.mark ? <mark key={i}>{r.text}</mark> : <span key={i}>{r.text}</span>))}</span>;
}
