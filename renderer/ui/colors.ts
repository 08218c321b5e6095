/** Highlight colours; the key is stored, the name is what people see (and will be able to rename). */
export const HIGHLIGHT_COLORS = [
  { key: 'yellow', name: 'Yellow' },
  { key: 'green', name: 'Green' },
  { key: 'blue', name: 'Blue' },
  { key: 'pink', name: 'Pink' },
  { key: 'purple', name: 'Purple' },
] as const;
