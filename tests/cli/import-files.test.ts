import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { corpusPath } from '../helpers/corpus';
import { tempDir } from '../helpers/library';

const cli = fileURLToPath(new URL('../../electron/cli/collate.mjs', import.meta.url));

describe('collate import', () => {
  it('parses web pages on worker threads from any folder, walks folders safely, and reports every file', () => {
    const dataDir = tempDir();
    const inbox = tempDir();
    // A saved page with its "_files" folder (skipped), two real pages, an unknown type, and a symlink loop.
    copyFileSync(corpusPath('readability', 'bbc-1', 'source.html'), path.join(inbox, 'bbc.html'));
    mkdirSync(path.join(inbox, 'bbc_files'));
    writeFileSync(path.join(inbox, 'bbc_files', 'script.txt'), 'asset, not an article');
    mkdirSync(path.join(inbox, 'nested'));
    copyFileSync(corpusPath('readability', 'wikipedia', 'source.html'), path.join(inbox, 'nested', 'wiki.htm'));
    writeFileSync(path.join(inbox, 'nested', 'data.json'), '{}');
    symlinkSync(inbox, path.join(inbox, 'nested', 'loop'));

    // Run from an unrelated folder: the worker threads must still find their code.
    const r = spawnSync(process.execPath, [cli, 'import', inbox, '--json', '--tag', 'web', '--data-dir', dataDir], { cwd: tempDir(), encoding: 'utf8', timeout: 120_000 });
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; status: string; title?: string; error?: string });
    const byName = Object.fromEntries(lines.map((l) => [path.basename(l.file), l]));
    expect(Object.keys(byName).sort()).toEqual(['bbc.html', 'data.json', 'loop', 'wiki.htm']);
    expect(byName['bbc.html']).toMatchObject({ status: 'imported', title: "Obama admits US gun laws are his 'biggest frustration'" });
    expect(byName['wiki.htm']).toMatchObject({ status: 'imported', title: 'Mozilla - Wikipedia' });
    expect(byName['data.json']).toMatchObject({ status: 'failed', error: "Collate can't import .json files; it imports .txt, .md, .html, .pdf and .docx." });
    expect(byName['loop']).toMatchObject({ status: 'failed', error: expect.stringMatching(/symbolic link loop/) });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('2 of 4 files could not be imported.');
  });
});
