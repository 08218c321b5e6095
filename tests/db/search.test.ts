import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../shared/api/client';
import type { CollateClient } from '../../shared/api/contract';
import type { SearchHit, SearchResult } from '../../shared/api/methods/search';
import type { SourceId } from '../../shared/model/ids';
import { canonicalText } from '../../shared/document/model';
import { snippetText } from '../../shared/search/snippet';
import { type Library, openLibrary } from '../../electron/app/library';
import { corpusPath } from '../helpers/corpus';

// One library with the 130 readability pages imported, shared by every test in this file.
let dir: string;
let library: Library;
let client: CollateClient;
const idOf = new Map<string, SourceId>();

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'collate-search-'));
  library = openLibrary({ dataDir: dir });
  client = createClient((m, i) => library.call(m, i));
  const report = await client.sources.importFiles({ paths: [corpusPath('readability')] });
  for (const r of report.results) if (r.id && r.title) idOf.set(r.title, r.id);
}, 240_000);

afterAll(() => {
  library.close();
  rmSync(dir, { recursive: true, force: true });
});

const sourceId = (titleStart: string): SourceId => {
  for (const [title, id] of idOf) if (title.startsWith(titleStart)) return id;
  throw new Error(`no imported source titled ${titleStart}…`);
};
const LE_MONDE = 'Le projet de loi sur le renseignement';
const LIBERATION = 'Un troisième Français mort';
const CNET_ES = 'Twitter Lite se estrena';

const textOf = async (id: SourceId) => canonicalText((await client.sources.get({ id })).document);
const search = (query: string, order: 'recent' | 'ranked' = 'ranked') => client.search.query({ query, order });
const group = (r: SearchResult, kind: SearchHit['kind']) => r.groups.find((g) => g.kind === kind)?.hits ?? [];
const sourceIds = (r: SearchResult) => group(r, 'source').map((h) => h.id);

describe('search over a real library (readability corpus)', () => {
  it('imported the corpus', () => {
    expect(idOf.size).toBeGreaterThan(100);
  });

  it('finds an exact phrase, with the terms marked in the snippet and the passage to open', async () => {
    const r = await search('"projet de loi"');
    const hit = group(r, 'source').find((h) => h.id === sourceId(LE_MONDE))!;
    expect(hit).toBeDefined();
    expect(hit.snippet.filter((s) => s.mark).map((s) => s.text.toLowerCase())).toContain('projet de loi');
    const text = await textOf(hit.id as SourceId);
    expect(hit.open.kind).toBe('source');
    const focus = hit.open.kind === 'source' ? hit.open.focus! : null;
    expect(text.slice(focus!.start, focus!.end).toLowerCase()).toBe('projet de loi');
  });

  it('ignores diacritics and case both ways', async () => {
    expect(sourceIds(await search('NEPAL seisme'))).toContain(sourceId(LIBERATION));
    expect(sourceIds(await search('Népal séisme'))).toContain(sourceId(LIBERATION));
    const r = await search('mexico panama');
    const hit = group(r, 'source').find((h) => h.id === sourceId(CNET_ES))!;
    expect(snippetText(hit.snippet)).toMatch(/\[México\]|\[Panamá\]/);
  });

  it('matches a prefix and marks the whole word', async () => {
    const r = await search('renseign*');
    const hit = group(r, 'source').find((h) => h.id === sourceId(LE_MONDE))!;
    expect(hit.snippet.some((s) => s.mark && /^renseign/i.test(s.text))).toBe(true);
  });

  it('leaves out excluded words and honours OR', async () => {
    expect(sourceIds(await search('twitter'))).toContain(sourceId(CNET_ES));
    expect(sourceIds(await search('twitter -lite'))).not.toContain(sourceId(CNET_ES));
    const either = sourceIds(await search('hollande OR fabius'));
    expect(either).toEqual(expect.arrayContaining([sourceId(LE_MONDE), sourceId(LIBERATION)]));
    expect(sourceIds(await search('hollande fabius'))).not.toContain(sourceId(LIBERATION));
  });

  it('filters by outlet and by published date', async () => {
    const byOutlet = await search('gouvernement outlet:"le monde"');
    expect(sourceIds(byOutlet)).toEqual([sourceId(LE_MONDE)]);
    const inMay = await search('after:2015-05-01 before:2015-06-01', 'recent');
    expect(sourceIds(inMay)).toContain(sourceId(LE_MONDE));
    expect(sourceIds(inMay)).not.toContain(sourceId(LIBERATION)); // 2015-04-30
  });

  it('newest-first and ranked orders find the same things', async () => {
    const recent = sourceIds(await search('the', 'recent'));
    const ranked = sourceIds(await search('the', 'ranked'));
    expect(recent.length).toBe(20);
    expect(recent).toEqual([...recent].sort((a, b) => b - a));
    expect(new Set(ranked).size).toBe(20);
    expect(ranked).not.toEqual(recent);
    // A word in the title weighs more than the same word in the text.
    expect(group(await search('renseignement'), 'source')[0].id).toBe(sourceId(LE_MONDE));
  });

  it('answers hostile input with results or a message, never an SQL error', async () => {
    for (const q of ['"unbalanced', 'NEAR(', '*', 'title:', 'body:twitter', '{title}: x', ')', '"', 'a OR', '-', "'; DROP TABLE sources; --"]) {
      const r = await search(q);
      expect(r.groups.length > 0 || r.notices.length > 0 || q.trim() === '', q).toBe(true);
    }
    expect((await search('-twitter')).notices[0]).toMatch(/Add a word/);
  });
});

describe('annotations, statements, briefs and their filters', () => {
  let kirby: number;
  let mcnulty: number;
  beforeAll(async () => {
    const le = sourceId(LE_MONDE);
    const text = await textOf(le);
    const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
    const hl = await client.annotations.create({ sourceId: le, ...at('vote solennel') });
    await client.annotations.update({ id: hl.id, noteText: 'parliament approves the surveillance bill' });
    await client.annotations.setTags({ id: hl.id, tags: ['surveillance'] });
    const a = await client.statements.create({ sourceId: le, ...at('adopté à une large majorité'), speakerName: 'John Kirby', saidOn: '2021-02-19' });
    const b = await client.statements.create({ sourceId: le, ...at('défendu par le gouvernement'), speakerName: 'Jessica McNulty', saidOn: '2021-02-20' });
    kirby = a.id;
    mcnulty = b.id;
    await client.annotations.setTags({ id: a.id, tags: ['iraq/nato-mission'] });
    await client.annotations.setTags({ id: b.id, tags: ['iraq'] });
    await client.links.create({ fromId: a.id, toId: b.id, relation: 'contradicts' });
    await client.briefs.create({ title: 'Surveillance law briefing' });
  });

  it('finds highlights by their note and tags, and opens them at the annotation', async () => {
    const r = await search('surveillance');
    const hit = group(r, 'annotation')[0];
    expect(hit.snippet.some((s) => s.mark)).toBe(true);
    expect(hit.open).toMatchObject({ kind: 'source', sourceId: sourceId(LE_MONDE), focus: { annotationId: hit.id } });
    expect(group(r, 'brief').map((h) => h.title)).toEqual(['Surveillance law briefing']);
    expect(group(r, 'brief')[0].open.kind).toBe('brief');
  });

  it('finds statements by speaker and filters is:statement, speaker:, tag: (with children), relation:', async () => {
    expect(group(await search('kirby'), 'statement').map((h) => h.id)).toEqual([kirby]);
    const tagged = await search('is:statement tag:iraq relation:contradicts');
    expect(tagged.groups.map((g) => g.kind)).toEqual(['statement']);
    expect(group(tagged, 'statement').map((h) => h.id).sort()).toEqual([kirby, mcnulty].sort());
    expect(group(await search('speaker:mcnulty'), 'statement').map((h) => h.id)).toEqual([mcnulty]);
    expect(group(await search('tag:iraq/nato-mission'), 'statement').map((h) => h.id)).toEqual([kirby]);
    expect(group(await search('is:statement before:2021-02-20'), 'statement').map((h) => h.id)).toEqual([kirby]);
    expect((await search('relation:supports')).groups).toEqual([]);
  });

  it('saved searches count what they find and follow the library', async () => {
    const saved = await client.search.save({ name: 'Contradicted Iraq statements', query: 'is:statement tag:iraq relation:contradicts' });
    expect(saved.count).toBe(2);
    const le = sourceId(LE_MONDE);
    const text = await textOf(le);
    const s = 'examiné par le Sénat';
    const c = await client.statements.create({ sourceId: le, start: text.indexOf(s), end: text.indexOf(s) + s.length, speakerName: 'Jens Stoltenberg' });
    await client.annotations.setTags({ id: c.id, tags: ['iraq'] });
    await client.links.create({ fromId: c.id, toId: kirby, relation: 'contradicts' });
    expect((await client.search.listSaved({})).find((x) => x.id === saved.id)!.count).toBe(3);

    await client.search.deleteSaved({ id: saved.id });
    expect((await client.search.listSaved({})).map((x) => x.id)).not.toContain(saved.id);
    await client.search.restoreSaved({ id: saved.id });
    expect((await client.search.listSaved({})).map((x) => x.id)).toContain(saved.id);
    await expect(client.search.save({ name: 'nothing', query: '-x' })).rejects.toThrow(/Add a word/);
  });

  it('a trashed source stops matching, and comes back when restored', async () => {
    const id = sourceId(LIBERATION);
    const { trashId } = await client.sources.delete({ id });
    expect(sourceIds(await search('fabius'))).not.toContain(id);
    await client.trash.restore({ id: trashId as never });
    expect(sourceIds(await search('fabius'))).toContain(id);
  });
});
