/** A key chord: `key` is KeyboardEvent.key in lower case; `mod` is Ctrl on Windows/Linux and ⌘ on macOS. */
interface Chord {
  key: string | string[];
  mod?: boolean;
  shift?: boolean;
  alt?: boolean;
}

interface Shortcut {
  id: string;
  /** As shown in the sheet. */
  keys: string[];
  what: string;
  /** What the handler matches; absent for keys handled by a focused control (a list, a dialog, a text field). */
  chords?: Chord[];
}

/**
 * Every keyboard shortcut: the "Keyboard shortcuts" sheet is this table, and the global handlers match
 * keys with matchesShortcut(id), so a key cannot be handled without being listed. Other features add
 * their lines here.
 */
export const SHORTCUTS = [
  // Anywhere
  { id: 'search', keys: ['Ctrl/⌘', 'K'], what: 'Search everything', chords: [{ key: 'k', mod: true }] },
  { id: 'search.slash', keys: ['/'], what: 'Search everything (outside a text field)', chords: [{ key: '/' }] },
  { id: 'library.filter', keys: ['L'], what: 'Filter the Library by title, byline or outlet', chords: [{ key: 'l' }] },
  { id: 'library.move', keys: ['↑/↓'], what: 'Move through the Library list (Home/End: first/last)' },
  { id: 'paste', keys: ['Ctrl/⌘', 'V'], what: 'Paste an article (with nothing focused)' },
  { id: 'undo', keys: ['Ctrl/⌘', 'Z'], what: 'Undo the last annotation change (including a delete)', chords: [{ key: 'z', mod: true }] },
  { id: 'redo', keys: ['Ctrl/⌘', 'Shift', 'Z'], what: 'Redo (also Ctrl/⌘+Y)', chords: [{ key: 'z', mod: true, shift: true }, { key: 'y', mod: true }] },
  { id: 'help', keys: ['?'], what: 'Show this list', chords: [{ key: '?' }] },
  // Reader
  { id: 'reader.highlight', keys: ['H'], what: 'Highlight the selected passage in the current colour', chords: [{ key: 'h' }] },
  { id: 'reader.colour', keys: ['1', '…', '5'], what: 'Choose a highlight colour (highlights the selection, if any)', chords: [{ key: ['1', '2', '3', '4', '5'] }] },
  { id: 'reader.comment', keys: ['C'], what: 'Comment on the selected passage', chords: [{ key: 'c' }] },
  { id: 'reader.tag', keys: ['T'], what: 'Tag the selected passage', chords: [{ key: 't' }] },
  { id: 'reader.quote', keys: ['Q'], what: 'Copy the selected passage as a Markdown quote with its citation', chords: [{ key: 'q' }] },
  { id: 'reader.statement', keys: ['S'], what: 'Mark the selected passage as a statement (who said it, when, how)' },
  { id: 'reader.extend', keys: ['Shift', '←/→'], what: 'Extend the selection by a character (with Ctrl/⌥: by a word)' },
  { id: 'reader.nextHighlight', keys: ['Alt', '↓'], what: 'Next highlight: shows its note and tags (Enter: open it in the sidebar, Esc: close)', chords: [{ key: 'arrowdown', alt: true }] },
  { id: 'reader.previousHighlight', keys: ['Alt', '↑'], what: 'Previous highlight', chords: [{ key: 'arrowup', alt: true }] },
  { id: 'reader.find', keys: ['Ctrl/⌘', 'F'], what: 'Find in the article (Enter: next, Shift+Enter: previous, Esc: close)', chords: [{ key: 'f', mod: true }] },
  { id: 'reader.zoomIn', keys: ['Ctrl/⌘', '+'], what: 'Larger text', chords: [{ key: ['+', '='], mod: true }] },
  { id: 'reader.zoomOut', keys: ['Ctrl/⌘', '−'], what: 'Smaller text', chords: [{ key: '-', mod: true }] },
  { id: 'reader.zoomReset', keys: ['Ctrl/⌘', '0'], what: 'Reset the text size', chords: [{ key: '0', mod: true }] },
  // Suggested quotes and briefs
  { id: 'suggestions', keys: ['A', '/', 'D'], what: 'Accept / dismiss the focused suggested quote (↑/↓: move between suggestions)' },
  { id: 'brief.new', keys: ['Alt', 'N'], what: 'New brief' },
  { id: 'brief.quote', keys: ['Alt', 'Q'], what: 'Insert a quote into the brief' },
  { id: 'brief.crossref', keys: ['Alt', 'X'], what: 'Insert a cross-reference into the brief' },
  { id: 'brief.export', keys: ['Alt', 'E'], what: 'Export the brief as Markdown' },
] as const satisfies readonly Shortcut[];

export type ShortcutId = (typeof SHORTCUTS)[number]['id'];

function chordMatches(c: Chord, e: KeyboardEvent): boolean {
  if (!!c.mod !== (e.ctrlKey || e.metaKey) || !!c.alt !== e.altKey) return false;
  const key = e.key.toLowerCase();
  // Shift is part of what a symbol key types ("?", "+") and of a capital; with Ctrl/⌘ and a letter it makes another command (Ctrl+Shift+Z).
  const shift = c.shift ?? (c.mod && /^[a-z]$/.test(key) ? false : e.shiftKey);
  return shift === e.shiftKey && [c.key].flat().includes(key);
}

/** True when `e` is the table's key chord for `id` (not checking where the focus is: see isTypingOrModal). */
export function matchesShortcut(id: ShortcutId, e: KeyboardEvent): boolean {
  const entry: Shortcut | undefined = SHORTCUTS.find((s) => s.id === id);
  return entry?.chords?.some((c) => chordMatches(c, e)) ?? false;
}

/** True when a key press belongs to a text field or an open dialog, not to the reader. */
export function isTypingOrModal(e: KeyboardEvent): boolean {
  const target = e.target as HTMLElement | null;
  if (target?.closest('input, textarea, select, [contenteditable="true"]')) return true;
  return document.querySelector('[aria-modal="true"]') !== null;
}

/** Opens the shortcuts sheet from anywhere (a toolbar button, the app menu). */
export const SHOW_SHORTCUTS_EVENT = 'collate:show-shortcuts';
