import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { migrate } from '../../electron/db/migrate';
import { migrations } from '../../electron/db/migrations';
import { insertSource, listSources } from '../../electron/db/repos/sources';
import { tempDir } from '../helpers/library';

describe('migration 0005 (library filter index, tags in the trash)', () => {
  it('indexes the titles, bylines and outlets of sources already in the library, and keeps the trash', () => {
    const db = openDatabase(path.join(tempDir(), 'library.sqlite3'));
    try {
      migrate(db, migrations.filter((m) => m.version < 5));
      db.prepare(`INSERT INTO trash (kind, item_id, label, deleted_at) VALUES ('annotation', 7, 'a highlight', '2024-01-02')`).run();
      const add = (title: string, outlet: string | null) =>
        insertSource(
          db,
          {
            metadata: { title, byline: 'Idrees Ali', outlet, publishedAt: null, url: null, language: null },
            canonicalUrl: null,
            excerpt: null,
            format: 'text',
            origin: 'test',
            contentHash: title,
            wordCount: 2,
            document: { version: 1, blocks: [] },
            canonicalText: `${title} body`,
          },
          '2024-01-01T00:00:00.000Z',
        );
      add('Pentagon open to more troops', 'Reuters');
      add('Élysée statement', null);
      expect(migrate(db)).toBeGreaterThanOrEqual(5);
      const titles = (query: string) => listSources(db, { limit: 10, sort: 'title', query }).items.map((s) => s.title);
      expect(titles('pent')).toEqual(['Pentagon open to more troops']);
      expect(titles('elysee')).toEqual(['Élysée statement']);
      expect(titles('idrees')).toHaveLength(2);
      expect(titles('reuters')).toEqual(['Pentagon open to more troops']);
      db.prepare(`INSERT INTO sources_meta_fts (sources_meta_fts) VALUES ('integrity-check')`).run();
      expect(db.prepare('SELECT kind, item_id, label FROM trash').all()).toEqual([{ kind: 'annotation', item_id: 7, label: 'a highlight' }]);
      db.prepare(`INSERT INTO trash (kind, item_id, label, deleted_at) VALUES ('tag', 1, 'iraq', '2024-01-03')`).run();
    } finally {
      db.close();
    }
  });
});
