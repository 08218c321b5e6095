import type { ExportedFile } from '../../../shared/api/methods/briefs';

/**
 * Saves an exported file as a download (the browser host; in Electron the
 * same call ends in the download manager). The bytes are exactly the text the
 * main process produced, as the CLI writes them.
 */
export function saveFile(file: ExportedFile): void {
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
