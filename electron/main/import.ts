import { BrowserWindow, dialog, type OpenDialogOptions } from 'electron';
import path from 'node:path';
import type { ImportReport } from '../../shared/api/methods/sources';
import type { Library } from '../app/library';

const SHOWN_FAILURES = 10;

/**
 * Imports files and folders through the contract, as the renderer would, and
 * tells the user about anything that did not make it. Progress and the
 * refreshed Library reach the window through the library's events.
 */
export async function importPaths(library: Library, paths: string[]): Promise<void> {
  if (!paths.length) return;
  const envelope = await library.call('sources.importFiles', { paths });
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  if (!envelope.ok) {
    dialog.showErrorBox('Import failed', envelope.error.message);
    return;
  }
  const report = envelope.value as ImportReport;
  const failed = report.results.filter((result) => result.status === 'failed');
  if (!failed.length) return;
  const lines = failed.slice(0, SHOWN_FAILURES).map((result) => `${path.basename(result.file)}: ${result.error ?? 'could not be imported'}`);
  if (failed.length > SHOWN_FAILURES) lines.push(`…and ${failed.length - SHOWN_FAILURES} more.`);
  const options = {
    type: 'warning' as const,
    message: `${failed.length} of ${report.results.length} files could not be imported.`,
    detail: lines.join('\n'),
  };
  await (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
}

/**
 * macOS dialogs pick files and folders at once; on Windows and Linux a dialog
 * is one or the other, so the menu offers both there.
 */
export async function chooseAndImport(library: Library, pick: 'files-and-folders' | 'files' | 'folders'): Promise<void> {
  const properties: OpenDialogOptions['properties'] = ['multiSelections'];
  if (pick !== 'folders') properties.push('openFile');
  if (pick !== 'files') properties.push('openDirectory');
  const options: OpenDialogOptions = { title: 'Import into Collate', buttonLabel: 'Import', properties };
  const window = BrowserWindow.getFocusedWindow();
  const result = await (window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options));
  if (result.canceled) return;
  await importPaths(library, result.filePaths);
}
