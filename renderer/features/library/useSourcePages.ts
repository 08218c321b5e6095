import { useCallback, useEffect, useRef, useState } from 'react';
import type { SourceSummary } from '../../../shared/model/entities';
import { onEvent } from '../../data/bridge';
import { api } from '../../data/client';

export interface LibraryFilters {
  query: string;
  sort: 'imported' | 'published' | 'title';
  tag: string | null;
  outlet: string | null;
  publishedFrom: string | null;
  publishedTo: string | null;
}

export const NO_FILTERS: LibraryFilters = { query: '', sort: 'imported', tag: null, outlet: null, publishedFrom: null, publishedTo: null };

const PAGE = 100;
const MAX_PAGE = 500;

export interface SourcePages {
  items: SourceSummary[];
  total: number | null;
  loading: boolean;
  error: string | null;
  hasMore: boolean;
  /** Asks for the next page (no-op while one is on its way or at the end). */
  loadMore: () => void;
}

/**
 * The Library's rows, a page at a time through keyset cursors. A change of
 * filters starts again from the first page; a change in the library reloads
 * as many rows as were loaded so the list does not jump back to the top.
 */
export function useSourcePages(filters: LibraryFilters): SourcePages {
  const [items, setItems] = useState<SourceSummary[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const loaded = useRef(0);
  const inFlight = useRef(false);

  const request = useCallback(
    (limit: number, from: string | null) =>
      api.sources.list({
        limit,
        cursor: from,
        sort: filters.sort,
        tag: filters.tag,
        outlet: filters.outlet,
        publishedFrom: filters.publishedFrom,
        publishedTo: filters.publishedTo,
        query: filters.query.trim() || null,
      }),
    [filters.sort, filters.tag, filters.outlet, filters.publishedFrom, filters.publishedTo, filters.query],
  );

  const reload = useCallback(
    (keep: boolean) => {
      const mine = ++generation.current;
      const limit = keep ? Math.min(MAX_PAGE, Math.max(PAGE, loaded.current)) : PAGE;
      setLoading(true);
      inFlight.current = true;
      request(limit, null).then(
        (page) => {
          if (mine !== generation.current) return;
          loaded.current = page.items.length;
          setItems(page.items);
          setTotal(page.total);
          setCursor(page.nextCursor);
          setError(null);
          setLoading(false);
          inFlight.current = false;
        },
        (err: Error) => {
          if (mine !== generation.current) return;
          setError(err.message);
          setLoading(false);
          inFlight.current = false;
        },
      );
    },
    [request],
  );

  useEffect(() => {
    reload(false);
    return onEvent('library.changed', (e) => {
      if (e.kinds.some((k) => k === 'sources' || k === 'annotations' || k === 'tags' || k === 'trash')) reload(true);
    });
  }, [reload]);

  const loadMore = useCallback(() => {
    if (!cursor || inFlight.current) return;
    const mine = generation.current;
    inFlight.current = true;
    setLoading(true);
    request(PAGE, cursor).then(
      (page) => {
        inFlight.current = false;
        if (mine !== generation.current) return;
        setItems((prev) => {
          const next = [...prev, ...page.items];
          loaded.current = next.length;
          return next;
        });
        setTotal(page.total);
        setCursor(page.nextCursor);
        setLoading(false);
      },
      (err: Error) => {
        inFlight.current = false;
        if (mine !== generation.current) return;
        setError(err.message);
        setLoading(false);
      },
    );
  }, [cursor, request]);

  return { items, total, loading, error, hasMore: cursor !== null, loadMore };
}

