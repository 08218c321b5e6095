import { dragSelect, expect, test } from './fixtures';
import { call, kirby, mcnulty, openSeed, painted, paintedRect, seedTitle } from './reader-helpers';

test('highlight in chosen colours from the floating toolbar and the reader toolbar', async ({ app, host, request }) => {
  await openSeed(app, request, host);
  const reader = app.getByRole('region', { name: 'Reader' });
  const annotations = app.getByRole('region', { name: 'Annotations' });
  await expect(annotations).toContainText('Select a passage');

  // Mouse: drag over a passage, then the floating toolbar's colour.
  await dragSelect(app, '.reader-text', kirby);
  const floating = app.getByRole('toolbar', { name: 'Selection' });
  await floating.getByRole('button', { name: 'Highlight in Green' }).click();
  await expect(annotations.getByRole('button', { name: kirby })).toBeVisible();
  await expect(floating).toBeHidden();
  await expect.poll(() => painted(app, 'hl-green')).toEqual([kirby]);

  // The reader toolbar: pick a colour, then Highlight.
  await reader.getByRole('radio', { name: 'Pink' }).click();
  await expect(reader.getByRole('radio', { name: 'Pink' })).toHaveAttribute('aria-checked', 'true');
  await dragSelect(app, '.reader-text', 'an expanded NATO training mission');
  await reader.getByRole('button', { name: 'Highlight', exact: true }).click();
  await expect.poll(() => painted(app, 'hl-pink')).toEqual(['an expanded NATO training mission']);
});

test('keyboard selection and colour keys; overlapping highlights both painted, in reading order after a reload', async ({ app, host, request }) => {
  await openSeed(app, request, host);
  const reader = app.getByRole('region', { name: 'Reader' });
  const annotations = app.getByRole('region', { name: 'Annotations' });
  await dragSelect(app, '.reader-text', kirby);
  await app.keyboard.press('2');
  await expect.poll(() => painted(app, 'hl-green')).toEqual([kirby]);

  // Keyboard: extend a mouse selection word by word with Shift+Ctrl+Arrow, then press 3 (blue).
  await dragSelect(app, '.reader-text', 'will contribute');
  for (let i = 0; i < 3; i++) await app.keyboard.press('Shift+Control+ArrowRight');
  await app.keyboard.press('3');
  await expect.poll(() => painted(app, 'hl-blue')).toEqual(['will contribute its fair share']);
  await expect(reader.getByRole('radio', { name: 'Blue' })).toHaveAttribute('aria-checked', 'true');

  // Overlapping highlights are both painted, each a translucent layer.
  await dragSelect(app, '.reader-text', 'fair share to this important');
  await app.keyboard.press('h');
  await expect.poll(() => painted(app, 'hl-blue')).toEqual(['will contribute its fair share', 'fair share to this important']);

  // Reading order in the sidebar, and colours survive a reload.
  await expect(annotations.getByRole('listitem')).toHaveCount(3);
  await app.reload();
  await app.getByRole('region', { name: 'Library' }).getByRole('button', { name: new RegExp(seedTitle) }).click();
  await expect.poll(() => painted(app, 'hl-green')).toEqual([kirby]);
  const quotes = await annotations.locator('.annotation-quote').allTextContents();
  expect(quotes).toEqual([kirby, 'will contribute its fair share', 'fair share to this important']);
});

test('colour names are the user’s: rename them and the toolbars use the new names', async ({ app, host, request }) => {
  await openSeed(app, request, host);
  const reader = app.getByRole('region', { name: 'Reader' });
  await reader.getByRole('button', { name: 'Colours…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Highlight colours' });
  await dialog.getByRole('textbox', { name: /colour 1/ }).fill('claim');
  await dialog.getByRole('textbox', { name: /colour 2/ }).fill('evidence');
  await dialog.getByRole('textbox', { name: /colour 3/ }).fill('claim');
  await dialog.getByRole('button', { name: 'Save colours' }).click();
  await expect(dialog.getByRole('alert')).toContainText('same name');
  await dialog.getByRole('textbox', { name: /colour 3/ }).fill('disputed');
  await dialog.getByRole('button', { name: 'Save colours' }).click();
  await expect(dialog).toBeHidden();
  await expect(reader.getByRole('radio', { name: 'disputed' })).toBeVisible();

  await dragSelect(app, '.reader-text', kirby);
  await app.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Highlight in evidence' }).click();
  const item = app.getByRole('region', { name: 'Annotations' }).getByRole('listitem');
  await expect(item.getByRole('combobox', { name: 'Colour' })).toHaveValue('green');
  await expect(item.getByRole('combobox', { name: 'Colour' }).locator('option:checked')).toHaveText('evidence');
  // Recolour from the sidebar.
  await item.getByRole('combobox', { name: 'Colour' }).selectOption({ label: 'disputed' });
  await expect.poll(() => painted(app, 'hl-blue')).toEqual([kirby]);
});

test('comment: the note editor opens, saves as you type with formatting, and is there after a reload', async ({ app, host, request }) => {
  const sourceId = await openSeed(app, request, host);
  await dragSelect(app, '.reader-text', kirby);
  await app.keyboard.press('c');
  const annotations = app.getByRole('region', { name: 'Annotations' });
  const note = annotations.getByRole('textbox', { name: 'Note' });
  await expect(note).toBeFocused();
  await app.keyboard.type('Kirby ');
  await app.keyboard.press('Control+b');
  await app.keyboard.type('denies');
  await app.keyboard.press('Control+b');
  await app.keyboard.type(' any plan.');
  await app.keyboard.press('Enter');
  await app.keyboard.type('- check the CNN piece');
  await expect(note.locator('strong, .rd-bold').first()).toHaveText('denies');
  await expect(note.getByRole('listitem')).toHaveText('check the CNN piece');

  // No Save button: it is stored after a short pause.
  await expect
    .poll(async () => (await call<Array<{ noteText: string }>>(request, host, 'annotations.list', { sourceId }))[0]?.noteText)
    .toBe('Kirby denies any plan.\n\ncheck the CNN piece');
  await app.reload();
  await app.getByRole('region', { name: 'Library' }).getByRole('button', { name: new RegExp(seedTitle) }).click();
  await expect(annotations).toContainText('Kirby denies any plan.');
  await annotations.getByRole('button', { name: 'Edit note' }).click();
  await expect(annotations.getByRole('textbox', { name: 'Note' }).locator('strong, .rd-bold').first()).toHaveText('denies');

  // Hovering the highlight shows the note.
  const r = await paintedRect(app, 'hl-yellow', kirby);
  await app.mouse.move(r.left + 5, r.top + r.height / 2);
  await expect(app.getByRole('tooltip')).toContainText('Kirby denies any plan.');
});

test('add tag with autocomplete from existing tags, and retag from the sidebar', async ({ app, host, request }) => {
  const sourceId = await openSeed(app, request, host);
  // A tag that already exists elsewhere in the library.
  const text = await call<{ document: { blocks: Array<{ text: string }> } }>(request, host, 'sources.get', { id: sourceId });
  const canonical = text.document.blocks.map((b) => b.text).join('\n\n');
  const at = canonical.indexOf('Austin');
  const other = await call<{ id: number }>(request, host, 'annotations.create', { sourceId, start: at, end: at + 6 });
  await call(request, host, 'annotations.setTags', { id: other.id, tags: ['iraq/nato-mission'] });

  await dragSelect(app, '.reader-text', mcnulty);
  await app.getByRole('region', { name: 'Reader' }).getByRole('button', { name: 'Add tag' }).click();
  const dialog = app.getByRole('dialog', { name: 'Tags' });
  const input = dialog.getByRole('combobox', { name: 'Tag' });
  await expect(input).toBeFocused();
  await expect(dialog.locator('datalist option')).toHaveAttribute('value', 'iraq/nato-mission');
  await input.fill('iraq/nato-mission');
  await input.press('Enter');
  await input.fill('us/commitments');
  await input.press('Enter');
  await expect(dialog.getByRole('list', { name: 'Tags on this annotation' })).toContainText('us/commitments');
  await input.fill('bad//tag');
  await input.press('Enter');
  await expect(dialog.getByRole('alert')).toContainText('use / only between parts');
  await dialog.getByRole('button', { name: 'Done' }).click();

  const item = app.getByRole('region', { name: 'Annotations' }).getByRole('listitem').filter({ hasText: mcnulty });
  await expect(item).toContainText('iraq/nato-mission');
  await expect(item).toContainText('us/commitments');
  await item.getByRole('button', { name: 'Tags' }).click();
  await app.getByRole('dialog', { name: 'Tags' }).getByRole('button', { name: 'Remove tag us/commitments' }).click();
  await app.getByRole('dialog', { name: 'Tags' }).getByRole('button', { name: 'Done' }).click();
  await expect(item).not.toContainText('us/commitments');
});

test('copy as quote puts a Markdown blockquote with its citation on the clipboard', async ({ app, host, request, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const sourceId = await openSeed(app, request, host);
  await call(request, host, 'sources.updateMetadata', {
    id: sourceId,
    metadata: { title: seedTitle, outlet: 'Daily Caller', publishedAt: '2021-02-19', url: 'https://dailycaller.com/2021/02/19/pentagon-iraq/' },
  });
  await expect(app.getByRole('region', { name: 'Reader' })).toContainText('Daily Caller');
  await dragSelect(app, '.reader-text', kirby);
  await app.keyboard.press('q');
  await expect(app.getByRole('status')).toContainText('Copied');
  expect(await app.evaluate(() => navigator.clipboard.readText())).toBe(
    `> ${kirby}\n\n— ${seedTitle}, Daily Caller, 2021-02-19, https://dailycaller.com/2021/02/19/pentagon-iraq/\n`,
  );
  // The floating toolbar's button does the same.
  await dragSelect(app, '.reader-text', mcnulty);
  await app.getByRole('toolbar', { name: 'Selection' }).getByRole('button', { name: 'Copy as quote' }).click();
  await expect.poll(() => app.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`^> ${mcnulty}\\n`));
});
