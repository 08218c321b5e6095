import { useEffect, useRef, useState } from 'react';
import type { SearchResult } from '../../../shared/api/methods/search';
import { api } from '../../data/client';
import { onEvent } from '../../data/bridge';

/** How long typing must pause before a query goes out: short enough to feel instant, long enough to skip most keystrokes. */
const DEBOUNCE_MS = 60;

/**
 * Search-as-you-type that never blocks typing: requests go out after a short
 * pause, each carries a sequence number and answers to older ones are dropped
 * (the HTTP bridge cannot abort). Newest-first hits come back in a few
 * milliseconds and are shown at once; the relevance-ranked page replaces them
 * when it arrives.
 */
export function useSearch(query: string): { result: SearchResult | null; error: string | null; pending: boolean } {
  const [result, setResult] = useState<SearchResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const seq = useRef(0);
  const [changed, setChanged] = useState(0);

  useEffect(() => onEvent('library.changed', () => setChanged((n) => n + 1)), []);

  useEffect(() => {
    const mine = ++seq.current;
    if (!query.trim()) {
      setResult(null);
      setError(null);
      setPending(false);
      return;
    }
    setPending(true);
    const timer = window.setTimeout(() => {
      const current = () => mine === seq.current;
      const fail = (e: Error) => {
        if (!current()) return;
        setError(e.message);
        setPending(false);
      };
      api.search.query({ query, order: 'recent', asYouType: true }).then((fast) => {
        if (!current()) return;
        setResult(fast);
        setError(null);
        api.search.query({ query, order: 'ranked', asYouType: true }).then((ranked) => {
          if (!current()) return;
          setResult(ranked);
          setPending(false);
        }, fail);
      }, fail);
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [query, changed]);

  return { result, error, pending };
}
