import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { extractFile } from '../../electron/interop';
import { runImport, fileItems } from '../../electron/services/import';
import type { ServiceContext } from '../../electron/services/context';
import { tempDir, testLibrary } from '../helpers/library';

function writeArticles(dir: string, count: number, poison: number[] = []): string[] {
  return Array.from({ length: count }, (_, i) => {
    const file = path.join(dir, `${String(i).padStart(3, '0')}.txt`);
    const marker = poison.includes(i) ? ' POISON' : '';
    fs.writeFileSync(file, `Article number ${i}\n\nThe body of article ${i} talks about topic${i}${marker} at some length.\n`);
    return file;
  });
}

function contextOf(library: ReturnType<typeof testLibrary>['library']): ServiceContext {
  return { db: library.db, dataDir: library.dataDir, databasePath: library.databasePath, events: library.events, now: () => new Date().toISOString() };
}

it('writes a batch in one go, and a file whose write fails in the middle rolls back only itself', async () => {
  const { library } = testLibrary();
  const dir = tempDir();
  const files = writeArticles(dir, 40, [7, 31]);
  // Fails after the sources row of a poisoned file is written: only a savepoint per file can take that row back.
  library.db.exec(`CREATE TEMP TRIGGER poison BEFORE INSERT ON source_bodies WHEN new.canonical_text LIKE '%POISON%' BEGIN SELECT RAISE(ABORT, 'poisoned'); END`);
  const ctx = contextOf(library);
  const progress: Array<{ done: number; finished: boolean }> = [];
  ctx.events.subscribe((name, e) => {
    if (name === 'import.progress') progress.push(e as { done: number; finished: boolean });
  });
  const report = await runImport(ctx, fileItems(files), { tags: ['batch'], extractor: { extract: extractFile, concurrency: 4 } });

  expect(report.results.map((r) => r.file)).toEqual(files);
  expect(report.results.filter((r) => r.status === 'failed').map((r) => path.basename(r.file))).toEqual(['007.txt', '031.txt']);
  expect(report.results.filter((r) => r.status === 'imported')).toHaveLength(38);
  const titles = (library.db.prepare('SELECT title FROM sources ORDER BY id').pluck().all() as string[]);
  expect(titles).toHaveLength(38);
  expect(titles).not.toContain('Article number 7');
  expect(titles).not.toContain('Article number 31');
  // Index, bodies and tags hold exactly the written sources.
  expect(library.db.prepare('SELECT count(*) FROM source_bodies').pluck().get()).toBe(38);
  expect(library.db.prepare(`SELECT count(*) FROM sources_fts WHERE sources_fts MATCH 'article'`).pluck().get()).toBe(38);
  expect(library.db.prepare(`SELECT count(*) FROM sources_fts WHERE sources_fts MATCH 'topic7'`).pluck().get()).toBe(0);
  expect(library.db.prepare('SELECT count(*) FROM source_tags').pluck().get()).toBe(38);
  expect(progress.at(-1)).toMatchObject({ done: 40, finished: true });
});

it('a batch whose commit fails reports every file in it as failed and leaves the library as it was', async () => {
  const { library } = testLibrary();
  const dir = tempDir();
  const files = writeArticles(dir, 5);
  const ctx = contextOf(library);
  // Another connection holds the write lock for longer than the busy timeout allows, so BEGIN IMMEDIATE fails.
  library.db.pragma('busy_timeout = 50');
  const Database = (await import('better-sqlite3')).default;
  const other = new Database(library.databasePath);
  other.exec('BEGIN IMMEDIATE');
  try {
    const report = await runImport(ctx, fileItems(files), { tags: [], extractor: { extract: extractFile, concurrency: 2 } });
    expect(report.results.map((r) => r.status)).toEqual(['failed', 'failed', 'failed', 'failed', 'failed']);
  } finally {
    other.exec('ROLLBACK');
    other.close();
  }
  expect(library.db.prepare('SELECT count(*) FROM sources').pluck().get()).toBe(0);
});

it('cancelling stops the job promptly and keeps what was written', async () => {
  const { library } = testLibrary();
  const dir = tempDir();
  const files = writeArticles(dir, 300);
  const ctx = contextOf(library);
  let cancelled = false;
  const slow = async (bytes: Uint8Array, name: string) => {
    await new Promise((r) => setTimeout(r, 2));
    return extractFile(bytes, name);
  };
  ctx.events.subscribe((name, e) => {
    if (name === 'import.progress' && !cancelled && (e as { done: number }).done >= 20) cancelled = true;
  });
  const pending = runImport(ctx, fileItems(files), { tags: [], jobId: 'job1', extractor: { extract: slow, concurrency: 2 } });
  const { cancelImport } = await import('../../electron/services/import');
  const timer = setInterval(() => {
    if (cancelled) cancelImport(ctx, 'job1');
  }, 5);
  const report = await pending;
  clearInterval(timer);
  expect(report.cancelled).toBe(true);
  const imported = report.results.filter((r) => r.status === 'imported').length;
  expect(imported).toBeLessThan(300);
  expect(library.db.prepare('SELECT count(*) FROM sources').pluck().get()).toBe(imported);
});
