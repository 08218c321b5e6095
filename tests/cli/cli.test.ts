import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { corpusPath } from '../helpers/corpus';
import { tempDir } from '../helpers/library';

const cli = fileURLToPath(new URL('../../electron/cli/collate.mjs', import.meta.url));

function collate(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the collate command', () => {
  it('explains itself', () => {
    const r = collate(['--help']);
    expect(r.code).toBe(0);
    for (const cmd of ['serve', 'import', 'list', 'check', 'backup', '--data-dir']) expect(r.stdout).toContain(cmd);
  });

  it('fails with one line and a non-zero code on an unknown command or option', () => {
    const r = collate(['frobnicate']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const bad = collate(['list', '--colour', '--data-dir', tempDir()]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/collate list: .*colour/);
  });

  it('imports text files and folders, reports each file as JSON, and lists them', () => {
    const dataDir = tempDir();
    const inbox = tempDir();
    writeFileSync(path.join(inbox, 'seed.txt'), readFileSync(corpusPath('seed', 'pentagon-nato-iraq.txt')));
    mkdirSync(path.join(inbox, 'more'));
    writeFileSync(path.join(inbox, 'more', 'note.txt'), 'A short note about NATO.\n\nSecond paragraph.');
    writeFileSync(path.join(inbox, 'more', 'copy.txt'), 'A short note about NATO.\n\nSecond paragraph.');
    writeFileSync(path.join(inbox, 'empty.txt'), '');
    const r = collate(['import', inbox, '--json', '--tag', 'iraq', '--data-dir', dataDir]);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    const byName = Object.fromEntries(lines.map((l) => [path.basename(l.file), l]));
    expect(byName['seed.txt']).toMatchObject({ status: 'imported', id: expect.any(Number) });
    expect(byName['empty.txt']).toMatchObject({ status: 'failed', error: expect.stringMatching(/empty/i) });
    expect([byName['copy.txt'].status, byName['note.txt'].status].sort()).toEqual(['duplicate', 'imported']);
    expect(r.code).toBe(2);

    const list = collate(['list', '--json', '--data-dir', dataDir]);
    expect(list.code).toBe(0);
    const items = list.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(items).toHaveLength(2);
    expect(items.every((s: { tags: string[] }) => s.tags.includes('iraq'))).toBe(true);
  });

  it('uses COLLATE_DATA_DIR when --data-dir is not given', () => {
    const dataDir = tempDir();
    const file = path.join(tempDir(), 'a.txt');
    writeFileSync(file, 'Some words worth keeping.');
    expect(collate(['import', file], { COLLATE_DATA_DIR: dataDir }).code).toBe(0);
    expect(existsSync(path.join(dataDir, 'library.sqlite3'))).toBe(true);
    expect(collate(['list'], { COLLATE_DATA_DIR: dataDir }).stdout).toContain('Some words worth keeping.');
  });

  it('checks the library and writes an online backup that opens as a library', () => {
    const dataDir = tempDir();
    const file = path.join(tempDir(), 'a.txt');
    writeFileSync(file, 'Words for the backup.');
    collate(['import', file, '--data-dir', dataDir]);
    const check = collate(['check', '--data-dir', dataDir]);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('healthy');
    const target = path.join(tempDir(), 'copy.sqlite3');
    const backup = collate(['backup', target, '--data-dir', dataDir]);
    expect(backup.code).toBe(0);
    expect(existsSync(target)).toBe(true);
    const restoredDir = tempDir();
    writeFileSync(path.join(restoredDir, 'library.sqlite3'), readFileSync(target));
    expect(collate(['list', '--json', '--data-dir', restoredDir]).stdout).toContain('Words for the backup');
  });

  it('says plainly when the library file is damaged', () => {
    const dataDir = tempDir();
    writeFileSync(path.join(dataDir, 'library.sqlite3'), 'garbage '.repeat(1000));
    const r = collate(['list', '--data-dir', dataDir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/damaged/);
    // Moved aside untouched (electron/app/recovery.ts), so the next open does not trip on it again.
    const aside = /moved aside, untouched, to (\S+\.sqlite3)\./.exec(r.stderr)?.[1];
    expect(aside).toBeDefined();
    expect(readFileSync(aside!, 'utf8')).toBe('garbage '.repeat(1000));
  });
});
