import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalText } from '../../shared/document/model';
import { corpusPath } from '../helpers/corpus';
import { testLibrary } from '../helpers/library';

const seed = readFileSync(corpusPath('seed', 'pentagon-nato-iraq.txt'), 'utf8');

describe('sources.opening: the first screen of a source', () => {
  it('cuts the document after the block that reaches `chars`, with the annotations wholly inside it', async () => {
    const { client } = testLibrary();
    const { id } = await client.sources.importText({ title: 'Pentagon open to more troops in Iraq', text: seed });
    const whole = await client.sources.get({ id });
    const text = canonicalText(whole.document);
    const at = (from: number, length: number) => client.annotations.create({ sourceId: id, start: from, end: from + length });

    const first = await client.sources.opening({ id, chars: 1_000 });
    const cut = canonicalText(first.source.document);
    expect(first.blockCount).toBe(whole.document.blocks.length);
    expect(first.source.document.blocks.length).toBeLessThan(whole.document.blocks.length);
    expect(first.source.document.blocks).toEqual(whole.document.blocks.slice(0, first.source.document.blocks.length));
    // The cut text is the start of the whole text, reaching at least `chars` but no block further.
    expect(text.startsWith(cut)).toBe(true);
    expect(cut.length).toBeGreaterThanOrEqual(1_000);
    expect(cut.length - whole.document.blocks[first.source.document.blocks.length - 1].text.length).toBeLessThan(1_000);
    expect({ ...first.source, document: null }).toEqual({ ...whole, document: null });

    const inside = await at(10, 30);
    const trashed = await at(50, 20);
    await client.annotations.delete({ id: trashed.id });
    await at(cut.length - 10, 20); // runs past the cut: comes with the whole list, not here
    await at(text.length - 30, 25);
    const again = await client.sources.opening({ id, chars: 1_000 });
    expect(again.annotations.map((a) => a.id)).toEqual([inside.id]);
    expect(again.annotations[0]).toEqual((await client.annotations.list({ sourceId: id })).find((a) => a.id === inside.id));
  });

  it('gives a short source whole, and refuses a source that is not there', async () => {
    const { client } = testLibrary();
    const { id } = await client.sources.importText({ title: 'Short', text: 'One paragraph.\n\nAnother one.' });
    const opening = await client.sources.opening({ id });
    expect(opening.source.document).toEqual((await client.sources.get({ id })).document);
    expect(opening.blockCount).toBe(2);
    await expect(client.sources.opening({ id: id + 1 })).rejects.toMatchObject({ code: 'not_found' });
  });
});
