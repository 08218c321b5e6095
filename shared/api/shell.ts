import { z } from 'zod';
import { BriefId, SourceId } from '../model/ids';
import type { Envelope } from './errors';
import type { FileImportResult } from './methods/sources';

/**
 * What the desktop app adds beside the contract (window.collateShell): the
 * operating system's Save and Open dialogs. The page names what to export or
 * which kind of pick to offer; the paths are chosen by the user in the main
 * process and never come from, or go to, the page. The browser host has no
 * shell and keeps downloads and file inputs.
 */
export const SHELL_CHANNELS = {
  saveExport: 'collate-shell:save-export',
  importWithDialog: 'collate-shell:import-with-dialog',
} as const;

/** The Markdown exports a user saves to a file: a brief, or a source with its annotations. */
export const ExportRequest = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('brief'), id: BriefId }).strict(),
  z.object({ kind: z.literal('source'), id: SourceId }).strict(),
]);
export type ExportRequest = z.input<typeof ExportRequest>;

/** Files (several, of the importable kinds) or one folder; macOS offers both in one dialog. */
export const ImportPick = z.enum(['files', 'folders']);
export type ImportPick = z.infer<typeof ImportPick>;

export interface SavedExport {
  /** False when the user cancelled the dialog. */
  saved: boolean;
  /** The name the file was saved under (no folder), for the confirmation. */
  filename: string | null;
}

export interface DialogImport {
  /** False when the user cancelled the dialog. */
  chosen: boolean;
  cancelled: boolean;
  results: FileImportResult[];
}

export interface ShellBridge {
  saveExport(request: ExportRequest): Promise<Envelope<SavedExport>>;
  importWithDialog(pick: ImportPick): Promise<Envelope<DialogImport>>;
}
