import { describe, expect, it } from 'vitest';
import { testLibrary } from '../helpers/library';

const text = 'Kirby said there are no plans to increase U.S. force levels there.\n\nMcNulty said the US will contribute its fair share.';

describe('annotations', () => {
  it('stores a highlight with W3C position and quote selectors taken from the stored text', async () => {
    const { client } = testLibrary();
    const { id: sourceId } = await client.sources.importText({ title: 't', text });
    const source = await client.sources.get({ id: sourceId });
    const canonical = source.document.blocks.map((b) => b.text).join('\n\n');
    const start = canonical.indexOf('no plans');
    const end = start + 'no plans to increase U.S. force levels'.length;
    const a = await client.annotations.create({ sourceId, start, end });
    expect(a).toMatchObject({ exact: 'no plans to increase U.S. force levels', prefix: 'Kirby said there are ', suffix: expect.stringMatching(/^ there\.\n\nMcNulty said the US w/), anchor: 'exact', color: 'yellow' });
    expect(a.suffix.length).toBe(32);
    expect(await client.annotations.list({ sourceId })).toEqual([a]);
  });

  it('lists annotations in reading order', async () => {
    const { client } = testLibrary();
    const { id: sourceId } = await client.sources.importText({ title: 't', text });
    await client.annotations.create({ sourceId, start: 70, end: 80 });
    await client.annotations.create({ sourceId, start: 0, end: 5 });
    expect((await client.annotations.list({ sourceId })).map((a) => a.start)).toEqual([0, 70]);
  });

  it('refuses ranges outside the text or of only spaces, and changes nothing', async () => {
    const { client } = testLibrary();
    const { id: sourceId } = await client.sources.importText({ title: 't', text });
    await expect(client.annotations.create({ sourceId, start: 5, end: 5000 })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(client.annotations.create({ sourceId, start: 10, end: 5 })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(client.annotations.create({ sourceId, start: 5, end: 6 })).rejects.toMatchObject({ message: /not just spaces/ });
    await expect(client.annotations.create({ sourceId: 12345, start: 0, end: 3 })).rejects.toMatchObject({ code: 'not_found' });
    expect(await client.annotations.list({ sourceId })).toEqual([]);
  });

  it('recolours and notes an annotation, trashes it, and restores it', async () => {
    const { client, library } = testLibrary();
    const { id: sourceId } = await client.sources.importText({ title: 't', text });
    const a = await client.annotations.create({ sourceId, start: 0, end: 5 });
    const b = await client.annotations.update({ id: a.id, color: 'green', note: '{"root":{}}', noteText: 'check the transcript' });
    expect(b).toMatchObject({ color: 'green', noteText: 'check the transcript' });
    const search = (q: string) => library.db.prepare('SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH ?').pluck().all(q);
    expect(search('transcript')).toEqual([a.id]);
    const { trashId } = await client.annotations.delete({ id: a.id });
    expect(await client.annotations.list({ sourceId })).toEqual([]);
    expect(search('transcript')).toEqual([]);
    await client.trash.restore({ id: trashId });
    expect((await client.annotations.list({ sourceId })).map((x) => x.id)).toEqual([a.id]);
    expect(search('transcript')).toEqual([a.id]);
  });
});
