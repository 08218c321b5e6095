import { BrowserWindow, screen, type Session, shell, type WebContents } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import {
  APP_ENTRY_URL,
  APP_RESPONSE_HEADERS,
  APP_SCHEME,
  decideWindowOpen,
  isNavigationAllowed,
  isPermissionGranted,
  MIN_WINDOW_SIZE,
  resolveAppFile,
  restoreWindowBounds,
  WEB_PREFERENCES,
  withContentSecurityPolicy,
} from '../app/shell-policy';

const WINDOW_STATE_FILE = 'window-state.json';

/**
 * Locks down every webContents the app ever creates (applied from
 * app 'web-contents-created'): no navigation away from our pages, no new
 * windows, no <webview>.
 */
export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isNavigationAllowed(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    if (decision.openExternally) void shell.openExternal(decision.openExternally);
    return { action: decision.action };
  });
}

/**
 * The session our window uses: every permission refused, our CSP on every
 * response, and the app:// protocol serving the renderer build and nothing else.
 */
export function hardenSession(session: Session, rendererDir: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionGranted(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
  session.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405, headers: APP_RESPONSE_HEADERS });
    const target = resolveAppFile(rendererDir, request.url);
    if (!target) return new Response('Not found', { status: 404, headers: APP_RESPONSE_HEADERS });
    try {
      const body = await fs.promises.readFile(target.file);
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
        status: 200,
        headers: { ...APP_RESPONSE_HEADERS, 'Content-Type': target.contentType },
      });
    } catch {
      return new Response('Not found', { status: 404, headers: APP_RESPONSE_HEADERS });
    }
  });
}

function readWindowState(dataDir: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, WINDOW_STATE_FILE), 'utf8'));
  } catch {
    return null;
  }
}

function saveWindowState(dataDir: string, window: BrowserWindow): void {
  const { x, y, width, height } = window.getNormalBounds();
  const file = path.join(dataDir, WINDOW_STATE_FILE);
  try {
    // Written beside and renamed, so a crash mid-write never leaves half a file.
    fs.writeFileSync(`${file}.tmp`, JSON.stringify({ x, y, width, height, maximized: window.isMaximized() }));
    fs.renameSync(`${file}.tmp`, file);
  } catch (err) {
    console.warn(`Could not remember the window's position: ${(err as Error).message}`);
  }
}

/** A Collate window, where the last one closed was (or centred), showing app://collate/. */
export function createMainWindow(options: { preload: string; dataDir: string }): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const { maximized, ...bounds } = restoreWindowBounds(readWindowState(options.dataDir), workAreas);
  const window = new BrowserWindow({
    ...bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Collate',
    show: false,
    // The three that matter most are spelled out as well as spread, so static
    // scanners (Electronegativity) can see them; tests check they equal WEB_PREFERENCES.
    webPreferences: { ...WEB_PREFERENCES, contextIsolation: true, sandbox: true, nodeIntegration: false, preload: options.preload },
  });
  if (maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  // A renderer that fails to load must still give the user a window to close.
  window.webContents.once('did-fail-load', () => window.show());
  window.on('close', () => saveWindowState(options.dataDir, window));
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
