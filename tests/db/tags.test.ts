import { describe, expect, it } from 'vitest';
import type { CollateClient } from '../../shared/api/contract';
import type { Library } from '../../electron/app/library';
import { ensureTag } from '../../electron/db/repos/tags';
import type { AppError } from '../../shared/api/errors';
import { testLibrary } from '../helpers/library';

async function addSource(client: CollateClient, title: string, tags: string[] = []) {
  const { id } = await client.sources.importText({ title, text: `${title}\n\nA paragraph about ${title} with some words.` });
  if (tags.length) await client.sources.setTags({ id, tags });
  return id;
}

/** Tags an annotation directly in the store (the reader's annotations.setTags is built elsewhere), indexing it as the app does. */
function tagAnnotation(library: Library, annotationId: number, name: string) {
  const tagId = ensureTag(library.db, name, new Date().toISOString());
  library.db.prepare('INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)').run(annotationId, tagId);
  library.db.prepare('DELETE FROM annotations_fts WHERE rowid = ?').run(annotationId);
  library.db.prepare("INSERT INTO annotations_fts (rowid, exact, note, tags, speaker) VALUES (?, 'quote', '', ?, '')").run(annotationId, name);
}

const ftsTags = (library: Library, word: string) =>
  library.db.prepare(`SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH ? ORDER BY rowid`).pluck().all(`tags : "${word}"`);

const titles = async (client: CollateClient, q: Parameters<CollateClient['sources']['list']>[0]) =>
  (await client.sources.list({ ...q, sort: 'title' })).items.map((s) => s.title);

describe('tags', () => {
  it('filters the Library by a tag including all its children, and not by a tag that only shares a prefix', async () => {
    const { client } = testLibrary();
    await addSource(client, 'Alpha', ['iraq']);
    await addSource(client, 'Bravo', ['iraq/nato-mission']);
    await addSource(client, 'Charlie', ['iraq/nato-mission/troops', 'syria']);
    await addSource(client, 'Delta', ['iraqi-politics']);
    await addSource(client, 'Echo');
    expect(await titles(client, { tag: 'iraq' })).toEqual(['Alpha', 'Bravo', 'Charlie']);
    expect(await titles(client, { tag: 'IRAQ/nato-mission' })).toEqual(['Bravo', 'Charlie']);
    expect(await titles(client, { tag: 'syria' })).toEqual(['Charlie']);
    expect((await client.sources.list({ tag: 'iraq' })).total).toBe(3);
  });

  it('replaces a source’s tags, tidying what is typed, and lists tags with their counts', async () => {
    const { client } = testLibrary();
    const a = await addSource(client, 'Alpha', ['iraq', 'nato']);
    await addSource(client, 'Bravo', ['iraq']);
    const summary = await client.sources.setTags({ id: a, tags: ['#Iraq / NATO mission', 'nato'] });
    expect(summary.tags.sort()).toEqual(['Iraq/NATO-mission', 'nato']);
    const list = await client.tags.list({});
    expect(list.map((t) => [t.name, t.sourceCount])).toEqual([
      ['iraq', 1],
      ['Iraq/NATO-mission', 1],
      ['nato', 1],
    ]);
    await expect(client.sources.setTags({ id: a, tags: ['bad//tag'] })).rejects.toThrow(/use \/ only between parts/);
  });

  it('renames a tag and all its children everywhere in one step, keeping annotation search in step', async () => {
    const { client, library } = testLibrary();
    const a = await addSource(client, 'Alpha', ['iraq']);
    await addSource(client, 'Bravo', ['iraq/nato-mission', 'other']);
    const note = await client.annotations.create({ sourceId: a, start: 0, end: 5 });
    tagAnnotation(library, note.id, 'iraq/nato-mission');
    expect(ftsTags(library, 'iraq')).toEqual([note.id]);

    const result = await client.tags.rename({ from: 'iraq', to: 'middle-east/iraq' });
    expect(result).toMatchObject({ name: 'middle-east/iraq', tags: 2, annotations: 1 });
    expect((await client.tags.list({})).map((t) => t.name)).toEqual(['middle-east/iraq', 'middle-east/iraq/nato-mission', 'other']);
    expect(await titles(client, { tag: 'middle-east' })).toEqual(['Alpha', 'Bravo']);
    expect(await titles(client, { tag: 'iraq' })).toEqual([]);
    expect((await client.annotations.list({ sourceId: a }))[0].tags).toEqual(['middle-east/iraq/nato-mission']);
    // The search index now knows the new name, and is consistent with its rows.
    expect(ftsTags(library, 'middle')).toEqual([note.id]);
    library.db.prepare(`INSERT INTO annotations_fts (annotations_fts) VALUES ('integrity-check')`).run();
  });

  it('refuses to rename onto an existing tag or into its own child, with a message that says what to do', async () => {
    const { client } = testLibrary();
    await addSource(client, 'Alpha', ['iraq', 'syria']);
    const clash = await client.tags.rename({ from: 'iraq', to: 'syria' }).catch((e: AppError) => e);
    expect(clash).toMatchObject({ code: 'conflict', message: expect.stringMatching(/already exists; merge/) });
    await expect(client.tags.rename({ from: 'iraq', to: 'iraq/old' })).rejects.toThrow(/its own child/);
    await expect(client.tags.rename({ from: 'nothing', to: 'x' })).rejects.toThrow(/no tag named “nothing”/);
    // Changing only the case is a rename.
    await client.tags.rename({ from: 'iraq', to: 'Iraq' });
    expect((await client.tags.list({})).map((t) => t.name)).toEqual(['Iraq', 'syria']);
  });

  it('merges one tag into another: its sources, annotations and children move over and it disappears', async () => {
    const { client, library } = testLibrary();
    const a = await addSource(client, 'Alpha', ['nato']);
    await addSource(client, 'Bravo', ['NATO-alliance', 'nato']);
    await addSource(client, 'Charlie', ['NATO-alliance/summit']);
    await client.tags.setColor({ name: 'NATO-alliance', color: 'blue' });
    const note = await client.annotations.create({ sourceId: a, start: 0, end: 5 });
    tagAnnotation(library, note.id, 'NATO-alliance');

    const result = await client.tags.merge({ from: 'NATO-alliance', into: 'nato' });
    expect(result).toMatchObject({ name: 'nato', tags: 2, annotations: 1 });
    const list = await client.tags.list({});
    expect(list.map((t) => [t.name, t.sourceCount, t.annotationCount, t.color])).toEqual([
      ['nato', 2, 1, 'blue'],
      ['nato/summit', 1, 0, null],
    ]);
    expect(await titles(client, { tag: 'nato' })).toEqual(['Alpha', 'Bravo', 'Charlie']);
    expect(ftsTags(library, 'alliance')).toEqual([]);
    expect(ftsTags(library, 'nato')).toEqual([note.id]);
    await expect(client.tags.merge({ from: 'nato', into: 'nato' })).rejects.toThrow(/two different tags/);
    await expect(client.tags.merge({ from: 'nato', into: 'missing' })).rejects.toThrow(/no tag named “missing”/);
  });

  it('rolls a merge back completely when it fails midway', async () => {
    const { client, library } = testLibrary();
    await addSource(client, 'Alpha', ['a']);
    await addSource(client, 'Bravo', ['b']);
    library.db.exec(`CREATE TRIGGER fail_tag_delete BEFORE DELETE ON tags BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`);
    await expect(client.tags.merge({ from: 'a', into: 'b' })).rejects.toThrow();
    library.db.exec('DROP TRIGGER fail_tag_delete');
    expect((await client.tags.list({})).map((t) => [t.name, t.sourceCount])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
  });

  it('colours a tag, and deletes one into the trash, from which it comes back on exactly what carried it', async () => {
    const { client, library } = testLibrary();
    const a = await addSource(client, 'Alpha', ['iraq', 'iraq/nato-mission']);
    await addSource(client, 'Bravo', ['iraq']);
    await addSource(client, 'Charlie', ['syria']);
    const note = await client.annotations.create({ sourceId: a, start: 0, end: 5 });
    tagAnnotation(library, note.id, 'iraq');
    expect(await client.tags.setColor({ name: 'iraq', color: 'green' })).toMatchObject({ name: 'iraq', color: 'green' });
    await expect(client.tags.setColor({ name: 'iraq', color: 'Not A Colour' })).rejects.toThrow(/colour key/);

    const deleted = await client.tags.delete({ name: 'iraq' });
    expect(deleted).toMatchObject({ name: 'iraq', annotations: 1 });
    expect((await client.tags.list({})).map((t) => t.name)).toEqual(['iraq/nato-mission', 'syria']);
    expect((await client.sources.list({ sort: 'title' })).items.map((s) => s.tags)).toEqual([['iraq/nato-mission'], [], ['syria']]);
    expect(ftsTags(library, 'iraq')).toEqual([]);
    const [item] = await client.trash.list({});
    expect(item).toMatchObject({ kind: 'tag', label: 'iraq (2 sources, 1 annotation)' });

    await client.trash.restore({ id: item.id });
    const restored = await client.tags.list({});
    expect(restored.map((t) => [t.name, t.color, t.sourceCount, t.annotationCount])).toEqual([
      ['iraq', 'green', 2, 1],
      ['iraq/nato-mission', null, 1, 0],
      ['syria', null, 1, 0],
    ]);
    expect(ftsTags(library, 'iraq')).toEqual([note.id]);
    expect(await client.trash.list({})).toEqual([]);
  });
});
