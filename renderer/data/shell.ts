import { unwrap } from '../../shared/api/dispatch';
import type { DialogImport, ExportRequest, ImportPick, SavedExport, ShellBridge } from '../../shared/api/shell';

declare global {
  interface Window {
    /** Set by Electron's preload: the system's Save and Open dialogs. Absent in the browser host. */
    collateShell?: ShellBridge;
  }
}

/** The desktop app's dialogs, or null in the browser host (which keeps downloads and file inputs). */
export const shell = window.collateShell
  ? {
      saveExport: async (request: ExportRequest): Promise<SavedExport> => unwrap(await window.collateShell!.saveExport(request)),
      importWithDialog: async (pick: ImportPick): Promise<DialogImport> => unwrap(await window.collateShell!.importWithDialog(pick)),
    }
  : null;
