import { BrowserWindow, dialog, type OpenDialogOptions } from 'electron';
import path from 'node:path';
import { AppError } from '../../shared/api/errors';
import type { ImportReport } from '../../shared/api/methods/sources';
import type { Library } from '../app/library';
import { IMPORTERS } from '../interop/registry';

const SHOWN_FAILURES = 10;

/** How an import started here is reported: in a message box (menu, "Open with"), or to the page that asked (it shows its summary). */
export type ImportReporting = 'dialog' | 'caller';

/**
 * Imports files and folders through the contract, as the renderer would, and
 * tells the user about anything that did not make it. Progress and the
 * refreshed Library reach the window through the library's events.
 */
export async function importPaths(library: Library, paths: string[], reporting: ImportReporting = 'dialog'): Promise<ImportReport | null> {
  if (!paths.length) return null;
  const envelope = await library.call('sources.importFiles', { paths });
  if (!envelope.ok) {
    if (reporting === 'caller') throw new AppError(envelope.error.code, envelope.error.message);
    dialog.showErrorBox('Import failed', envelope.error.message);
    return null;
  }
  const report = envelope.value as ImportReport;
  const failed = report.results.filter((result) => result.status === 'failed');
  if (!failed.length || reporting === 'caller') return report;
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  const lines = failed.slice(0, SHOWN_FAILURES).map((result) => `${path.basename(result.file)}: ${result.error ?? 'could not be imported'}`);
  if (failed.length > SHOWN_FAILURES) lines.push(`…and ${failed.length - SHOWN_FAILURES} more.`);
  const options = {
    type: 'warning' as const,
    message: `${failed.length} of ${report.results.length} files could not be imported.`,
    detail: lines.join('\n'),
  };
  await (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
  return report;
}

/** The dialog's filter: every extension an importer reads. */
const IMPORTABLE = [{ name: 'Articles and documents', extensions: IMPORTERS.flatMap((imp) => imp.extensions) }];

/**
 * macOS dialogs pick files and folders at once; on Windows and Linux a dialog
 * is one or the other, so the menu and the page offer both there. The paths
 * go from the dialog straight to the import; null when the user cancelled.
 */
export async function chooseAndImport(
  library: Library,
  pick: 'files-and-folders' | 'files' | 'folders',
  options: { window?: BrowserWindow | null; reporting?: ImportReporting } = {},
): Promise<ImportReport | null> {
  const properties: OpenDialogOptions['properties'] = ['multiSelections'];
  if (pick !== 'folders') properties.push('openFile');
  if (pick !== 'files') properties.push('openDirectory');
  const dialogOptions: OpenDialogOptions = { title: 'Import into Collate', buttonLabel: 'Import', properties, filters: pick === 'folders' ? undefined : IMPORTABLE };
  const window = options.window ?? BrowserWindow.getFocusedWindow();
  const result = await (window ? dialog.showOpenDialog(window, dialogOptions) : dialog.showOpenDialog(dialogOptions));
  if (result.canceled || !result.filePaths.length) return null;
  return importPaths(library, result.filePaths, options.reporting);
}
