import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { corpusPath } from '../helpers/corpus';
import { dragSelect, expect, startHost, stopHost, test } from './fixtures';

const seed = readFileSync(corpusPath('seed', 'pentagon-nato-iraq.txt'), 'utf8');
const TITLE = 'Pentagon open to more troops in Iraq';
const TWEET = 'We support NATO’s expanded mission in Iraq';
const REMARK = 'The US is participating in the force generation process';
const NOTE = 'McNulty commits forces to the expanded mission the tweet said would not grow';

async function pasteSeed(app: Page) {
  await app.getByRole('button', { name: 'Paste article' }).click();
  const dialog = app.getByRole('dialog', { name: 'Paste article' });
  await dialog.getByRole('textbox', { name: 'Article text' }).fill(seed);
  await dialog.getByRole('textbox', { name: 'Title' }).fill(TITLE);
  await dialog.getByRole('button', { name: 'Add to library' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('region', { name: 'Reader' })).toContainText(REMARK);
}

/** The annotation list item whose quote contains `words`. */
const annotationItem = (app: Page, words: string): Locator =>
  app.getByRole('region', { name: 'Annotations' }).getByRole('listitem').filter({ has: app.locator('.annotation-quote', { hasText: words }) });

async function expectLinkBothEnds(app: Page) {
  const remark = annotationItem(app, REMARK);
  const tweet = annotationItem(app, TWEET);
  await expect(remark.getByRole('list', { name: 'Links' })).toContainText('qualifies →');
  await expect(remark.getByRole('list', { name: 'Links' })).toContainText('John Kirby');
  await expect(remark).toContainText(NOTE);
  await expect(tweet.getByRole('list', { name: 'Links' })).toContainText('is qualified by ←');
  await expect(tweet.getByRole('list', { name: 'Links' })).toContainText('Jessica L. McNulty');
  await expect(remark).toContainText('Contested');
}

async function expectCompare(app: Page) {
  const compare = app.getByRole('region', { name: 'Compare statements' });
  const kirby = compare.getByRole('article', { name: 'Statement by John Kirby' });
  const mcnulty = compare.getByRole('article', { name: 'Statement by Jessica L. McNulty' });
  await expect(kirby).toContainText('Pentagon spokesperson');
  await expect(kirby).toContainText('2021-02-19');
  await expect(kirby).toContainText('Tweet or post');
  await expect(mcnulty).toContainText('reported by CNN');
  await expect(mcnulty).toContainText(TITLE);
  // Context from the article around the quote.
  await expect(mcnulty).toContainText('Pentagon spokesperson Jessica L. McNulty said to CNN');
  await expect(compare.getByRole('list', { name: 'Relations' })).toContainText('Jessica L. McNulty, Pentagon spokesperson qualifies John Kirby');
  await expect(compare.getByRole('list', { name: 'Relations' })).toContainText(NOTE);
  // The words where they differ are marked; shared words are not.
  const kirbyMarks = (await kirby.locator('mark').allTextContents()).join(' ');
  const mcnultyMarks = (await mcnulty.locator('mark').allTextContents()).join(' ');
  expect(kirbyMarks).toContain('no plans to increase U.S. force levels');
  expect(mcnultyMarks).toContain('contribute its fair share');
  // "Iraq and will" is in both quotes, so it is not marked in either.
  expect(kirbyMarks).not.toContain('Iraq and will');
  expect(mcnultyMarks).not.toContain('Iraq and will');
  await expect(kirby.locator('mark').first()).toContainText('(differs)');
}

test('suggested quotes become statements, get linked, compared, and survive a reload and a restart', async ({ app, host }) => {
  test.setTimeout(240_000);
  await pasteSeed(app);

  // Suggestions offer the five quotes with their speakers.
  const suggestions = app.getByRole('region', { name: 'Suggestions' });
  const tweet = suggestions.getByRole('listitem', { name: /^John Kirby: We support NATO/ });
  await expect(tweet).toContainText('@PentagonPresSec');
  await expect(tweet).toContainText('2021-02-19');
  await expect(tweet).toContainText('Tweet or post');
  const remark = suggestions.getByRole('listitem', { name: /^Jessica L\. McNulty: The US is participating/ });
  await expect(remark).toContainText('to CNN');
  await expect(suggestions.getByRole('listitem', { name: /^Jens Stoltenberg: ISIS is still there/ })).toBeVisible();
  await expect(suggestions.getByRole('listitem', { name: /^Jens Stoltenberg: NATO’s presence/ })).toBeVisible();
  await expect(suggestions.getByRole('listitem', { name: /^Christopher Miller: The drawdown/ })).toBeVisible();

  // One keystroke each: A accepts the focused suggestion, D dismisses one.
  await tweet.focus();
  await app.keyboard.press('a');
  await expect(annotationItem(app, TWEET)).toContainText('John Kirby');
  await expect(tweet).toHaveCount(0);
  await remark.getByRole('button', { name: /Accept/ }).click();
  await expect(annotationItem(app, REMARK)).toContainText('Jessica L. McNulty');
  const austin = suggestions.getByRole('listitem', { name: /^Lloyd Austin/ });
  if (await austin.count()) {
    await austin.focus();
    await app.keyboard.press('d');
    await expect(austin).toHaveCount(0);
  }

  // Link the remark to the tweet as "qualifies", with a note.
  await annotationItem(app, REMARK).getByRole('button', { name: 'Link statement' }).click();
  const link = app.getByRole('dialog', { name: 'Link statement' });
  await link.getByRole('combobox', { name: 'Relation' }).selectOption({ label: 'qualifies' });
  const options = await link.getByRole('combobox', { name: 'Relation' }).locator('option').allTextContents();
  expect(options).toEqual(['supports', 'contradicts', 'qualifies', 'repeats', 'responds to', 'gives context to']);
  await link.getByRole('radio', { name: /John Kirby.*We support NATO/ }).check();
  await link.getByRole('textbox', { name: 'Note' }).fill(NOTE);
  await link.getByRole('button', { name: 'Link statement' }).click();
  await expect(link).toBeHidden();
  await expectLinkBothEnds(app);

  // Compare side by side.
  await annotationItem(app, REMARK).getByRole('button', { name: /Compare with John Kirby/ }).click();
  await expectCompare(app);
  // A click on a quote opens its passage in the source.
  await app.getByRole('article', { name: 'Statement by John Kirby' }).getByRole('link', { name: /We support NATO/ }).click({ position: { x: 4, y: 4 } }); // the quote's first word: a wrapped inline link's centre can fall between its lines
  await expect(app.getByRole('region', { name: 'Reader' })).toContainText(TWEET);

  // After a reload: the claims table shows both as contested; compare from there.
  await app.reload();
  await app.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Claims' }).click();
  const claims = app.getByRole('region', { name: 'Claims' });
  await expect(claims.getByRole('row').filter({ hasText: 'John Kirby' }).filter({ hasText: TWEET })).toContainText('Contested');
  await claims.getByRole('combobox', { name: 'Relation' }).selectOption({ label: 'qualifies' });
  await expect(claims.getByRole('row')).toHaveCount(3);
  await claims.getByRole('checkbox', { name: /Pick John Kirby/ }).check();
  await claims.getByRole('checkbox', { name: /Pick Jessica L\. McNulty/ }).check();
  await claims.getByRole('button', { name: 'Compare', exact: true }).click();
  await expectCompare(app);

  // After a server restart on the same data folder: everything is still there, dismissals included.
  await app.goto('about:blank');
  await stopHost(host);
  const again = await startHost(host.dataDir);
  try {
    await app.goto(again.url);
    await app.getByRole('region', { name: 'Library' }).getByRole('button', { name: new RegExp(TITLE) }).click();
    await expectLinkBothEnds(app);
    const left = app.getByRole('region', { name: 'Suggestions' });
    await expect(left.getByRole('listitem', { name: /^Christopher Miller/ })).toBeVisible();
    await expect(left.getByRole('listitem', { name: /^John Kirby: We support NATO/ })).toHaveCount(0);
    await expect(left.getByRole('listitem', { name: /^Lloyd Austin/ })).toHaveCount(0);
    await annotationItem(app, TWEET).getByRole('button', { name: /Compare with Jessica/ }).click();
    await expectCompare(app);
    await app.goto('about:blank');
  } finally {
    await stopHost(again);
  }
});

test('mark a selection as a statement, then find the speaker with roles over time and merge an alias', async ({ app }) => {
  test.setTimeout(180_000);
  await pasteSeed(app);
  const reader = app.getByRole('region', { name: 'Reader' });
  await dragSelect(app, '.reader-text', 'there are no imminent plans for it at the moment');
  await reader.getByRole('button', { name: 'Mark as statement' }).click();
  const dialog = app.getByRole('dialog', { name: 'Mark as statement' });
  await dialog.getByRole('combobox', { name: 'Speaker' }).fill('Kirby');
  await dialog.getByRole('textbox', { name: 'Role' }).fill('Pentagon Press Secretary');
  await dialog.getByLabel('Said on').fill('2021-02-18');
  await dialog.getByRole('combobox', { name: 'Medium' }).selectOption({ label: 'Remarks to press' });
  await dialog.getByRole('radio', { name: 'Paraphrase' }).check();
  await dialog.getByRole('button', { name: 'Save statement' }).click();
  await expect(dialog).toBeHidden();
  await expect(annotationItem(app, 'no imminent plans')).toContainText('Kirby, Pentagon Press Secretary');
  await expect(annotationItem(app, 'no imminent plans')).toContainText('2021-02-18 · Remarks to press · paraphrase');

  // The detected tweet lands on "John Kirby"; when saved, a related statement is offered for one-click linking.
  const tweet = app.getByRole('region', { name: 'Suggestions' }).getByRole('listitem', { name: /^John Kirby: We support NATO/ });
  await tweet.focus();
  await app.keyboard.press('a');
  await expect(annotationItem(app, TWEET)).toContainText('John Kirby');
  // The suggestions above the text have redrawn without it: the text no longer moves under the mouse.
  await expect(tweet).toHaveCount(0);

  await app.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Speakers' }).click();
  const speakers = app.getByRole('region', { name: 'Speakers' });
  await speakers.getByRole('list', { name: 'Speaker list' }).getByRole('button', { name: /^John Kirby/ }).click();
  const john = speakers.getByRole('article', { name: 'John Kirby' });
  await expect(john).toContainText('@PentagonPresSec');
  await john.getByRole('checkbox', { name: /^Kirby/ }).check();
  await john.getByRole('button', { name: 'Merge into John Kirby' }).click();
  await expect(john).toContainText('Also known as: @PentagonPresSec, Kirby');
  await expect(speakers.getByRole('list', { name: 'Speaker list' }).getByRole('button')).toHaveCount(1);
  // Roles over time and the timeline in date order.
  await expect(john).toContainText('Pentagon Press Secretary (2021-02-18)');
  await expect(john).toContainText('Pentagon spokesperson (2021-02-19)');
  const timeline = john.getByRole('list', { name: 'Timeline' }).getByRole('listitem');
  await expect(timeline).toHaveCount(2);
  await expect(timeline.first()).toContainText('no imminent plans');
  await expect(timeline.last()).toContainText(TWEET);
});

test('a related statement is linked in one click, with the relation beside it, and the link can be undone', async ({ app }) => {
  test.setTimeout(180_000);
  await pasteSeed(app);
  const tweet = app.getByRole('region', { name: 'Suggestions' }).getByRole('listitem', { name: /^John Kirby: We support NATO/ });
  await tweet.focus();
  await app.keyboard.press('a');
  await expect(annotationItem(app, TWEET)).toContainText('John Kirby');
  // The suggestions above the text have redrawn without it: the text no longer moves under the mouse.
  await expect(tweet).toHaveCount(0);

  // A second statement by the same speaker: saving it offers the tweet as related.
  await dragSelect(app, '.reader-text', 'there are no imminent plans for it at the moment');
  await app.getByRole('region', { name: 'Reader' }).getByRole('button', { name: 'Mark as statement' }).click();
  const dialog = app.getByRole('dialog', { name: 'Mark as statement' });
  await dialog.getByRole('combobox', { name: 'Speaker' }).fill('John Kirby');
  await dialog.getByRole('button', { name: 'Save statement' }).click();
  const saved = app.getByRole('dialog', { name: 'Statement saved' });
  const row = saved.getByRole('region', { name: 'Possibly related statements' }).getByRole('listitem', { name: /^John Kirby.*We support NATO/ });
  await row.getByRole('combobox', { name: /^Relation to John Kirby/ }).selectOption({ label: 'qualifies' });
  // One click makes the link: no second dialog.
  await row.getByRole('button', { name: /^Link as qualifies: John Kirby/ }).click();
  await expect(row.getByRole('status')).toContainText('Linked: this statement qualifies it.');
  await expect(app.getByRole('dialog', { name: 'Link statement' })).toHaveCount(0);
  const plans = annotationItem(app, 'no imminent plans');
  // Sidebar items off screen are not rendered (content-visibility); bring this one into view.
  await plans.scrollIntoViewIfNeeded();
  await expect(plans.getByRole('list', { name: 'Links' })).toContainText('qualifies →');

  // Undo takes it back (to the trash); linking again as "contradicts" leaves exactly one link.
  await row.getByRole('button', { name: /^Undo link: John Kirby/ }).click();
  await expect(plans.getByRole('list', { name: 'Links' })).toHaveCount(0);
  await row.getByRole('combobox', { name: /^Relation to John Kirby/ }).selectOption({ label: 'contradicts' });
  await row.getByRole('button', { name: /^Link as contradicts: John Kirby/ }).click();
  await expect(row.getByRole('status')).toContainText('contradicts');
  await saved.getByRole('button', { name: 'Done' }).click();
  await expect(saved).toBeHidden();
  await expect(plans.getByRole('list', { name: 'Links' }).getByRole('listitem')).toHaveCount(1);
  await expect(plans.getByRole('list', { name: 'Links' })).toContainText('contradicts →');
  await expect(annotationItem(app, TWEET).getByRole('list', { name: 'Links' })).toContainText('contradicts ←');
});
