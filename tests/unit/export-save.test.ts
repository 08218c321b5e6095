import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type AskSavePath, saveExportWithDialog } from '../../electron/services/export';
import { seedStatements } from '../helpers/seed-brief';
import { tempDir, testLibrary } from '../helpers/library';

/** The desktop app's "Export Markdown": a real library, the Save dialog stood in for by the path a user would pick. */
async function setup() {
  const { library, client } = testLibrary({ now: () => '2026-11-25T12:00:00.000Z' });
  const { sourceId, kirby } = await seedStatements(client);
  const brief = await client.briefs.create({ title: 'Troop levels' });
  await client.briefs.addQuote({ id: brief.id, annotationId: kirby.id });
  return { library, client, sourceId, briefId: brief.id, folder: tempDir() };
}

const answer = (filePath: string | null) => {
  const asked: Array<{ filename: string; title: string }> = [];
  const ask: AskSavePath = async (suggested) => {
    asked.push(suggested);
    return filePath;
  };
  return { ask, asked };
};

describe('saving an export through the Save dialog', () => {
  it('writes the same bytes as the contract (and so the CLI) where the user chose, over an older file', async () => {
    const { library, client, briefId, sourceId, folder } = await setup();
    const target = path.join(folder, 'my brief.md');
    writeFileSync(target, 'an older, longer file that must be replaced whole '.repeat(100));
    const { ask, asked } = answer(target);
    expect(await saveExportWithDialog(library.call, { kind: 'brief', id: briefId }, ask)).toEqual({ saved: true, filename: 'my brief.md' });
    expect(asked).toEqual([{ filename: 'troop-levels.md', title: 'Export brief as Markdown' }]);
    expect(readFileSync(target, 'utf8')).toBe((await client.briefs.exportMarkdown({ id: briefId })).text);

    const sourceFile = path.join(folder, 'source.md');
    await saveExportWithDialog(library.call, { kind: 'source', id: sourceId }, answer(sourceFile).ask);
    expect(readFileSync(sourceFile, 'utf8')).toBe((await client.interop.exportSource({ id: sourceId })).text);
    expect(readdirSync(folder).sort()).toEqual(['my brief.md', 'source.md']);
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const { library, briefId, folder } = await setup();
    expect(await saveExportWithDialog(library.call, { kind: 'brief', id: briefId }, answer(null).ask)).toEqual({ saved: false, filename: null });
    expect(readdirSync(folder)).toEqual([]);
  });

  it('takes no path or name from the page, and opens no dialog for what cannot be exported', async () => {
    const { library, briefId, folder } = await setup();
    const { ask, asked } = answer(path.join(folder, 'x.md'));
    for (const input of [{ kind: 'brief', id: briefId, path: '/etc/passwd' }, { kind: 'brief', id: String(briefId) }, { kind: 'file', id: 1 }, '/tmp/x.md', null]) {
      await expect(saveExportWithDialog(library.call, input, ask)).rejects.toMatchObject({ code: 'invalid_input' });
    }
    await expect(saveExportWithDialog(library.call, { kind: 'brief', id: 9999 }, ask)).rejects.toMatchObject({ code: 'not_found' });
    expect(asked).toEqual([]);
    expect(existsSync(path.join(folder, 'x.md'))).toBe(false);
  });

  it('says what went wrong when the file cannot be written, and leaves no partial file behind', async () => {
    const { library, briefId, folder } = await setup();
    // A folder where the file should go: the write fails after the bytes are out, at the rename.
    mkdirSync(path.join(folder, 'taken.md', 'inside'), { recursive: true });
    await expect(saveExportWithDialog(library.call, { kind: 'brief', id: briefId }, answer(path.join(folder, 'taken.md')).ask)).rejects.toMatchObject({ code: 'invalid_input', message: 'taken.md is a folder; choose a file name.' });
    await expect(saveExportWithDialog(library.call, { kind: 'brief', id: briefId }, answer(path.join(folder, 'missing', 'b.md')).ask)).rejects.toMatchObject({ code: 'internal' });
    expect(readdirSync(folder)).toEqual(['taken.md']);
  });
});
