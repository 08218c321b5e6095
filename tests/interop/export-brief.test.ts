import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import { testLibrary } from '../helpers/library';
import { parseExport } from '../helpers/markdown';
import { briefState, KIRBY, MCNULTY, OWN_PARAGRAPH, SEED_TITLE, SEED_URL, seedStatements } from '../helpers/seed-brief';

describe('the seed journey: a brief exported as Markdown', () => {
  it('holds both exact quotes, both attributions, one footnote for the seed source and the relation sentence', async () => {
    const { client } = testLibrary({ now: () => '2026-11-25T12:00:00.000Z' });
    const { kirby, mcnulty, link } = await seedStatements(client);
    const brief = await client.briefs.create({ title: 'Iraq: what the Pentagon said', tags: ['iraq', 'nato'] });
    await client.briefs.addQuote({ id: brief.id, annotationId: kirby.id });
    await client.briefs.addQuote({ id: brief.id, annotationId: mcnulty.id });
    const withQuotes = JSON.parse((await client.briefs.get({ id: brief.id })).content) as { root: { children: Array<Record<string, unknown>> } };
    const quoteNodes = withQuotes.root.children.filter((n) => n.type === 'collate-quote');
    expect(quoteNodes).toHaveLength(2);
    const [xref] = (await client.briefs.searchCrossReferences({ query: 'Kirby' })).filter((x) => x.linkId === link.id);
    expect(xref).toBeDefined();
    await client.briefs.update({
      id: brief.id,
      content: briefState([...quoteNodes, { type: 'collate-crossref', version: 1, linkId: link.id, snapshot: xref }]),
      contentText: `${OWN_PARAGRAPH}\n${KIRBY}\n${MCNULTY}`,
    });

    const file = await client.briefs.exportMarkdown({ id: brief.id });
    expect(file.filename).toBe('iraq-what-the-pentagon-said.md');
    const parsed = parseExport(file.text);
    // SHOW_EXPORT=FILE keeps a copy of the seed journey's export to read.
    if (process.env.SHOW_EXPORT) writeFileSync(process.env.SHOW_EXPORT, file.text);

    expect(parsed.frontMatter).toMatchObject({ title: 'Iraq: what the Pentagon said', exported: '2026-11-25T12:00:00.000Z', tags: ['iraq', 'nato'] });
    expect(parsed.frontMatter.sources).toEqual([{ title: SEED_TITLE, published: '2021-02-19', url: SEED_URL }]);
    // Two quotes, then the cross-reference quoting both again.
    expect(parsed.blockquotes).toEqual([KIRBY, MCNULTY, KIRBY, MCNULTY]);
    expect(parsed.quoteMarkup).toEqual([]);
    expect(parsed.paragraphs).toContain(OWN_PARAGRAPH);
    expect(parsed.paragraphs).toContain('— John Kirby, Pentagon press secretary, tweet or post, 2021-02-18[^1] #highlight/blue');
    expect(parsed.paragraphs).toContain('— Jessica L. McNulty, Pentagon spokesperson, remarks to press, 2021-02-18, reported in CNN[^1] #highlight/blue');
    expect(parsed.paragraphs).toContain('John Kirby qualifies Jessica L. McNulty.');
    expect(parsed.paragraphs).toContain('No plans to add troops, yet a “fair share” of an expanded mission.');
    // One footnote for the one source, and every reference resolves.
    expect([...parsed.footnoteDefs.keys()]).toEqual(['1']);
    expect(parsed.footnoteDefs.get('1')).toBe(`*${SEED_TITLE}*, published 2021-02-19, <${SEED_URL}>.`);
    expect(parsed.footnoteRefs.length).toBe(4);
    for (const ref of parsed.footnoteRefs) expect(parsed.footnoteDefs.has(ref)).toBe(true);
    // Obsidian block ids, unique in the file.
    const blockIds = file.text.match(/^\^[\w-]+$/gm) ?? [];
    expect(blockIds).toEqual([`^q${kirby.id}`, `^q${mcnulty.id}`, `^q${kirby.id}-2`, `^q${mcnulty.id}-2`]);
  });

  it('follows the annotation: a changed attribution shows, a deleted annotation keeps its last text', async () => {
    const { client } = testLibrary();
    const { kirby, mcnulty } = await seedStatements(client);
    const brief = await client.briefs.create({ title: 'Follows' });
    await client.briefs.addQuote({ id: brief.id, annotationId: kirby.id });
    await client.briefs.addQuote({ id: brief.id, annotationId: mcnulty.id });
    await client.statements.mark({ annotationId: kirby.id, speakerName: 'John Kirby', role: 'Pentagon spokesperson', saidOn: '2021-02-19', medium: 'tweet' });
    await client.annotations.delete({ id: mcnulty.id });
    const parsed = parseExport((await client.briefs.exportMarkdown({ id: brief.id })).text);
    expect(parsed.paragraphs).toContain('— John Kirby, Pentagon spokesperson, tweet or post, 2021-02-19[^1] #highlight/blue');
    expect(parsed.blockquotes).toEqual([KIRBY, MCNULTY]);
    const { quotes } = await client.briefs.quotes({ annotationIds: [kirby.id, mcnulty.id] });
    expect(quotes.map((q) => q.annotationId)).toEqual([kirby.id]);
  });

  it('the CLI writes the same bytes as the app', async () => {
    const { client, library, dataDir } = testLibrary({ now: () => '2026-11-25T12:00:00.000Z' });
    const { kirby } = await seedStatements(client);
    const brief = await client.briefs.create({ title: 'CLI brief' });
    await client.briefs.addQuote({ id: brief.id, annotationId: kirby.id });
    library.close();
    const out = path.join(dataDir, 'out.md');
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(l) };
    expect(await main(['export', 'brief', String(brief.id), '-o', out, '--data-dir', dataDir], io)).toBe(0);
    const fromCli = readFileSync(out, 'utf8');
    const again = testLibrary({ dataDir, now: () => '2026-11-25T12:00:00.000Z' });
    const fromApp = (await again.client.briefs.exportMarkdown({ id: brief.id })).text;
    // The export date is the only difference between two runs.
    expect(fromCli.replace(/^exported: .*$/m, '')).toBe(fromApp.replace(/^exported: .*$/m, ''));
    expect(parseExport(fromCli).blockquotes).toEqual([KIRBY]);
  });
});
