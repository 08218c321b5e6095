import { app, type BrowserWindow, dialog, ipcMain, Menu, protocol, session, webContents } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { APP_NAME, resolveDataDir } from '../app/data-dir';
import { type Library, openLibrary } from '../app/library';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, dataDirFlag, documentsInArgv, isTrustedSender } from '../app/shell-policy';
import { createExtractPool } from '../services/extract-pool';
import { registerIpc } from '../transport/ipc';
import { importPaths } from './import';
import { buildApplicationMenu } from './menu';
import { appLayout } from './paths';
import { registerShellIpc } from './shell';
import { createMainWindow, hardenSession, hardenWebContents } from './window';

// Before anything else: the lock and the userData folder are named after the app.
app.setName(APP_NAME);
if (process.platform === 'win32') app.setAppUserModelId('org.collate.app');

// Both must happen before 'ready'.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Another Collate is running: it gets focused (second-instance below), this one leaves.
  app.quit();
} else {
  start();
}

/** Tells the user, in one dialog, why Collate cannot start, and quits. */
function fail(title: string, message: string): void {
  dialog.showErrorBox(title, message);
  app.exit(1);
}

function start(): void {
  let library: Library | null = null;
  let mainWindow: BrowserWindow | null = null;
  let layout: ReturnType<typeof appLayout> | null = null;
  let dataDir = '';
  // Documents handed to the app (file associations, "Open with") before the library is open.
  const pendingDocuments: string[] = [];

  const openDocuments = (paths: string[]) => {
    if (!paths.length) return;
    if (library) void importPaths(library, paths);
    else pendingDocuments.push(...paths);
  };

  const showWindow = () => {
    if (!layout) return;
    if (!mainWindow || mainWindow.isDestroyed()) {
      mainWindow = createMainWindow({ preload: layout.preload, dataDir });
      mainWindow.on('closed', () => {
        mainWindow = null;
      });
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  };

  // Another window on the same library, e.g. a brief beside the source it quotes; offset so both show.
  const newWindow = () => {
    if (!layout) return;
    const window = createMainWindow({ preload: layout.preload, dataDir });
    const [x, y] = window.getPosition();
    window.setPosition(x + 32, y + 32);
  };

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  app.on('second-instance', (_event, argv, workingDirectory) => {
    showWindow();
    openDocuments(documentsInArgv(argv, workingDirectory));
  });

  app.on('open-file', (event, file) => {
    event.preventDefault();
    openDocuments(documentsInArgv([file], path.dirname(file)));
  });

  openDocuments(documentsInArgv(process.argv.slice(1), process.cwd()));

  const onReady = () => {
    dataDir = resolveDataDir(dataDirFlag(process.argv) || process.env.COLLATE_DATA_DIR || app.getPath('userData'));
    layout = appLayout({ appPath: app.getAppPath(), isPackaged: app.isPackaged, abi: process.versions.modules });

    if (!fs.existsSync(layout.sqliteBinding)) {
      return fail(
        'Collate cannot start',
        `Collate's database engine for this version of Electron is missing (${layout.sqliteBinding}). ` +
          (app.isPackaged ? 'Please reinstall Collate.' : 'Start the app with "npm start", which builds it.'),
      );
    }
    // Parsing a 300-page PDF on worker threads keeps this thread, which answers the window, responsive.
    const extractor = createExtractPool();
    try {
      library = openLibrary({ dataDir, nativeBinding: layout.sqliteBinding, extractor });
    } catch (err) {
      void extractor.close();
      // Corrupt, from a newer Collate, locked, read-only: openLibrary has left the file as it was.
      return fail('Collate cannot open your library', err instanceof Error ? err.message : String(err));
    }
    const openedLibrary = library;

    hardenSession(session.defaultSession, layout.rendererDir);
    const disposeIpc = registerIpc(ipcMain, openedLibrary, isTrustedSender, webContents);
    const disposeShell = registerShellIpc(ipcMain, openedLibrary);
    Menu.setApplicationMenu(buildApplicationMenu(openedLibrary, { newWindow }));
    showWindow();
    openDocuments(pendingDocuments.splice(0));

    app.on('activate', showWindow);
    app.on('will-quit', () => {
      disposeIpc();
      disposeShell();
      void extractor.close();
      openedLibrary.close();
    });
  };

  app
    .whenReady()
    .then(onReady)
    .catch((err: unknown) => {
      library?.close();
      fail('Collate cannot start', err instanceof Error ? err.message : String(err));
    });

  app.on('window-all-closed', () => {
    // macOS apps stay in the Dock with no window; elsewhere closing the window quits.
    if (process.platform !== 'darwin') app.quit();
  });

  // Ctrl+C in the terminal of `npm start`: close the database properly instead of dying mid-write.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
}
