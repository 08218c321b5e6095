import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import {
  APP_ENTRY_URL,
  APP_RESPONSE_HEADERS,
  APP_SCHEME_PRIVILEGES,
  dataDirFlag,
  decideWindowOpen,
  DEFAULT_WINDOW_SIZE,
  documentsInArgv,
  externalUrl,
  isNavigationAllowed,
  isPermissionGranted,
  isTrustedSender,
  MIN_WINDOW_SIZE,
  resolveAppFile,
  restoreWindowBounds,
  WEB_PREFERENCES,
  withContentSecurityPolicy,
} from '../../electron/app/shell-policy';

const root = fileURLToPath(new URL('../..', import.meta.url));
const mainDir = path.join(root, 'electron', 'main');
/** The main process's source, read rather than imported: importing 'electron' needs the Electron runtime. */
const mainSource = readdirSync(mainDir)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(path.join(mainDir, f), 'utf8'))
  .join('\n');
const preloadSource = readFileSync(path.join(root, 'electron', 'preload', 'index.ts'), 'utf8');

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

describe("the window follows Electron's security checklist", () => {
  it('isolates and sandboxes the renderer, with no Node anywhere', () => {
    expect(WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
    });
    expect(WEB_PREFERENCES).not.toHaveProperty('enableBlinkFeatures');
    expect(WEB_PREFERENCES).not.toHaveProperty('preload');
  });

  it('builds the window from those preferences, adding only the preload, and never loosens them', () => {
    // The three key settings are repeated literally after the spread so static scanners see them; they must equal WEB_PREFERENCES.
    expect(mainSource).toMatch(/webPreferences:\s*\{\s*\.\.\.WEB_PREFERENCES,\s*contextIsolation: true,\s*sandbox: true,\s*nodeIntegration: false,\s*preload: [\w.]+\s*\}/);
    expect(WEB_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(mainSource).not.toMatch(/nodeIntegration\w*:\s*true|contextIsolation:\s*false|sandbox:\s*false|webSecurity:\s*false|allowRunningInsecureContent:\s*true|webviewTag:\s*true/);
    expect(mainSource).toContain('app.enableSandbox()');
  });

  it('serves the renderer from app:// (a privileged standard scheme without CSP bypass), never file://', () => {
    expect(APP_ENTRY_URL).toBe('app://collate/index.html');
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ standard: true, secure: true });
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('bypassCSP');
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('corsEnabled');
    expect(mainSource).toContain('registerSchemesAsPrivileged');
    expect(mainSource).toMatch(/protocol\.handle\(APP_SCHEME,/);
    expect(mainSource).toContain('loadURL(APP_ENTRY_URL)');
    expect(mainSource).not.toMatch(/loadFile\(|file:\/\//);
  });

  it('registers every guard: navigation, redirects, new windows, webviews, permissions, CSP header, single instance', () => {
    for (const needle of [
      "app.on('web-contents-created'",
      "'will-navigate'",
      "'will-frame-navigate'",
      "'will-redirect'",
      "'will-attach-webview'",
      'setWindowOpenHandler(',
      'setPermissionRequestHandler(',
      'setPermissionCheckHandler(',
      'webRequest.onHeadersReceived(',
      'withContentSecurityPolicy(',
      'requestSingleInstanceLock()',
      "app.on('second-instance'",
    ]) {
      expect(mainSource, needle).toContain(needle);
    }
    expect(mainSource).toMatch(/'will-attach-webview', \(event\) => event\.preventDefault\(\)/);
  });

  it('opens external links only through the checked decision', () => {
    const calls = [...mainSource.matchAll(/shell\.openExternal\(([^)]*)\)/g)].map((m) => m[1]);
    expect(calls).toEqual(['decision.openExternally']);
    expect(mainSource).toMatch(/if \(decision\.openExternally\) void shell\.openExternal/);
  });

  it('gives the page window.collate (the contract) and window.collateShell (the Save and Open dialogs), nothing else', () => {
    expect([...preloadSource.matchAll(/exposeInMainWorld\(/g)]).toHaveLength(2);
    expect([...preloadSource.matchAll(/exposeInMainWorld\('([^']+)', (\w+)\)/g)].map((m) => `${m[1]}=${m[2]}`)).toEqual(['collate=bridge', 'collateShell=shell']);
    // Every IPC call goes to a contract channel or to one of the dialogs' two.
    expect([...preloadSource.matchAll(/ipcRenderer\.invoke\(([\w.]+)/g)].map((m) => m[1])).toEqual(['channelFor', 'SHELL_CHANNELS.saveExport', 'SHELL_CHANNELS.importWithDialog']);
  });
});

describe('the CSP', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it('allows no inline script, no eval and nothing remote', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|wasm-unsafe-eval|unsafe-hashes/);
    for (const sources of csp.values()) for (const source of sources) expect(source).not.toMatch(/^(\*|https?:|http:|ws:|wss:|blob:)/);
  });

  it('is on every response: our own files and, through onHeadersReceived, any other', () => {
    expect(APP_RESPONSE_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    const replaced = withContentSecurityPolicy({ 'content-security-policy': ["script-src 'unsafe-inline'"], 'Content-Type': 'text/html' });
    expect(replaced).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('navigation, senders, new windows and permissions', () => {
  it('lets the window show only our own pages', () => {
    expect(isNavigationAllowed('app://collate/index.html')).toBe(true);
    expect(isNavigationAllowed('app://collate/index.html#/source/12')).toBe(true);
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:5173/',
      'file:///etc/passwd',
      'app://other/index.html',
      'app://collate.evil.example/',
      'app://user:pass@collate/',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'about:blank',
      'not a url',
    ]) {
      expect(isNavigationAllowed(url), url).toBe(false);
    }
  });

  it('trusts IPC only from the top frame of one of our pages', () => {
    expect(isTrustedSender({ url: 'app://collate/index.html', parent: null })).toBe(true);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'app://collate/index.html', parent: { url: 'app://collate/index.html' } })).toBe(false);
  });

  it('never opens a new Electron window; plain web links go to the system browser', () => {
    expect(decideWindowOpen('https://example.com/article?id=1')).toEqual({ action: 'deny', openExternally: 'https://example.com/article?id=1' });
    expect(decideWindowOpen('http://example.com')).toEqual({ action: 'deny', openExternally: 'http://example.com/' });
    for (const url of ['file:///C:/Windows/System32/calc.exe', 'smb://host/share', 'javascript:alert(1)', 'ms-msdt:/id', 'app://collate/x', 'https://user:pw@bank.example/', 'nonsense']) {
      expect(decideWindowOpen(url), url).toEqual({ action: 'deny', openExternally: null });
      expect(externalUrl(url), url).toBeNull();
    }
  });

  it('refuses every permission, from any origin', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen', 'hid', 'usb', 'serial', 'unknown']) {
      expect(isPermissionGranted(permission, 'app://collate/index.html'), permission).toBe(false);
      expect(isPermissionGranted(permission, 'https://evil.example/'), permission).toBe(false);
    }
  });
});

describe('the app:// protocol', () => {
  const dist = path.join(root, 'dist', 'renderer');

  it('serves files inside the renderer build with their type', () => {
    expect(resolveAppFile(dist, 'app://collate/')).toEqual({ file: path.join(dist, 'index.html'), contentType: 'text/html; charset=utf-8' });
    expect(resolveAppFile(dist, 'app://collate/assets/index-abc.js')).toEqual({ file: path.join(dist, 'assets', 'index-abc.js'), contentType: 'text/javascript; charset=utf-8' });
    expect(resolveAppFile(dist, 'app://collate/index.html?x=1#/y')?.file).toBe(path.join(dist, 'index.html'));
  });

  it('never leaves the renderer build', () => {
    for (const url of [
      'app://collate/../../etc/passwd',
      'app://collate/%2e%2e/%2e%2e/etc/passwd',
      'app://collate/..%2f..%2fpackage.json',
      'app://collate/assets/..%5c..%5c..%5cpackage.json',
      'app://collate/%00index.html',
      'app://collate/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
    ]) {
      const resolved = resolveAppFile(dist, url);
      if (resolved) expect(path.relative(dist, resolved.file).startsWith('..'), url).toBe(false);
      if (resolved) expect(path.isAbsolute(path.relative(dist, resolved.file)), url).toBe(false);
    }
    expect(resolveAppFile(dist, 'app://collate/..%2f..%2fpackage.json')).toBeNull();
    expect(resolveAppFile(dist, 'app://other/index.html')).toBeNull();
    expect(resolveAppFile(dist, 'app://collate/%00index.html')).toBeNull();
  });
});

describe('window bounds', () => {
  const laptop = { x: 0, y: 0, width: 1440, height: 875 };
  const monitor = { x: 1440, y: 0, width: 2560, height: 1415 };

  it('restores a window where it was', () => {
    expect(restoreWindowBounds({ x: 1600, y: 100, width: 1200, height: 900, maximized: true }, [laptop, monitor])).toEqual({ x: 1600, y: 100, width: 1200, height: 900, maximized: true });
  });

  it('brings back a window from an unplugged monitor onto a display, no larger than it', () => {
    const restored = restoreWindowBounds({ x: 1600, y: 100, width: 2400, height: 1300, maximized: false }, [laptop]);
    expect(restored).toEqual({ width: 1440, height: 875, maximized: false });
  });

  it('pulls a window hanging off the edge fully onto its display', () => {
    expect(restoreWindowBounds({ x: 1000, y: -50, width: 800, height: 600 }, [laptop])).toEqual({ x: 640, y: 0, width: 800, height: 600, maximized: false });
  });

  it('falls back to the default size for missing or damaged state, and never below the minimum', () => {
    for (const saved of [null, undefined, 'junk', {}, { width: 'wide' }, { width: NaN, height: 10 }]) {
      expect(restoreWindowBounds(saved, [laptop])).toEqual({ ...DEFAULT_WINDOW_SIZE, maximized: false });
    }
    expect(restoreWindowBounds({ x: 10, y: 10, width: 50, height: 50 }, [laptop])).toMatchObject(MIN_WINDOW_SIZE);
  });
});

describe('launch arguments', () => {
  it('takes --data-dir in both spellings', () => {
    expect(dataDirFlag(['/opt/Collate/collate', '--data-dir', '/tmp/lib'])).toBe('/tmp/lib');
    expect(dataDirFlag(['/opt/Collate/collate', '--data-dir=/tmp/lib'])).toBe('/tmp/lib');
    expect(dataDirFlag(['/opt/Collate/collate'])).toBeUndefined();
  });

  it('treats only .md and .html arguments as documents to import, never flags or their values', () => {
    const argv = ['/opt/Collate/collate', '/work/collate', '--data-dir', '/notes/index.html', '--inspect=9229', 'notes.md', 'page.HTM', 'report.pdf', '--no-sandbox'];
    expect(documentsInArgv(argv, '/home/me')).toEqual([path.resolve('/home/me', 'notes.md'), path.resolve('/home/me', 'page.HTM')]);
  });
});
