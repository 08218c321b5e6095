import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { corpusPath } from '../helpers/corpus';
import { tempDir, testLibrary } from '../helpers/library';

const URL_OF_ARTICLE = 'https://dailycaller.com/2021/02/19/pentagon-nato-iraq-troops/';
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The seed article as the saved web page it came from: its paragraphs, with the publisher's canonical URL. */
function page(paragraphs: string[]): string {
  return `<!DOCTYPE html><html lang="en"><head><title>Pentagon open to more troops in Iraq</title>
<link rel="canonical" href="${URL_OF_ARTICLE}"></head>
<body><article>${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}</article></body></html>`;
}

it('re-importing a revised page with the same URL replaces the text and re-anchors its annotations instead of adding a copy', async () => {
  const { client } = testLibrary();
  const dir = tempDir();
  const seed = fs.readFileSync(corpusPath('seed', 'pentagon-nato-iraq.txt'), 'utf8').trim().split('\n');
  const first = path.join(dir, 'first.html');
  fs.writeFileSync(first, page(seed));
  const r1 = (await client.sources.importFiles({ paths: [first] })).results[0];
  expect(r1.status).toBe('imported');
  const sourceId = r1.id!;
  const { document } = await client.sources.get({ id: sourceId });
  const text = document.blocks.map((b) => b.text).join('\n\n');

  const highlight = async (quote: string) => {
    const start = text.indexOf(quote);
    expect(start).toBeGreaterThanOrEqual(0);
    return client.annotations.create({ sourceId, start, end: start + quote.length });
  };
  // Untouched, before any edit: stays where it is.
  const before = await highlight('open to the possibility of sending more American troops');
  // Untouched, after the inserted words: same text, new offsets.
  const after = await highlight('came at the request of the Iraqi government');
  // Words inserted inside the quote: placed by fuzzy matching.
  const edited = await highlight('will contribute its fair share to this important expanded mission');
  // In the removed paragraph: kept as an orphan with its quote.
  const removed = await highlight('there are no plans to increase U.S. force levels there');

  const revised = seed
    .map((p) =>
      p
        .replace('Secretary of Defense Lloyd Austin', 'On Thursday, Secretary of Defense Lloyd Austin')
        .replace('its fair share to this important', 'its fair share, and more, to this important'),
    )
    .filter((p) => !p.startsWith('We support NATO’s expanded mission'));
  const second = path.join(dir, 'second.html');
  fs.writeFileSync(second, page(revised));
  const r2 = (await client.sources.importFiles({ paths: [second] })).results[0];
  expect(r2).toMatchObject({ status: 'updated', id: sourceId, anchors: { exact: 1, moved: 1, fuzzy: 1, orphan: 1 } });

  const list = await client.sources.list({});
  expect(list.items).toHaveLength(1);
  const { document: newDocument } = await client.sources.get({ id: sourceId });
  const newText = newDocument.blocks.map((b) => b.text).join('\n\n');
  expect(newText).toContain('On Thursday, Secretary of Defense');
  const byId = new Map((await client.annotations.list({ sourceId })).map((a) => [a.id, a]));
  const at = (id: number) => {
    const a = byId.get(id as never)!;
    return { anchor: a.anchor, text: newText.slice(a.start, a.end), start: a.start };
  };
  expect(at(before.id)).toEqual({ anchor: 'exact', text: before.exact, start: before.start });
  expect(at(after.id)).toMatchObject({ anchor: 'moved', text: after.exact });
  expect(at(after.id).start).not.toBe(after.start);
  expect(at(edited.id).anchor).toBe('fuzzy');
  expect(at(edited.id).text).toContain('its fair share, and more, to this important');
  expect(at(removed.id)).toMatchObject({ anchor: 'orphan' });
  expect(byId.get(removed.id)!.exact).toBe(removed.exact);

  // The same file again is a plain duplicate: nothing changes.
  const r3 = (await client.sources.importFiles({ paths: [second] })).results[0];
  expect(r3).toMatchObject({ status: 'duplicate', duplicateOf: { id: sourceId, reason: 'same text' } });
});

it('pasting a revised version of an article with its URL updates that source and keeps its annotations', async () => {
  const { client } = testLibrary();
  const dir = tempDir();
  const seed = fs.readFileSync(corpusPath('seed', 'pentagon-nato-iraq.txt'), 'utf8').trim().split('\n');
  const file = path.join(dir, 'first.html');
  fs.writeFileSync(file, page(seed));
  const sourceId = (await client.sources.importFiles({ paths: [file] })).results[0].id!;
  const { document } = await client.sources.get({ id: sourceId });
  const text = document.blocks.map((b) => b.text).join('\n\n');
  const quote = 'came at the request of the Iraqi government';
  const start = text.indexOf(quote);
  const note = await client.annotations.create({ sourceId, start, end: start + quote.length });

  const revised = ['Updated: the Pentagon says no decision has been made.', ...seed];
  const outcome = await client.paste.add({ text: revised.join('\n\n'), metadata: { title: 'Pentagon open to more troops in Iraq', url: URL_OF_ARTICLE } });
  expect(outcome).toMatchObject({ status: 'updated', id: sourceId, anchors: { exact: 0, moved: 1, fuzzy: 0, orphan: 0 } });
  expect((await client.sources.list({})).items).toHaveLength(1);
  const { document: after } = await client.sources.get({ id: sourceId });
  const newText = after.blocks.map((b) => b.text).join('\n\n');
  const [a] = await client.annotations.list({ sourceId });
  expect(a.id).toBe(note.id);
  expect(newText.slice(a.start, a.end)).toBe(quote);
});
