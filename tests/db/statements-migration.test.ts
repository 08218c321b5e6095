import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/db/connection';
import { migrate } from '../../electron/db/migrate';
import { migrations } from '../../electron/db/migrations';
import { tempDir } from '../helpers/library';

describe('migration 0002-statements', () => {
  it('adds the suggestion tables to a version-1 library and folds repeated speaker roles into one', () => {
    const file = path.join(tempDir(), 'library.sqlite3');
    const db = openDatabase(file);
    migrate(db, migrations.slice(0, 1));
    const now = '2026-01-01T00:00:00Z';
    db.prepare("INSERT INTO speakers (id, name, created_at) VALUES (1, 'John Kirby', ?)").run(now);
    const role = db.prepare('INSERT INTO speaker_roles (speaker_id, role, from_date, to_date) VALUES (1, ?, ?, ?)');
    role.run('Pentagon Press Secretary', '2021-02-19', '2021-02-19');
    role.run('pentagon press secretary', '2021-03-01', '2021-03-01');
    role.run('Admiral', null, null);

    migrate(db);
    expect(db.prepare('SELECT role, from_date FROM speaker_roles ORDER BY id').all()).toEqual([
      { role: 'Pentagon Press Secretary', from_date: '2021-02-19' },
      { role: 'Admiral', from_date: null },
    ]);
    expect(() => role.run('PENTAGON PRESS SECRETARY', null, null)).toThrow(/UNIQUE/);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['quote_suggestions', 'quote_detection_runs']));
    db.close();
  });
});
