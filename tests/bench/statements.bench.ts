import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLibrary } from '../../electron/app/library';
import { createClient } from '../../shared/api/client';
import type { AnnotationId, SourceId } from '../../shared/model/ids';
import { detectQuotes } from '../../shared/statements/detect';
import { corpusPath } from '../helpers/corpus';

/**
 * Statements at library scale: 300 sources (variants of the seed article), 3,000
 * statements by 40 speakers, 600 links. Figures are median wall-clock
 * milliseconds per call through the contract (validation included).
 */
const SOURCES = 300;
const STATEMENTS_PER_SOURCE = 10;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)] * 100) / 100;
}

async function measure(runs: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  return median(times);
}

export async function benchStatements(): Promise<Record<string, number>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'collate-bench-statements-'));
  const library = openLibrary({ dataDir: dir });
  const client = createClient((m, i) => library.call(m, i));
  const seed = readFileSync(corpusPath('seed', 'pentagon-nato-iraq.txt'), 'utf8');
  const figures: Record<string, number> = {};
  try {
    const ids: AnnotationId[] = [];
    const sourceIds: SourceId[] = [];
    const imports: number[] = [];
    for (let s = 0; s < SOURCES; s++) {
      const t = performance.now();
      const { id } = await client.sources.importText({ title: `Variant ${s}`, text: `${seed}\n\nVariant number ${s} of the article.` });
      imports.push(performance.now() - t);
      sourceIds.push(id);
    }
    figures.import_text_ms = median(imports);
    // What detecting a source's quotes costs, paid once per source (at import once detectSuggestionsFor is called there).
    figures.detect_quotes_ms = await measure(20, async (i) => detectQuotes(`${seed}\n\nVariant ${i}.`));
    figures.suggestions_first_open_ms = await measure(20, (i) => client.statements.suggestions({ sourceId: sourceIds[i] }));
    figures.suggestions_again_ms = await measure(20, (i) => client.statements.suggestions({ sourceId: sourceIds[i] }));
    const t0 = performance.now();
    for (const sourceId of sourceIds) {
      for (let k = 0; k < STATEMENTS_PER_SOURCE; k++) {
        const start = 40 + k * 150;
        const a = await client.statements.create({ sourceId, start, end: start + 90, speakerName: `Speaker ${(sourceId * 7 + k) % 40}`, role: 'Official', saidOn: `2021-0${1 + (k % 9)}-1${k % 10}`, quoteKind: 'direct' });
        ids.push(a.id);
      }
    }
    figures.statement_create_ms = Math.round(((performance.now() - t0) / ids.length) * 100) / 100;
    for (let i = 0; i < 600; i++) {
      await client.links.create({ fromId: ids[i * 5], toId: ids[i * 5 + 1], relation: i % 2 ? 'qualifies' : 'supports' });
    }
    figures.related_ms = await measure(30, (i) => client.statements.related({ id: ids[i * 97] }));
    figures.claims_all_ms = await measure(5, () => client.statements.list({}));
    figures.claims_contested_ms = await measure(5, () => client.statements.list({ contested: true }));
    figures.speaker_timeline_ms = await measure(10, async (i) => client.speakers.get({ id: (await client.speakers.list({ query: `Speaker ${i}` }))[0].id as never }));
    figures.compare_ms = await measure(30, (i) => client.statements.compare({ ids: [ids[i * 5], ids[i * 5 + 1]] }));
    return figures;
  } finally {
    library.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && /statements\.bench\.ts$/.test(process.argv[1])) {
  benchStatements().then((f) => console.log(JSON.stringify(f, null, 2)));
}
