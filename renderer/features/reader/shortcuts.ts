/** Every keyboard shortcut, as listed in the "Keyboard shortcuts" sheet; other features add their lines here. */
export const SHORTCUTS: Array<{ keys: string[]; what: string }> = [
  { keys: ['H'], what: 'Highlight the selected passage in the current colour' },
  { keys: ['1', '…', '5'], what: 'Choose a highlight colour (highlights the selection, if any)' },
  { keys: ['C'], what: 'Comment on the selected passage' },
  { keys: ['T'], what: 'Tag the selected passage' },
  { keys: ['Q'], what: 'Copy the selected passage as a Markdown quote with its citation' },
  { keys: ['Ctrl/⌘', 'F'], what: 'Find in the article (Enter: next, Shift+Enter: previous, Esc: close)' },
  { keys: ['Ctrl/⌘', '+'], what: 'Larger text' },
  { keys: ['Ctrl/⌘', '−'], what: 'Smaller text' },
  { keys: ['Ctrl/⌘', '0'], what: 'Reset the text size' },
  { keys: ['Ctrl/⌘', 'Z'], what: 'Undo the last annotation change (including a delete)' },
  { keys: ['Ctrl/⌘', 'Shift', 'Z'], what: 'Redo' },
  { keys: ['Shift', '←/→'], what: 'Extend the selection by a character (with Ctrl/⌥: by a word)' },
  { keys: ['S'], what: 'Mark the selected passage as a statement (who said it, when, how)' },
  { keys: ['A', '/', 'D'], what: 'Accept / dismiss the focused suggested quote (↑/↓: move between suggestions)' },
  { keys: ['?'], what: 'Show this list' },
];

/** True when a key press belongs to a text field or an open dialog, not to the reader. */
export function isTypingOrModal(e: KeyboardEvent): boolean {
  const target = e.target as HTMLElement | null;
  if (target?.closest('input, textarea, select, [contenteditable="true"]')) return true;
  return document.querySelector('[aria-modal="true"]') !== null;
}

/** Opens the shortcuts sheet from anywhere (a toolbar button, the app menu). */
export const SHOW_SHORTCUTS_EVENT = 'collate:show-shortcuts';
