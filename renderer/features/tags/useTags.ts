import type { Tag } from '../../../shared/model/entities';
import { api } from '../../data/client';
import { useLibraryQuery } from '../../data/hooks';

/** Every tag with its counts, kept fresh when tags, sources or annotations change. */
export function useTags(): { tags: Tag[]; error: string | null; reload: () => void } {
  const { data, error, reload } = useLibraryQuery(() => api.tags.list({}), [], ['tags', 'sources', 'annotations', 'trash']);
  return { tags: data ?? [], error, reload };
}
