/** The sidebar list reloads when a search is saved or removed from another part of the window. */
const EVENT = 'collate:saved-searches-changed';

export function savedSearchesChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

export function onSavedSearchesChanged(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}
