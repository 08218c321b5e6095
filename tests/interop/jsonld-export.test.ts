import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import { corpusPath } from '../helpers/corpus';
import { testLibrary } from '../helpers/library';
import { SEED_TITLE, SEED_URL, seedStatements } from '../helpers/seed-brief';
import { w3cValidator } from '../helpers/w3c-validator';

type Collection = { '@context': unknown; type: string; total: number; first: { items: Array<Record<string, unknown>> } };

/** The seed library plus a plain highlight with a note, tags and a colour. */
async function richLibrary() {
  const lib = testLibrary();
  const seeded = await seedStatements(lib.client);
  const source = await lib.client.sources.get({ id: seeded.sourceId });
  const text = source.document.blocks.map((b) => b.text).join('\n\n');
  const phrase = 'Troop levels in the country fell to 2,500';
  const start = text.indexOf(phrase);
  const h = await lib.client.annotations.create({ sourceId: seeded.sourceId, start, end: start + phrase.length, color: 'green' });
  const note = JSON.stringify({ root: { type: 'root', children: [] } });
  await lib.client.annotations.update({ id: h.id, note, noteText: 'The baseline *before* Biden — check <the> number' });
  await lib.client.annotations.setTags({ id: h.id, tags: ['iraq/troop-levels', 'numbers'] });
  await lib.client.annotations.setTags({ id: seeded.kirby.id, tags: ['iraq'] });
  return { ...lib, ...seeded, highlight: h };
}

/** What must survive a round trip: everything but ids and the export time. */
function comparable(c: Collection) {
  const ids = new Map(c.first.items.map((a, i) => [a.id as string, `#${i}`]));
  return c.first.items.map((a) => ({
    ...a,
    id: ids.get(a.id as string),
    'collate:links': (a['collate:links'] as Array<Record<string, unknown>> | undefined)?.map((l) => ({ ...l, target: ids.get(l.target as string) })),
  }));
}

describe('W3C Web Annotation export and import', () => {
  const v = w3cValidator();

  it('exports the library, a source or a tag as a valid AnnotationCollection with quote and position selectors', async () => {
    const { client, sourceId, kirby, mcnulty, highlight } = await richLibrary();
    const all = JSON.parse((await client.interop.exportAnnotations({})).text) as Collection;
    expect(v.checkCollection(all)).toEqual([]);
    expect(all.type).toBe('AnnotationCollection');
    expect(all.total).toBe(3);

    const k = all.first.items.find((a) => a.id === `urn:collate:annotation:${kirby.id}`)!;
    expect(k.target).toEqual({
      source: SEED_URL,
      selector: [
        { type: 'TextQuoteSelector', exact: kirby.exact, prefix: kirby.prefix, suffix: kirby.suffix },
        { type: 'TextPositionSelector', start: kirby.start, end: kirby.end },
      ],
    });
    expect(k.body).toEqual([{ type: 'TextualBody', purpose: 'tagging', value: 'iraq' }]);
    expect(k['collate:statement']).toMatchObject({ speaker: 'John Kirby', role: 'Pentagon press secretary', medium: 'tweet', saidOn: '2021-02-18' });
    expect(k['collate:links']).toEqual([{ relation: 'qualifies', target: `urn:collate:annotation:${mcnulty.id}`, note: expect.stringContaining('fair share'), confidence: null }]);
    const h = all.first.items.find((a) => a.id === `urn:collate:annotation:${highlight.id}`)!;
    expect(h.motivation).toBe('commenting');
    expect(h.body).toContainEqual({ type: 'TextualBody', purpose: 'commenting', value: 'The baseline *before* Biden — check <the> number', format: 'text/plain' });

    const bySource = JSON.parse((await client.interop.exportAnnotations({ sourceId })).text) as Collection;
    expect(v.checkCollection(bySource)).toEqual([]);
    expect(bySource.total).toBe(3);
    // A tag takes its children: iraq finds iraq and iraq/troop-levels.
    const byTag = JSON.parse((await client.interop.exportAnnotations({ tag: 'iraq' })).text) as Collection;
    expect(byTag.first.items.map((a) => a.id).sort()).toEqual([`urn:collate:annotation:${kirby.id}`, `urn:collate:annotation:${highlight.id}`].sort());
    expect(v.checkCollection(byTag)).toEqual([]);
  });

  it('round-trips into another library without losing anything', async () => {
    const a = await richLibrary();
    const exported = (await a.client.interop.exportAnnotations({})).text;
    const b = testLibrary();
    const seedText = readFileSync(corpusPath('seed', 'pentagon-nato-iraq.txt'), 'utf8');
    const { id } = await b.client.sources.importText({ title: SEED_TITLE, text: seedText });
    await b.client.sources.updateMetadata({ id, metadata: { title: SEED_TITLE, publishedAt: '2021-02-19', url: SEED_URL } });

    const report = await b.client.interop.importAnnotations({ json: exported });
    expect(report).toEqual({ imported: 3, duplicates: 0, links: 1, unmatched: [] });
    const again = JSON.parse((await b.client.interop.exportAnnotations({})).text) as Collection;
    expect(comparable(again)).toEqual(comparable(JSON.parse(exported) as Collection));

    // Importing the same file twice adds nothing.
    expect(await b.client.interop.importAnnotations({ json: exported })).toEqual({ imported: 0, duplicates: 3, links: 0, unmatched: [] });
  });

  it('attaches annotations by quote when the source has no matching URL, and reports what it cannot place', async () => {
    const a = await richLibrary();
    const exported = JSON.parse((await a.client.interop.exportAnnotations({})).text) as Collection;
    for (const item of exported.first.items) (item.target as { source: string }).source = 'https://elsewhere.example/copy';
    exported.first.items.push({ ...exported.first.items[0], id: 'urn:x:1', target: { source: 'https://nowhere.example', selector: [{ type: 'TextQuoteSelector', exact: 'words that appear in no source at all' }] } });
    const b = testLibrary();
    await b.client.sources.importText({ title: 'Pasted copy', text: readFileSync(corpusPath('seed', 'pentagon-nato-iraq.txt'), 'utf8') });
    const report = await b.client.interop.importAnnotations({ json: JSON.stringify(exported) });
    expect(report.imported).toBe(3);
    expect(report.unmatched).toEqual([{ id: 'urn:x:1', exact: 'words that appear in no source at all', reason: 'no source has the URL https://nowhere.example or contains the quote' }]);
  });

  it('imports a Hypothesis JSON export (same selectors, text and tags)', async () => {
    const b = testLibrary();
    const { client } = b;
    const { id } = await client.sources.importText({ title: SEED_TITLE, text: readFileSync(corpusPath('seed', 'pentagon-nato-iraq.txt'), 'utf8') });
    await client.sources.updateMetadata({ id, metadata: { title: SEED_TITLE, url: SEED_URL } });
    const hypothesis = [
      {
        id: 'hyp-1',
        created: '2021-02-20T09:00:00.000000+00:00',
        updated: '2021-02-20T09:05:00.000000+00:00',
        user: 'acct:reader@hypothes.is',
        uri: SEED_URL,
        text: 'Stoltenberg’s figure',
        tags: ['nato', 'numbers'],
        group: '__world__',
        target: [
          {
            source: SEED_URL,
            // Positions from a web page differ from ours; the quote and its context decide.
            selector: [
              { type: 'TextPositionSelector', start: 2000, end: 2040 },
              { type: 'TextQuoteSelector', exact: 'from about 500 personnel to around 4,000', prefix: 'the mission would jump ', suffix: ', CNN reported' },
            ],
          },
        ],
        document: { title: ['Pentagon open to more troops'] },
      },
    ];
    const report = await client.interop.importAnnotations({ json: JSON.stringify(hypothesis) });
    expect(report).toEqual({ imported: 1, duplicates: 0, links: 0, unmatched: [] });
    const [a] = await client.annotations.list({ sourceId: id });
    expect(a.exact).toBe('from about 500 personnel to around 4,000');
    expect(a.noteText).toBe('Stoltenberg’s figure');
    expect(a.tags.sort()).toEqual(['nato', 'numbers']);
  });

  it('says clearly what is wrong with a file that is not annotations', async () => {
    const { client } = testLibrary();
    await expect(client.interop.importAnnotations({ json: '{not json' })).rejects.toThrow(/not JSON/);
    await expect(client.interop.importAnnotations({ json: '{"type": "Person"}' })).rejects.toThrow(/neither W3C Web Annotations/);
    await expect(client.interop.importAnnotations({ json: '[]' })).rejects.toThrow(/no text annotations/);
  });

  it('the CLI exports JSON-LD and imports it back', async () => {
    const a = await richLibrary();
    const out = path.join(a.dataDir, 'annotations.jsonld');
    a.library.close();
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    expect(await main(['export', 'annotations', '--format', 'jsonld', '-o', out, '--data-dir', a.dataDir], io)).toBe(0);
    expect(v.checkCollection(JSON.parse(readFileSync(out, 'utf8')))).toEqual([]);
    expect(await main(['export', 'annotations', '--format', 'csv', '--data-dir', a.dataDir], io)).toBe(1);
    expect(lines.at(-1)).toMatch(/--format jsonld/);
    expect(await main(['import-annotations', out, '--data-dir', a.dataDir], io)).toBe(0);
    expect(lines.at(-1)).toBe('0 imported, 3 already in the library, 0 links, 0 without a matching source.');
  });
});
