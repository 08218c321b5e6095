import { DEFAULT_HIGHLIGHT_COLORS, type HighlightColor } from '../../../shared/api/methods/settings';
import { api } from '../../data/client';
import { useLibraryQuery } from '../../data/hooks';

/** The highlight colours with the names the user gave them (defaults until the library answers). */
export function useHighlightColors(): { colors: HighlightColor[]; reload: () => void } {
  const query = useLibraryQuery(() => api.settings.getHighlightColors({}), [], []);
  return { colors: query.data ?? DEFAULT_HIGHLIGHT_COLORS, reload: query.reload };
}

export function colorName(colors: HighlightColor[], key: string): string {
  return colors.find((c) => c.key === key)?.name ?? key;
}
