import { readFileSync } from 'node:fs';
import { corpusPath } from '../helpers/corpus';
import { expect, test } from './fixtures';

interface Fixture {
  title: string;
  payload: string;
}

const fixtures: Fixture[] = JSON.parse(readFileSync(corpusPath('xss', 'dompurify', 'expect.json'), 'utf8'));

/**
 * DOMPurify's 223 XSS payloads, each imported as an HTML file through the
 * Import files control and opened in the reader: no dialog opens, no request
 * leaves the host or asks it for anything but the app and its API, no script
 * runs (a CSP violation or a page error would fail the `app` fixture), and
 * the article DOM carries no handler, no src and no script link.
 */
test('every DOMPurify XSS payload imports harmlessly and opens in the reader without running', async ({ app, host }) => {
  test.setTimeout(900_000);
  expect(fixtures).toHaveLength(223);
  const dialogs: string[] = [];
  const stray: string[] = [];
  app.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  app.on('request', (r) => {
    const url = r.url();
    // The app's own files (its bundle and the icon Chromium may fetch late) and the API; nothing else, and nothing elsewhere.
    const ok = url.startsWith(`${host.origin}/api/`) || url.startsWith(`${host.origin}/assets/`) || url === `${host.origin}/icon.svg` || url === `${host.origin}/favicon.ico`;
    if (!ok) stray.push(url);
  });

  const files = fixtures.map((f, i) => ({ name: `xss-${String(i).padStart(3, '0')}.html`, mimeType: 'text/html', buffer: Buffer.from(f.payload, 'utf8') }));
  await app.getByLabel('Files to import').setInputFiles(files);
  const summary = app.getByRole('dialog', { name: 'Import summary' });
  await expect(summary).toContainText(/\d+ imported/, { timeout: 120_000 });
  const counts = /(\d+) imported, (\d+) duplicates?, (\d+) failed/.exec((await summary.textContent()) ?? '')!;
  const [imported, duplicates, failed] = [Number(counts[1]), Number(counts[2]), Number(counts[3])];
  expect(imported + duplicates + failed).toBe(223);
  // Many payloads are nothing but markup (no text: refused) or the same few words (duplicates).
  expect(imported).toBeGreaterThan(40);
  test.info().annotations.push({ type: 'counts', description: `${imported} imported, ${duplicates} duplicates, ${failed} failed` });
  // A payload with no text fails with that reason and nothing else.
  if (failed) {
    const reasons = await summary.getByRole('region', { name: 'Failed' }).getByRole('listitem').allTextContents();
    for (const r of reasons) expect(r).toMatch(/^xss-\d{3}\.html: xss-\d{3}\.html has no text to import\.$/);
  }
  await summary.getByRole('button', { name: 'Close' }).click();

  // Open every imported source in turn from the Library list, by keyboard.
  const list = app.getByRole('list', { name: 'Sources' });
  await list.getByRole('button').first().click();
  const reader = app.getByRole('region', { name: 'Reader' });
  for (let i = 0; i < imported; i++) {
    if (i > 0) {
      await app.keyboard.press('ArrowDown');
      await app.keyboard.press('Enter');
    }
    const row = list.locator('.source-item[aria-current="true"]');
    await expect(row).toHaveAttribute('data-index', String(i));
    const title = (await row.locator('.source-title').textContent()) ?? '';
    await expect(reader.locator('h1').first()).toHaveText(title);
    await expect(reader.getByRole('textbox', { name: 'Article' })).toBeVisible();
    const bad = await app.evaluate(() => {
      const found: string[] = [];
      for (const el of Array.from(document.querySelectorAll('.reader *'))) {
        if (/^(script|iframe|object|embed|img|svg|math|form|base|meta|link|style|video|audio|source)$/i.test(el.tagName)) found.push(el.tagName);
        for (const a of Array.from(el.attributes)) {
          if (/^on/i.test(a.name) || a.name === 'src' || a.name === 'srcdoc' || a.name === 'formaction') found.push(`${el.tagName}[${a.name}]`);
          if ((a.name === 'href' || a.name === 'xlink:href') && !/^(https?:|mailto:)/i.test(a.value)) found.push(`${el.tagName}[${a.name}=${a.value}]`);
        }
      }
      return found;
    });
    expect(bad, `source ${i} (${title})`).toEqual([]);
  }
  expect(dialogs).toEqual([]);
  expect(stray).toEqual([]);
});
