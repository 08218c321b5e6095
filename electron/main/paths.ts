import path from 'node:path';

/**
 * Where the desktop app finds its parts. Plain Node (no 'electron' import) so
 * tests and the build scripts' expectations can be checked against it.
 */

/** better-sqlite3 built for Electron's ABI, beside (never over) the Node build in node_modules. */
export function electronSqliteRelativePath(abi: string): string {
  return `build/native/electron-${abi}/better_sqlite3.node`;
}

export interface AppLayout {
  rendererDir: string;
  preload: string;
  sqliteBinding: string;
}

/**
 * appPath is app.getAppPath(): the checkout in development, …/resources/app.asar
 * when packaged. A .node file cannot be loaded from inside an asar archive, so
 * electron-builder's asarUnpack puts it in app.asar.unpacked.
 */
export function appLayout(options: { appPath: string; isPackaged: boolean; abi: string }): AppLayout {
  const { appPath, isPackaged, abi } = options;
  const nativeRoot = isPackaged ? appPath.replace(/\.asar$/, '.asar.unpacked') : appPath;
  return {
    rendererDir: path.join(appPath, 'dist', 'renderer'),
    preload: path.join(appPath, 'dist', 'electron', 'preload.cjs'),
    sqliteBinding: path.join(nativeRoot, ...electronSqliteRelativePath(abi).split('/')),
  };
}
