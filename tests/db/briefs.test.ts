import { describe, expect, it } from 'vitest';
import type { AppError } from '../../shared/api/errors';
import type { Db } from '../../electron/db/connection';
import type { AnnotationId, BriefId, TrashId } from '../../shared/model/ids';
import { testLibrary } from '../helpers/library';
import { briefState } from '../helpers/seed-brief';

const ftsRows = (db: Db, word: string) =>
  db.prepare('SELECT rowid FROM briefs_fts WHERE briefs_fts MATCH ?').pluck().all(word) as number[];

describe('briefs in the library', () => {
  it('are created, saved as typed, renamed, tagged and found by their words', async () => {
    const { client, library } = testLibrary();
    expect(await client.briefs.list({})).toEqual([]);
    const b = await client.briefs.create({ title: 'Iraq troop levels', tags: ['iraq'] });
    expect(b).toMatchObject({ title: 'Iraq troop levels', tags: ['iraq'] });
    expect(JSON.parse(b.content).root.type).toBe('root');

    await client.briefs.update({ id: b.id, content: briefState([], 'Stoltenberg expects four thousand personnel.'), contentText: 'Stoltenberg expects four thousand personnel.' });
    await client.briefs.update({ id: b.id, title: 'NATO mission in Iraq', tags: ['iraq', 'nato'] });
    const saved = await client.briefs.get({ id: b.id });
    expect(saved.title).toBe('NATO mission in Iraq');
    expect(saved.tags).toEqual(['iraq', 'nato']);
    expect(saved.content).toContain('Stoltenberg expects');

    // The search index follows every save.
    expect(ftsRows(library.db, 'stoltenberg')).toEqual([b.id]);
    expect(ftsRows(library.db, 'troop')).toEqual([]);
    expect((await client.briefs.list({ query: 'NATO miss' })).map((x) => x.id)).toEqual([b.id]);
    expect(await client.briefs.list({ query: 'Kirby' })).toEqual([]);
  });

  it('are duplicated with content and tags, deleted to the trash and restored exactly', async () => {
    const { client, library } = testLibrary();
    const b = await client.briefs.create({ title: 'Original', tags: ['draft'] });
    await client.briefs.update({ id: b.id, content: briefState([], 'Some findings.'), contentText: 'Some findings.' });
    const copy = await client.briefs.duplicate({ id: b.id });
    expect(copy).toMatchObject({ title: 'Original (copy)', tags: ['draft'] });
    expect(copy.content).toBe((await client.briefs.get({ id: b.id })).content);

    const { trashId } = await client.briefs.delete({ id: b.id });
    expect((await client.briefs.list({})).map((x) => x.title)).toEqual(['Original (copy)']);
    expect(ftsRows(library.db, 'findings')).toEqual([copy.id]);
    await expect(client.briefs.get({ id: b.id })).rejects.toMatchObject({ code: 'not_found' });
    expect((await client.trash.list({})).find((t) => t.id === trashId)).toMatchObject({ kind: 'brief', label: 'Original' });

    await client.trash.restore({ id: trashId as TrashId });
    const back = await client.briefs.get({ id: b.id });
    expect(back).toMatchObject({ title: 'Original', tags: ['draft'] });
    expect(ftsRows(library.db, 'findings').sort()).toEqual([b.id, copy.id].sort());
  });

  it('refuse bad input with a message that says what is wrong', async () => {
    const { client } = testLibrary();
    const b = await client.briefs.create({});
    expect(b.title).toBe('Untitled brief');
    const err = (p: Promise<unknown>) => p.then(() => null, (e: AppError) => e);
    expect((await err(client.briefs.update({ id: b.id, title: '   ' })))?.message).toMatch(/Brief title must not be empty/);
    expect((await err(client.briefs.update({ id: b.id, content: '{"nope": 1}', contentText: '' })))?.message).toMatch(/Lexical editor state/);
    expect((await err(client.briefs.update({ id: b.id, content: briefState([]) })))?.message).toMatch(/saved together/);
    expect((await err(client.briefs.get({ id: 999 as BriefId })))?.code).toBe('not_found');
    expect((await err(client.briefs.addQuote({ id: b.id, annotationId: 12345 as AnnotationId })))?.message).toMatch(/Annotation 12345 does not exist/);
  });
});
