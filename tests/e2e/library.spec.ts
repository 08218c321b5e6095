import type { Page } from '@playwright/test';
import { expect, type Host, test } from './fixtures';

/** Calls the browser host's API the way the page does, to set up a library quickly. */
async function call<T>(host: Host, method: string, input: unknown): Promise<T> {
  const res = await fetch(`${host.origin}/api/${method}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(input),
  });
  const envelope = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!envelope.ok) throw new Error(envelope.error?.message);
  return envelope.value;
}

async function addSource(host: Host, title: string, metadata: { outlet?: string; publishedAt?: string } = {}, tags: string[] = []) {
  const { id } = await call<{ id: number }>(host, 'sources.importText', { title, text: `${title}\n\nThe body of “${title}”, with a second sentence.` });
  if (metadata.outlet || metadata.publishedAt) await call(host, 'sources.updateMetadata', { id, metadata: { title, ...metadata } });
  if (tags.length) await call(host, 'sources.setTags', { id, tags });
  return id;
}

const rowTitles = (app: Page) => app.getByRole('region', { name: 'Library' }).locator('.source-title').allTextContents();

test('tag a source, filter by its parent tag, then rename the tag and see the new name everywhere', async ({ app, host }) => {
  await addSource(host, 'Pentagon open to more troops in Iraq', { outlet: 'Reuters' });
  await addSource(host, 'NATO expands its training mission', { outlet: 'Al Jazeera' });
  await addSource(host, 'Climate talks stall in Bonn', { outlet: 'Le Monde' });
  await app.reload();
  const library = app.getByRole('region', { name: 'Library' });
  await expect(library).toContainText('3 sources');

  // Tag one source from the reader header, typing a new hierarchical tag.
  await library.getByRole('button', { name: /^NATO expands its training mission/ }).click();
  const reader = app.getByRole('region', { name: 'Reader' });
  const tagInput = reader.getByRole('combobox', { name: 'Tag this source' });
  await tagInput.fill('iraq/nato-mission');
  await tagInput.press('Enter');
  await expect(reader.getByRole('button', { name: 'Remove tag iraq/nato-mission' })).toBeVisible();
  await expect(library.getByRole('button', { name: /^NATO expands its training mission/ })).toContainText('iraq/nato-mission');

  // Tag another with the parent tag, picking it from the autocomplete.
  await library.getByRole('button', { name: /^Pentagon open to more troops/ }).click();
  await tagInput.fill('ira');
  await expect(reader.getByRole('option', { name: 'iraq/nato-mission' })).toBeVisible();
  await tagInput.fill('iraq');
  await tagInput.press('Enter');
  await expect(reader.getByRole('button', { name: 'Remove tag iraq' })).toBeVisible();

  // Filtering by the parent includes the child's source.
  const tagFilter = library.getByRole('combobox', { name: 'Tags' });
  await tagFilter.fill('iraq');
  await tagFilter.press('Enter');
  await expect(library).toContainText('2 sources match');
  expect((await rowTitles(app)).sort()).toEqual(['NATO expands its training mission', 'Pentagon open to more troops in Iraq']);

  // Rename the parent in the Tags section: the child moves with it.
  await app.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Tags' }).click();
  const tagsPage = app.getByRole('region', { name: 'Tags' });
  await tagsPage.getByRole('button', { name: 'Rename iraq', exact: true }).click();
  await tagsPage.getByRole('textbox', { name: 'New name for iraq' }).fill('middle-east/iraq');
  await tagsPage.getByRole('button', { name: 'Save name' }).click();
  await expect(tagsPage.getByRole('button', { name: 'Rename middle-east/iraq/nato-mission' })).toBeVisible();
  await expect(tagsPage.getByRole('button', { name: 'Rename iraq', exact: true })).toHaveCount(0);

  // The Library shows the new names, and the old filter no longer matches.
  await expect(library).toContainText('0 sources match');
  await tagFilter.fill('middle-east');
  await tagFilter.press('Enter');
  await expect(library).toContainText('2 sources match');
  await expect(library.getByRole('button', { name: /^NATO expands/ })).toContainText('middle-east/iraq/nato-mission');
  await library.getByRole('button', { name: /^NATO expands/ }).click();
  await expect(reader.getByRole('button', { name: 'Remove tag middle-east/iraq/nato-mission' })).toBeVisible();
});

test('filter the library as you type, sort by title, and move through it with the keyboard', async ({ app, host }) => {
  await addSource(host, 'Delta report on budgets', { outlet: 'Axios', publishedAt: '2021-03-01' });
  await addSource(host, 'Alpha briefing on the Pentagon', { outlet: 'Reuters', publishedAt: '2021-02-19' });
  await addSource(host, 'Charlie and the election', { outlet: 'NPR', publishedAt: '2020-11-04' });
  await addSource(host, 'Bravo summit ends', { outlet: 'Reuters', publishedAt: '2019-06-01' });
  await app.reload();
  const library = app.getByRole('region', { name: 'Library' });
  await expect(library).toContainText('4 sources');
  // Newest import first by default.
  expect(await rowTitles(app)).toEqual(['Bravo summit ends', 'Charlie and the election', 'Alpha briefing on the Pentagon', 'Delta report on budgets']);

  const filter = library.getByRole('searchbox', { name: 'Filter library' });
  await filter.pressSequentially('pent');
  await expect(library).toContainText('1 source match');
  expect(await rowTitles(app)).toEqual(['Alpha briefing on the Pentagon']);
  // An outlet counts too.
  await filter.fill('reut');
  await expect(library).toContainText('2 sources match');
  await filter.press('Escape');
  await expect(library).toContainText('4 sources');

  await library.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Title' });
  await expect.poll(() => rowTitles(app)).toEqual(['Alpha briefing on the Pentagon', 'Bravo summit ends', 'Charlie and the election', 'Delta report on budgets']);
  await library.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Date published' });
  await expect.poll(() => rowTitles(app)).toEqual(['Delta report on budgets', 'Alpha briefing on the Pentagon', 'Charlie and the election', 'Bravo summit ends']);

  // L focuses the filter; ArrowDown enters the list; arrows move; Enter opens.
  await app.locator('body').click({ position: { x: 600, y: 5 } });
  await app.keyboard.press('l');
  await expect(filter).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await expect(library.getByRole('button', { name: /^Delta report/ })).toBeFocused();
  await app.keyboard.press('ArrowDown');
  await app.keyboard.press('ArrowDown');
  await expect(library.getByRole('button', { name: /^Charlie and the election/ })).toBeFocused();
  await app.keyboard.press('ArrowUp');
  await app.keyboard.press('Enter');
  await expect(app.getByRole('region', { name: 'Reader' }).getByRole('heading', { level: 1 }).first()).toHaveText('Alpha briefing on the Pentagon');
  await app.keyboard.press('End');
  await expect(library.getByRole('button', { name: /^Bravo summit ends/ })).toBeFocused();

  // The published-date range narrows the list.
  await library.getByText('Outlet and dates').click();
  await library.getByLabel('Published from').fill('2020-01-01');
  await library.getByLabel('Published to').fill('2021-02-19');
  await expect(library).toContainText('2 sources match');
  expect(await rowTitles(app)).toEqual(['Alpha briefing on the Pentagon', 'Charlie and the election']);
});

test('a long library renders only the rows in view and loads more as it scrolls', async ({ app, host }) => {
  test.setTimeout(120_000);
  // Oldest first, so the list (newest first) starts at 259; ten at a time keeps setup short.
  for (let i = 0; i < 260; i += 10) {
    await Promise.all(Array.from({ length: 10 }, (_, k) => addSource(host, `Dispatch number ${String(i + k).padStart(3, '0')}`)));
  }
  await app.reload();
  const library = app.getByRole('region', { name: 'Library' });
  await expect(library).toContainText('260 sources');
  await expect(library.locator('.source-row').first()).toBeVisible();
  expect(await library.locator('.source-row').count()).toBeLessThan(60);
  // Scroll to the end: pages after the first arrive through the cursor.
  const scroller = library.locator('.source-scroller');
  await expect
    .poll(async () => {
      await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
      return library.getByRole('button', { name: /^Dispatch number 000/ }).count();
    })
    .toBe(1);
  expect(await library.locator('.source-row').count()).toBeLessThan(60);
});

test('merge two tags in the Tags section, then delete one and restore it from the Trash', async ({ app, host }) => {
  await addSource(host, 'Pentagon open to more troops in Iraq', {}, ['nato']);
  await addSource(host, 'NATO expands its training mission', {}, ['NATO-alliance']);
  await app.reload();
  await app.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Tags' }).click();
  const tagsPage = app.getByRole('region', { name: 'Tags' });
  await tagsPage.getByRole('button', { name: 'Merge NATO-alliance' }).click();
  const into = tagsPage.getByRole('combobox', { name: 'Merge NATO-alliance into' });
  await into.fill('na');
  await tagsPage.getByRole('option', { name: 'nato' }).click();
  await tagsPage.getByRole('button', { name: 'Merge tags' }).click();
  await expect(tagsPage.getByRole('button', { name: 'Rename NATO-alliance' })).toHaveCount(0);
  await expect(tagsPage.getByRole('listitem').filter({ hasText: 'nato' })).toContainText('2 sources');
  await expect(app.getByRole('status')).toContainText('Merged NATO-alliance into nato.');

  await tagsPage.getByRole('button', { name: 'Delete nato' }).click();
  await tagsPage.getByRole('button', { name: 'Delete tag' }).click();
  await expect(tagsPage).toContainText('No tags yet');
  const library = app.getByRole('region', { name: 'Library' });
  await expect(library.locator('.source-tag')).toHaveCount(0);

  await app.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Trash' }).click();
  await app.getByRole('button', { name: /^Restore tag nato/ }).click();
  await expect(library.locator('.source-tag', { hasText: 'nato' })).toHaveCount(2);
});
