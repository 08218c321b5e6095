import { describe, expect, it } from 'vitest';
import type { CollateClient } from '../../shared/api/contract';
import { testLibrary } from '../helpers/library';

async function add(client: CollateClient, title: string, meta: { outlet?: string; byline?: string; publishedAt?: string } = {}) {
  const { id } = await client.sources.importText({ title, text: `${title}\n\nBody text for ${title} mentioning zeppelins.` });
  await client.sources.updateMetadata({ id, metadata: { title, outlet: meta.outlet ?? null, byline: meta.byline ?? null, publishedAt: meta.publishedAt ?? null } });
  return id;
}

const titles = async (client: CollateClient, q: Parameters<CollateClient['sources']['list']>[0]) =>
  (await client.sources.list({ sort: 'title', ...q })).items.map((s) => s.title);

describe('the Library list', () => {
  it('filters by a published-date range, inclusive of whole days, leaving out undated sources', async () => {
    const { client } = testLibrary();
    await add(client, 'January', { publishedAt: '2021-01-15' });
    await add(client, 'February morning', { publishedAt: '2021-02-19T08:00:00Z' });
    await add(client, 'February day', { publishedAt: '2021-02-19' });
    await add(client, 'March', { publishedAt: '2021-03-01T23:59:59Z' });
    await add(client, 'Undated');
    expect(await titles(client, { publishedFrom: '2021-02-19' })).toEqual(['February day', 'February morning', 'March']);
    expect(await titles(client, { publishedTo: '2021-02-19' })).toEqual(['February day', 'February morning', 'January']);
    expect(await titles(client, { publishedFrom: '2021-02-01', publishedTo: '2021-02-28' })).toEqual(['February day', 'February morning']);
    expect((await client.sources.list({ publishedFrom: '2021-02-01', publishedTo: '2021-02-28' })).total).toBe(2);
    await expect(client.sources.list({ publishedFrom: '2021-03-01', publishedTo: '2021-02-01' })).rejects.toThrow(/start date 2021-03-01 is after the end date/);
    await expect(client.sources.list({ publishedFrom: '19/02/2021' })).rejects.toThrow(/date must look like 2021-02-19/);
  });

  it('filters as the user types: every word a prefix of a title, byline or outlet word, never the body', async () => {
    const { client } = testLibrary();
    await add(client, 'Pentagon open to more troops', { outlet: 'Reuters', byline: 'Idrees Ali' });
    await add(client, 'NATO expands its Iraq mission', { outlet: 'Al Jazeera' });
    await add(client, 'Élysée statement on Iraq', { outlet: 'Le Monde', byline: 'Anne Müller' });
    expect(await titles(client, { query: 'pent' })).toEqual(['Pentagon open to more troops']);
    expect(await titles(client, { query: 'iraq' })).toEqual(['NATO expands its Iraq mission', 'Élysée statement on Iraq']);
    expect(await titles(client, { query: 'iraq jaz' })).toEqual(['NATO expands its Iraq mission']);
    expect(await titles(client, { query: 'reut' })).toEqual(['Pentagon open to more troops']);
    expect(await titles(client, { query: 'idrees' })).toEqual(['Pentagon open to more troops']);
    // Case and diacritics never matter; FTS syntax typed by the user is taken literally.
    expect(await titles(client, { query: 'ELYSEE muller' })).toEqual(['Élysée statement on Iraq']);
    expect(await titles(client, { query: 'iraq AND "NOT* (' })).toEqual([]);
    expect(await titles(client, { query: 'zeppelins' })).toEqual([]);
    expect(await titles(client, { query: '  -- ' })).toHaveLength(3);
  });

  it('keeps the filter index in step with edited metadata and leaves out trashed sources', async () => {
    const { client } = testLibrary();
    const id = await add(client, 'Draft headline', { outlet: 'Reuters' });
    await add(client, 'Another story', { outlet: 'Reuters' });
    await client.sources.updateMetadata({ id, metadata: { title: 'Final headline', outlet: 'Politico' } });
    expect(await titles(client, { query: 'draft' })).toEqual([]);
    expect(await titles(client, { query: 'final' })).toEqual(['Final headline']);
    expect(await titles(client, { query: 'politico' })).toEqual(['Final headline']);
    expect(await titles(client, { query: 'reuters' })).toEqual(['Another story']);
    await client.sources.delete({ id });
    expect(await titles(client, { query: 'final' })).toEqual([]);
    const [item] = await client.trash.list({});
    await client.trash.restore({ id: item.id });
    expect(await titles(client, { query: 'final' })).toEqual(['Final headline']);
  });

  it('combines filters with the outlet and sorts by published date, newest first, undated last', async () => {
    const { client } = testLibrary();
    await add(client, 'One', { outlet: 'Reuters', publishedAt: '2020-05-01' });
    await add(client, 'Two', { outlet: 'reuters', publishedAt: '2022-05-01' });
    await add(client, 'Three', { outlet: 'Reuters' });
    await add(client, 'Four', { outlet: 'AP', publishedAt: '2023-01-01' });
    const page = await client.sources.list({ outlet: 'REUTERS', sort: 'published' });
    expect(page.items.map((s) => s.title)).toEqual(['Two', 'One', 'Three']);
    expect(await client.sources.outlets({})).toEqual([
      { outlet: 'AP', count: 1 },
      { outlet: 'Reuters', count: 3 },
    ]);
  });

  it('keeps paging stable while sources are added and others trashed between pages', async () => {
    let tick = 0;
    const { client } = testLibrary({ now: () => new Date(Date.UTC(2024, 0, 1, 0, 0, tick++)).toISOString() });
    const ids = [];
    for (let i = 0; i < 30; i++) ids.push(await add(client, `Item ${String(i).padStart(2, '0')}`, { outlet: i % 2 ? 'Odd' : 'Even' }));
    const first = await client.sources.list({ limit: 10, outlet: 'Even' });
    expect(first.total).toBe(15);
    // New sources go on top (newest first): they must not shift what the next page shows.
    await add(client, 'Late arrival', { outlet: 'Even' });
    await client.sources.delete({ id: ids[0] });
    const seen = first.items.map((s) => s.title);
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await client.sources.list({ limit: 10, outlet: 'Even', cursor });
      seen.push(...page.items.map((s) => s.title));
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(14);
    expect(new Set(seen).size).toBe(14);
    expect(seen).not.toContain('Late arrival');
    expect(seen).not.toContain('Item 00');
    await expect(client.sources.list({ cursor: 'garbage' })).rejects.toThrow(/not one Collate gave out/);
  });
});
