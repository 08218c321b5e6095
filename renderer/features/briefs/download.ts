import type { ExportedFile } from '../../../shared/api/methods/briefs';
import type { ExportRequest } from '../../../shared/api/shell';
import { api } from '../../data/client';
import { shell } from '../../data/shell';

/**
 * Saves a brief or a source as Markdown: in the desktop app through the
 * system's Save dialog (the main process writes the file where the user
 * chose), in the browser host as a download. Returns what to tell the user,
 * or null when they cancelled the dialog.
 */
export async function exportToFile(request: ExportRequest): Promise<string | null> {
  if (shell) {
    const saved = await shell.saveExport(request);
    return saved.saved ? `Saved ${saved.filename}.` : null;
  }
  const file = request.kind === 'brief' ? await api.briefs.exportMarkdown({ id: request.id }) : await api.interop.exportSource({ id: request.id });
  saveFile(file);
  return `Exported ${file.filename}.`;
}

/**
 * Saves an exported file as a download (the browser host). The bytes are
 * exactly the text the main process produced, as the CLI writes them.
 */
function saveFile(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
