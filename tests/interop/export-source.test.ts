import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import type { SourceId } from '../../shared/model/ids';
import { testLibrary } from '../helpers/library';
import { parseExport } from '../helpers/markdown';
import { KIRBY, MCNULTY, SEED_TITLE, SEED_URL, seedStatements } from '../helpers/seed-brief';

describe('Export source with annotations', () => {
  it('writes the metadata and every annotation with its note, in reading order', async () => {
    const { client, dataDir, library } = testLibrary({ now: () => '2026-11-25T12:00:00.000Z' });
    const { sourceId, kirby, mcnulty } = await seedStatements(client);
    // Notes that look like Markdown stay literal.
    await client.annotations.update({ id: mcnulty.id, note: null, noteText: '# Not a heading\n\n> not a quote, *not* emphasis' });
    const file = await client.interop.exportSource({ id: sourceId });
    expect(file.filename).toBe('pentagon-open-to-sending-more-troops-to-iraq-for-nato-mission.md');
    const parsed = parseExport(file.text);
    expect(parsed.frontMatter).toMatchObject({ title: SEED_TITLE, published: '2021-02-19', url: SEED_URL, annotations: 2 });
    expect(parsed.tokens.filter((t) => t.type === 'heading_open').map((t) => t.tag)).toEqual(['h1']);
    // Kirby's tweet comes before McNulty's remark in the article.
    expect(parsed.blockquotes).toEqual([KIRBY, MCNULTY]);
    expect(parsed.paragraphs).toContain('# Not a heading');
    expect(parsed.paragraphs).toContain('> not a quote, *not* emphasis');
    expect([...parsed.footnoteDefs.keys()]).toEqual(['1']);
    for (const r of parsed.footnoteRefs) expect(parsed.footnoteDefs.has(r)).toBe(true);
    expect(file.text).toContain(`^q${kirby.id}`);

    library.close();
    const out = path.join(dataDir, 'source.md');
    const io = { out: () => undefined, err: () => undefined };
    expect(await main(['export', 'source', String(sourceId), '-o', out, '--data-dir', dataDir], io)).toBe(0);
    expect(readFileSync(out, 'utf8').replace(/^exported: .*$/m, '')).toBe(file.text.replace(/^exported: .*$/m, ''));
  });

  it('says which source is missing', async () => {
    const { client } = testLibrary();
    await expect(client.interop.exportSource({ id: 42 as SourceId })).rejects.toThrow('Source 42 is not in the library.');
  });
});
