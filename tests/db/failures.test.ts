import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openLibrary } from '../../electron/app/library';
import { contentHash } from '../crash/snapshot';
import { tempDir, testLibrary } from '../helpers/library';

const ARTICLE = `A long article.\n\n${'The council voted to keep the harbour open through the winter. '.repeat(200)}`;

/** Whether this process may mount file systems (root on Linux): then the disk is really full or really read-only. */
const canMount = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const dir = fs.mkdtempSync('/tmp/collate-mount-probe-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' });
    execFileSync('umount', [dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    fs.rmdirSync(dir);
  }
})();

const mounts: string[] = [];
afterEach(() => {
  while (mounts.length) execFileSync('umount', ['-l', mounts.pop()!], { stdio: 'ignore' });
});

async function seeded(dataDir?: string) {
  const t = testLibrary(dataDir ? { dataDir } : {});
  const r = await t.client.sources.importText({ title: 'Harbour vote', text: ARTICLE });
  return { ...t, sourceId: r.id };
}

describe('a full disk', () => {
  it('refuses the write with one clear message and keeps the library as it was (SQLITE_FULL from the page limit)', async () => {
    const { library, client, sourceId } = await seeded();
    const pages = library.db.pragma('page_count', { simple: true }) as number;
    // The real SQLITE_FULL path: SQLite reports a full database exactly as it reports a full disk.
    library.db.pragma(`max_page_count = ${pages + 2}`);
    const before = contentHash(library.db);

    const paste = await library.call('sources.importText', { title: 'Another long one', text: ARTICLE.repeat(20) });
    expect(paste).toEqual({ ok: false, error: { code: 'disk_full', message: expect.stringMatching(/^The disk holding your library is full, so this change was not saved\./) } });
    expect(contentHash(library.db)).toBe(before);

    // Small writes that fit still work, and everything is still there.
    library.db.pragma('max_page_count = 1073741823');
    await client.annotations.create({ sourceId, start: 3, end: 10 });
    expect((await client.library.check({})).ok).toBe(true);
  });

  it.runIf(canMount)('on a real, small file system that fills up: one clear message, nothing lost (tmpfs)', async () => {
    const dir = tempDir('collate-full-');
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1200k', 'tmpfs', dir]);
    mounts.push(dir);
    const { library, client } = await seeded(dir);
    const before = contentHash(library.db);
    const titles: string[] = [];
    let failure;
    for (let i = 0; i < 200 && !failure; i++) {
      const r = await library.call('sources.importText', { title: `Filler ${i}`, text: `${i} ${ARTICLE}`.repeat(3) });
      if (r.ok) titles.push(`Filler ${i}`);
      else failure = r.error;
    }
    expect(failure).toEqual({ code: 'disk_full', message: expect.stringMatching(/disk holding your library is full/) });
    expect(before).not.toBe(contentHash(library.db)); // some fitted before the disk filled
    // Every write that was confirmed is there, and the library is whole.
    const listed = (await client.sources.list({ limit: 500 })).items.map((s) => s.title);
    for (const t of titles) expect(listed).toContain(t);
    library.close();
    fs.rmSync(path.join(dir, 'backups'), { recursive: true, force: true });
    const reopened = openLibrary({ dataDir: dir });
    expect(await reopened.call('library.check', {})).toEqual({ ok: true, value: { ok: true, problems: [] } });
    reopened.close();
  });
});

describe('a read-only data folder', () => {
  it('gives one clear message on open and leaves the library untouched', async () => {
    const { library, dataDir } = await seeded();
    library.close();
    const file = path.join(dataDir, 'library.sqlite3');
    const bytes = fs.readFileSync(file);
    let roDir = dataDir;
    if (canMount) {
      roDir = tempDir('collate-ro-');
      execFileSync('mount', ['--bind', dataDir, roDir]);
      mounts.push(roDir);
      execFileSync('mount', ['-o', 'remount,bind,ro', roDir]);
    } else {
      fs.chmodSync(dataDir, 0o555);
    }
    try {
      expect(() => openLibrary({ dataDir: roDir })).toThrow(/^Collate cannot write to .*\. Check that the folder exists and is writable\.$/);
      let code;
      try {
        openLibrary({ dataDir: roDir });
      } catch (e) {
        code = (e as { code?: string }).code;
      }
      expect(code).toBe('read_only');
    } finally {
      if (!canMount) fs.chmodSync(dataDir, 0o755);
    }
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.readdirSync(dataDir).sort()).toEqual(['library.sqlite3']);
  });
});

describe('a library locked by another program', () => {
  it('refuses the write with one clear message, then works once the other program lets go', async () => {
    const { library, client, sourceId, dataDir } = await seeded();
    const before = contentHash(library.db);
    // Another process holds the write lock, in the middle of its own transaction.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const D = require(${JSON.stringify(require.resolve('better-sqlite3'))});
         const db = new D(${JSON.stringify(path.join(dataDir, 'library.sqlite3'))});
         db.exec('BEGIN EXCLUSIVE'); db.exec("INSERT INTO settings (key, value) VALUES ('other', 'program')");
         console.log('locked'); setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise<void>((resolve) => holder.stdout!.on('data', (c: Buffer) => c.toString().includes('locked') && resolve()));
      const r = await library.call('annotations.create', { sourceId, start: 0, end: 5 });
      expect(r).toEqual({
        ok: false,
        error: { code: 'database_locked', message: expect.stringMatching(/^The library is locked by another program .*so this change was not saved\. Close that program or wait, then try again\.$/) },
      });
    } finally {
      holder.kill('SIGKILL');
      await new Promise((r) => holder.once('exit', r));
    }
    // The other program's unfinished transaction and our refused write both left nothing.
    expect(contentHash(library.db)).toBe(before);
    await client.annotations.create({ sourceId, start: 0, end: 5 });
    expect((await client.library.check({})).ok).toBe(true);
  });
});
