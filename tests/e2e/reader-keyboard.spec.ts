import { canonicalText } from '../../shared/document/model';
import type { SourceDetail } from '../../shared/model/entities';
import { expect, test } from './fixtures';
import { call, kirby, mcnulty, painted, paintedRect, seed, seedTitle, stoltenberg } from './reader-helpers';

/** Three highlights on the seed article, set up through the API: one with a note, one with tags, one bare. */
async function seedWithHighlights(request: Parameters<typeof call>[0], host: Parameters<typeof call>[1]) {
  const { id: sourceId } = await call<{ id: number }>(request, host, 'sources.importText', { title: seedTitle, text: seed });
  const source = await call<SourceDetail>(request, host, 'sources.get', { id: sourceId });
  const text = canonicalText(source.document);
  const create = async (quote: string, color: string) => {
    const start = text.indexOf(quote);
    expect(start, `“${quote}” is in the seed article`).toBeGreaterThanOrEqual(0);
    return call<{ id: number }>(request, host, 'annotations.create', { sourceId, start, end: start + quote.length, color });
  };
  // Created out of reading order, so the keyboard order is the text's, not the creation order.
  const second = await create(mcnulty, 'green');
  const first = await create(kirby, 'yellow');
  await create(stoltenberg, 'blue');
  await call(request, host, 'annotations.update', { id: first.id, note: null, noteText: 'Kirby denies any plan.' });
  await call(request, host, 'annotations.setTags', { id: second.id, tags: ['nato', 'pledge'] });
}

test('Alt+↓/↑ move through the highlights in reading order with a focus ring and their note; Escape closes, Enter opens the sidebar entry', async ({ app, host, request }) => {
  await seedWithHighlights(request, host);
  await app.reload();

  // Open the article from the keyboard: L filters the Library, ↓ goes to the list, Enter opens.
  await app.keyboard.press('l');
  await expect(app.getByRole('searchbox', { name: 'Filter library' })).toBeFocused();
  await app.keyboard.type('Pentagon');
  await app.keyboard.press('ArrowDown');
  await expect(app.getByRole('region', { name: 'Library' }).getByRole('button', { name: new RegExp(seedTitle) })).toBeFocused();
  await app.keyboard.press('Enter');
  const reader = app.getByRole('region', { name: 'Reader' });
  await expect(reader).toContainText('The US is participating in the force generation process');
  await expect.poll(() => painted(app, 'hl-yellow')).toEqual([kirby]);

  // The first highlight on screen: named by its passage, described by its note.
  await app.keyboard.press('Alt+ArrowDown');
  const first = reader.getByRole('button', { name: `Highlight 1 of 3: “${kirby}”` });
  await expect(first).toBeFocused();
  await expect(first).toHaveAccessibleDescription('Kirby denies any plan.');
  await expect(app.getByRole('tooltip')).toHaveText('Kirby denies any plan.');
  // The ring is drawn over the passage itself.
  const ring = await first.boundingBox();
  const passage = await paintedRect(app, 'hl-yellow', kirby, true);
  expect(Math.abs(ring!.x - passage.x)).toBeLessThan(2);
  expect(Math.abs(ring!.y - passage.y)).toBeLessThan(2);
  expect(Math.abs(ring!.width - passage.width)).toBeLessThan(2);
  expect(Math.abs(ring!.height - passage.height)).toBeLessThan(2);

  // Next: the tags show; then the bare one says how to add a note.
  await app.keyboard.press('Alt+ArrowDown');
  await expect(reader.getByRole('button', { name: `Highlight 2 of 3: “${mcnulty}”` })).toBeFocused();
  await expect(app.getByRole('tooltip')).toHaveText('#nato #pledge');
  await app.keyboard.press('Alt+ArrowDown');
  await expect(reader.getByRole('button', { name: `Highlight 3 of 3: “${stoltenberg}”` })).toBeFocused();
  await expect(app.getByRole('tooltip')).toContainText('No note or tags yet');
  // Past the last one: it stays, and the status line says so.
  await app.keyboard.press('Alt+ArrowDown');
  await expect(app.getByRole('status').filter({ hasText: 'That was the last highlight.' })).toBeVisible();
  await expect(reader.getByRole('button', { name: /Highlight 3 of 3/ })).toBeFocused();

  // Back up, then Escape: the popover and ring go, the focus returns to the article.
  await app.keyboard.press('Alt+ArrowUp');
  await expect(reader.getByRole('button', { name: /Highlight 2 of 3/ })).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(app.getByRole('tooltip')).toHaveCount(0);
  await expect(reader.getByRole('button', { name: /^Highlight \d of 3/ })).toHaveCount(0);
  await expect(reader.getByLabel('Article')).toBeFocused();

  // Enter opens the focused highlight's entry in the Annotations sidebar.
  await app.keyboard.press('Alt+ArrowUp');
  await expect(reader.getByRole('button', { name: /Highlight 1 of 3/ })).toBeFocused();
  await app.keyboard.press('Enter');
  const entry = app.getByRole('region', { name: 'Annotations' }).getByRole('button', { name: kirby });
  await expect(entry).toBeFocused();
  // Leaving the highlight closes its popover.
  await expect(app.getByRole('tooltip')).toHaveCount(0);
});

test('the shortcuts sheet lists the library filter, search and highlight keys, from the keyboard', async ({ app }) => {
  await app.keyboard.press('?');
  const sheet = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  const row = (what: RegExp) => sheet.getByRole('definition').filter({ hasText: what });
  await expect(row(/^Filter the Library/)).toHaveCount(1);
  await expect(row(/^Search everything$/)).toHaveCount(1);
  await expect(row(/^Next highlight/)).toHaveCount(1);
  await expect(row(/^Previous highlight/)).toHaveCount(1);
  // Each description follows its keys.
  const terms = await sheet.getByRole('term').allTextContents();
  expect(terms).toContain('L');
  expect(terms).toContain('/');
  expect(terms).toContain('Ctrl/⌘ K');
  expect(terms).toContain('Alt ↓');
  await app.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  // The listed L really filters the Library, and / really searches.
  await app.keyboard.press('l');
  await expect(app.getByRole('searchbox', { name: 'Filter library' })).toBeFocused();
  await app.keyboard.press('Escape');
  await app.getByRole('searchbox', { name: 'Filter library' }).blur();
  await app.keyboard.press('/');
  await expect(app.getByRole('searchbox', { name: 'Search', exact: true })).toBeFocused();
});
