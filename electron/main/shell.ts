import { app, BrowserWindow, dialog, type IpcMain, type IpcMainInvokeEvent, type SaveDialogOptions } from 'electron';
import path from 'node:path';
import { AppError, type Envelope } from '../../shared/api/errors';
import { type DialogImport, ImportPick, type SavedExport, SHELL_CHANNELS } from '../../shared/api/shell';
import type { Library } from '../app/library';
import { isTrustedSender } from '../app/shell-policy';
import { toErrorShape } from '../services/errors';
import { saveExportWithDialog } from '../services/export';
import { chooseAndImport } from './import';

const FORBIDDEN: Envelope<never> = { ok: false, error: { code: 'forbidden', message: 'This call did not come from a Collate window, so it was refused.' } };

/**
 * window.collateShell's two calls: Save (an export) and Open (an import) in
 * the operating system's dialogs. Each checks its sender like the contract's
 * channels do; the page passes only what to export or which dialog to show.
 */
export function registerShellIpc(ipcMain: IpcMain, library: Library): () => void {
  const handle = <T>(channel: string, run: (event: IpcMainInvokeEvent, input: unknown) => Promise<T>) =>
    ipcMain.handle(channel, async (event, input: unknown): Promise<Envelope<T>> => {
      if (!isTrustedSender(event.senderFrame)) return FORBIDDEN;
      try {
        return { ok: true, value: await run(event, input) };
      } catch (err) {
        return { ok: false, error: toErrorShape(err, channel) };
      }
    });

  handle(SHELL_CHANNELS.saveExport, (event, input): Promise<SavedExport> =>
    saveExportWithDialog(library.call, input, async ({ filename, title }) => {
      const options: SaveDialogOptions = {
        title,
        defaultPath: path.join(app.getPath('documents'), filename),
        filters: [{ name: 'Markdown', extensions: ['md'] }],
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      };
      const window = BrowserWindow.fromWebContents(event.sender);
      const chosen = await (window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options));
      return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
    }),
  );

  handle(SHELL_CHANNELS.importWithDialog, async (event, input): Promise<DialogImport> => {
    const parsed = ImportPick.safeParse(input);
    if (!parsed.success) throw new AppError('invalid_input', 'Import offers files or a folder.');
    const pick = parsed.data;
    const window = BrowserWindow.fromWebContents(event.sender);
    // The same path as File › Import…; the page shows the summary instead of a message box.
    const report = await chooseAndImport(library, process.platform === 'darwin' ? 'files-and-folders' : pick, { window, reporting: 'caller' });
    return report ? { chosen: true, cancelled: report.cancelled, results: report.results } : { chosen: false, cancelled: false, results: [] };
  });

  return () => {
    for (const channel of Object.values(SHELL_CHANNELS)) ipcMain.removeHandler(channel);
  };
}

