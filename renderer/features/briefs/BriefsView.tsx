import { useCallback, useEffect, useRef, useState } from 'react';
import type { BriefDetail } from '../../../shared/api/methods/briefs';
import type { BriefId, SourceId, AnnotationId } from '../../../shared/model/ids';
import { useNavigation } from '../../app/navigation';
import { api } from '../../data/client';
import { useLibraryQuery } from '../../data/hooks';
import { BriefEditor, type BriefEditorHandle } from '../../editor/brief/BriefEditor';
import { BriefNavigationContext } from '../../editor/brief/context';
import { friendly } from '../../ui/Modal';
import { exportToFile } from './download';
import { InsertCrossReferenceDialog, InsertQuoteDialog, QuotesPanel } from './QuotePicker';
import '../../ui/briefs.css';

/** The Briefs section: the list of briefs, the open brief's editor, and the quotes to put in it. */
export function BriefsView({ briefId }: { briefId?: BriefId }) {
  const { navigate, notify } = useNavigation();
  const briefs = useLibraryQuery(() => api.briefs.list({}), [], ['briefs', 'trash']);

  const create = useCallback(async () => {
    try {
      const b = await api.briefs.create({ title: 'Untitled brief' });
      navigate({ kind: 'briefs', briefId: b.id });
      // The title is the first thing to write.
      window.setTimeout(() => document.querySelector<HTMLInputElement>('input[name="brief-title"]')?.select(), 50);
    } catch (err) {
      notify(friendly(err));
    }
  }, [navigate, notify]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyN') {
        e.preventDefault();
        void create();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [create]);

  return (
    <div className="briefs-view">
      <section className="brief-list" aria-label="Briefs">
        <h2>Briefs</h2>
        <button type="button" className="primary" onClick={() => void create()} title="New brief (Alt+N)">
          New brief
        </button>
        {briefs.data?.length === 0 && <p className="muted">No briefs yet. Press New brief to write up your findings around exact quotes.</p>}
        <ul>
          {briefs.data?.map((b) => (
            <li key={b.id}>
              <button type="button" aria-current={b.id === briefId ? 'page' : undefined} onClick={() => navigate({ kind: 'briefs', briefId: b.id })}>
                <span className="brief-list-title">{b.title}</span>
                <span className="muted">
                  {b.updatedAt.slice(0, 10)}
                  {b.tags.length > 0 && ` · ${b.tags.map((t) => `#${t}`).join(' ')}`}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      {briefId ? (
        <OpenBrief key={briefId} id={briefId} />
      ) : (
        <section className="brief-main brief-empty" aria-label="Brief">
          <p className="muted">{briefs.data?.length ? 'Choose a brief on the left, or press New brief.' : 'Press New brief to start.'}</p>
        </section>
      )}
    </div>
  );
}

function OpenBrief({ id }: { id: BriefId }) {
  const { navigate, notify } = useNavigation();
  // Loaded once: from here on the editor holds the content and saves it.
  const brief = useLibraryQuery(() => api.briefs.get({ id }), [id], []);
  if (brief.error) {
    return (
      <section className="brief-main brief-empty" aria-label="Brief">
        <p className="muted">{brief.error}</p>
      </section>
    );
  }
  if (!brief.data) return <section className="brief-main" aria-label="Brief" aria-busy="true" />;
  return (
    <BriefNavigationContext.Provider value={{ openSource: (sourceId, annotationId) => navigate({ kind: 'library', sourceId: sourceId as SourceId, focus: { annotationId: annotationId as AnnotationId } }) }}>
      <BriefWorkspace brief={brief.data} notify={notify} />
    </BriefNavigationContext.Provider>
  );
}

function BriefWorkspace({ brief, notify }: { brief: BriefDetail; notify: (m: string) => void }) {
  const { navigate } = useNavigation();
  const editor = useRef<BriefEditorHandle | null>(null);
  const [title, setTitle] = useState(brief.title);
  const [tags, setTags] = useState(brief.tags.join(', '));
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'quote' | 'crossref' | null>(null);

  // The title is saved as it is typed, like the text.
  useEffect(() => {
    if (title === brief.title) return;
    if (!title.trim()) {
      setProblem('A brief needs a title.');
      return;
    }
    setProblem(null);
    const t = window.setTimeout(() => void api.briefs.update({ id: brief.id, title }).catch((e) => setProblem(friendly(e))), 400);
    return () => window.clearTimeout(t);
  }, [title, brief.id, brief.title]);

  const saveTags = async () => {
    const list = tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    try {
      const saved = await api.briefs.update({ id: brief.id, tags: list });
      setTags(saved.tags.join(', '));
      setProblem(null);
    } catch (e) {
      setProblem(friendly(e));
    }
  };

  const save = useCallback(
    async (content: string, contentText: string) => {
      try {
        await api.briefs.update({ id: brief.id, content, contentText });
      } catch (e) {
        setProblem(`Not saved: ${friendly(e)}`);
      }
    },
    [brief.id],
  );

  const exportMarkdown = useCallback(async () => {
    try {
      await editor.current?.flush();
      const done = await exportToFile({ kind: 'brief', id: brief.id });
      if (done) notify(done);
    } catch (e) {
      notify(friendly(e));
    }
  }, [brief.id, notify]);

  const duplicate = async () => {
    await editor.current?.flush();
    const copy = await api.briefs.duplicate({ id: brief.id });
    navigate({ kind: 'briefs', briefId: copy.id });
    notify(`Made “${copy.title}”.`);
  };

  const remove = async () => {
    await editor.current?.flush();
    await api.briefs.delete({ id: brief.id });
    navigate({ kind: 'briefs' });
    notify(`Moved “${title}” to the trash; restore it from the Trash.`);
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.code === 'KeyQ') setDialog('quote');
      else if (e.code === 'KeyX') setDialog('crossref');
      else if (e.code === 'KeyE') void exportMarkdown();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [exportMarkdown]);

  return (
    <>
      <section className="brief-main" aria-label="Brief">
        <header className="brief-header">
          <input
            className="brief-title"
            name="brief-title"
            aria-label="Brief title"
            value={title}
            maxLength={1000}
            onChange={(e) => setTitle(e.target.value)}
            aria-invalid={!title.trim() || undefined}
          />
          <input
            className="brief-tags"
            aria-label="Brief tags"
            placeholder="Tags, separated by commas"
            value={tags}
            onChange={(e) => setTags(e.target.value)}
            onBlur={() => void saveTags()}
            onKeyDown={(e) => e.key === 'Enter' && void saveTags()}
          />
          <span className="muted brief-saved" aria-live="polite">
            {problem ?? (saving ? 'Saving…' : 'Saved')}
          </span>
        </header>
        <div className="brief-actions" role="toolbar" aria-label="Brief">
          <button type="button" onClick={() => setDialog('quote')} title="Insert quote (Alt+Q)">
            Insert quote
          </button>
          <button type="button" onClick={() => setDialog('crossref')} title="Insert cross-reference (Alt+X)">
            Insert cross-reference
          </button>
          <button type="button" className="primary" onClick={() => void exportMarkdown()} title="Export Markdown (Alt+E)">
            Export Markdown
          </button>
          <button type="button" onClick={() => void duplicate()}>
            Duplicate
          </button>
          <button type="button" className="danger" onClick={() => void remove()}>
            Delete brief
          </button>
        </div>
        <BriefEditor briefId={brief.id} initialContent={brief.content} onSave={save} onSaving={setSaving} handle={editor} />
      </section>
      <QuotesPanel onInsert={(q) => editor.current?.insertQuote(q)} />
      {dialog === 'quote' && (
        <InsertQuoteDialog
          onClose={() => setDialog(null)}
          onInsert={(q) => {
            editor.current?.insertQuote(q);
            setDialog(null);
          }}
        />
      )}
      {dialog === 'crossref' && (
        <InsertCrossReferenceDialog
          onClose={() => setDialog(null)}
          onInsert={(x) => {
            editor.current?.insertCrossReference(x);
            setDialog(null);
          }}
        />
      )}
    </>
  );
}
