import { expect, test } from './fixtures';
import { call, painted } from './reader-helpers';
import { canonicalText } from '../../shared/document/model';
import type { SourceDetail } from '../../shared/model/entities';

// About 60,000 characters: the reader shows the first blocks (sources.opening) before the rest arrives.
const paragraphs = Array.from({ length: 120 }, (_, i) => `Paragraph ${i + 1} of the long report: the minister said the training mission would expand, officials said on Thursday, according to the statement released by the government. `.repeat(3).trim());
paragraphs[119] += ' The closing zebra remark.';

test('a long source opens at its start and the rest arrives: highlights at both ends painted, find reaches the end, Alt+↓/↑ start from what is on screen', async ({ app, host, request }) => {
  const { id: sourceId } = await call<{ id: number }>(request, host, 'sources.importText', { title: 'The long report', text: paragraphs.join('\n\n') });
  const text = canonicalText((await call<SourceDetail>(request, host, 'sources.get', { id: sourceId })).document);
  const early = 'Paragraph 1 of the long report';
  const late = 'The closing zebra remark.';
  for (const [quote, color] of [[early, 'yellow'], [late, 'green']]) {
    const start = text.indexOf(quote);
    await call(request, host, 'annotations.create', { sourceId, start, end: start + quote.length, color });
  }
  await app.reload();
  await app.getByRole('region', { name: 'Library' }).getByRole('button', { name: /The long report/ }).click();
  await expect.poll(() => painted(app, 'hl-yellow')).toEqual([early]);
  await expect.poll(() => painted(app, 'hl-green')).toEqual([late]);
  await expect(app.locator('.reader-page')).toHaveAttribute('data-rendered', 'all');

  await app.keyboard.press('Control+f');
  await app.getByRole('searchbox', { name: 'Find in article' }).fill('zebra');
  await expect(app.getByRole('search', { name: 'Find in article' }).getByRole('status')).toHaveText('1 of 1');
  await app.keyboard.press('Escape');

  // Find left the end of the article on screen: Alt+↓ starts from the highlight there, Alt+↑ goes back to the top.
  const reader = app.getByRole('region', { name: 'Reader' });
  await app.keyboard.press('Alt+ArrowDown');
  const last = reader.getByRole('button', { name: `Highlight 2 of 2: “${late}”` });
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  await app.keyboard.press('Alt+ArrowUp');
  const first = reader.getByRole('button', { name: `Highlight 1 of 2: “${early}”` });
  await expect(first).toBeFocused();
  await expect(first).toBeInViewport();
});
