import { useCallback, useEffect, useMemo, useState } from 'react';
import { BriefsView } from '../features/briefs/BriefsView';
import { LibraryPanel } from '../features/library/LibraryPanel';
import { useAnnotationHistoryShortcuts } from '../features/annotations/history';
import { LibraryView } from '../features/library/LibraryView';
import { ImportFiles } from '../features/import/ImportFiles';
import { type ClipboardContent, PasteDialog } from '../features/paste/PasteDialog';
import { SavedSearches } from '../features/search/SavedSearches';
import { SearchBox } from '../features/search/SearchBox';
import { SearchView } from '../features/search/SearchView';
import { ClaimsView } from '../features/statements/ClaimsView';
import { CompareView } from '../features/statements/CompareView';
import { SpeakersView } from '../features/statements/SpeakersView';
import { ShortcutsHelp } from '../features/reader/ShortcutsHelp';
import { TagsView } from '../features/tags/TagsView';
import { TrashView } from '../features/trash/TrashView';
import { onEvent } from '../data/bridge';
import { NavigationContext, type View, ViewContext } from './navigation';
import { DamageBanner } from './DamageBanner';
import { ThemeToggle } from './theme';

const SECTIONS: Array<{ kind: View['kind']; label: string }> = [
  { kind: 'library', label: 'Library' },
  { kind: 'briefs', label: 'Briefs' },
  { kind: 'search', label: 'Search' },
  { kind: 'speakers', label: 'Speakers' },
  { kind: 'claims', label: 'Claims' },
  { kind: 'tags', label: 'Tags' },
  { kind: 'trash', label: 'Trash' },
];

export function App() {
  const [view, setView] = useState<View>({ kind: 'library' });
  const [paste, setPaste] = useState<ClipboardContent | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const notify = useCallback((message: string) => {
    setStatus(message);
    window.setTimeout(() => setStatus((s) => (s === message ? null : s)), 6000);
  }, []);
  const navigation = useMemo(() => ({ navigate: setView, notify }), [notify]);
  // Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z undo and redo annotation edits anywhere in the app.
  useAnnotationHistoryShortcuts(notify);

  // Pasting with nothing focused opens the paste dialog with the clipboard's text.
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (paste || (target && target.closest('input, textarea, [contenteditable="true"]'))) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      const html = e.clipboardData?.getData('text/html') || undefined;
      if (!text.trim() && !html?.trim()) return;
      e.preventDefault();
      setPaste({ text, html });
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [paste]);
  useEffect(() => onEvent('menu.command', ({ command }) => command === 'paste-article' && setPaste({ text: '' })), []);

  return (
    <NavigationContext.Provider value={navigation}>
      <ViewContext.Provider value={view}>
        <div className={`app view-${view.kind}`}>
          <div className="sidebar">
            <SearchBox />
            <nav className="sections" aria-label="Sections">
              {SECTIONS.map((s) => (
                <button key={s.kind} type="button" aria-current={view.kind === s.kind ? 'page' : undefined} onClick={() => setView({ kind: s.kind } as View)}>
                  {s.label}
                </button>
              ))}
              <ThemeToggle />
            </nav>
            <SavedSearches />
            <ImportFiles />
            <LibraryPanel
              selected={view.kind === 'library' ? (view.sourceId ?? null) : null}
              onOpen={(sourceId) => setView({ kind: 'library', sourceId })}
              onPaste={() => setPaste({ text: '' })}
            />
          </div>
          {view.kind === 'library' && <LibraryView sourceId={view.sourceId} focus={view.focus} />}
          {view.kind === 'trash' && <TrashView />}
          {view.kind === 'briefs' && <BriefsView briefId={view.briefId} />}
          {view.kind === 'search' && <SearchView query={view.query ?? ''} />}
          {view.kind === 'tags' && <TagsView />}
          {view.kind === 'speakers' && <SpeakersView speakerId={view.speakerId} />}
          {view.kind === 'claims' && <ClaimsView />}
          {view.kind === 'compare' && <CompareView annotationIds={view.annotationIds} />}
          <DamageBanner />
          <div className="status" role="status" aria-live="polite">
            {status}
          </div>
          {paste && (
            <PasteDialog
              initial={paste}
              onClose={() => setPaste(null)}
              onAdded={(sourceId, status) => {
                setPaste(null);
                setView({ kind: 'library', sourceId });
                notify(
                  status === 'duplicate'
                    ? 'That article is already in the library; opened it.'
                    : status === 'updated'
                      ? 'A new version of an article already in the library: its text was replaced and its annotations re-anchored.'
                      : 'Added to the library.',
                );
              }}
            />
          )}
        </div>
        <ShortcutsHelp />
      </ViewContext.Provider>
    </NavigationContext.Provider>
  );
}
