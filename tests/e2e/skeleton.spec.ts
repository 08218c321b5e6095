import { readFileSync } from 'node:fs';
import { corpusPath } from '../helpers/corpus';
import { dragSelect, expect, test } from './fixtures';
import { painted } from './reader-helpers';

const seed = readFileSync(corpusPath('seed', 'pentagon-nato-iraq.txt'), 'utf8');
const kirby = 'there are no plans to increase U.S. force levels there';

test('paste an article, highlight a passage, and find the highlight after a reload', async ({ app }) => {
  const library = app.getByRole('region', { name: 'Library' });
  await expect(library).toContainText('Your library is empty');

  await app.getByRole('button', { name: 'Paste article' }).click();
  const dialog = app.getByRole('dialog', { name: 'Paste article' });
  await dialog.getByRole('textbox', { name: 'Article text' }).fill(seed);
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Pentagon open to more troops in Iraq');
  await dialog.getByRole('button', { name: 'Add to library' }).click();
  await expect(dialog).toBeHidden();

  await expect(library.getByRole('button', { name: /Pentagon open to more troops in Iraq/ })).toBeVisible();
  const reader = app.getByRole('region', { name: 'Reader' });
  await expect(reader).toContainText('The US is participating in the force generation process');

  await dragSelect(app, '.reader-text', kirby);
  await reader.getByRole('button', { name: 'Highlight' }).click();
  const annotations = app.getByRole('region', { name: 'Annotations' });
  await expect(annotations.getByText(kirby)).toBeVisible();

  // The keyboard shortcut does the same.
  await dragSelect(app, '.reader-text', 'will contribute its fair share');
  await app.keyboard.press('h');
  await expect(annotations.getByText('will contribute its fair share')).toBeVisible();

  await app.reload();
  await library.getByRole('button', { name: /Pentagon open to more troops in Iraq/ }).click();
  await expect(annotations.getByText(kirby)).toBeVisible();
  await expect(annotations.getByRole('listitem')).toHaveCount(2);
  // The highlight is painted over the text again, not just listed.
  await expect.poll(() => painted(app, 'hl-yellow')).toEqual([kirby, 'will contribute its fair share']);
});

test('pasting with nothing focused opens the paste dialog with the clipboard text', async ({ app }) => {
  await expect(app.getByRole('region', { name: 'Library' })).toContainText('Your library is empty');
  await app.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
  }, seed);
  const dialog = app.getByRole('dialog', { name: 'Paste article' });
  await expect(dialog.getByRole('textbox', { name: 'Article text' })).toHaveValue(seed);
  await expect(dialog.getByRole('textbox', { name: 'Title' })).toHaveValue(/^The Pentagon is reportedly open/);
});

test('the API refuses calls without the launch token, from other hosts, and for unknown methods', async ({ host, request }) => {
  const noToken = await request.post(`${host.origin}/api/sources.list`, { data: {} });
  expect(noToken.status()).toBe(401);
  expect((await noToken.json()).error.code).toBe('unauthorized');

  const auth = { Authorization: `Bearer ${host.token}` };
  const wrongToken = await request.post(`${host.origin}/api/sources.list`, { data: {}, headers: { Authorization: 'Bearer nope' } });
  expect(wrongToken.status()).toBe(401);

  const otherOrigin = await request.post(`${host.origin}/api/sources.list`, { data: {}, headers: { ...auth, Origin: 'http://evil.example' } });
  expect(otherOrigin.status()).toBe(403);

  const rebound = await request.post(`${host.origin}/api/sources.list`, { data: {}, headers: { ...auth, Host: 'evil.example:80' } });
  expect(rebound.status()).toBe(403);

  const unknown = await request.post(`${host.origin}/api/sources.drop`, { data: {}, headers: auth });
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error.code).toBe('unknown_method');

  const invalid = await request.post(`${host.origin}/api/sources.get`, { data: { id: 'x' }, headers: auth });
  expect(invalid.status()).toBe(400);
  expect((await invalid.json()).error).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('id') });

  const ok = await request.post(`${host.origin}/api/sources.list`, { data: {}, headers: auth });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toEqual({ ok: true, value: { items: [], nextCursor: null, total: 0 } });
});
