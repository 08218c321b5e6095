import { useCallback, useEffect, useState } from 'react';
import type { SourceId } from '../../shared/model/ids';
import { api } from '../data/client';
import { useLibraryQuery } from '../data/hooks';
import { AnnotationsPanel } from '../features/annotations/AnnotationsPanel';
import { LibraryPanel } from '../features/library/LibraryPanel';
import { PasteDialog } from '../features/paste/PasteDialog';
import { Reader } from '../features/reader/Reader';

export function App() {
  const [openId, setOpenId] = useState<SourceId | null>(null);
  const [paste, setPaste] = useState<{ text: string } | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const source = useLibraryQuery(() => (openId ? api.sources.get({ id: openId }) : Promise.resolve(null)), [openId], ['sources']);
  const annotations = useLibraryQuery(
    () => (openId ? api.annotations.list({ sourceId: openId }) : Promise.resolve(null)),
    [openId],
    ['annotations', 'trash'],
  );

  const highlight = useCallback(
    async (range: { start: number; end: number }) => {
      if (!openId) return;
      try {
        await api.annotations.create({ sourceId: openId, ...range, color: 'yellow' });
        window.getSelection()?.removeAllRanges();
        annotations.reload();
      } catch (err) {
        setStatus((err as Error).message);
      }
    },
    [openId, annotations],
  );

  // Pasting with nothing focused opens the paste dialog with the clipboard's text.
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (paste || (target && target.closest('input, textarea, [contenteditable="true"]'))) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (!text.trim()) return;
      e.preventDefault();
      setPaste({ text });
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [paste]);

  return (
    <div className="app">
      <LibraryPanel selected={openId} onOpen={setOpenId} onPaste={() => setPaste({ text: '' })} />
      {source.data ? (
        <Reader source={source.data} annotations={annotations.data ?? []} onHighlight={highlight} />
      ) : (
        <section className="reader reader-empty" aria-label="Reader">
          <p className="muted">Open a source from the Library to read and annotate it.</p>
        </section>
      )}
      <AnnotationsPanel annotations={openId ? annotations.data : null} />
      <div className="status" role="status" aria-live="polite">
        {status}
      </div>
      {paste && (
        <PasteDialog
          initialText={paste.text}
          onClose={() => setPaste(null)}
          onAdded={(id, duplicate) => {
            setPaste(null);
            setOpenId(id);
            setStatus(duplicate ? 'That article is already in the library; opened it.' : 'Added to the library.');
          }}
        />
      )}
    </div>
  );
}
