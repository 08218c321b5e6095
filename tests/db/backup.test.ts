import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLibrary } from '../../electron/app/library';
import { LibraryDamagedError } from '../../electron/app/recovery';
import { main } from '../../electron/cli/main';
import { openDatabase } from '../../electron/db/connection';
import { migrate } from '../../electron/db/migrate';
import { migrations } from '../../electron/db/migrations';
import { KEEP, listBackups, restoreBackup } from '../../electron/services/backup';
import { contentHash } from '../crash/snapshot';
import { tempDir } from '../helpers/library';

const DAY = 24 * 60 * 60 * 1000;
const at = (ms: number) => () => new Date(Date.parse('2026-03-01T09:00:00Z') + ms).toISOString();

/** A library with a few pasted articles, closed. */
async function makeLibrary(dataDir: string, titles = ['First article', 'Second article', 'Third article']): Promise<void> {
  const library = openLibrary({ dataDir, now: at(0) });
  for (const t of titles) {
    const r = await library.call('sources.importText', { title: t, text: `${t}.\n\n${'The minister said the border would stay open. '.repeat(80)}${t} ends.` });
    expect(r.ok).toBe(true);
  }
  library.close();
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const titles = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT title FROM sources ORDER BY id').pluck().all();
  } finally {
    db.close();
  }
};

/** Overwrites every page but the first with junk: quick_check cannot miss it. */
function damage(file: string): void {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(size - 8192, 0x5a), 0, size - 8192, 4096);
  fs.closeSync(fd);
}

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('automatic backups', () => {
  it('takes none for a new library, one a day for an existing one, and keeps the newest 7', async () => {
    const dataDir = tempDir();
    await makeLibrary(dataDir);
    expect(listBackups(dataDir)).toEqual([]);
    for (let day = 0; day < 10; day++) {
      openLibrary({ dataDir, now: at(day * DAY + 60_000) }).close();
      // A second open the same day adds nothing.
      openLibrary({ dataDir, now: at(day * DAY + 120_000) }).close();
    }
    const daily = listBackups(dataDir).filter((b) => b.kind === 'daily');
    expect(daily).toHaveLength(KEEP.daily);
    expect(daily[0].takenAt).toBe(at(9 * DAY + 60_000)());
    expect(titles(daily[6].path)).toEqual(['First article', 'Second article', 'Third article']);
  });

  it('backs up before a migration, as the library was, and keeps the newest 3 of those', async () => {
    const dataDir = tempDir();
    for (let round = 0; round < 4; round++) {
      const file = path.join(dataDir, 'library.sqlite3');
      fs.rmSync(file, { force: true });
      const db = openDatabase(file);
      migrate(db, migrations.slice(0, 1));
      db.prepare("INSERT INTO sources (title, format, content_hash, imported_at, updated_at) VALUES (?, 'text', 'h', 'now', 'now')").run(`Old ${round}`);
      db.close();
      openLibrary({ dataDir, now: at(round * 1000) }).close();
    }
    const pre = listBackups(dataDir).filter((b) => b.kind === 'pre-migration');
    expect(pre).toHaveLength(KEEP['pre-migration']);
    expect(path.basename(pre[0].path)).toMatch(/^library-pre-migration-v1-/);
    const db = new Database(pre[0].path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare('SELECT title FROM sources').pluck().all()).toEqual(['Old 3']);
    db.close();
  });
});

describe('a damaged library on open', () => {
  it('is said to be damaged, moved aside untouched with its WAL files, and the newest good backup is offered', async () => {
    const dataDir = tempDir();
    await makeLibrary(dataDir);
    openLibrary({ dataDir, now: at(DAY) }).close(); // a daily backup
    const file = path.join(dataDir, 'library.sqlite3');
    damage(file);
    fs.writeFileSync(`${file}-wal`, ''); // a leftover WAL travels with its database
    const before = sha(file);

    let error: unknown;
    try {
      openLibrary({ dataDir, now: at(2 * DAY) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LibraryDamagedError);
    const e = error as LibraryDamagedError;
    expect(e.code).toBe('database_corrupt');
    expect(e.message).toMatch(/^The library at .* is damaged/);
    expect(e.movedAside).toMatch(/library-corrupt-.*\.sqlite3$/);
    expect(sha(e.movedAside!)).toBe(before);
    expect(fs.existsSync(`${e.movedAside}-wal`)).toBe(true);
    expect(fs.existsSync(file)).toBe(false);
    expect(e.backup?.kind).toBe('daily');
    expect(e.message).toContain(`collate restore ${e.backup!.path} --data-dir ${dataDir}`);

    // The command it names works and brings the articles back.
    const r = await cli(['restore', e.backup!.path, '--data-dir', dataDir]);
    expect(r).toMatchObject({ code: 0 });
    const library = openLibrary({ dataDir, now: at(2 * DAY) });
    expect((await library.call('library.check', {})).ok).toBe(true);
    expect(library.db.prepare('SELECT title FROM sources ORDER BY id').pluck().all()).toEqual(['First article', 'Second article', 'Third article']);
    library.close();
  });

  it('says so when there is no good backup to offer', async () => {
    const dataDir = tempDir();
    await makeLibrary(dataDir);
    damage(path.join(dataDir, 'library.sqlite3'));
    expect(() => openLibrary({ dataDir })).toThrow(/No good backup was found/);
  });

  it('a file that is not a database at all is treated the same way', () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'library.sqlite3'), 'this is not a database, just some text that happens to be long enough '.repeat(100));
    expect(() => openLibrary({ dataDir })).toThrow(/is damaged.*moved aside, untouched/);
  });
});

describe('collate backup and collate restore', () => {
  it('backs up to a named file and refuses to overwrite one', async () => {
    const dataDir = tempDir();
    await makeLibrary(dataDir);
    const target = path.join(tempDir(), 'mine.sqlite3');
    const r = await cli(['backup', target, '--data-dir', dataDir]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Backed up to ${target}`);
    expect(titles(target)).toHaveLength(3);
    const again = await cli(['backup', target, '--data-dir', dataDir]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already exists/);
  });

  it('refuses a damaged backup, a foreign file and a missing one, and leaves the library as it was', async () => {
    const dataDir = tempDir();
    await makeLibrary(dataDir);
    const file = path.join(dataDir, 'library.sqlite3');
    const before = sha(file);
    const bad = path.join(tempDir(), 'bad.sqlite3');
    expect((await cli(['backup', bad, '--data-dir', dataDir])).code).toBe(0);
    damage(bad);
    const foreign = path.join(tempDir(), 'other.sqlite3');
    const other = new Database(foreign);
    other.exec('CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES (1)');
    other.close();

    for (const [backup, reason] of [
      [bad, /Not restored: .* is (damaged|not a readable Collate library)/],
      [foreign, /Not restored: .* is not a Collate library/],
      [path.join(dataDir, 'nope.sqlite3'), /Not restored: .* does not exist/],
    ] as const) {
      const r = await cli(['restore', backup, '--data-dir', dataDir]);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(reason);
      expect(r.err.split('\n')).toHaveLength(1);
    }
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(dataDir).filter((f) => f.startsWith('library-replaced'))).toEqual([]);
  });

  it('refuses a backup from a newer Collate', async () => {
    const dataDir = tempDir();
    const newer = path.join(tempDir(), 'newer.sqlite3');
    await makeLibrary(dataDir);
    fs.copyFileSync(path.join(dataDir, 'library.sqlite3'), newer);
    const db = new Database(newer);
    db.pragma('user_version = 9999');
    db.close();
    expect(() => restoreBackup(path.join(dataDir, 'library.sqlite3'), newer, at(0)())).toThrow(/newer Collate/);
  });

  it('keeps the current library aside (with its WAL) and brings the backup in whole, WAL included', async () => {
    const dataDir = tempDir();
    await makeLibrary(dataDir, ['Kept']);
    // The backup is a live library copied with its WAL: rows only in the WAL must come in too.
    const other = tempDir();
    await makeLibrary(other, ['From backup']);
    const raw = new Database(path.join(other, 'library.sqlite3'));
    raw.pragma('wal_autocheckpoint = 0');
    raw.prepare("UPDATE sources SET title = 'Only in the WAL'").run();
    const backup = path.join(tempDir(), 'live.sqlite3');
    fs.copyFileSync(path.join(other, 'library.sqlite3'), backup);
    fs.copyFileSync(path.join(other, 'library.sqlite3-wal'), `${backup}-wal`);
    raw.close();

    const current = openLibrary({ dataDir });
    const hashBefore = contentHash(current.db);
    current.close();
    const r = await cli(['restore', backup, '--data-dir', dataDir]);
    expect(r.code).toBe(0);
    const aside = fs.readdirSync(dataDir).filter((f) => /^library-replaced-.*\.sqlite3$/.test(f));
    expect(aside).toHaveLength(1);
    expect(r.out).toContain(path.join(dataDir, aside[0]));
    const kept = openDatabase(path.join(dataDir, aside[0]));
    expect(contentHash(kept)).toBe(hashBefore);
    kept.close();

    const restored = openLibrary({ dataDir });
    expect(restored.db.prepare('SELECT title FROM sources').pluck().all()).toEqual(['Only in the WAL']);
    expect((await restored.call('library.check', {})).ok).toBe(true);
    restored.close();
  });
});

describe('a large library is checked and backed up after it opens', () => {
  /** Overwrites the pages of the article texts only: the library still opens, so only a full check finds it. */
  function damageData(file: string): void {
    const db = new Database(file, { readonly: true });
    const pages = db.prepare("SELECT pageno FROM dbstat WHERE name = 'source_bodies'").pluck().all() as number[];
    db.close();
    const fd = fs.openSync(file, 'r+');
    for (const page of pages) fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, (page - 1) * 4096);
    fs.closeSync(fd);
  }
  const untilEvent = (library: ReturnType<typeof openLibrary>, name: string) =>
    new Promise<unknown>((resolve) => {
      const off = library.events.subscribe((n, payload) => {
        if (n !== name) return;
        off();
        resolve(payload);
      });
    });

  it('opens at once, writes the daily backup on a worker, and finds nothing wrong in a healthy library', async () => {
    const dataDir = tempDir();
    await makeLibrary(dataDir);
    const library = openLibrary({ dataDir, now: at(DAY), checkBeforeOpenBytes: 0 });
    await expect.poll(() => listBackups(dataDir).filter((b) => b.kind === 'daily').length, { timeout: 20_000 }).toBe(1);
    expect(titles(listBackups(dataDir)[0].path)).toEqual(['First article', 'Second article', 'Third article']);
    expect((await library.call('library.info', {})) as { value: { damage: string | null } }).toMatchObject({ ok: true, value: { damage: null } });
    library.close();
  });

  it('tells the open app about damage at once, and sets the library aside at the next open', async () => {
    const dataDir = tempDir();
    await makeLibrary(dataDir);
    openLibrary({ dataDir, now: at(DAY) }).close(); // a daily backup
    const file = path.join(dataDir, 'library.sqlite3');
    damageData(file);
    const library = openLibrary({ dataDir, now: at(2 * DAY), checkBeforeOpenBytes: 0 });
    const event = (await untilEvent(library, 'library.damaged')) as { message: string };
    expect(event.message).toMatch(/^Collate found damage in this library/);
    expect(event.message).toMatch(/set this library aside, untouched, and offer the newest good backup/);
    expect(await library.call('library.info', {})).toMatchObject({ ok: true, value: { damage: event.message } });
    library.close();

    // The next open checks first, whatever the size, and sets it aside with the backup offered.
    let error: unknown;
    try {
      openLibrary({ dataDir, now: at(3 * DAY), checkBeforeOpenBytes: 0 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LibraryDamagedError);
    expect((error as LibraryDamagedError).backup?.kind).toBe('daily');
    expect(fs.existsSync(file)).toBe(false);
  });
});
