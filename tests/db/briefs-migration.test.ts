import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { migrate } from '../../electron/db/migrate';
import { migrations } from '../../electron/db/migrations';
import { tempDir, testLibrary } from '../helpers/library';
import { briefState, seedStatements } from '../helpers/seed-brief';

describe('0003-brief-quotes', () => {
  it('indexes the quotes and cross-references of briefs written before it', () => {
    const db = openDatabase(path.join(tempDir(), 'library.sqlite3'));
    migrate(
      db,
      migrations.filter((m) => m.version < 3),
    );
    const now = '2021-02-19T00:00:00Z';
    db.prepare("INSERT INTO sources (id, title, format, content_hash, imported_at, updated_at) VALUES (1, 'S', 'text', 'h', ?, ?)").run(now, now);
    const ann = db.prepare("INSERT INTO annotations (id, source_id, pos_start, pos_end, exact, created_at, updated_at) VALUES (?, 1, 0, 5, 'words', ?, ?)");
    for (const id of [10, 11, 12]) ann.run(id, now, now);
    db.prepare("INSERT INTO links (id, from_id, to_id, relation, created_at, updated_at) VALUES (7, 10, 11, 'qualifies', ?, ?)").run(now, now);
    const snapshot = { annotationId: 0, exact: 'words' };
    const content = briefState([
      { type: 'collate-quote', version: 1, annotationId: 10, snapshot: { ...snapshot, annotationId: 10 } },
      { type: 'collate-quote', version: 1, annotationId: 99, snapshot: { ...snapshot, annotationId: 99 } },
      { type: 'collate-crossref', version: 1, linkId: 7, snapshot: { linkId: 7, from: { ...snapshot, annotationId: 10 }, to: { ...snapshot, annotationId: 11 } } },
    ]);
    db.prepare("INSERT INTO briefs (id, title, content, created_at, updated_at) VALUES (1, 'B', ?, ?, ?), (2, 'Broken', 'not json', ?, ?)").run(content, now, now, now, now);

    migrate(db);
    // Annotation 99 no longer exists and the broken brief has no JSON: both are skipped, not fatal.
    expect(db.prepare('SELECT brief_id, annotation_id FROM brief_quotes ORDER BY 1, 2').all()).toEqual([{ brief_id: 1, annotation_id: 10 }]);
    expect(db.prepare('SELECT brief_id, link_id FROM brief_links').all()).toEqual([{ brief_id: 1, link_id: 7 }]);
    db.close();
  });

  it('stays in step with saves, so the library can say which briefs quote an annotation', async () => {
    const { client } = testLibrary();
    const { kirby, mcnulty } = await seedStatements(client);
    const a = await client.briefs.create({ title: 'A' });
    const b = await client.briefs.create({ title: 'B' });
    await client.briefs.addQuote({ id: a.id, annotationId: kirby.id });
    await client.briefs.addQuote({ id: b.id, annotationId: kirby.id });
    await client.briefs.addQuote({ id: b.id, annotationId: mcnulty.id });
    expect((await client.briefs.list({ annotationId: kirby.id })).map((x) => x.title).sort()).toEqual(['A', 'B']);
    expect((await client.briefs.list({ annotationId: mcnulty.id })).map((x) => x.title)).toEqual(['B']);
    // Removing the quote from B's text removes it from the index.
    await client.briefs.update({ id: b.id, content: briefState([]), contentText: '' });
    expect((await client.briefs.list({ annotationId: mcnulty.id })).map((x) => x.title)).toEqual([]);
    const copy = await client.briefs.duplicate({ id: a.id });
    expect((await client.briefs.list({ annotationId: kirby.id })).map((x) => x.id).sort()).toEqual([a.id, copy.id].sort());
  });
});
