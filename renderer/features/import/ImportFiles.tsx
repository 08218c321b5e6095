import { useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { EventMap } from '../../../shared/api/contract';
import type { FileImportResult } from '../../../shared/api/methods/sources';
import { NavigationContext } from '../../app/navigation';
import { onEvent } from '../../data/bridge';
import { api } from '../../data/client';
import { shell } from '../../data/shell';
import '../../ui/paste.css';
import { Modal } from '../../ui/Modal';
import { chunkFiles, filesFromDrop, filesFromInput, type PickedFile, toBase64 } from './gather';

interface Progress {
  done: number;
  total: number;
  failed: number;
  current: string | null;
  /** An import this page did not start (the desktop menu, the Open dialog): cancelled by its id. */
  otherJob?: string;
}

interface Summary {
  results: FileImportResult[];
  cancelled: boolean;
}

const ACCEPT = '.txt,.text,.md,.markdown,.html,.htm,.xhtml,.pdf,.docx,text/plain,text/markdown,text/html,application/pdf';
const base = (file: string) => file.split(/[\\/]/).pop() ?? file;
const newJobId = () => `ui-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/**
 * "Import files" / "Import folder", drag and drop onto the window, the
 * progress of a running import with Cancel, and the summary at the end.
 * Parsing happens in the host's worker threads; this only reads and sends bytes.
 */
export function ImportFiles() {
  const { navigate, notify } = useContext(NavigationContext);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [summary, setSummary] = useState<Summary | null>(null);
  const [dragging, setDragging] = useState(false);
  const job = useRef<{ id: string | null; cancelled: boolean; before: Progress } | null>(null);

  const run = useCallback(
    async (picked: PickedFile[]) => {
      if (job.current) {
        notify('An import is already running; wait for it or cancel it first.');
        return;
      }
      if (!picked.length) {
        notify('There were no files to import in what you chose.');
        return;
      }
      const state = { id: null as string | null, cancelled: false, before: { done: 0, total: picked.length, failed: 0, current: null } };
      job.current = state;
      setSummary(null);
      setProgress(state.before);
      const results: FileImportResult[] = [];
      try {
        for (const chunk of chunkFiles(picked)) {
          if (state.cancelled) break;
          const sent: PickedFile[] = [];
          const files: Array<{ name: string; base64: string }> = [];
          for (const p of chunk) {
            try {
              files.push({ name: p.name, base64: await toBase64(p.file) });
              sent.push(p);
            } catch (err) {
              results.push({ file: p.name, status: 'failed', error: (err as Error).message });
            }
          }
          if (files.length && !state.cancelled) {
            state.id = newJobId();
            const report = await api.sources.importUploads({ files, jobId: state.id });
            // The host names uploads by base name only; show the path the user picked.
            report.results.forEach((r, i) => results.push({ ...r, file: sent[i]?.name ?? r.file }));
            if (report.cancelled) state.cancelled = true;
          }
          const failed = results.filter((r) => r.status === 'failed').length;
          state.before = { done: results.length, total: picked.length, failed, current: null };
          setProgress(state.before);
        }
      } catch (err) {
        notify(`Import stopped: ${(err as Error).message}`);
      } finally {
        job.current = null;
        setProgress(null);
        setSummary({ results, cancelled: state.cancelled });
      }
    },
    [notify],
  );

  // Progress of our own calls, and of imports started from the desktop menu.
  useEffect(
    () =>
      onEvent('import.progress', (e: EventMap['import.progress']) => {
        const mine = job.current;
        if (mine) {
          if (e.jobId !== mine.id) return;
          setProgress({ done: mine.before.done + e.done, total: mine.before.total, failed: mine.before.failed + e.failed, current: e.current });
          return;
        }
        setProgress(e.finished ? null : { done: e.done, total: e.total, failed: e.failed, current: e.current, otherJob: e.jobId });
      }),
    [],
  );

  useEffect(
    () =>
      onEvent('menu.command', ({ command }) => {
        if (command === 'import-files') filesInput.current?.click();
      }),
    [],
  );

  // Files dropped anywhere on the window are imported.
  useEffect(() => {
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && [...e.dataTransfer.types].includes('Files');
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer!.dropEffect = 'copy';
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!e.relatedTarget) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      const { items, files } = e.dataTransfer!;
      // Entries must be taken before this handler returns; the drop's data is gone after.
      const gathered = filesFromDrop(items, files);
      void (async () => {
        let picked: PickedFile[];
        try {
          picked = await gathered;
        } catch (err) {
          notify(`The dropped files could not be read: ${(err as Error).message}`);
          return;
        }
        await run(picked);
      })();
    };
    document.addEventListener('dragover', over);
    document.addEventListener('dragleave', leave);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragover', over);
      document.removeEventListener('dragleave', leave);
      document.removeEventListener('drop', drop);
    };
  }, [run, notify]);

  const cancel = () => {
    const mine = job.current;
    if (!mine) {
      if (progress?.otherJob) void api.sources.cancelImport({ jobId: progress.otherJob });
      return;
    }
    mine.cancelled = true;
    if (mine.id) void api.sources.cancelImport({ jobId: mine.id });
  };

  // The desktop app: the system's Open dialog; its paths go from the main process straight to the import.
  const importWithDialog = async (pick: 'files' | 'folders') => {
    if (!shell) return;
    if (job.current || progress) {
      notify('An import is already running; wait for it or cancel it first.');
      return;
    }
    try {
      const report = await shell.importWithDialog(pick);
      if (report.chosen) setSummary({ results: report.results, cancelled: report.cancelled });
    } catch (err) {
      notify(`Import stopped: ${(err as Error).message}`);
    }
  };
  const pickFiles = () => (shell ? void importWithDialog('files') : filesInput.current?.click());
  const pickFolder = () => (shell ? void importWithDialog('folders') : folderInput.current?.click());

  const onPicked = (input: HTMLInputElement | null) => {
    if (!input?.files) return;
    const picked = filesFromInput(input.files);
    input.value = '';
    void run(picked);
  };

  const imported = summary?.results.filter((r) => r.status === 'imported') ?? [];
  const duplicates = summary?.results.filter((r) => r.status === 'duplicate') ?? [];
  const failures = summary?.results.filter((r) => r.status === 'failed') ?? [];
  const updated = summary?.results.filter((r) => r.status === 'updated') ?? [];

  return (
    <>
      <div className="import-controls">
        <button type="button" onClick={pickFiles} title="Import .txt, .md, .html, .pdf or .docx files (or drop them on the window)">
          Import files
        </button>
        <button type="button" onClick={pickFolder} title="Import every article in a folder and its subfolders">
          Import folder
        </button>
        <input ref={filesInput} type="file" multiple accept={ACCEPT} hidden aria-label="Files to import" onChange={(e) => onPicked(e.currentTarget)} />
        <input
          ref={folderInput}
          type="file"
          hidden
          aria-label="Folder to import"
          {...{ webkitdirectory: '', directory: '' }}
          onChange={(e) => onPicked(e.currentTarget)}
        />
      </div>
      {progress && (
        <div className="import-progress" role="region" aria-label="Import progress">
          <progress aria-label="Files imported" max={progress.total} value={progress.done} />
          <div>
            {progress.done} of {progress.total} files{progress.failed > 0 && `, ${progress.failed} failed so far`}
          </div>
          {progress.current && <div className="current">{base(progress.current)}</div>}
          {(job.current || progress.otherJob) && (
            <button type="button" onClick={cancel}>
              Cancel import
            </button>
          )}
        </div>
      )}
      {dragging && (
        <div className="import-drop" aria-hidden="true">
          Drop files or folders to import them
        </div>
      )}
      {summary && (
        <Modal title="Import summary" onClose={() => setSummary(null)} className="import-summary">
          <p>
            {summary.cancelled && 'Cancelled. '}
            {imported.length} imported, {duplicates.length} {duplicates.length === 1 ? 'duplicate' : 'duplicates'}, {failures.length} failed.
            {updated.length > 0 && ` ${updated.length} ${updated.length === 1 ? 'source' : 'sources'} updated to a new version of the text.`}
          </p>
          {failures.length > 0 && (
            <section aria-label="Failed">
              <h3>Not imported</h3>
              <ul>
                {failures.map((r, i) => (
                  <li key={i} className="failed">
                    {r.file}: <span className="reason">{r.error}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {updated.length > 0 && (
            <section aria-label="Updated">
              <h3>New version of a source already in the library</h3>
              <ul>
                {updated.map((r, i) => (
                  <li key={i}>
                    {r.file} replaced the text of{' '}
                    <button type="button" className="link" onClick={() => r.id && (setSummary(null), navigate({ kind: 'library', sourceId: r.id }))}>
                      {r.title ?? 'a source'}
                    </button>
                    {r.anchors && ` (annotations: ${r.anchors.exact} in place, ${r.anchors.moved} moved, ${r.anchors.fuzzy} approximate, ${r.anchors.orphan} orphaned)`}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {duplicates.length > 0 && (
            <section aria-label="Duplicates">
              <h3>Already in the library</h3>
              <ul>
                {duplicates.map((r, i) => (
                  <li key={i}>
                    {r.file} duplicates{' '}
                    <button type="button" className="link" onClick={() => r.duplicateOf && (setSummary(null), navigate({ kind: 'library', sourceId: r.duplicateOf.id }))}>
                      {r.duplicateOf?.title ?? 'a source'}
                    </button>{' '}
                    ({r.duplicateOf?.reason})
                  </li>
                ))}
              </ul>
            </section>
          )}
          {imported.length > 0 && (
            <section aria-label="Imported">
              <h3>Imported</h3>
              <ul>
                {imported.map((r, i) => (
                  <li key={i}>
                    <button type="button" className="link" onClick={() => r.id && (setSummary(null), navigate({ kind: 'library', sourceId: r.id }))}>
                      {r.title ?? r.file}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <div className="modal-actions">
            <button type="button" className="primary" onClick={() => setSummary(null)}>
              Close
            </button>
          </div>
        </Modal>
      )}
    </>
  );
}
