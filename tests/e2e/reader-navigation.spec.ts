import { dragSelect, expect, test } from './fixtures';
import { call, kirby, mcnulty, openSeed, painted, paintedRect, pdfWithPages, seed, seedTitle, stoltenberg } from './reader-helpers';

test('the sidebar jumps to an annotation and flashes it; delete goes to the trash, Ctrl+Z brings it back', async ({ app, host, request }) => {
  const sourceId = await openSeed(app, request, host);
  const canonical = seed
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n\n');
  const last = 'Our ability to reduce force levels is evidence of real progress.';
  for (const quote of [kirby, last]) {
    const start = canonical.indexOf(quote);
    await call(request, host, 'annotations.create', { sourceId, start, end: start + quote.length });
  }
  const annotations = app.getByRole('region', { name: 'Annotations' });
  await app.setViewportSize({ width: 1100, height: 420 });
  await app.locator('.reader').evaluate((el) => el.scrollTo(0, 0));
  await annotations.getByRole('button', { name: last }).click();
  await expect.poll(() => painted(app, 'hl-flash')).toEqual([last]);
  // The passage is now on screen.
  const viewport = app.viewportSize()!;
  await expect
    .poll(async () => {
      const r = await paintedRect(app, 'hl-yellow', last);
      return r.top >= 0 && r.bottom <= viewport.height;
    })
    .toBe(true);
  await expect.poll(() => painted(app, 'hl-flash')).toEqual([]);
  await app.setViewportSize({ width: 1280, height: 720 });

  // Delete, then undo right after with Ctrl+Z.
  await annotations.getByRole('listitem').filter({ hasText: kirby }).getByRole('button', { name: 'Delete' }).click();
  await expect(app.getByRole('status')).toContainText('moved to the trash');
  await expect(annotations.getByRole('listitem')).toHaveCount(1);
  await expect.poll(() => painted(app, 'hl-yellow')).toEqual([last]);
  await app.keyboard.press('Control+z');
  await expect(annotations.getByRole('listitem')).toHaveCount(2);
  await expect.poll(() => painted(app, 'hl-yellow')).toEqual([kirby, last]);
  // Redo deletes it again; undo twice more also undoes nothing else we did not do.
  await app.keyboard.press('Control+Shift+z');
  await expect(annotations.getByRole('listitem')).toHaveCount(1);

  // Restore from the Trash view.
  await app.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Trash' }).click();
  const trash = app.getByRole('main').or(app.locator('.page')).first();
  await expect(trash).toContainText(kirby);
  await trash.getByRole('button', { name: /Restore/ }).first().click();
  await app.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Library' }).click();
  await app.getByRole('region', { name: 'Library' }).getByRole('button', { name: new RegExp(seedTitle) }).click();
  await expect(annotations.getByRole('listitem')).toHaveCount(2);
});

test('undo and redo a highlight, a recolour and a note', async ({ app, host, request }) => {
  await openSeed(app, request, host);
  const annotations = app.getByRole('region', { name: 'Annotations' });
  await dragSelect(app, '.reader-text', kirby);
  await app.keyboard.press('h');
  await expect(annotations.getByRole('listitem')).toHaveCount(1);
  await annotations.getByRole('combobox', { name: 'Colour' }).selectOption('purple');
  await expect.poll(() => painted(app, 'hl-purple')).toEqual([kirby]);
  await app.locator('.reader-text').click({ position: { x: 5, y: 5 } });
  await app.keyboard.press('Control+z');
  await expect.poll(() => painted(app, 'hl-yellow')).toEqual([kirby]);
  await app.keyboard.press('Control+z');
  await expect(annotations.getByRole('listitem')).toHaveCount(0);
  await app.keyboard.press('Control+Shift+z');
  await expect(annotations.getByRole('listitem')).toHaveCount(1);
  await app.keyboard.press('Control+Shift+z');
  await expect.poll(() => painted(app, 'hl-purple')).toEqual([kirby]);
});

test('find in the article counts matches and moves through them', async ({ app, host, request }) => {
  await openSeed(app, request, host);
  await app.locator('.reader-text').click({ position: { x: 5, y: 5 } });
  await app.keyboard.press('Control+f');
  const find = app.getByRole('searchbox', { name: 'Find in article' });
  await expect(find).toBeFocused();
  await find.fill('nato');
  const count = app.getByRole('search', { name: 'Find in article' }).getByRole('status');
  const expected = seed.toLowerCase().split('nato').length - 1;
  await expect(count).toHaveText(`1 of ${expected}`);
  await expect.poll(async () => (await painted(app, 'find-match')).length).toBe(expected - 1);
  await expect.poll(() => painted(app, 'find-current')).toEqual(['NATO']);
  await find.press('Enter');
  await find.press('Enter');
  await expect(count).toHaveText(`3 of ${expected}`);
  await find.press('Shift+Enter');
  await expect(count).toHaveText(`2 of ${expected}`);
  await find.fill('no such words');
  await expect(count).toHaveText('No matches');
  await find.press('Escape');
  await expect(find).toBeHidden();
  expect(await painted(app, 'find-match')).toEqual([]);
});

test('zoom with Ctrl +, − and 0 is remembered; the shortcuts sheet opens with ?', async ({ app, host, request }) => {
  await openSeed(app, request, host);
  const reader = app.getByRole('region', { name: 'Reader' });
  const size = () => app.locator('.reader-page').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const base = await size();
  await app.keyboard.press('Control+=');
  await app.keyboard.press('Control+=');
  await expect(reader.getByRole('button', { name: /Text size 125%/ })).toBeVisible();
  expect(await size()).toBeCloseTo(base * 1.25, 1);
  await app.reload();
  await app.getByRole('region', { name: 'Library' }).getByRole('button', { name: new RegExp(seedTitle) }).click();
  await expect(reader.getByRole('button', { name: /Text size 125%/ })).toBeVisible();
  await app.keyboard.press('Control+-');
  await expect(reader.getByRole('button', { name: /Text size 110%/ })).toBeVisible();
  await app.keyboard.press('Control+0');
  await expect(reader.getByRole('button', { name: /Text size 100%/ })).toBeVisible();
  expect(await size()).toBeCloseTo(base, 1);

  await app.keyboard.press('?');
  const sheet = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toContainText('Highlight the selected passage');
  await expect(sheet).toContainText('Copy the selected passage as a Markdown quote');
  await app.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
});

test('replace text re-anchors highlights: one moved, one approximate, one orphaned and kept', async ({ app, host, request }) => {
  const sourceId = await openSeed(app, request, host);
  const annotations = app.getByRole('region', { name: 'Annotations' });
  for (const quote of [kirby, mcnulty, stoltenberg]) {
    await dragSelect(app, '.reader-text', quote);
    await app.keyboard.press('h');
    await expect(annotations.getByRole('button', { name: quote })).toBeVisible();
  }
  const revised = ['Update: this article was revised after publication.', ...seed.split('\n').filter((p) => !p.includes(stoltenberg))]
    .join('\n')
    .replace('its fair share', 'its full share');
  await app.getByRole('region', { name: 'Reader' }).getByRole('button', { name: 'Replace text…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Replace text' });
  await dialog.getByRole('textbox', { name: 'Revised text' }).fill(revised);
  await dialog.getByRole('button', { name: 'Replace and re-anchor' }).click();
  await expect(app.getByRole('status')).toContainText('0 in place, 1 moved, 1 approximate, 1 orphaned');
  await expect(app.getByRole('region', { name: 'Reader' })).toContainText('Update: this article was revised');

  const orphaned = annotations.getByRole('region', { name: 'Orphaned' });
  await expect(orphaned).toContainText(stoltenberg);
  await expect(annotations.getByRole('listitem').filter({ hasText: kirby })).toContainText('moved');
  await expect(annotations.getByRole('listitem').filter({ hasText: mcnulty })).toContainText('fuzzy');
  await expect.poll(() => painted(app, 'hl-yellow')).toEqual([kirby, 'will contribute its full share to this important expanded mission']);
  const list = await call<Array<{ anchor: string }>>(request, host, 'annotations.list', { sourceId });
  expect(list.map((a) => a.anchor)).toEqual(['moved', 'fuzzy', 'orphan']);
});

test('edit details: a bad date or URL is refused with the reason; the URL opens only after confirming', async ({ app, host, request, context }) => {
  await openSeed(app, request, host);
  const reader = app.getByRole('region', { name: 'Reader' });
  await reader.getByRole('button', { name: 'Edit details' }).click();
  const dialog = app.getByRole('dialog', { name: 'Edit details' });
  await dialog.getByRole('textbox', { name: 'Outlet' }).fill('Daily Caller');
  await dialog.getByRole('textbox', { name: 'Date' }).fill('19/02/2021');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/Date: date must look like 2021-02-19/);
  await dialog.getByRole('textbox', { name: 'Date' }).fill('2021-02-19');
  await dialog.getByRole('textbox', { name: 'URL' }).fill('javascript:alert(1)');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/URL: URL must start with http/);
  await dialog.getByRole('textbox', { name: 'URL' }).fill('https://example.com/pentagon');
  await dialog.getByRole('button', { name: 'Save details' }).click();
  await expect(dialog).toBeHidden();
  await expect(reader.locator('.reader-header')).toContainText('Daily Caller · 2021-02-19');

  await context.route('https://example.com/**', (route) => route.fulfill({ body: 'the article' }));
  const link = reader.getByRole('link', { name: 'https://example.com/pentagon' });
  // Declining opens nothing.
  app.once('dialog', (d) => void d.dismiss());
  await link.click();
  await app.waitForTimeout(0);
  expect(context.pages()).toHaveLength(1);
  // Accepting opens the page in a new tab that has no handle back to Collate.
  let message = '';
  app.once('dialog', (d) => {
    message = d.message();
    void d.accept();
  });
  const [opened] = await Promise.all([context.waitForEvent('page'), link.click()]);
  expect(message).toContain('https://example.com/pentagon');
  await expect.poll(() => opened.url()).toBe('https://example.com/pentagon');
  expect(await opened.evaluate(() => window.opener)).toBeNull();
});

test('a PDF source shows its page breaks', async ({ app, host, request }) => {
  const pdf = pdfWithPages(['The first page says the mission will grow.', 'The second page has the rest of the report.']);
  const report = await call<{ results: Array<{ status: string; error?: string }> }>(request, host, 'sources.importUploads', {
    files: [{ name: 'report.pdf', base64: pdf.toString('base64') }],
  });
  expect(report.results[0], report.results[0].error).toMatchObject({ status: 'imported' });
  await app.reload();
  await app.getByRole('region', { name: 'Library' }).getByRole('button', { name: /report/i }).click();
  const reader = app.getByRole('region', { name: 'Reader' });
  await expect(reader).toContainText('The second page has the rest of the report.');
  await expect(reader.getByRole('separator', { name: 'Page 2' })).toBeVisible();
  await expect(reader.getByRole('separator')).toHaveCount(1);
});
