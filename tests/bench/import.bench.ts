import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { extractFile } from '../../electron/interop';
import { decodeText } from '../../electron/interop/encoding';
import { extractHtmlPage } from '../../electron/interop/importers/html';
import { extractArticle } from '../../electron/interop/html/article';
import { htmlToDocument } from '../../electron/interop/html/blocks';
import { extractHtmlMetadata } from '../../electron/interop/html/scan';
import { parseHtmlDocument } from '../../electron/interop/html/parse';
import { sanitizeTree } from '../../electron/interop/html/sanitize';
import { canonicalText } from '../../shared/document/model';
import { corpusPath } from '../helpers/corpus';
import { wordOverlap } from '../helpers/overlap';
import { type Library, openLibrary } from '../../electron/app/library';
import { createExtractPool, type ExtractPool } from '../../electron/services/extract-pool';
import { createClient } from '../../shared/api/client';
import type { BenchOptions } from './run';
import { prng, vocabulary, zipf } from './words';

/**
 * Import throughput on the 130 pages of the Readability corpus (26 MB of real
 * web pages, 197 KB on average): the whole extraction (decode, parse,
 * metadata, Readability, sanitize, blocks) of each page, one after another on
 * one thread, best of three passes after a warm-up. CPU time is reported
 * beside wall time because a busy machine inflates the latter.
 */

interface Page {
  name: string;
  bytes: Uint8Array;
}

function loadCorpus(): Page[] {
  const root = corpusPath('readability');
  return fs
    .readdirSync(root)
    .filter((name) => fs.existsSync(path.join(root, name, 'source.html')))
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(fs.readFileSync(path.join(root, name, 'source.html'))) }));
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

async function pass(pages: Page[]): Promise<{ wallMs: number; cpuMs: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const p of pages) await extractFile(p.bytes, `${p.name}.html`);
  const cpu = process.cpuUsage(cpu0);
  return { wallMs: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/**
 * The corpus through the app's own worker pool (createExtractPool, as the
 * desktop app and the CLI use it), kept full up to its concurrency: what a
 * batch import's parsing can reach on this machine. The first pass warms up
 * module loading and the JIT in every worker.
 */
async function poolPass(pages: Page[], pool: ExtractPool): Promise<{ wallMs: number; failures: number }> {
  const run = async () => {
    let next = 0;
    let failures = 0;
    await Promise.all(
      Array.from({ length: pool.concurrency }, async () => {
        while (next < pages.length) {
          const p = pages[next++];
          await pool.extract(p.bytes, `${p.name}.html`).catch(() => failures++);
        }
      }),
    );
    return failures;
  };
  await run();
  const t0 = performance.now();
  const failures = await run();
  return { wallMs: performance.now() - t0, failures };
}

/** The corpus as files imported into a new library through sources.importFiles (runImport, worker pool, batched writes). */
async function libraryPass(pages: Page[], pool: ExtractPool): Promise<{ wallMs: number; written: number; failures: number }> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'collate-bench-html-'));
  let library: Library | null = null;
  try {
    const filesDir = path.join(work, 'files');
    fs.mkdirSync(filesDir);
    for (const p of pages) fs.writeFileSync(path.join(filesDir, `${p.name}.html`), p.bytes);
    library = openLibrary({ dataDir: path.join(work, 'lib'), extractor: pool });
    const lib = library;
    const t0 = performance.now();
    const report = await createClient((m, input) => lib.call(m, input)).sources.importFiles({ paths: [filesDir], tags: [] });
    const wallMs = performance.now() - t0;
    const failures = report.results.filter((r) => r.status === 'failed').length;
    return { wallMs, written: report.results.length - failures, failures };
  } finally {
    library?.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** How many pages take the fast path, and how close their text is to whole-page Readability's (tests/interop/fast-article.test.ts holds the bar). */
function fastPathFigures(pages: Page[]): Record<string, number> {
  const overlaps: number[] = [];
  for (const p of pages) {
    const html = decodeText(p.bytes, `${p.name}.html`, { html: true }).text;
    const fast = extractHtmlPage(html);
    if (fast.path !== 'fast') continue;
    overlaps.push(wordOverlap(canonicalText(extractHtmlPage(html, { fast: false }).extracted.document), canonicalText(fast.extracted.document)));
  }
  overlaps.sort((a, b) => a - b);
  return {
    fastPathPages: overlaps.length,
    fastPathMinWordOverlap: round(overlaps[0] ?? 1, 3),
    fastPathMeanWordOverlap: round(overlaps.reduce((a, b) => a + b, 0) / Math.max(1, overlaps.length), 3),
    fastPathPagesBelow99PercentOverlap: overlaps.filter((o) => o < 0.99).length,
  };
}

export async function benchExtraction(): Promise<Record<string, number>> {
  const pages = loadCorpus();
  const megabytes = pages.reduce((n, p) => n + p.bytes.byteLength, 0) / (1024 * 1024);
  await pass(pages);
  const runs = [await pass(pages), await pass(pages), await pass(pages)];
  const wallMs = Math.min(...runs.map((r) => r.wallMs));
  const cpuMs = Math.min(...runs.map((r) => r.cpuMs));
  const out: Record<string, number> = {
    pages: pages.length,
    megabytes: round(megabytes),
    singleThreadPagesPerSecond: round((pages.length / wallMs) * 1000),
    singleThreadMegabytesPerSecond: round((megabytes / wallMs) * 1000, 2),
    singleThreadPagesPerCpuSecond: round((pages.length / cpuMs) * 1000),
    msPerPage: round(wallMs / pages.length, 2),
    ...fastPathFigures(pages),
  };
  const pool = createExtractPool();
  try {
    const parsed = await poolPass(pages, pool);
    out.workers = Math.max(1, Math.min(4, os.availableParallelism()));
    out.poolFailures = parsed.failures;
    out.poolPagesPerSecond = round((pages.length / parsed.wallMs) * 1000);
    out.poolMegabytesPerSecond = round((megabytes / parsed.wallMs) * 1000, 2);
    const imported = await libraryPass(pages, pool);
    out.importFailures = imported.failures;
    out.importPagesPerSecond = round((pages.length / imported.wallMs) * 1000);
    out.importMegabytesPerSecond = round((megabytes / imported.wallMs) * 1000, 2);
  } finally {
    await pool.close();
  }
  return out;
}

/**
 * linkedom vs jsdom under the same pipeline (metadata, Readability, sanitize,
 * blocks): speed, failures, and how alike the extracted texts are. Slow
 * (jsdom needs about half a minute), so not part of benchExtraction.
 */
export async function benchDomComparison(): Promise<Record<string, number>> {
  const require = createRequire(import.meta.url);
  const { JSDOM, VirtualConsole } = require('jsdom') as {
    JSDOM: new (html: string, opts: object) => { window: { document: Document } };
    VirtualConsole: new () => object;
  };
  const quiet = new VirtualConsole();
  const pages = loadCorpus().map((p) => ({ ...p, html: new TextDecoder().decode(p.bytes) }));
  const parsers = {
    linkedom: (html: string) => parseHtmlDocument(html),
    jsdom: (html: string) => new JSDOM(html, { virtualConsole: quiet }).window.document,
  };
  const texts: Record<string, string[]> = {};
  const out: Record<string, number> = {};
  for (const [name, parse] of Object.entries(parsers)) {
    let failures = 0;
    const cpu0 = process.cpuUsage();
    texts[name] = pages.map((p) => {
      try {
        const doc = parse(p.html);
        const { baseUrl } = extractHtmlMetadata(p.html);
        const article = extractArticle(doc);
        if (!article.content) return '';
        sanitizeTree(article.content, { baseUrl });
        return canonicalText(htmlToDocument(article.content, { baseUrl }));
      } catch {
        failures++;
        return '';
      }
    });
    const cpu = process.cpuUsage(cpu0);
    out[`${name}PagesPerCpuSecond`] = round((pages.length / ((cpu.user + cpu.system) / 1000)) * 1000);
    out[`${name}Failures`] = failures;
  }
  const sims = pages.map((_, i) => wordOverlap(texts.jsdom[i], texts.linkedom[i])).filter((_, i) => texts.jsdom[i] !== '');
  out.meanTextOverlap = round(sims.reduce((a, b) => a + b, 0) / sims.length, 3);
  out.pagesBelow90PercentOverlap = sims.filter((s) => s < 0.9).length;
  return out;
}

/** `count` distinct plain-text articles of about 5 KB: a title line, then paragraphs of Zipfian words. */
function* plainTextArticles(count: number): Generator<string> {
  const vocab = vocabulary();
  const draw = zipf(vocab.length);
  const rand = prng(23);
  for (let i = 0; i < count; i++) {
    const title = `Report ${i}: ${Array.from({ length: 5 }, () => vocab[draw()]).join(' ')}`;
    const paras: string[] = [];
    let size = title.length;
    while (size < 5000) {
      const n = 40 + Math.floor(rand() * 80);
      const words = Array.from({ length: n }, () => vocab[draw()]);
      words[0] = words[0][0].toUpperCase() + words[0].slice(1);
      const p = `${words.join(' ')}.`;
      paras.push(p);
      size += p.length + 2;
    }
    yield `${title}\n\n${paras.join('\n\n')}\n`;
  }
}

/**
 * Plain-text import through the same service the CLI's `collate import` uses
 * (sources.importFiles → runImport, with the worker pool as extractor) into a
 * real library on disk: `count` files of ~5 KB in a temp folder, one call.
 * Figures count only the import, not writing the files; FTS is checked to
 * hold every article afterwards.
 */
async function plainTextRun(count: number): Promise<Record<string, number>> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'collate-bench-txt-'));
  const pool = createExtractPool();
  let library: Library | null = null;
  try {
    const filesDir = path.join(work, 'files');
    fs.mkdirSync(filesDir);
    let bytes = 0;
    let i = 0;
    for (const text of plainTextArticles(count)) {
      fs.writeFileSync(path.join(filesDir, `${String(i++).padStart(6, '0')}.txt`), text);
      bytes += Buffer.byteLength(text);
    }
    library = openLibrary({ dataDir: path.join(work, 'lib'), extractor: pool });
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const report = await createClient((m, input) => library!.call(m, input)).sources.importFiles({ paths: [filesDir], tags: [] });
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const imported = report.results.filter((r) => r.status === 'imported').length;
    const inIndex = (library.db.prepare(`SELECT count(*) AS n FROM sources_fts WHERE sources_fts MATCH 'report'`).get() as { n: number }).n;
    return {
      articles: count,
      megabytes: round(bytes / 1024 / 1024),
      imported,
      failed: report.results.filter((r) => r.status === 'failed').length,
      ftsRowsMatchingReport: inIndex,
      articlesPerSecond: round((imported / wallMs) * 1000),
      megabytesPerSecond: round((bytes / 1024 / 1024 / wallMs) * 1000, 2),
      processCpuMsPerArticle: round((cpu.user + cpu.system) / 1000 / count, 3),
    };
  } finally {
    library?.close();
    await pool.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

export async function benchPlainText({ sizes }: BenchOptions): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const n of [10_000, ...sizes.filter((s) => s === 100_000)]) {
    for (const [k, v] of Object.entries(await plainTextRun(n))) out[`${n / 1000}k.${k}`] = v;
  }
  return out;
}
