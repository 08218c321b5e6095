import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/errors';
import { testLibrary } from '../helpers/library';

const article = (n: number) => `Article number ${n}\n\nIt has a paragraph about topic ${n} and the word zebra${n}.`;

describe('the library store through the contract', () => {
  it('imports pasted text as a source whose document and text come back unchanged', async () => {
    const { client } = testLibrary();
    const outcome = await client.sources.importText({ title: 'A title', text: 'First paragraph.\n\nSecond   paragraph\nwith a wrapped line.' });
    expect(outcome.status).toBe('imported');
    const source = await client.sources.get({ id: outcome.id });
    expect(source.title).toBe('A title');
    expect(source.document.blocks.map((b) => b.text)).toEqual(['First paragraph.', 'Second paragraph', 'with a wrapped line.']);
    expect(source.wordCount).toBe(8);
  });

  it('does not import the same text twice, and says which source it duplicates', async () => {
    const { client } = testLibrary();
    const first = await client.sources.importText({ title: 'One', text: article(1) });
    const again = await client.sources.importText({ title: 'Other title', text: article(1) });
    expect(again).toMatchObject({ status: 'duplicate', id: first.id, title: 'One', reason: 'same text' });
    expect((await client.sources.list({})).total).toBe(1);
  });

  it('pages through the library with stable cursors in each sort order', async () => {
    let tick = 0;
    const { client } = testLibrary({ now: () => new Date(Date.UTC(2024, 0, 1, 0, 0, tick++)).toISOString() });
    for (let i = 0; i < 25; i++) await client.sources.importText({ title: `Title ${String(i).padStart(2, '0')}`, text: article(i) });
    for (const sort of ['imported', 'title', 'published'] as const) {
      const seen: string[] = [];
      let cursor: string | null | undefined;
      do {
        const page = await client.sources.list({ limit: 7, cursor, sort });
        expect(page.total).toBe(25);
        seen.push(...page.items.map((s) => s.title));
        cursor = page.nextCursor;
      } while (cursor);
      expect(new Set(seen).size).toBe(25);
      if (sort === 'title') expect(seen).toEqual([...seen].sort());
      if (sort === 'imported') expect(seen[0]).toBe('Title 24');
    }
  });

  it('finds a source by its words through the full-text index, and forgets it when trashed and remembers it when restored', async () => {
    const { client, library } = testLibrary();
    const { id } = await client.sources.importText({ title: 'Zürich notes', text: article(7) });
    const search = (q: string) => library.db.prepare('SELECT rowid FROM sources_fts WHERE sources_fts MATCH ?').pluck().all(q);
    expect(search('zebra7')).toEqual([id]);
    expect(search('zurich')).toEqual([id]); // diacritics do not matter
    const { trashId } = await client.sources.delete({ id });
    expect(search('zebra7')).toEqual([]);
    expect((await client.sources.list({})).total).toBe(0);
    await expect(client.sources.get({ id })).rejects.toMatchObject({ code: 'not_found' });
    expect((await client.trash.list({})).map((t) => t.label)).toEqual(['Zürich notes']);
    await client.trash.restore({ id: trashId });
    expect(search('zebra7')).toEqual([id]);
    expect((await client.sources.list({})).total).toBe(1);
    expect((await client.library.check({})).ok).toBe(true);
  });

  it('edits metadata and keeps the index in step', async () => {
    const { client, library } = testLibrary();
    const { id } = await client.sources.importText({ title: 'Old name', text: article(3) });
    const updated = await client.sources.updateMetadata({ id, metadata: { title: 'New name', outlet: 'CNN', publishedAt: '2021-02-19', url: 'https://cnn.com/x' } });
    expect(updated).toMatchObject({ title: 'New name', outlet: 'CNN', publishedAt: '2021-02-19', url: 'https://cnn.com/x' });
    const search = (q: string) => library.db.prepare('SELECT rowid FROM sources_fts WHERE sources_fts MATCH ?').pluck().all(q);
    expect(search('title:new')).toEqual([id]);
    expect(search('title:old')).toEqual([]);
    expect((await client.library.check({})).ok).toBe(true);
  });

  it('rejects bad input with a message a person can act on', async () => {
    const { client } = testLibrary();
    await expect(client.sources.importText({ title: '  ', text: 'x' })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/Title must not be empty/) });
    await expect(client.sources.updateMetadata({ id: 1, metadata: { title: 'x', url: 'javascript:alert(1)' } })).rejects.toMatchObject({ message: expect.stringMatching(/http/) });
    const err = await client.sources.get({ id: 999 }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.message).toMatch(/not in the library/);
  });
});
