import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from '../../shared/api/client';
import type { QuoteData } from '../../shared/markdown';
import type { AnnotationId } from '../../shared/model/ids';
import { openLibrary } from '../../electron/app/library';

/**
 * Exporting a brief of 500 quotes from 100 sources (half of them statements),
 * with the user's own paragraph between quotes: the query, the headless
 * Lexical conversion, the formatting and writing the file, per export.
 */
const SOURCES = 100;
const QUOTES_PER_SOURCE = 5;
const RUNS = 40;

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] * 100) / 100;
};

function article(i: number): string {
  const paras: string[] = [];
  for (let p = 0; p < 12; p++) paras.push(`Paragraph ${p} of article ${i}: the minister said the *mission* would [expand] by ${p * 100} troops, #${i} — “quoted words ${p}” & more.`);
  return paras.join('\n\n');
}

export async function benchExport(): Promise<Record<string, number>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'collate-bench-export-'));
  const library = openLibrary({ dataDir: dir });
  const client = createClient((m, i) => library.call(m, i));
  try {
    const quoteIds: AnnotationId[] = [];
    for (let i = 0; i < SOURCES; i++) {
      const { id } = await client.sources.importText({ title: `Source ${i}: a report on troop levels`, text: article(i) });
      await client.sources.updateMetadata({ id, metadata: { title: `Source ${i}: a report on troop levels`, outlet: `Outlet ${i % 7}`, byline: `Reporter ${i}`, publishedAt: '2021-02-19', url: `https://example.org/${i}` } });
      for (let k = 0; k < QUOTES_PER_SOURCE; k++) {
        const start = k * 260 + 20;
        const end = start + 80;
        const a =
          k % 2 === 0
            ? await client.statements.create({ sourceId: id, start, end, speakerName: `Speaker ${k}`, role: 'Spokesperson', saidOn: '2021-02-18', medium: 'remarks' })
            : await client.annotations.create({ sourceId: id, start, end, color: 'yellow' });
        quoteIds.push(a.id);
      }
    }
    const { quotes } = await client.briefs.quotes({ annotationIds: quoteIds });
    const byId = new Map<number, QuoteData>(quotes.map((q) => [q.annotationId, q]));
    const children = quoteIds.flatMap((id, i) => [
      { type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text: `Finding ${i}: what this shows.`, format: i % 3 ? 0 : 1, style: '', mode: 'normal', detail: 0 }] },
      { type: 'collate-quote', version: 1, annotationId: id, snapshot: byId.get(id) },
    ]);
    const brief = await client.briefs.create({ title: 'Benchmark brief', tags: ['bench'] });
    await client.briefs.update({ id: brief.id, content: JSON.stringify({ root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children } }), contentText: 'bench' });

    const out = path.join(dir, 'brief.md');
    const times: number[] = [];
    // CPU time too: on a shared, busy machine wall-clock time mostly measures waiting for a core.
    const cpu: number[] = [];
    let bytes = 0;
    for (let r = 0; r < RUNS + 3; r++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const file = await client.briefs.exportMarkdown({ id: brief.id });
      writeFileSync(out, file.text);
      const ms = performance.now() - t0;
      const used = process.cpuUsage(c0);
      // The first runs warm the JIT and SQLite's cache.
      if (r >= 3) {
        times.push(ms);
        cpu.push((used.user + used.system) / 1000);
      }
      bytes = Buffer.byteLength(file.text);
    }
    return {
      export_brief_500_quotes_p50_ms: percentile(times, 50),
      export_brief_500_quotes_p95_ms: percentile(times, 95),
      export_brief_500_quotes_cpu_p50_ms: percentile(cpu, 50),
      export_brief_500_quotes_cpu_p95_ms: percentile(cpu, 95),
      export_brief_bytes: bytes,
    };
  } finally {
    library.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && /export\.bench\.ts$/.test(process.argv[1])) {
  benchExport().then((f) => console.log(JSON.stringify(f, null, 2)));
}
