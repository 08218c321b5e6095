import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/errors';
import { corpusPath } from '../helpers/corpus';
import { testLibrary } from '../helpers/library';

const seed = readFileSync(corpusPath('seed', 'pentagon-nato-iraq.txt'), 'utf8');

const PAGE = `<html lang="en"><head><title>NATO expands Iraq mission</title>
<meta property="og:site_name" content="Defense Post"><meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2021-02-19T10:00:00Z"><link rel="canonical" href="https://example.com/nato-iraq">
</head><body><article><h1>NATO expands Iraq mission</h1><p>Ministers agreed to expand the <a href="javascript:alert(1)">training</a> mission.</p>
<script>alert(1)</script><img src="https://evil.example/x.png" alt="Soldiers in Baghdad" onerror="alert(2)"></article></body></html>`;

const confirmed = (title: string) => ({ title, byline: null, outlet: null, publishedAt: null, url: null, language: null });

describe('pasting through the contract', () => {
  it('previews a pasted page with its metadata and stores nothing until it is added', async () => {
    const { client } = testLibrary();
    const preview = await client.paste.preview({ html: PAGE, text: 'NATO expands Iraq mission' });
    expect(preview.flavour).toBe('html');
    expect(preview.metadata).toMatchObject({ byline: 'Jane Doe', outlet: 'Defense Post', url: 'https://example.com/nato-iraq', language: 'en' });
    expect(preview.metadata.publishedAt).toMatch(/^2021-02-19T10:00/);
    expect(preview.document.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'caption']);
    expect(JSON.stringify(preview.document)).not.toMatch(/javascript:|<script|onerror|evil\.example/);
    expect((await client.sources.list({})).total).toBe(0);
  });

  it('adds a paste with the metadata the user edited, refuses the same page twice and takes a revised one as a new version', async () => {
    const { client } = testLibrary();
    const meta = { title: 'NATO widens its mission', byline: 'J. Doe', outlet: 'Defense Post', publishedAt: '2021-02-19', url: 'https://example.com/nato-iraq', language: 'en' };
    const added = await client.paste.add({ html: PAGE, metadata: meta, tags: ['iraq'] });
    expect(added.status).toBe('imported');
    const source = await client.sources.get({ id: added.id });
    expect(source).toMatchObject({ ...meta, format: 'html', tags: ['iraq'] });
    expect(source.document.blocks[2]).toEqual({ kind: 'caption', text: 'Soldiers in Baghdad' });

    // The same page again: a duplicate, and the user is told of which source.
    const again = await client.paste.add({ html: PAGE, metadata: meta });
    expect(again).toMatchObject({ status: 'duplicate', id: added.id, title: 'NATO widens its mission' });
    // Same canonical URL, different words: a new version of that source (issue 4), never a second copy.
    const revised = await client.paste.add({ html: PAGE.replace('Ministers agreed', 'Ministers decided'), metadata: meta });
    expect(revised).toMatchObject({ status: 'updated', id: added.id, title: 'NATO widens its mission' });
    expect((await client.sources.list({})).total).toBe(1);
  });

  it('honours "paste as plain text" and reads Markdown from the plain flavour', async () => {
    const { client } = testLibrary();
    const plain = await client.paste.preview({ html: PAGE, text: 'NATO expands Iraq mission\n\nMinisters agreed.', preferPlain: true });
    expect(plain.flavour).toBe('text');
    // Formatting is gone: no emphasis, no links, and the text is the plain flavour's.
    expect(plain.document.blocks.some((b) => b.marks?.length)).toBe(false);
    expect(plain.document.blocks.map((b) => b.text)).toEqual(['NATO expands Iraq mission', 'Ministers agreed.']);
    const md = await client.paste.preview({ text: '# Field notes\n\nThe *mission* expands, see [NATO](https://nato.int).\n\n> Quoted words.' });
    expect(md.flavour).toBe('markdown');
    expect(md.document.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'quote']);
    expect(md.metadata.title).toBe('Field notes');
  });

  it('keeps the author, handle and date of a pasted post', async () => {
    const { client } = testLibrary();
    const post = 'There are no plans to increase U.S. force levels in Iraq.\n— John Kirby (@PentagonPresSec) February 18, 2021';
    const preview = await client.paste.preview({ text: post });
    expect(preview.handle).toBe('@PentagonPresSec');
    expect(preview.metadata).toMatchObject({ byline: 'John Kirby (@PentagonPresSec)', publishedAt: '2021-02-18' });
  });

  it('adds the seed article pasted as plain text, paragraphs and all', async () => {
    const { client } = testLibrary();
    const preview = await client.paste.preview({ text: seed });
    expect(preview.wordCount).toBeGreaterThan(300);
    const added = await client.paste.add({ text: seed, metadata: { ...preview.metadata, title: 'Pentagon open to more troops in Iraq' } });
    const source = await client.sources.get({ id: added.id });
    expect(source.document.blocks.length).toBeGreaterThan(5);
    expect(source.document.blocks.map((b) => b.text).join(' ')).toContain('there are no plans to increase U.S. force levels there');
  });

  it('refuses an empty clipboard and a malformed date with specific messages, storing nothing', async () => {
    const { client } = testLibrary();
    await expect(client.paste.preview({ text: '   \n ' })).rejects.toThrow('The clipboard has no text to import.');
    const bad = client.paste.add({ text: 'Some words.', metadata: { ...confirmed('T'), publishedAt: 'yesterday' } });
    await expect(bad).rejects.toBeInstanceOf(AppError);
    await expect(bad).rejects.toThrow(/date must look like 2021-02-19/);
    expect((await client.sources.list({})).total).toBe(0);
  });
});
