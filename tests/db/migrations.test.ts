import Database from 'better-sqlite3';
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/errors';
import { openDatabase } from '../../electron/db/connection';
import { migrate, SCHEMA_VERSION, schemaVersion } from '../../electron/db/migrate';
import { migrations } from '../../electron/db/migrations';
import { tempDir } from '../helpers/library';

const migrationsDir = fileURLToPath(new URL('../../electron/db/migrations', import.meta.url));

describe('migrations', () => {
  it('lists every migration file once, numbered 1, 2, 3… in order', () => {
    const files = readdirSync(migrationsDir)
      .filter((f) => /^\d{4}-.*\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(migrations.map((m) => m.name)).toEqual(files);
    expect(migrations.map((m) => m.version)).toEqual(files.map((_, i) => i + 1));
    for (const m of migrations) expect(m.name.startsWith(String(m.version).padStart(4, '0'))).toBe(true);
  });

  it('creates the core schema on a new file with WAL and foreign keys on', () => {
    const file = path.join(tempDir(), 'library.sqlite3');
    const db = openDatabase(file);
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view')").pluck().all() as string[];
    for (const t of ['sources', 'source_bodies', 'annotations', 'tags', 'source_tags', 'annotation_tags', 'speakers', 'speaker_aliases', 'links', 'briefs', 'trash', 'sources_fts', 'annotations_fts', 'briefs_fts']) {
      expect(tables).toContain(t);
    }
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('is idempotent: opening again changes nothing', () => {
    const file = path.join(tempDir(), 'library.sqlite3');
    const db = openDatabase(file);
    migrate(db);
    const before = db.prepare('SELECT sql FROM sqlite_schema ORDER BY name').pluck().all();
    expect(migrate(db)).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT sql FROM sqlite_schema ORDER BY name').pluck().all()).toEqual(before);
    db.close();
  });

  it('refuses a library written by a newer Collate, and leaves it untouched', () => {
    const file = path.join(tempDir(), 'library.sqlite3');
    const raw = new Database(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    raw.exec('CREATE TABLE future (x)');
    raw.close();
    const db = openDatabase(file);
    let error: unknown;
    try {
      migrate(db);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('database_too_new');
    expect((error as AppError).message).toMatch(/newer version of Collate/);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION + 5);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'sources'").pluck().get()).toBe(0);
    db.close();
  });

  it('rolls a failing step back whole: the version and the schema stay as they were', () => {
    const file = path.join(tempDir(), 'library.sqlite3');
    const db = openDatabase(file);
    migrate(db);
    const broken = [...migrations, { version: SCHEMA_VERSION + 1, name: 'broken', sql: 'CREATE TABLE half_done (x); SELECT * FROM no_such_table;' }];
    expect(() => migrate(db, broken)).toThrow(/no_such_table/);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").pluck().get()).toBe(0);
    db.close();
  });

  it('says plainly when the file is not a library at all', () => {
    const dir = tempDir();
    const file = path.join(dir, 'library.sqlite3');
    writeFileSync(file, 'this is not a database, it is a text file that got renamed'.repeat(100));
    let error: unknown;
    try {
      migrate(openDatabase(file));
    } catch (e) {
      error = e;
    }
    expect((error as AppError).code).toBe('database_corrupt');
  });
});
