import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalText } from '../../shared/document/model';
import { corpusPath } from '../helpers/corpus';
import { testLibrary } from '../helpers/library';

const seed = readFileSync(corpusPath('seed', 'pentagon-nato-iraq.txt'), 'utf8');
const kirby = 'there are no plans to increase U.S. force levels there';
const mcnulty = 'will contribute its fair share to this important expanded mission';
const stoltenberg = 'NATO’s presence for the mission would jump from about 500 personnel to around 4,000';

async function seeded() {
  const lib = testLibrary();
  const { id: sourceId } = await lib.client.sources.importText({ title: 'Pentagon open to more troops in Iraq', text: seed });
  const text = canonicalText((await lib.client.sources.get({ id: sourceId })).document);
  const highlight = (quote: string, color = 'yellow') => {
    const start = text.indexOf(quote);
    if (start < 0) throw new Error(`not in the seed: ${quote}`);
    return lib.client.annotations.create({ sourceId, start, end: start + quote.length, color });
  };
  return { ...lib, sourceId, text, highlight };
}

const searchAnnotations = (library: ReturnType<typeof testLibrary>['library'], query: string) =>
  library.db.prepare('SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH ?').pluck().all(query) as number[];

describe('annotation tags', () => {
  it('sets hierarchical tags, creating new ones, and indexes them for search', async () => {
    const { client, library, highlight } = await seeded();
    const a = await highlight(kirby);
    const tagged = await client.annotations.setTags({ id: a.id, tags: ['iraq/nato-mission', ' #Pentagon ', 'troop levels'] });
    expect(tagged.tags.sort()).toEqual(['Pentagon', 'iraq/nato-mission', 'troop-levels']);
    expect((await client.tags.list({})).map((t) => t.name).sort()).toEqual(['Pentagon', 'iraq/nato-mission', 'troop-levels']);
    expect(searchAnnotations(library, 'tags:pentagon')).toEqual([a.id]);

    // Replacing the list removes the tags left out; names compare without case.
    const retagged = await client.annotations.setTags({ id: a.id, tags: ['pentagon'] });
    expect(retagged.tags).toEqual(['Pentagon']);
    expect(searchAnnotations(library, 'tags:troop')).toEqual([]);
  });

  it('refuses a malformed tag and changes nothing', async () => {
    const { client, highlight } = await seeded();
    const a = await highlight(kirby);
    await client.annotations.setTags({ id: a.id, tags: ['iraq'] });
    await expect(client.annotations.setTags({ id: a.id, tags: ['ok', 'iraq//nato'] })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('use / only between parts'),
    });
    expect((await client.annotations.list({ sourceId: a.sourceId }))[0].tags).toEqual(['iraq']);
    await expect(client.annotations.setTags({ id: 9999, tags: ['x'] })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('undo-able annotation edits', () => {
  it('replays create, recolour, note, tags and delete backwards and forwards, one call each', async () => {
    const { client, library, highlight, sourceId } = await seeded();
    const a = await highlight(kirby);
    await client.annotations.update({ id: a.id, color: 'pink' });
    await client.annotations.update({ id: a.id, note: '{"root":{}}', noteText: 'Kirby denies plans' });
    await client.annotations.setTags({ id: a.id, tags: ['iraq'] });
    expect(searchAnnotations(library, 'denies')).toEqual([a.id]);

    // Undo in reverse order, as the renderer's history does.
    await client.annotations.setTags({ id: a.id, tags: [] });
    await client.annotations.update({ id: a.id, note: null, noteText: '' });
    await client.annotations.update({ id: a.id, color: 'yellow' });
    expect(await client.annotations.list({ sourceId })).toMatchObject([{ id: a.id, color: 'yellow', note: null, noteText: '', tags: [] }]);
    expect(searchAnnotations(library, 'denies')).toEqual([]);

    // Undoing the creation trashes it; redoing restores the very same annotation.
    const { trashId } = await client.annotations.delete({ id: a.id });
    expect(await client.annotations.list({ sourceId })).toEqual([]);
    await client.trash.restore({ id: trashId });
    expect((await client.annotations.list({ sourceId })).map((x) => x.id)).toEqual([a.id]);
  });
});

describe('replacing a source text', () => {
  it('re-anchors every annotation in one transaction: moved, fuzzy and orphaned, none dropped', async () => {
    const { client, library, highlight, sourceId, text } = await seeded();
    const before = await client.sources.get({ id: sourceId });
    const moved = await highlight(kirby, 'yellow');
    const fuzzy = await highlight(mcnulty, 'green');
    const orphan = await highlight(stoltenberg, 'blue');
    const trashed = await highlight('Stoltenberg also added');
    await client.annotations.delete({ id: trashed.id });

    // A revised version: a paragraph added at the top, a word changed inside McNulty's quote, Stoltenberg's paragraph removed.
    const paragraphs = seed.split('\n');
    const revised = ['Updated: this story has been revised.', ...paragraphs.filter((p) => !p.includes(stoltenberg))]
      .join('\n')
      .replace('its fair share', 'its full share');
    const result = await client.anchoring.replaceText({ sourceId, text: revised });
    // The trashed annotation is counted too (it moved with its paragraph).
    expect(result.anchors).toEqual({ exact: 0, moved: 2, fuzzy: 1, orphan: 1 });

    const after = await client.sources.get({ id: sourceId });
    const newText = canonicalText(after.document);
    expect(newText).not.toEqual(text);
    expect(after.contentHash).not.toEqual(before.contentHash);
    expect(after.wordCount).toBe(newText.match(/\S+/g)!.length);
    const list = await client.annotations.list({ sourceId });
    expect(list.map((a) => [a.id, a.anchor])).toEqual([
      [moved.id, 'moved'],
      [fuzzy.id, 'fuzzy'],
      [orphan.id, 'orphan'],
    ]);
    const [m, f, o] = list;
    expect(newText.slice(m.start, m.end)).toBe(kirby);
    expect(newText.slice(f.start, f.end)).toBe('will contribute its full share to this important expanded mission');
    // The orphan keeps the words the user highlighted.
    expect(o.exact).toBe(stoltenberg);

    // The search index follows the new text.
    const find = (q: string) => library.db.prepare('SELECT rowid FROM sources_fts WHERE sources_fts MATCH ?').pluck().all(q);
    expect(find('revised')).toEqual([sourceId]);
    expect(find('"fair share"')).toEqual([]);
    // FTS5 compares the index with the current text and throws if they disagree.
    expect(() => library.db.prepare("INSERT INTO sources_fts (sources_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();

    // The trashed annotation was re-anchored too, so restoring it lands in the right place (here: its paragraph survived).
    const trash = await client.trash.list({});
    await client.trash.restore({ id: trash[0].id });
    const restored = (await client.annotations.list({ sourceId })).find((a) => a.id === trashed.id)!;
    expect(newText.slice(restored.start, restored.end)).toBe('Stoltenberg also added');
  });

  it('changes nothing when the revised text is empty or the source is gone', async () => {
    const { client, highlight, sourceId, text } = await seeded();
    await highlight(kirby);
    await expect(client.anchoring.replaceText({ sourceId, text: '   \n ' })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('Revised text must not be empty') });
    await expect(client.anchoring.replaceText({ sourceId: 4242 as never, text: 'x' })).rejects.toMatchObject({ code: 'not_found' });
    expect(canonicalText((await client.sources.get({ id: sourceId })).document)).toBe(text);
    expect((await client.annotations.list({ sourceId }))[0].anchor).toBe('exact');
  });

  it('rolls the text back if re-anchoring fails half way', async () => {
    const { client, library, highlight, sourceId, text } = await seeded();
    await highlight(kirby);
    await highlight(mcnulty);
    // Make the second annotation's update fail inside the transaction.
    library.db.exec(`CREATE TRIGGER fail_second BEFORE UPDATE OF anchor ON annotations WHEN NEW.id = 2 BEGIN SELECT RAISE(ABORT, 'boom'); END`);
    await expect(client.anchoring.replaceText({ sourceId, text: `New first line.\n${seed}` })).rejects.toBeTruthy();
    expect(canonicalText((await client.sources.get({ id: sourceId })).document)).toBe(text);
    expect((await client.annotations.list({ sourceId })).map((a) => a.anchor)).toEqual(['exact', 'exact']);
    const find = (q: string) => library.db.prepare('SELECT rowid FROM sources_fts WHERE sources_fts MATCH ?').pluck().all(q);
    expect(find('"New first line"')).toEqual([]);
  });
});

describe('highlight colour names', () => {
  it('keeps the five colours and stores the names the user gives them', async () => {
    const { client } = testLibrary();
    const defaults = await client.settings.getHighlightColors({});
    expect(defaults.map((c) => c.key)).toEqual(['yellow', 'green', 'blue', 'pink', 'purple']);
    const names = ['claim', 'evidence', 'disputed', 'context', 'follow up'];
    await client.settings.setHighlightColors({ colors: defaults.map((c, i) => ({ key: c.key, name: ` ${names[i]} ` })) });
    expect((await client.settings.getHighlightColors({})).map((c) => c.name)).toEqual(names);
    await expect(client.settings.setHighlightColors({ colors: defaults.map((c) => ({ key: c.key, name: 'same' })) })).rejects.toMatchObject({
      message: expect.stringContaining('same name'),
    });
    await expect(client.settings.setHighlightColors({ colors: defaults.map((c, i) => ({ key: c.key, name: i ? c.name : '  ' })) })).rejects.toMatchObject({
      message: expect.stringContaining('needs a name'),
    });
  });
});
