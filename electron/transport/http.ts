import { timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { ErrorCode, Envelope } from '../../shared/api/errors';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import type { Library } from '../app/library';

export interface HttpHostOptions {
  library: Library;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  token: string;
  port?: number;
  /** Largest JSON body accepted; uploads of files travel base64-encoded inside it. */
  maxBodyBytes?: number;
}

export interface HttpHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

const STATUS: Partial<Record<ErrorCode, number>> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  unknown_method: 404,
  conflict: 409,
  duplicate: 409,
  too_large: 413,
  unsupported_format: 415,
  empty: 422,
  unreadable: 422,
  database_locked: 503,
  internal: 500,
};

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), bluetooth=()',
};

function sendJson(res: http.ServerResponse, status: number, body: Envelope<unknown>): void {
  const data = JSON.stringify(body);
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(data);
}

function fail(res: http.ServerResponse, code: ErrorCode, message: string): void {
  sendJson(res, STATUS[code] ?? 500, { ok: false, error: { code, message } });
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The browser host: the renderer build and the contract over HTTP, on
 * 127.0.0.1 only. API calls need the launch token; requests naming another
 * Host or Origin are refused, which defeats DNS rebinding and other local pages.
 */
export function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const { library, token } = options;
  const staticDir = path.resolve(options.staticDir);
  const maxBody = options.maxBodyBytes ?? 256 * 1024 * 1024;
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();
  const streams = new Set<http.ServerResponse>();

  const unsubscribe = library.events.subscribe((name, payload) => {
    const frame = `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const res of streams) res.write(frame);
  });

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const isApi = url.pathname === '/api' || url.pathname.startsWith('/api/');

    if (isApi) {
      const auth = req.headers.authorization ?? '';
      const given = auth.startsWith('Bearer ') ? auth.slice(7).trim() : '';
      if (!given || !sameToken(given, token)) return fail(res, 'unauthorized', 'This request needs the launch token Collate printed when it started.');
    }
    if (!allowedHosts.has(req.headers.host ?? '')) return fail(res, 'forbidden', 'Requests must be addressed to this Collate host.');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedOrigins.has(origin)) return fail(res, 'forbidden', 'Requests from other sites are refused.');

    if (isApi) return handleApi(req, res, url.pathname.slice('/api/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(res, 'not_found', 'Nothing here.');
    return serveStatic(res, url.pathname);
  });

  function handleApi(req: http.IncomingMessage, res: http.ServerResponse, method: string): void {
    if (method === 'events' && req.method === 'GET') {
      res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (req.method !== 'POST') return fail(res, 'not_found', 'Call API methods with POST.');
    const type = req.headers['content-type'] ?? '';
    if (!type.startsWith('application/json')) return fail(res, 'invalid_input', 'API calls carry a JSON body (Content-Type: application/json).');
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBody) {
      req.resume();
      return fail(res, 'too_large', `That request is larger than ${Math.round(maxBody / 1024 / 1024)} MB.`);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let aborted = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody && !aborted) {
        aborted = true;
        fail(res, 'too_large', `That request is larger than ${Math.round(maxBody / 1024 / 1024)} MB.`);
        req.destroy();
      } else if (!aborted) chunks.push(chunk);
    });
    req.on('end', async () => {
      if (aborted) return;
      let input: unknown;
      try {
        const raw = Buffer.concat(chunks).toString('utf8');
        input = raw.trim() ? JSON.parse(raw) : {};
      } catch {
        return fail(res, 'invalid_input', 'The request body is not valid JSON.');
      }
      let name: string;
      try {
        name = decodeURIComponent(method);
      } catch {
        // A malformed escape (/api/%zz) threw out of this handler and crashed the host (found by tests/security/http-fuzz).
        return fail(res, 'unknown_method', 'There is no such method.');
      }
      const envelope = await library.call(name, input);
      sendJson(res, envelope.ok ? 200 : (STATUS[envelope.error.code] ?? 500), envelope);
    });
  }

  function serveStatic(res: http.ServerResponse, pathname: string): void {
    if (pathname === '/favicon.ico') {
      res.writeHead(204, SECURITY_HEADERS);
      return void res.end();
    }
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      return fail(res, 'not_found', 'Nothing here.');
    }
    const file = path.resolve(staticDir, `.${rel}`);
    const inside = file === staticDir || file.startsWith(staticDir + path.sep);
    let target = inside && fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
    // The app is one page: any other path gets index.html, assets excepted.
    if (!target && !rel.startsWith('/assets/')) target = path.join(staticDir, 'index.html');
    if (!target || !fs.existsSync(target)) return fail(res, 'not_found', 'Nothing here. Is the interface built (npm run build:renderer)?');
    const ext = path.extname(target);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': MIME[ext] ?? 'application/octet-stream',
      'Cache-Control': ext === '.html' ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    fs.createReadStream(target).pipe(res);
  }

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
      allowedOrigins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
      resolve({
        port,
        url: `http://127.0.0.1:${port}/#token=${token}`,
        close: () =>
          new Promise<void>((done) => {
            unsubscribe();
            for (const s of streams) s.end();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
