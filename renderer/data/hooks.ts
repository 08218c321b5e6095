import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventMap } from '../../shared/api/contract';
import { onEvent } from './bridge';

type Kind = EventMap['library.changed']['kinds'][number];

/**
 * Loads something from the library and loads it again whenever the library
 * reports a change of one of `kinds` (from this window, another window or the CLI).
 */
export function useLibraryQuery<T>(load: () => Promise<T>, deps: unknown[], kinds: Kind[]): { data: T | null; error: string | null; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const run = useCallback(load, deps);
  const reload = useCallback(() => {
    const mine = ++generation.current;
    run().then(
      (value) => {
        if (mine === generation.current) {
          setData(value);
          setError(null);
        }
      },
      (err: Error) => {
        if (mine === generation.current) setError(err.message);
      },
    );
  }, [run]);
  useEffect(() => {
    reload();
    return onEvent('library.changed', (e) => {
      if (e.kinds.some((k) => kinds.includes(k))) reload();
    });
  }, [reload]);
  return { data, error, reload };
}
