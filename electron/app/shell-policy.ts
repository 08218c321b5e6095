import path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';

/**
 * The security decisions of the desktop shell, kept free of Electron so they
 * run (and are tested) under plain Node. electron/main only wires them to
 * Electron's events.
 */

/** The renderer is served from app://collate/ rather than file://, which would give it every local file as same-origin. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'collate';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * standard: real origin, relative URLs and storage; secure: a secure context
 * like https. No corsEnabled (it would let other origins read our files) and
 * no bypassCSP.
 */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true, codeCache: true } as const;

/** Electron's security checklist for the one window; main adds only the preload path. */
export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: true,
} as const;

/** True for URLs of our own bundled renderer, and nothing else. */
export function isAppUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && !url.username && !url.password;
}

/** The part of Electron's WebFrameMain the sender check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent?: FrameLike | null;
}

/**
 * VS Code's validatedIpcMain rule: a call counts only if it comes from the top
 * frame of a page of ours. A frame that navigated away, was destroyed (null), or
 * is nested in another page is refused.
 */
export function isTrustedSender(frame: FrameLike | null | undefined): boolean {
  if (!frame) return false;
  if (frame.parent) return false;
  return isAppUrl(frame.url);
}

/** The window may only ever show our own pages; links to elsewhere go to the system browser. */
export function isNavigationAllowed(url: string): boolean {
  return isAppUrl(url);
}

/** The web address to hand to the system browser, or null when the URL is not a plain http(s) link. */
export function externalUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // user:pass@ URLs are a phishing staple and nothing in a research note needs them.
  if (!url.hostname || url.username || url.password) return null;
  return url.href;
}

export interface WindowOpenDecision {
  action: 'deny';
  /** http(s) links open in the user's browser instead of a new Electron window. */
  openExternally: string | null;
}

export function decideWindowOpen(url: string): WindowOpenDecision {
  return { action: 'deny', openExternally: externalUrl(url) };
}

/**
 * Camera, microphone, notifications, geolocation, clipboard reads, USB…:
 * a notebook of local documents needs none of them, so every request and
 * check is refused whoever asks.
 */
export function isPermissionGranted(_permission: string, _requestingUrl?: string): boolean {
  return false;
}

/** Response headers with our CSP replacing whatever CSP (in any letter case) the response carried. */
export function withContentSecurityPolicy(headers: Record<string, string | string[]> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}

/** Headers for every file app:// serves; the CSP also arrives through onHeadersReceived, this makes it independent of that hook. */
export const APP_RESPONSE_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export interface AppFile {
  file: string;
  contentType: string;
}

/**
 * Maps an app:// request to a file inside the renderer build, or null. Encoded
 * "..", backslashes, NUL bytes and other hosts all stay inside `rendererDir`
 * or get nothing.
 */
export function resolveAppFile(rendererDir: string, requestUrl: string): AppFile | null {
  if (!isAppUrl(requestUrl)) return null;
  let rel: string;
  try {
    rel = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, `.${rel === '/' || rel === '' ? '/index.html' : rel}`);
  const inside = path.relative(root, file);
  if (!inside || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return { file, contentType: MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream' };
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowBounds {
  /** Absent: let the system place the window (centred on the primary display). */
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 820 };
export const MIN_WINDOW_SIZE = { width: 640, height: 480 };

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function isFiniteNumber(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/**
 * Where to open the window given what was saved last time (any JSON) and the
 * displays' work areas now. A window saved on a monitor since unplugged, or
 * larger than the screen it lands on, is brought back fully onto a display.
 */
export function restoreWindowBounds(saved: unknown, workAreas: Rect[]): WindowBounds {
  const fallback: WindowBounds = { ...DEFAULT_WINDOW_SIZE, maximized: false };
  const s = (typeof saved === 'object' && saved !== null ? saved : {}) as Record<string, unknown>;
  if (!isFiniteNumber(s.width) || !isFiniteNumber(s.height)) return fallback;
  const maximized = s.maximized === true;
  const want: Rect = {
    x: isFiniteNumber(s.x) ? Math.round(s.x) : NaN,
    y: isFiniteNumber(s.y) ? Math.round(s.y) : NaN,
    width: Math.max(MIN_WINDOW_SIZE.width, Math.round(s.width)),
    height: Math.max(MIN_WINDOW_SIZE.height, Math.round(s.height)),
  };
  const hasPosition = Number.isFinite(want.x) && Number.isFinite(want.y);
  const areas = workAreas.filter((a) => a.width > 0 && a.height > 0);
  const best = hasPosition
    ? areas.map((area) => ({ area, overlap: overlapArea(want, area) })).sort((a, b) => b.overlap - a.overlap)[0]
    : undefined;

  if (!best || best.overlap === 0) {
    const largest = areas.reduce<Rect | null>((m, a) => (!m || a.width * a.height > m.width * m.height ? a : m), null);
    const width = largest ? Math.min(want.width, largest.width) : want.width;
    const height = largest ? Math.min(want.height, largest.height) : want.height;
    return { width, height, maximized };
  }
  const { area } = best;
  const width = Math.min(want.width, area.width);
  const height = Math.min(want.height, area.height);
  const x = Math.min(Math.max(want.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(want.y, area.y), area.y + area.height - height);
  return { x, y, width, height, maximized };
}

/** Files the app was asked to open (file associations, "Open with", dropped on the icon): documents only, never flags. */
export const OPENABLE_EXTENSIONS = ['.md', '.markdown', '.html', '.htm'] as const;

/** Flags whose value is the next argument, so `--data-dir notes.md` is not taken for a document. */
const FLAGS_WITH_VALUE = new Set(['--data-dir']);

export function documentsInArgv(argv: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (FLAGS_WITH_VALUE.has(arg)) {
      i++;
      continue;
    }
    if (!arg || arg.startsWith('-')) continue;
    const ext = path.extname(arg).toLowerCase();
    if (!(OPENABLE_EXTENSIONS as readonly string[]).includes(ext)) continue;
    out.push(path.resolve(cwd, arg));
  }
  return out;
}

/** The value of --data-dir (as `--data-dir X` or `--data-dir=X`) in the app's own arguments. */
export function dataDirFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data-dir') return argv[i + 1];
    if (arg.startsWith('--data-dir=')) return arg.slice('--data-dir='.length);
  }
  return undefined;
}
