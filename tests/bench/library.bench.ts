import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../electron/db/connection';
import { migrate } from '../../electron/db/migrate';
import { insertSource, type ListQuery, listSources } from '../../electron/db/repos/sources';
import { ensureTag, tagSource } from '../../electron/db/repos/tags';
import { insertAnnotation } from '../../electron/db/repos/annotations';

/**
 * The Library list at 100,000 sources: first page, deep pages through the
 * cursor, tag / outlet / date filters, filter-as-you-type and the count, each
 * as p50 / p95 wall-clock milliseconds of listSources (the whole sources.list
 * call minus transport). Sources are built straight through the repos with
 * short bodies, so body size does not enter the figures.
 */

const SOURCES = Number(process.env.COLLATE_BENCH_SOURCES ?? 100_000);
const OUTLETS = ['Reuters', 'Associated Press', 'Al Jazeera', 'Le Monde', 'The Guardian', 'Der Spiegel', 'BBC News', 'NPR', 'Politico', 'Axios'];
const WORDS = ['pentagon', 'troops', 'iraq', 'nato', 'mission', 'minister', 'election', 'budget', 'climate', 'summit', 'strike', 'talks', 'border', 'court', 'vote', 'report'];
const TAGS = ['iraq', 'iraq/nato-mission', 'iraq/politics', 'syria', 'climate', 'climate/cop', 'economy', 'elections/us', 'elections/eu', 'defence'];

function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function buildLibrary(db: Db, count: number): void {
  const rand = prng(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const now = '2026-01-01T00:00:00.000Z';
  const tagIds = TAGS.map((t) => ensureTag(db, t, now));
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const title = `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)} ${i}`;
      const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(rand() * 3650) * 86_400_000).toISOString().slice(0, 10);
      const text = `${title}\n\nA short body about ${pick(WORDS)} and ${pick(WORDS)}.`;
      const id = insertSource(
        db,
        {
          metadata: { title, byline: `Reporter ${i % 500}`, outlet: pick(OUTLETS), publishedAt: rand() < 0.9 ? day : null, url: null, language: 'en' },
          canonicalUrl: null,
          excerpt: null,
          format: 'text',
          origin: 'bench',
          contentHash: `hash-${i}`,
          wordCount: 12,
          document: { version: 1, blocks: [] },
          canonicalText: text,
        },
        new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString(),
      );
      if (rand() < 0.3) tagSource(db, id, pick(tagIds));
      if (rand() < 0.1) insertAnnotation(db, { sourceId: id, start: 0, end: 5, exact: title.slice(0, 5), prefix: '', suffix: '', color: 'yellow' }, now);
    }
  })();
  db.exec('ANALYZE');
}

function percentiles(samples: number[]): { p50: number; p95: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { p50: Math.round(at(0.5) * 100) / 100, p95: Math.round(at(0.95) * 100) / 100 };
}

function measure(runs: number, fn: (i: number) => void): { p50: number; p95: number } {
  fn(0); // warm the statement cache and pages
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn(i);
    samples.push(performance.now() - t0);
  }
  return percentiles(samples);
}

/** The plan of each statement listSources runs, so a scan shows up in the bench output rather than as a slow app. */
export function listPlans(db: Db, q: ListQuery): string[] {
  const plans: string[] = [];
  const original = db.prepare.bind(db);
  const explaining = (sql: string) => {
    const stmt = original(sql);
    const explain = (params: unknown) => {
      const rows = original(`EXPLAIN QUERY PLAN ${sql}`).all(params as never) as Array<{ detail: string }>;
      plans.push(rows.map((r) => r.detail).join(' | '));
    };
    return Object.assign(Object.create(stmt) as typeof stmt, {
      all: (params: unknown) => (explain(params), stmt.all(params as never)),
      get: (params: unknown) => (explain(params), stmt.get(params as never)),
    });
  };
  db.prepare = explaining as Db['prepare'];
  try {
    listSources(db, q);
  } finally {
    db.prepare = original;
  }
  return plans;
}

export async function benchLibrary(): Promise<Record<string, number>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'collate-bench-library-'));
  const db = openDatabase(path.join(dir, 'library.sqlite3'));
  try {
    migrate(db);
    const t0 = performance.now();
    buildLibrary(db, SOURCES);
    const figures: Record<string, number> = { sources: SOURCES, build_ms: Math.round(performance.now() - t0) };
    const record = (name: string, r: { p50: number; p95: number }) => {
      figures[`${name}_p50_ms`] = r.p50;
      figures[`${name}_p95_ms`] = r.p95;
    };
    const base: ListQuery = { limit: 100, sort: 'imported' };
    for (const sort of ['imported', 'published', 'title'] as const) record(`first_page_${sort}`, measure(30, () => listSources(db, { ...base, sort })));

    // Deep pages: walk 20 pages in, then time page 21 onwards (what scrolling far down costs).
    let cursor: string | null = null;
    for (let i = 0; i < 20; i++) cursor = listSources(db, { ...base, cursor }).nextCursor;
    const deep: Array<string | null> = [cursor];
    for (let i = 0; i < 30; i++) deep.push(listSources(db, { ...base, cursor: deep[deep.length - 1] }).nextCursor);
    record('deep_page', measure(30, (i) => listSources(db, { ...base, cursor: deep[i % deep.length] })));
    // The middle of the library by title: a cursor far into the alphabet.
    let titleCursor: string | null = null;
    for (let i = 0; i < 50; i++) titleCursor = listSources(db, { limit: 500, sort: 'title', cursor: titleCursor }).nextCursor;
    record('deep_page_title', measure(30, () => listSources(db, { ...base, sort: 'title', cursor: titleCursor })));

    record('tag_parent', measure(30, () => listSources(db, { ...base, tag: 'iraq' })));
    record('tag_leaf', measure(30, () => listSources(db, { ...base, tag: 'climate/cop' })));
    record('outlet', measure(30, (i) => listSources(db, { ...base, outlet: OUTLETS[i % OUTLETS.length] })));
    record('outlet_by_title', measure(30, (i) => listSources(db, { ...base, sort: 'title', outlet: OUTLETS[i % OUTLETS.length] })));
    record('date_range', measure(30, () => listSources(db, { ...base, publishedFrom: '2020-01-01', publishedTo: '2020-03-31' })));
    // Filter-as-you-type: each keystroke of "pentagon tro" is one query.
    const typed = 'pentagon tro';
    const prefixes = Array.from({ length: typed.length }, (_, i) => typed.slice(0, i + 1)).filter((p) => p.trim());
    record('filter_keystroke', measure(prefixes.length * 3, (i) => listSources(db, { ...base, query: prefixes[i % prefixes.length] })));
    record('filter_rare', measure(30, () => listSources(db, { ...base, query: 'reporter 42' })));
    record('count_all', measure(30, () => db.prepare('SELECT count(*) FROM sources s INDEXED BY sources_imported WHERE s.deleted_at IS NULL').pluck().get()));
    return figures;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && /library\.bench\.ts$/.test(process.argv[1])) {
  if (process.env.COLLATE_BENCH_PLANS) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'collate-bench-plans-'));
    const db = openDatabase(path.join(dir, 'library.sqlite3'));
    migrate(db);
    buildLibrary(db, SOURCES);
    for (const q of [
      { limit: 100, sort: 'imported' },
      { limit: 100, sort: 'title', outlet: 'Reuters' },
      { limit: 100, sort: 'imported', tag: 'iraq' },
      { limit: 100, sort: 'published', publishedFrom: '2020-01-01', publishedTo: '2020-03-31' },
      { limit: 100, sort: 'imported', query: 'pen' },
    ] as ListQuery[]) {
      console.log(JSON.stringify(q));
      for (const p of listPlans(db, q)) console.log('  ', p);
    }
    db.close();
    rmSync(dir, { recursive: true, force: true });
  } else {
    benchLibrary().then((f) => console.log(JSON.stringify(f, null, 2)));
  }
}
