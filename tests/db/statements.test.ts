import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CollateClient } from '../../shared/api/contract';
import type { SuggestionView } from '../../shared/api/methods/statements';
import type { SourceId } from '../../shared/model/ids';
import { detectSuggestionsFor } from '../../electron/services/statements';
import { corpusPath } from '../helpers/corpus';
import { testLibrary } from '../helpers/library';

const seed = readFileSync(corpusPath('seed', 'pentagon-nato-iraq.txt'), 'utf8');
const cli = fileURLToPath(new URL('../../electron/cli/collate.mjs', import.meta.url));

async function seedSource(client: CollateClient) {
  const { id } = await client.sources.importText({ title: 'Pentagon open to more troops in Iraq', text: seed });
  const suggestions = await client.statements.suggestions({ sourceId: id });
  const find = (speaker: string, words: string) => {
    const s = suggestions.find((x) => x.speaker === speaker && x.exact.includes(words));
    if (!s) throw new Error(`no suggestion for ${speaker}: ${words}`);
    return s;
  };
  return { sourceId: id, suggestions, find };
}

async function textOf(client: CollateClient, sourceId: SourceId) {
  const s = await client.sources.get({ id: sourceId });
  return s.document.blocks.map((b) => b.text).join('\n\n');
}

describe('quote suggestions', () => {
  it('offers the five quotes of the seed article with their speakers, handle, date, medium and outlet', async () => {
    const { client } = testLibrary();
    const { suggestions, find } = await seedSource(client);
    expect(find('John Kirby', 'no plans to increase U.S. force levels')).toMatchObject({ handle: '@PentagonPresSec', saidOn: '2021-02-19', medium: 'tweet', quoteKind: 'direct' });
    expect(find('Jessica L. McNulty', 'will contribute its fair share')).toMatchObject({ reportedIn: 'CNN', role: 'Pentagon spokesperson' });
    find('Jens Stoltenberg', 'ISIS is still there');
    find('Jens Stoltenberg', 'would jump from about 500 personnel');
    find('Christopher Miller', 'The drawdown of US force levels');
    // Offsets point into the stored text, so accepting one highlights exactly the quote.
    const sourceText = await textOf(client, suggestions[0].sourceId);
    for (const s of suggestions) expect(sourceText.slice(s.start, s.end)).toBe(s.exact);
  });

  it('accepts in one call (annotation + statement + speaker) and keeps accept and dismiss across a reopen', async () => {
    const { client, library, dataDir } = testLibrary();
    const { sourceId, suggestions, find } = await seedSource(client);
    const kirby = find('John Kirby', 'no plans');
    const austin = suggestions.find((s) => s.speaker === 'Lloyd Austin');
    const accepted = await client.statements.acceptSuggestion({ id: kirby.id });
    expect(accepted.exact).toBe(kirby.exact);
    expect(accepted.statement).toMatchObject({ speakerName: 'John Kirby', saidOn: '2021-02-19', medium: 'tweet', role: 'Pentagon spokesperson', quoteKind: 'direct' });
    if (austin) await client.statements.dismissSuggestion({ id: austin.id });
    await expect(client.statements.acceptSuggestion({ id: kirby.id })).rejects.toMatchObject({ code: 'conflict' });

    library.close();
    const again = testLibrary({ dataDir }).client;
    const open = await again.statements.suggestions({ sourceId });
    expect(open.map((s) => s.id)).not.toContain(kirby.id);
    if (austin) expect(open.map((s) => s.id)).not.toContain(austin.id);
    expect(open).toHaveLength(suggestions.length - (austin ? 2 : 1));
    const all = await again.statements.suggestions({ sourceId, includeClosed: true });
    expect(all.find((s) => s.id === kirby.id)).toMatchObject({ status: 'accepted', annotationId: accepted.id });
    expect((await again.annotations.list({ sourceId })).map((a) => a.id)).toEqual([accepted.id]);
    // The handle became an alias, so a later "@PentagonPresSec" statement lands on the same speaker.
    const [speaker] = await again.speakers.list({ query: 'PentagonPresSec' });
    expect(speaker).toMatchObject({ name: 'John Kirby', statementCount: 1, roles: [{ role: 'Pentagon spokesperson', from: '2021-02-19', to: '2021-02-19' }] });
    expect(speaker.aliases).toContain('@PentagonPresSec');
  });
});

describe('statements and speakers', () => {
  it('marks a selection and a highlight as statements, and searches them by speaker', async () => {
    const { client, library } = testLibrary();
    const { sourceId } = await seedSource(client);
    const text = await textOf(client, sourceId);
    const start = text.indexOf('there are no plans to increase');
    const s = await client.statements.create({
      sourceId, start, end: start + 'there are no plans to increase U.S. force levels there'.length,
      speakerName: 'Kirby', role: 'Pentagon Press Secretary', saidOn: '2021-02-19', medium: 'tweet', quoteKind: 'direct',
    });
    expect(s.statement).toMatchObject({ speakerName: 'Kirby', medium: 'tweet' });
    const hlStart = text.indexOf('will contribute its fair share');
    const hl = await client.annotations.create({ sourceId, start: hlStart, end: hlStart + 30 });
    const marked = await client.statements.mark({ annotationId: hl.id, speakerName: 'Jessica L. McNulty', reportedIn: 'CNN', medium: 'remarks' });
    expect(marked.id).toBe(hl.id);
    expect(marked.statement).toMatchObject({ speakerName: 'Jessica L. McNulty', reportedIn: 'CNN' });
    const hits = library.db.prepare("SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH 'speaker:mcnulty'").pluck().all();
    expect(hits).toEqual([hl.id]);
    await expect(client.statements.create({ sourceId, start: 0, end: 5, quoteKind: 'direct' })).rejects.toMatchObject({ code: 'invalid_input', message: /needs a speaker/ });
    await expect(client.statements.mark({ annotationId: hl.id, speakerName: 'x', saidOn: '19/02/2021' })).rejects.toMatchObject({ message: /2021-02-19/ });
  });

  it('merges "Kirby", "John Kirby" and "@PentagonPresSec" into one speaker in one step, keeping every name', async () => {
    const { client, library } = testLibrary();
    const { sourceId, find } = await seedSource(client);
    const text = await textOf(client, sourceId);
    const tweet = await client.statements.acceptSuggestion({ id: find('John Kirby', 'no plans').id });
    const at = text.indexOf('there are no imminent plans');
    const paraphrase = await client.statements.create({ sourceId, start: at, end: at + 27, speakerName: 'Kirby', role: 'Pentagon Press Secretary', saidOn: '2021-02-18', quoteKind: 'paraphrase' });
    const handle = await client.speakers.create({ name: 'PentagonPresSec account', aliases: ['Pentagon Press Sec'] });
    await expect(client.speakers.create({ name: 'kirby' })).rejects.toMatchObject({ code: 'duplicate' });
    const john = tweet.statement!.speakerId!;
    const kirby = paraphrase.statement!.speakerId!;
    expect(kirby).not.toBe(john);

    const merged = await client.speakers.merge({ intoId: john, fromIds: [kirby, handle.id as never] });
    expect(merged.name).toBe('John Kirby');
    expect(merged.aliases).toEqual(expect.arrayContaining(['Kirby', '@PentagonPresSec', 'PentagonPresSec account', 'Pentagon Press Sec']));
    expect(merged.statementCount).toBe(2);
    expect(merged.roles).toEqual([
      { role: 'Pentagon Press Secretary', from: '2021-02-18', to: '2021-02-18' },
      { role: 'Pentagon spokesperson', from: '2021-02-19', to: '2021-02-19' },
    ]);
    expect((await client.speakers.list({})).map((s) => s.name)).toEqual(expect.not.arrayContaining(['Kirby', 'PentagonPresSec account']));
    const { timeline } = await client.speakers.get({ id: john });
    expect(timeline.map((r) => r.annotation.id)).toEqual([paraphrase.id, tweet.id]);
    // Statements move with the merge and the search index follows.
    expect(library.db.prepare("SELECT count(*) FROM annotations_fts WHERE annotations_fts MATCH 'speaker:john'").pluck().get()).toBe(2);
    // A new statement typed as the old name lands on the merged speaker.
    const again = await client.statements.create({ sourceId, start: 0, end: 12, speakerName: 'kirby', quoteKind: 'paraphrase' });
    expect(again.statement!.speakerId).toBe(john);
    await expect(client.speakers.merge({ intoId: john, fromIds: [kirby] })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('links between statements', () => {
  async function twoStatements(client: CollateClient) {
    const { sourceId, find } = await seedSource(client);
    const kirby = await client.statements.acceptSuggestion({ id: find('John Kirby', 'no plans').id });
    const mcnulty = await client.statements.acceptSuggestion({ id: find('Jessica L. McNulty', 'fair share').id });
    return { sourceId, kirby, mcnulty, find };
  }

  it('shows a link from both ends with directional labels, and refuses bad links with clear messages', async () => {
    const { client } = testLibrary();
    const { kirby, mcnulty } = await twoStatements(client);
    const link = await client.links.create({ fromId: mcnulty.id, toId: kirby.id, relation: 'qualifies', note: 'Commits forces the tweet said were not planned', confidence: 0.8 });
    const fromA = await client.links.list({ annotationId: mcnulty.id });
    const fromB = await client.links.list({ annotationId: kirby.id });
    expect(fromA).toEqual([expect.objectContaining({ id: link.id, direction: 'out', label: 'qualifies', note: 'Commits forces the tweet said were not planned', confidence: 0.8 })]);
    expect(fromA[0].other).toMatchObject({ id: kirby.id, speakerName: 'John Kirby' });
    expect(fromB).toEqual([expect.objectContaining({ id: link.id, direction: 'in', label: 'is qualified by' })]);
    await expect(client.links.create({ fromId: mcnulty.id, toId: kirby.id, relation: 'qualifies' })).rejects.toMatchObject({ code: 'duplicate' });
    await expect(client.links.create({ fromId: kirby.id, toId: kirby.id, relation: 'supports' })).rejects.toMatchObject({ message: /itself/ });
    await expect(client.links.create({ fromId: kirby.id, toId: mcnulty.id, relation: 'refutes' as never })).rejects.toMatchObject({ message: /relation must be one of/ });
    const plain = await client.annotations.create({ sourceId: kirby.sourceId, start: 0, end: 10 });
    await expect(client.links.create({ fromId: kirby.id, toId: plain.id, relation: 'supports' })).rejects.toMatchObject({ message: /not a statement/ });

    // The claims table flags both ends as contested and filters by relation.
    const rows = await client.statements.list({ relation: 'qualifies' });
    // Date order: the tweet has a date, the remark only its recording time (later).
    expect(rows.map((r) => [r.annotation.id, r.contested])).toEqual([[kirby.id, true], [mcnulty.id, true]]);
    expect(await client.statements.list({ relation: 'supports' })).toEqual([]);

    const compared = await client.statements.compare({ ids: [kirby.id, mcnulty.id] });
    expect(compared.links.map((l) => l.id)).toEqual([link.id]);
    expect(compared.items[1].before).toBe('“');
    expect(compared.items[1].after).toMatch(/^,” Pentagon spokesperson Jessica L\. McNulty said to CNN\./);
  });

  it('sends a deleted link to the trash, hides it at both ends, and restores it', async () => {
    const { client } = testLibrary();
    const { kirby, mcnulty } = await twoStatements(client);
    const link = await client.links.create({ fromId: mcnulty.id, toId: kirby.id, relation: 'qualifies', note: 'why' });
    const { trashId } = await client.links.delete({ id: link.id });
    expect(await client.links.list({ annotationId: kirby.id })).toEqual([]);
    expect(await client.links.list({ annotationId: mcnulty.id })).toEqual([]);
    const trash = await client.trash.list({});
    expect(trash).toEqual([expect.objectContaining({ id: trashId, kind: 'link', itemId: link.id, label: expect.stringContaining('qualifies') })]);
    await client.trash.restore({ id: trashId });
    expect((await client.links.list({ annotationId: kirby.id })).map((l) => [l.id, l.label])).toEqual([[link.id, 'is qualified by']]);
    expect(await client.trash.list({})).toEqual([]);
    // Trashing one end hides the link; restoring the statement brings it back.
    const t = await client.annotations.delete({ id: kirby.id });
    expect(await client.links.list({ annotationId: mcnulty.id })).toEqual([]);
    await client.trash.restore({ id: t.trashId as never });
    expect(await client.links.list({ annotationId: mcnulty.id })).toHaveLength(1);
  });

  it('ranks statements about the same thing first, skips ones already linked', async () => {
    const { client } = testLibrary();
    const { kirby, mcnulty, find } = await twoStatements(client);
    const miller = await client.statements.acceptSuggestion({ id: find('Christopher Miller', 'drawdown').id });
    const isis = await client.statements.acceptSuggestion({ id: find('Jens Stoltenberg', 'ISIS is still there').id });
    const other = await client.sources.importText({ title: 'Unrelated', text: 'The council approved a new bicycle lane on Main Street after a long debate.' });
    const bike = await client.statements.create({ sourceId: other.id, start: 4, end: 40, speakerName: 'Mayor Jane Roe', quoteKind: 'paraphrase' });

    const related = await client.statements.related({ id: kirby.id });
    const ids = related.map((r) => r.row.annotation.id);
    // "force levels" and "Iraq" are shared with Miller; "NATO", "mission", "Iraq" with McNulty; nothing with the bike lane.
    expect(ids.slice(0, 2).sort()).toEqual([mcnulty.id, miller.id].sort());
    expect(ids).not.toContain(bike.id);
    expect(ids.indexOf(isis.id) === -1 || ids.indexOf(isis.id) > 1).toBe(true);
    expect(related[0].score).toBeGreaterThanOrEqual(related[related.length - 1].score);
    expect(related[0].reasons).toContain('shares key terms');

    await client.links.create({ fromId: mcnulty.id, toId: kirby.id, relation: 'qualifies' });
    expect((await client.statements.related({ id: kirby.id })).map((r) => r.row.annotation.id)).not.toContain(mcnulty.id);
  });
});

describe('collate statements', () => {
  it('lists statements and a source\'s suggestions, as text and as JSON', async () => {
    const { client, library, dataDir } = testLibrary();
    const { sourceId, find } = await seedSource(client);
    const tweet = find('John Kirby', 'no plans to increase');
    await client.statements.acceptSuggestion({ id: tweet.id });
    library.close();

    const run = (args: string[]) => spawnSync(process.execPath, [cli, 'statements', ...args, '--data-dir', dataDir], { encoding: 'utf8', timeout: 120_000 });
    const text = run(['--source', String(sourceId)]);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/Statements \(1\):\n#\d+\tJohn Kirby, Pentagon spokesperson \(2021-02-19 · Tweet or post\): “We support NATO/);
    expect(text.stdout).toContain('Jessica L. McNulty');

    const json = run(['--source', String(sourceId), '--json']);
    const lines = json.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string } & Partial<SuggestionView>);
    expect(lines.filter((l) => l.type === 'statement')).toHaveLength(1);
    const speakers = lines.filter((l) => l.type === 'suggestion').map((l) => l.speaker);
    expect(speakers).toEqual(expect.arrayContaining(['Jessica L. McNulty', 'Jens Stoltenberg', 'Christopher Miller']));
    expect(lines.filter((l) => l.type === 'suggestion').map((l) => l.id)).not.toContain(tweet.id);

    const all = run([]);
    expect(all.stdout).toContain('Statements (1)');
    expect(all.stdout).not.toContain('Suggested quotes');
    const bad = run(['--source', 'abc']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/--source must be a source number/);
  }, 240_000);
});

describe('quote detection as a source is added', () => {
  it('stores the suggestions inside the transaction that writes the source, once', async () => {
    const { client, library } = testLibrary();
    const { id } = await client.sources.importText({ title: 'Pentagon open to more troops in Iraq', text: seed });
    const stored = () => library.db.prepare('SELECT count(*) FROM quote_suggestions WHERE source_id = ?').pluck().get(id) as number;
    const runs = () => library.db.prepare('SELECT count(*) FROM quote_detection_runs WHERE source_id = ?').pluck().get(id) as number;
    const text = await textOf(client, id);
    const ctx = { db: library.db, now: () => '2026-11-25T12:00:00.000Z' };
    // As addSource would call it: nested in the source's transaction, so a rollback takes the suggestions with it.
    expect(() =>
      library.db
        .transaction(() => {
          detectSuggestionsFor(ctx, id, text);
          expect(stored()).toBeGreaterThanOrEqual(5);
          throw new Error('the source write failed');
        })
        .immediate(),
    ).toThrow('the source write failed');
    expect([stored(), runs()]).toEqual([0, 0]);
    library.db.transaction(() => detectSuggestionsFor(ctx, id, text)).immediate();
    const count = stored();
    expect(count).toBeGreaterThanOrEqual(5);
    detectSuggestionsFor(ctx, id, text);
    expect([stored(), runs()]).toEqual([count, 1]);
    // Reading them is now a plain read: the same rows, no new detection run.
    const listed = await client.statements.suggestions({ sourceId: id });
    expect(listed).toHaveLength(count);
    expect(listed.find((s) => s.speaker === 'John Kirby' && s.exact.includes('no plans to increase U.S. force levels'))).toMatchObject({ handle: '@PentagonPresSec', medium: 'tweet' });
    expect(runs()).toBe(1);
  });
});
