import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { documentFromPlainText } from '../helpers/plain-text';
import { parseQuery } from '../../shared/search/query';
import { openLibrary } from '../../electron/app/library';
import type { Db } from '../../electron/db/connection';
import { insertAnnotation } from '../../electron/db/repos/annotations';
import { insertSpeaker } from '../../electron/db/repos/speakers';
import { setStatement } from '../../electron/db/repos/statements';
import { setSourceTags } from '../../electron/db/repos/tags';
import type { ServiceContext } from '../../electron/services/context';
import { runSearch } from '../../electron/services/search';
import { addSource } from '../../electron/services/sources';
import { prng, vocabulary, zipf } from './words';

/**
 * Search at 10,000 and 100,000 articles of ~5 KB drawn from a Zipfian word
 * list, plus 100,000 annotations, inserted through addSource (the import
 * service's own path) in batches. Prints import throughput, database size
 * against the raw text, and p50/p95/p99 for each query kind: the naive
 * baseline (bm25 + snippet, top 20) beside Collate's two answers (newest
 * first, then ranked), search-as-you-type keystrokes, and the Library's first
 * page and idle RSS of a `collate serve` opened on the library.
 */

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const OUTLETS = ['Reuters', 'Associated Press', 'Al Jazeera', 'Le Monde', 'The Guardian', 'Der Spiegel', 'BBC News', 'NPR', 'Politico', 'Axios'];
const TAGS = ['iraq', 'iraq/nato-mission', 'syria', 'climate', 'economy', 'elections/us'];
// COLLATE_BENCH_ANNOTATIONS only shortens a smoke run; the figures are for 100,000.
const ANNOTATIONS = Number(process.env.COLLATE_BENCH_ANNOTATIONS ?? 100_000);
const RUNS = 40;
/** How long `collate serve` is watched after its first pages: long enough for the background check of 100,000 articles. */
const IDLE_SECONDS = Number(process.env.COLLATE_BENCH_IDLE_SECONDS ?? 45);

const VOCAB = vocabulary(40_000);

function article(draw: () => number, rand: () => number): { title: string; text: string } {
  const sentence = (min: number, max: number) => {
    const n = min + Math.floor(rand() * (max - min));
    const ws = Array.from({ length: n }, () => VOCAB[draw()]);
    ws[0] = ws[0][0].toUpperCase() + ws[0].slice(1);
    return `${ws.join(' ')}.`;
  };
  const title = sentence(5, 11).slice(0, -1);
  const paragraphs: string[] = [];
  let size = 0;
  const target = 4_000 + rand() * 2_000;
  while (size < target) {
    const p = Array.from({ length: 3 + Math.floor(rand() * 4) }, () => sentence(8, 24)).join(' ');
    paragraphs.push(p);
    size += p.length + 2;
  }
  return { title, text: paragraphs.join('\n\n') };
}

function percentiles(samples: number[]): { p50: number; p95: number; p99: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))] * 100) / 100;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

interface Built {
  ctx: ServiceContext;
  close: () => void;
  dataDir: string;
  databasePath: string;
  rawBytes: number;
  importMs: number;
  phrases: string[];
  /** Kept for the next run (COLLATE_BENCH_KEEP): not deleted at the end. */
  kept: boolean;
}

/**
 * COLLATE_BENCH_KEEP=DIR keeps each generated library in DIR/n<size> and reuses
 * it on the next run (import figures are then not measured), so trying an idea
 * on 100,000 articles costs minutes less. Generation is seeded: same library.
 */
const KEEP = process.env.COLLATE_BENCH_KEEP;

function reuse(count: number): Built | null {
  if (!KEEP) return null;
  const dataDir = path.join(KEEP, `n${count}`);
  if (!existsSync(path.join(dataDir, 'built.json'))) return null;
  const library = openLibrary({ dataDir });
  const ctx: ServiceContext = { db: library.db, dataDir, databasePath: library.databasePath, events: library.events, now: () => new Date().toISOString() };
  const saved = JSON.parse(readFileSync(path.join(dataDir, 'built.json'), 'utf8')) as { rawBytes: number; phrases: string[] };
  return { ctx, close: () => library.close(), dataDir, databasePath: library.databasePath, rawBytes: saved.rawBytes, importMs: Number.NaN, phrases: saved.phrases, kept: true };
}

function build(count: number): Built {
  const reused = reuse(count);
  if (reused) return reused;
  const dataDir = KEEP ? path.join(KEEP, `n${count}`) : mkdtempSync(path.join(os.tmpdir(), 'collate-bench-search-'));
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const library = openLibrary({ dataDir });
  let clock = Date.UTC(2020, 0, 1);
  const now = () => new Date((clock += 1000)).toISOString();
  const ctx: ServiceContext = { db: library.db, dataDir, databasePath: library.databasePath, events: library.events, now };
  const rand = prng(count);
  const draw = zipf(VOCAB.length, 1.05, count + 1);
  const speakers = Array.from({ length: 50 }, (_, i) => insertSpeaker(ctx.db, `Speaker ${VOCAB[500 + i]}`, 'person', now()));
  const perSource = ANNOTATIONS / count;
  let rawBytes = 0;
  const phrases: string[] = [];
  const t0 = performance.now();
  const BATCH = 500;
  for (let start = 0; start < count; start += BATCH) {
    // A bulk import commits in batches; addSource's own transaction nests as a savepoint.
    ctx.db.transaction(() => {
      for (let i = start; i < Math.min(count, start + BATCH); i++) {
        const a = article(draw, rand);
        rawBytes += Buffer.byteLength(a.text, 'utf8');
        const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(rand() * 3650) * 86_400_000).toISOString().slice(0, 10);
        const out = addSource(ctx, {
          document: documentFromPlainText(a.text),
          metadata: { title: a.title, byline: `Reporter ${i % 700}`, outlet: OUTLETS[i % OUTLETS.length], publishedAt: day, url: null, language: 'en' },
          format: 'text',
          origin: 'bench',
        });
        if (rand() < 0.3) setSourceTags(ctx.db, out.id, [TAGS[Math.floor(rand() * TAGS.length)]], now());
        if (phrases.length < RUNS * 2 && rand() < 0.05) {
          const ws = a.text.split(/\s+/);
          const k = Math.floor(rand() * (ws.length - 3));
          phrases.push(ws.slice(k, k + 2).join(' ').replace(/[^\p{L}\s]/gu, ''));
        }
        // Annotations over real passages: whole numbers per source plus a remainder drawn at random.
        const n = Math.floor(perSource) + (rand() < perSource % 1 ? 1 : 0);
        for (let j = 0; j < n; j++) {
          const s = Math.floor(rand() * (a.text.length - 120));
          const id = insertAnnotation(ctx.db, { sourceId: out.id, start: s, end: s + 80, exact: a.text.slice(s, s + 80), prefix: '', suffix: '', color: 'yellow' }, now());
          if (rand() < 0.2) {
            setStatement(ctx.db, id, { speakerId: speakers[Math.floor(rand() * speakers.length)], role: null, saidOn: day, medium: 'remarks', reportedIn: null, quoteKind: 'direct' }, now());
          }
        }
      }
    })();
  }
  const importMs = performance.now() - t0;
  if (KEEP) writeFileSync(path.join(dataDir, 'built.json'), JSON.stringify({ rawBytes, phrases }));
  return { ctx, close: () => library.close(), dataDir, databasePath: library.databasePath, rawBytes, importMs, phrases, kept: !!KEEP };
}

/** The baseline: what one FTS5 query with bm25 and snippets costs without any strategy. */
function naive(db: Db, query: string): void {
  const q = parseQuery(query);
  const outlet = q.filters.outlets[0];
  db.prepare(
    `SELECT rowid, snippet(sources_fts, -1, char(2), char(3), '…', 16) FROM sources_fts WHERE sources_fts MATCH ?
     ${outlet ? "AND rowid IN (SELECT id FROM sources WHERE outlet LIKE ?)" : ''} ORDER BY bm25(sources_fts) LIMIT 20`,
  ).all(...(outlet ? [q.match, `%${outlet}%`] : [q.match]));
}

async function serveFigures(dataDir: string): Promise<Record<string, number>> {
  const spawned = performance.now();
  const child = spawn(process.execPath, [path.join(repoRoot, 'electron/cli/collate.mjs'), 'serve', '--data-dir', dataDir, '--port', '0'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`collate serve did not start: ${output}`)), 120_000);
      const onData = (c: Buffer) => {
        output += c.toString();
        const m = /(http:\/\/127\.0\.0\.1:\d+)\/#token=([A-Za-z0-9_-]+)/.exec(output);
        if (m) {
          clearTimeout(timer);
          resolve(m[0]);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
    });
    const origin = url.replace(/\/#token=.*/, '');
    const token = url.replace(/.*#token=/, '');
    const samples: number[] = [];
    let startToFirstPage = Number.NaN;
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      const res = await fetch(`${origin}/api/sources.list`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ limit: 50 }) });
      await res.json();
      samples.push(performance.now() - t0);
      if (i === 0) startToFirstPage = performance.now() - spawned;
    }
    // A large library is checked and backed up on a worker thread after it opens (electron/app/library.ts):
    // the peak includes that work, idle is the process after it, at rest.
    const { readFileSync } = await import('node:fs');
    const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
    const rss: number[] = [];
    for (let i = 0; i < IDLE_SECONDS; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      rss.push(rssMb());
    }
    const round1 = (x: number) => Math.round(x * 10) / 10;
    return {
      // From starting `collate serve` to the Library's first page answered: the process, the open, the query.
      serve_start_to_first_page_ms: round1(startToFirstPage),
      library_first_page_cold_ms: round1(samples[0]),
      library_first_page_p50_ms: percentiles(samples.slice(1)).p50,
      server_rss_peak_mb: round1(Math.max(...rss)),
      server_idle_rss_mb: round1(rss[rss.length - 1]),
    };
  } finally {
    child.kill('SIGTERM');
  }
}

export async function benchSearch({ sizes }: { sizes: number[] }): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  for (const size of sizes) {
    const pre = `n${size}_`;
    const log = (m: string) => process.stderr.write(`  [search ${size}] ${m}\n`);
    log('building…');
    const b = build(size);
    log(`built in ${(b.importMs / 1000).toFixed(1)} s`);
    try {
      const db = b.ctx.db;
      if (!Number.isNaN(b.importMs)) {
        figures[`${pre}import_articles_per_s`] = Math.round(size / (b.importMs / 1000));
        figures[`${pre}import_mb_per_s`] = Math.round((b.rawBytes / 1048576 / (b.importMs / 1000)) * 10) / 10;
      }
      figures[`${pre}raw_text_mb`] = Math.round(b.rawBytes / 104857.6) / 10;
      db.pragma('wal_checkpoint(TRUNCATE)');
      const dbBytes = statSync(b.databasePath).size;
      figures[`${pre}db_mb`] = Math.round(dbBytes / 104857.6) / 10;
      figures[`${pre}db_to_raw_ratio`] = Math.round((dbBytes / b.rawBytes) * 100) / 100;
      // Where the bytes go, so a change to the schema can be judged by its cost.
      const parts = db
        .prepare<[], { name: string; bytes: number }>(
          `SELECT CASE WHEN m.type = 'index' OR d.name LIKE 'sqlite_autoindex%' THEN 'indexes'
                       WHEN d.name GLOB '*_fts*' THEN substr(d.name, 1, instr(d.name, '_fts') + 3)
                       ELSE d.name END AS name, sum(d.pgsize) AS bytes
           FROM dbstat d LEFT JOIN sqlite_master m ON m.name = d.name GROUP BY 1 ORDER BY 2 DESC`,
        )
        .all();
      for (const part of parts.slice(0, 8)) figures[`${pre}db_mb_${part.name}`] = Math.round(part.bytes / 104857.6) / 10;

      const rand = prng(99);
      const mid = (lo: number, hi: number) => VOCAB[lo + Math.floor(rand() * (hi - lo))];
      const kinds: Record<string, string[]> = {
        two_term: Array.from({ length: RUNS }, () => `${mid(150, 1500)} ${mid(150, 1500)}`),
        phrase: b.phrases.slice(0, RUNS).map((p) => `"${p}"`),
        prefix: Array.from({ length: RUNS }, () => `${mid(200, 3000).slice(0, 4)}*`),
        common_term: Array.from({ length: RUNS }, () => mid(0, 20)),
        filtered: Array.from({ length: RUNS }, (_, i) => `${mid(150, 1500)} outlet:"${OUTLETS[i % OUTLETS.length]}"`),
      };
      for (const [kind, queries] of Object.entries(kinds)) {
        log(kind);
        naive(db, queries[0]);
        const record = (name: string, samples: number[]) => {
          const p = percentiles(samples);
          figures[`${pre}${kind}_${name}_p50_ms`] = p.p50;
          figures[`${pre}${kind}_${name}_p95_ms`] = p.p95;
          figures[`${pre}${kind}_${name}_p99_ms`] = p.p99;
        };
        record('naive', queries.map((q) => time(() => naive(db, q))));
        // What the app shows first (newest matches, all four kinds) and what replaces it (ranked).
        record('first_page', queries.map((q) => time(() => runSearch(db, q, { order: 'recent', limit: 20 }))));
        record('ranked', queries.map((q) => time(() => runSearch(db, q, { order: 'ranked', limit: 20 }))));
      }
      // Search-as-you-type: every keystroke of a few typed queries, newest-first with the last word as a prefix.
      const typed = Array.from({ length: 8 }, () => `${mid(100, 2000)} ${mid(100, 4000)}`);
      const keystrokes: number[] = [];
      for (const t of typed) for (let i = 1; i <= t.length; i++) keystrokes.push(time(() => runSearch(db, t.slice(0, i), { order: 'recent', limit: 20, asYouType: true })));
      const k = percentiles(keystrokes);
      figures[`${pre}keystroke_p50_ms`] = k.p50;
      figures[`${pre}keystroke_p95_ms`] = k.p95;
      figures[`${pre}keystroke_p99_ms`] = k.p99;
      b.close();
      log('serving…');
      for (const [key, v] of Object.entries(await serveFigures(b.dataDir))) figures[`${pre}${key}`] = v;
    } finally {
      b.close();
      if (!b.kept) rmSync(b.dataDir, { recursive: true, force: true });
    }
  }
  return figures;
}
