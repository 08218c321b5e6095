import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpHost, type HttpHost } from '../../electron/transport/http';
import { tempDir, testLibrary } from '../helpers/library';

let host: HttpHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

async function start(maxBodyBytes?: number) {
  const { library } = testLibrary();
  const staticDir = tempDir();
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Collate</title>');
  mkdirSync(path.join(staticDir, 'assets'));
  writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(tempDir(), 'secret.txt'), 'secret');
  host = await startHttpHost({ library, staticDir, token: 'tok-123', port: 0, maxBodyBytes });
  return { library, base: `http://127.0.0.1:${host.port}` };
}

/** Raw request, so Host and path can be anything (fetch normalizes both). */
function raw(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const auth = { Authorization: 'Bearer tok-123', 'Content-Type': 'application/json' };

describe('the browser host', () => {
  it('listens on 127.0.0.1 and prints a URL carrying the token', async () => {
    await start();
    expect(host!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=tok-123$/);
  });

  it('answers contract calls as POST /api/<method> with the JSON envelope', async () => {
    const { base } = await start();
    const res = await fetch(`${base}/api/sources.importText`, { method: 'POST', headers: auth, body: JSON.stringify({ title: 'T', text: 'Body text here.' }) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { status: 'imported', title: 'T' } });
    const list = await (await fetch(`${base}/api/sources.list`, { method: 'POST', headers: auth, body: '{}' })).json();
    expect(list.value.total).toBe(1);
  });

  it('refuses API calls without the token with 401 before anything else', async () => {
    const { base, library } = await start();
    for (const headers of [{ 'Content-Type': 'application/json' }, { ...auth, Authorization: 'Bearer wrong' }, { ...auth, Authorization: 'tok-123' }]) {
      const res = await fetch(`${base}/api/sources.importText`, { method: 'POST', headers, body: JSON.stringify({ title: 'T', text: 'x' }) });
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('unauthorized');
    }
    // Even a request for an unknown method or with a foreign Host is answered 401 when it lacks the token.
    expect((await raw(host!.port, { method: 'POST', path: '/api/nope', headers: { Host: 'evil.example' } })).status).toBe(401);
    expect(library.db.prepare('SELECT count(*) FROM sources').pluck().get()).toBe(0);
  });

  it('refuses other Hosts and Origins with 403 (DNS rebinding, other local pages)', async () => {
    const { base } = await start();
    expect((await raw(host!.port, { method: 'POST', path: '/api/sources.list', headers: { ...auth, Host: 'attacker.example:80' }, body: '{}' })).status).toBe(403);
    expect((await raw(host!.port, { path: '/', headers: { Host: 'attacker.example' } })).status).toBe(403);
    const res = await fetch(`${base}/api/sources.list`, { method: 'POST', headers: { ...auth, Origin: 'http://127.0.0.1:1' }, body: '{}' });
    expect(res.status).toBe(403);
    const same = await fetch(`${base}/api/sources.list`, { method: 'POST', headers: { ...auth, Origin: base }, body: '{}' });
    expect(same.status).toBe(200);
  });

  it('answers unknown methods with 404 and a typed error, bad JSON and wrong verbs with 4xx', async () => {
    const { base } = await start();
    const unknown = await fetch(`${base}/api/sources.explode`, { method: 'POST', headers: auth, body: '{}' });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error).toMatchObject({ code: 'unknown_method', message: expect.stringContaining('sources.explode') });
    expect((await fetch(`${base}/api/sources.list`, { method: 'POST', headers: auth, body: '{not json' })).status).toBe(400);
    expect((await fetch(`${base}/api/sources.list`, { method: 'POST', headers: { ...auth, 'Content-Type': 'text/plain' }, body: '{}' })).status).toBe(400);
    expect((await fetch(`${base}/api/sources.list`, { headers: auth })).status).toBe(404);
  });

  it('refuses bodies over the limit with 413', async () => {
    const { base } = await start(1024);
    const res = await fetch(`${base}/api/sources.importText`, { method: 'POST', headers: auth, body: JSON.stringify({ title: 'T', text: 'x'.repeat(5000) }) });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('too_large');
  });

  it('serves the interface with the CSP and never a file outside its folder', async () => {
    const { base } = await start();
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(page.headers.get('content-security-policy')).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect((await fetch(`${base}/assets/app.js`)).headers.get('content-type')).toMatch(/javascript/);
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt', '/..%2f..%2fetc/passwd']) {
      const res = await raw(host!.port, { path: p, headers: { Host: `127.0.0.1:${host!.port}` } });
      expect(res.body).not.toContain('secret');
      expect(res.body).not.toContain('root:');
    }
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${base}/favicon.ico`)).status).toBe(204);
  });

  it('streams library events to a tab that holds the token', async () => {
    const { base, library } = await start();
    const res = await fetch(`${base}/api/events`, { headers: auth });
    expect(res.status).toBe(200);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    await reader.read(); // the ": connected" comment
    library.events.emit('library.changed', { kinds: ['sources'] });
    const { value } = await reader.read();
    expect(value).toContain('event: library.changed');
    expect(value).toContain('"kinds":["sources"]');
    await reader.cancel();
  });
});
