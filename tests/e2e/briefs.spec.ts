import { readFileSync } from 'node:fs';
import { createClient } from '../../shared/api/client';
import type { Envelope } from '../../shared/api/errors';
import type { AnnotationId } from '../../shared/model/ids';
import { parseExport } from '../helpers/markdown';
import { KIRBY, MCNULTY, OWN_PARAGRAPH, SEED_TITLE, seedStatements } from '../helpers/seed-brief';
import { expect, type Host, test } from './fixtures';

/** The library's API as the browser host serves it, for setting up statements (their UI is tested elsewhere). */
function apiOf(host: Host) {
  return createClient(async (method, input) => {
    const res = await fetch(`${host.origin}/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
      body: JSON.stringify(input),
    });
    return (await res.json()) as Envelope<unknown>;
  });
}

test('the seed journey: write a brief around two linked statements and export it as Markdown', async ({ app, host }) => {
  // A whole journey (setup, typing, three inserts, an export, a reload): more than the default minute on a busy machine.
  test.setTimeout(180_000);
  await seedStatements(apiOf(host));
  await app.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Briefs' }).click();
  const list = app.getByRole('region', { name: 'Briefs' });
  await expect(list).toContainText('No briefs yet');

  await list.getByRole('button', { name: 'New brief' }).click();
  const brief = app.getByRole('region', { name: 'Brief', exact: true });
  await brief.getByRole('textbox', { name: 'Brief title' }).fill('Iraq: what the Pentagon said');
  await expect(list.getByRole('button', { name: /Iraq: what the Pentagon said/ })).toBeVisible();

  const text = brief.getByRole('textbox', { name: 'Brief text' });
  await text.click();
  await app.keyboard.type(OWN_PARAGRAPH);
  await app.keyboard.press('Enter');

  // Kirby's tweet from the "Insert quote" search.
  await brief.getByRole('button', { name: 'Insert quote' }).click();
  const dialog = app.getByRole('dialog', { name: 'Insert quote' });
  await dialog.getByRole('searchbox', { name: 'Search quotes' }).fill('Kirby');
  await dialog.getByRole('button', { name: /^Insert “We support NATO’s expanded mission/ }).click();
  await expect(dialog).toBeHidden();
  await expect(brief.locator('.brief-quote')).toHaveCount(1);
  await expect(brief.locator('.brief-quote').first()).toContainText('John Kirby');

  // McNulty's remark dragged from the Quotes panel into the brief.
  const quotes = app.getByRole('region', { name: 'Quotes' });
  const mcnulty = quotes.getByRole('listitem').filter({ hasText: 'force generation process' });
  await mcnulty.dragTo(text, { targetPosition: { x: 40, y: 10 } });
  await expect(brief.locator('.brief-quote')).toHaveCount(2);
  await expect(brief.locator('.brief-quote').filter({ hasText: 'force generation process' })).toContainText('Jessica L. McNulty');

  // The link between them, as a cross-reference.
  await brief.getByRole('button', { name: 'Insert cross-reference' }).click();
  const xdialog = app.getByRole('dialog', { name: 'Insert cross-reference' });
  await xdialog.getByRole('button', { name: /John Kirby qualifies Jessica L\. McNulty/ }).click();
  await expect(brief.getByRole('group', { name: 'Cross-reference' })).toContainText('John Kirby qualifies Jessica L. McNulty.');
  await expect(brief.getByText('Saved')).toBeVisible();

  const [download] = await Promise.all([app.waitForEvent('download'), brief.getByRole('button', { name: 'Export Markdown' }).click()]);
  expect(download.suggestedFilename()).toBe('iraq-what-the-pentagon-said.md');
  const markdown = readFileSync((await download.path())!, 'utf8');
  const parsed = parseExport(markdown);
  expect(parsed.frontMatter).toMatchObject({ title: 'Iraq: what the Pentagon said', sources: [{ title: SEED_TITLE }] });
  expect(parsed.paragraphs).toContain(OWN_PARAGRAPH);
  expect(new Set(parsed.blockquotes)).toEqual(new Set([KIRBY, MCNULTY]));
  expect(parsed.paragraphs.some((p) => p.startsWith('— John Kirby, Pentagon press secretary, tweet or post, 2021-02-18[^1]'))).toBe(true);
  expect(parsed.paragraphs.some((p) => p.startsWith('— Jessica L. McNulty, Pentagon spokesperson, remarks to press, 2021-02-18, reported in CNN[^1]'))).toBe(true);
  expect(parsed.paragraphs).toContain('John Kirby qualifies Jessica L. McNulty.');
  expect([...parsed.footnoteDefs.keys()]).toEqual(['1']);
  for (const ref of parsed.footnoteRefs) expect(parsed.footnoteDefs.has(ref)).toBe(true);

  // Saved as typed: after a reload the brief is all there.
  await app.reload();
  await app.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Briefs' }).click();
  await app.getByRole('region', { name: 'Briefs' }).getByRole('button', { name: /Iraq: what the Pentagon said/ }).click();
  await expect(app.getByRole('textbox', { name: 'Brief text' })).toContainText(OWN_PARAGRAPH);
  await expect(app.locator('.brief-quote')).toHaveCount(4);
});

test('add a highlight to a brief from the annotations list; duplicate, delete and restore the brief', async ({ app, host }) => {
  test.setTimeout(180_000);
  const api = apiOf(host);
  await seedStatements(api);
  await api.briefs.create({ title: 'Troop levels' });
  await app.reload();

  await app.getByRole('region', { name: 'Library' }).getByRole('button', { name: new RegExp(SEED_TITLE) }).click();
  const panel = app.getByRole('region', { name: 'Annotations' });
  const item = panel.getByRole('listitem').filter({ hasText: 'no plans to increase' }).first();
  await item.getByRole('button', { name: 'Add to brief' }).click();
  await item.getByRole('group', { name: 'Choose a brief' }).getByRole('button', { name: 'Troop levels' }).click();
  await expect(app.getByRole('status')).toContainText('Added to “Troop levels”');

  await app.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Briefs' }).click();
  const list = app.getByRole('region', { name: 'Briefs' });
  await list.getByRole('button', { name: /Troop levels/ }).click();
  const brief = app.getByRole('region', { name: 'Brief', exact: true });
  await expect(brief.locator('.brief-quote')).toContainText(KIRBY);

  // The quote follows its annotation: deleted, it keeps its last text and says it is detached.
  const kirbyId = Number(await brief.locator('.brief-quote').first().getAttribute('data-annotation-id'));
  await api.annotations.delete({ id: kirbyId as AnnotationId });
  await expect(brief.locator('.brief-quote').first()).toContainText('Detached');
  await expect(brief.locator('.brief-quote').first()).toContainText(KIRBY);

  await brief.getByRole('button', { name: 'Duplicate' }).click();
  await expect(brief.getByRole('textbox', { name: 'Brief title' })).toHaveValue('Troop levels (copy)');
  await expect(brief.locator('.brief-quote')).toContainText(KIRBY);

  await brief.getByRole('button', { name: 'Delete brief' }).click();
  await expect(list.getByRole('button', { name: /Troop levels \(copy\)/ })).toBeHidden();
  await app.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Trash' }).click();
  await app.getByRole('listitem').filter({ hasText: 'Troop levels (copy)' }).getByRole('button', { name: /Restore/ }).click();
  await app.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Briefs' }).click();
  await expect(list.getByRole('button', { name: /Troop levels \(copy\)/ })).toBeVisible();
  expect((await api.briefs.list({})).map((b) => b.title).sort()).toEqual(['Troop levels', 'Troop levels (copy)']);
});

test('an annotation dragged from the reader’s Annotations sidebar into a brief open in another tab lands as a quote block', async ({ app, host, context }) => {
  test.setTimeout(180_000);
  const api = apiOf(host);
  await seedStatements(api);
  const made = await api.briefs.create({ title: 'Dropped quotes' });
  await app.reload();
  await app.getByRole('region', { name: 'Library' }).getByRole('button', { name: new RegExp(SEED_TITLE) }).click();
  const quote = app.getByRole('region', { name: 'Annotations' }).locator('.annotation-quote', { hasText: 'force generation process' });

  // The reader and a brief are never on one page, so the brief is open in a second tab, as a user would
  // arrange them side by side. Playwright's dragTo stays within one page: the drag is carried across by
  // hand, with what the source itself put on the DataTransfer, into the brief's real drop handling.
  const briefTab = await context.newPage();
  await briefTab.goto(host.url);
  await briefTab.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Briefs' }).click();
  await briefTab.getByRole('region', { name: 'Briefs' }).getByRole('button', { name: /Dropped quotes/ }).click();
  const brief = briefTab.getByRole('region', { name: 'Brief', exact: true });
  const text = brief.getByRole('textbox', { name: 'Brief text' });
  await expect(text).toBeVisible();

  expect(await quote.getAttribute('draggable')).toBe('true');
  const dragged = await app.evaluateHandle(() => new DataTransfer());
  await quote.dispatchEvent('dragstart', { dataTransfer: dragged });
  const data = await dragged.evaluate((d) => ({ types: [...d.types], id: d.getData('application/x-collate-annotation'), text: d.getData('text/plain') }));
  expect(data).toMatchObject({ types: ['application/x-collate-annotation', 'text/plain'], text: MCNULTY });

  const box = (await text.boundingBox())!;
  const at = { clientX: box.x + 20, clientY: box.y + 10 };
  const dropped = await briefTab.evaluateHandle(({ id, text: plain }) => {
    const d = new DataTransfer();
    d.setData('application/x-collate-annotation', id);
    d.setData('text/plain', plain);
    return d;
  }, data);
  await text.dispatchEvent('dragenter', { dataTransfer: dropped, ...at });
  await text.dispatchEvent('dragover', { dataTransfer: dropped, ...at });
  await text.dispatchEvent('drop', { dataTransfer: dropped, ...at });
  await expect(brief.locator('.brief-quote')).toHaveCount(1);
  await expect(brief.locator('.brief-quote')).toContainText('Jessica L. McNulty');
  await expect(brief.getByText('Saved')).toBeVisible();
  const saved = await api.briefs.exportMarkdown({ id: made.id });
  expect(parseExport(saved.text).blockquotes).toEqual([MCNULTY]);
  await briefTab.close();
});

test('in the browser host, "Export source with annotations" downloads the same Markdown the contract gives', async ({ app, host }) => {
  const api = apiOf(host);
  const { sourceId } = await seedStatements(api);
  await app.reload();
  await app.getByRole('region', { name: 'Library' }).getByRole('button', { name: new RegExp(SEED_TITLE) }).click();
  const [download] = await Promise.all([app.waitForEvent('download'), app.getByRole('region', { name: 'Reader' }).getByRole('button', { name: 'Export source with annotations' }).click()]);
  const saved = readFileSync((await download.path())!, 'utf8');
  const expected = (await api.interop.exportSource({ id: sourceId })).text;
  // Only the export time differs between the two calls.
  const untimed = (s: string) => s.replace(/^exported: .*$/m, '');
  expect(untimed(saved)).toBe(untimed(expected));
  expect(download.suggestedFilename()).toBe('pentagon-open-to-sending-more-troops-to-iraq-for-nato-mission.md');
  await expect(app.getByRole('status')).toContainText('Exported pentagon-open');
});
