import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { methodNames } from '../../shared/api/contract';
import { ERROR_CODES } from '../../shared/api/errors';
import { startHttpHost, type HttpHost } from '../../electron/transport/http';
import { contentHash } from '../crash/snapshot';
import { tempDir } from '../helpers/library';
import { defuse, malformedInput, seededLibrary, TRAVERSAL } from './fuzz-hostile';

const TOKEN = 'fuzz-token-0123456789';
const MAX_BODY = 2 * 1024 * 1024;
let host: HttpHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

interface Reply {
  status: number;
  body: string;
}

function request(port: number, o: { method: string; path: string; headers: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    // agent: false, a fresh connection each time: a socket the host hung up on must not be reused for the next request.
    const req = http.request({ host: '127.0.0.1', port, method: o.method, path: o.path, headers: o.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    // The host may hang up on an oversized body before reading it all.
    req.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? resolve({ status: -1, body: '' }) : reject(e)));
    if (o.body !== undefined) req.write(o.body);
    req.end();
  });
}

/** JSON text for any value; nesting too deep for JSON.stringify is written by hand, as an attacker would. */
function toJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? 'null';
  } catch {
    return `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
  }
}

const INVALID_JSON = ['{', '{"a":', '\u0000', "{'a': 1}", '[1,]', 'undefined', 'NaN', '{"__proto__":', '\ud800', '1e999999', `${'['.repeat(200_000)}${']'.repeat(200_000)}`];

const apiPath = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...methodNames).map((m) => ({ method: m, path: `/api/${m}` })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom('__proto__', 'constructor', 'hasOwnProperty', 'toString', '', '%', '%zz', 'sources.list/..', '..%2f..%2fetc%2fpasswd', 'library.info%00', 'a'.repeat(5000), ...TRAVERSAL.map(encodeURIComponent))
      .map((m) => ({ method: null, path: `/api/${m}` })),
  },
);

const body = (method: string | null) =>
  fc.oneof(
    { weight: 5, arbitrary: (method ? malformedInput(method as (typeof methodNames)[number]) : fc.anything()).map((v) => toJson(defuse(method as never, v))) },
    { weight: 2, arbitrary: fc.constantFrom(...INVALID_JSON) },
    { weight: 1, arbitrary: fc.constant('x'.repeat(MAX_BODY + 10)) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b).toString('latin1')) },
  );

const request$ = apiPath.chain(({ method, path: p }) =>
  fc.record({
    path: fc.constant(p),
    body: body(method),
    verb: fc.constantFrom('POST', 'POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'),
    contentType: fc.constantFrom('application/json', 'application/json', 'application/json; charset=utf-16', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', null),
    auth: fc.constantFrom('good', 'good', 'good', 'good', 'none', 'wrong', 'basic'),
  }),
);

describe('the browser host under fuzzing', () => {
  it('answers malformed HTTP requests with typed envelopes, keeps serving, and changes nothing when it refuses', async () => {
    const { library } = await seededLibrary();
    const staticDir = tempDir();
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Collate</title>');
    mkdirSync(path.join(staticDir, 'assets'));
    writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(path.dirname(staticDir), 'outside-secret.txt'), 'SECRET-OUTSIDE');
    host = await startHttpHost({ library, staticDir, token: TOKEN, port: 0, maxBodyBytes: MAX_BODY });
    const port = host.port;
    let hash = contentHash(library.db);
    let calls = 0;
    const statuses = new Map<number, number>();

    await fc.assert(
      fc.asyncProperty(request$, async (r) => {
        const headers: Record<string, string> = { Host: `127.0.0.1:${port}` };
        if (r.contentType) headers['Content-Type'] = r.contentType;
        if (r.auth === 'good') headers.Authorization = `Bearer ${TOKEN}`;
        if (r.auth === 'wrong') headers.Authorization = 'Bearer nope';
        if (r.auth === 'basic') headers.Authorization = `Basic ${Buffer.from(`u:${TOKEN}`).toString('base64')}`;
        const withBody = r.verb !== 'GET' && r.verb !== 'HEAD';
        const reply = await request(port, { method: r.verb, path: r.path, headers, body: withBody ? r.body : undefined });
        calls++;
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
        if (reply.status === -1) {
          // The host answered early (401, 413) and hung up rather than read a large body: fine, for large bodies only.
          expect(withBody && r.body.length > 64 * 1024).toBe(true);
          return;
        }
        expect(reply.status).toBeGreaterThanOrEqual(200);
        expect(reply.status).toBeLessThan(600);
        if (r.verb === 'HEAD' || (r.path === '/api/events' && r.verb === 'GET')) return;
        const envelope = JSON.parse(reply.body) as { ok: boolean; error?: { code: string; message: string } };
        if (envelope.ok) {
          expect(reply.status).toBe(200);
          hash = contentHash(library.db);
          return;
        }
        expect(ERROR_CODES).toContain(envelope.error!.code);
        expect(envelope.error!.code).not.toBe('internal');
        expect(envelope.error!.message).not.toMatch(/\n\s+at |SQLITE_/);
        expect(contentHash(library.db)).toBe(hash);
      }),
      { numRuns: 1500, seed: 8 },
    );

    // Static files: traversal never reaches outside the build folder.
    for (const p of ['/../outside-secret.txt', '/%2e%2e/outside-secret.txt', '/assets/..%2f..%2foutside-secret.txt', '/..%5coutside-secret.txt', '/%00', '/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd', '//etc/passwd']) {
      const reply = await request(port, { method: 'GET', path: p, headers: { Host: `127.0.0.1:${port}` } });
      calls++;
      expect(reply.body).not.toContain('SECRET-OUTSIDE');
      expect(reply.body).not.toMatch(/root:.*:0:0:/);
    }

    // Still serving, and still whole.
    const info = await request(port, { method: 'POST', path: '/api/library.info', headers: { Host: `127.0.0.1:${port}`, Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, body: '{}' });
    expect(info.status).toBe(200);
    expect(await library.call('library.check', {})).toEqual({ ok: true, value: { ok: true, problems: [] } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    console.log(`http fuzz: ${calls} malformed requests; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`);
  });
});
