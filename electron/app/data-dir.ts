import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Collate';
export const DATABASE_FILE = 'library.sqlite3';

/**
 * The folder Electron's app.getPath('userData') gives for this app, computed
 * without Electron so the CLI and browser host open the same library as the app.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), APP_NAME);
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_NAME);
}

/** --data-dir, else COLLATE_DATA_DIR, else the app's userData folder. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag || env.COLLATE_DATA_DIR;
  return path.resolve(chosen || defaultDataDir(env));
}
