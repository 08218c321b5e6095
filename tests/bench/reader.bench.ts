import { chromium, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLibrary } from '../../electron/app/library';
import { insertAnnotation } from '../../electron/db/repos/annotations';
import { describeRange } from '../../shared/anchoring';
import { canonicalText } from '../../shared/document/model';
import { documentFromPlainText } from '../helpers/plain-text';
import { startHost, stopHost } from '../e2e/fixtures';

/**
 * The reader on a long source, in Chromium through the browser host (needs a
 * built renderer: `vite build`, honouring COLLATE_RENDERER_DIR). Two sources of
 * 50,000 words with 2,000 highlights each are opened alternately; figures are
 * milliseconds measured inside the page with requestAnimationFrame, so "painted"
 * means "in the DOM and highlight registry before that frame":
 * - open.firstScreen: click in the Library → text on screen with its highlights;
 * - open.wholeArticle: click → every block rendered and all 2,000 highlights painted;
 * - highlight.keyToPaint: pressing H over a selection → the new highlight painted;
 * - note.keyToFrame: a keydown in a note editor → the next frame;
 * - paint.cssHighlights vs paint.markElements: painting the same 2,000 ranges with
 *   the CSS Custom Highlight API vs wrapping them in <mark> elements (a lower bound
 *   for Lexical MarkNodes, which also pay for Lexical's reconciliation).
 */

const WORDS = Number(process.env.COLLATE_BENCH_READER_WORDS ?? 50_000);
const HIGHLIGHTS = Number(process.env.COLLATE_BENCH_READER_HIGHLIGHTS ?? 2_000);
const RUNS = Number(process.env.COLLATE_BENCH_RUNS ?? 10);
const VOCAB = ['the', 'mission', 'minister', 'said', 'forces', 'training', 'would', 'increase', 'report', 'officials', 'government', 'security', 'NATO', 'Iraq', 'troops', 'according', 'statement', 'Thursday', 'plans', 'expanded'];

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

function article(seed: number): string {
  const rand = prng(seed);
  const paragraphs: string[] = [];
  for (let w = 0; w < WORDS; ) {
    const n = 40 + Math.floor(rand() * 80);
    const words = Array.from({ length: n }, () => VOCAB[Math.floor(rand() * VOCAB.length)]);
    paragraphs.push(`${words.join(' ')}.`);
    w += n;
  }
  return paragraphs.join('\n\n');
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const round = (x: number) => Math.round(x * 10) / 10;

/** Clicks a source in the Library and times, inside the page, its first screen and its whole article. */
function openAndMeasure(page: Page, title: string): Promise<{ first: number; all: number }> {
  return page.evaluate(
    ({ title, highlights }) =>
      new Promise<{ first: number; all: number }>((resolve) => {
        const button = [...document.querySelectorAll<HTMLButtonElement>('.library button')].find((b) => b.textContent?.includes(title));
        if (!button) throw new Error(`no ${title} in the Library`);
        // Only ranges over the text now on screen: the previous source's highlights may linger for a frame.
        const painted = () => {
          const text = document.querySelector('.reader-text');
          let n = 0;
          for (const k of ['yellow', 'green', 'blue', 'pink', 'purple'])
            for (const r of (CSS.highlights.get(`hl-${k}`) as unknown as Set<AbstractRange> | undefined) ?? []) if (text?.contains(r.startContainer)) n++;
          return n;
        };
        const header = () => document.querySelector('.reader-header h1')?.textContent === title;
        const t0 = performance.now();
        button.click();
        let first = -1;
        const tick = () => {
          const now = performance.now();
          const text = document.querySelector('.reader-text')?.textContent?.length ?? 0;
          if (first < 0 && header() && text > 2_000 && painted() > 0) first = now - t0;
          if (first >= 0 && document.querySelector('.reader-page[data-rendered="all"]') && painted() >= highlights) return resolve({ first, all: now - t0 });
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    { title, highlights: HIGHLIGHTS },
  );
}

/** Two long sources with their highlights, written straight through the library (the setup is not what is measured). */
export async function seedReaderLibrary(dataDir: string, titles: string[]): Promise<void> {
  const library = openLibrary({ dataDir });
  try {
    for (const [i, title] of titles.entries()) {
      const outcome = await library.call('sources.importText', { title, text: article(i + 1) });
      if (!outcome.ok) throw new Error(outcome.error.message);
      const sourceId = (outcome.value as { id: number }).id;
      const text = canonicalText(documentFromPlainText(article(i + 1)));
      const rand = prng(100 + i);
      const colors = ['yellow', 'green', 'blue', 'pink', 'purple'];
      library.db.transaction(() => {
        for (let h = 0; h < HIGHLIGHTS; h++) {
          // Spread over the whole text, some overlapping; whole words so quotes read naturally.
          let start = Math.floor((h / HIGHLIGHTS) * (text.length - 200) + rand() * 120);
          while (start > 0 && text[start - 1] !== ' ') start--;
          let end = start + 20 + Math.floor(rand() * 80);
          while (end < text.length && text[end] !== ' ' && text[end] !== '.') end++;
          const { quote } = describeRange(text, start, end);
          insertAnnotation(library.db, { sourceId, start, end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, color: colors[h % colors.length] }, new Date().toISOString());
        }
      })();
    }
  } finally {
    library.close();
  }
}

/**
 * The renderer as it is in the sources, built into a temporary folder for the
 * host to serve: a dist/renderer left from an older build once had this bench
 * measure old code. COLLATE_RENDERER_DIR, when set, is used as it is.
 */
async function freshRenderer(): Promise<(() => void) | null> {
  if (process.env.COLLATE_RENDERER_DIR) return null;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'collate-bench-renderer-'));
  const { build } = await import('vite');
  await build({ configFile: fileURLToPath(new URL('../../build/vite.config.ts', import.meta.url)), logLevel: 'warn', build: { outDir: dir, emptyOutDir: true } });
  process.env.COLLATE_RENDERER_DIR = dir;
  return () => {
    delete process.env.COLLATE_RENDERER_DIR;
    rmSync(dir, { recursive: true, force: true });
  };
}

export async function benchReader(): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'collate-bench-reader-'));
  const titles = ['Long source A', 'Long source B'];
  const dropRenderer = await freshRenderer();
  try {
    const t0 = performance.now();
    await seedReaderLibrary(dataDir, titles);
    console.error(`reader bench: setup ${Math.round(performance.now() - t0)} ms`);

    const host = await startHost(dataDir);
    const system = '/usr/bin/chromium';
    const browser = await chromium.launch(
      existsSync(system) ? { executablePath: system, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] } : {},
    );
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      // tsx names functions with a __name helper that the page lacks; the measured code runs as written.
      await page.addInitScript('window.__name = (f) => f;');
      await page.goto(host.url);
      await page.getByRole('button', { name: new RegExp(titles[1]) }).waitFor();

      const first: number[] = [];
      const all: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        const m = await openAndMeasure(page, titles[r % 2]);
        first.push(m.first);
        all.push(m.all);
      }

      console.error(`reader bench: open firstScreen ${JSON.stringify(first)} whole ${JSON.stringify(all)}`);
      // Highlight creation: select fresh words in view, press H, wait for the new range in the registry.
      const create: number[] = [];
      const lost: number[] = [];
      for (let r = 0; r < RUNS; r++) {
        // One evaluate selects the words and starts watching, so nothing runs in between; the result waits on window.
        await page.evaluate((r) => {
          const text = document.querySelector('.reader-text')!;
          const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
          let node = walker.nextNode();
          for (let i = 0; i < r * 3 + 1 && node; i++) node = walker.nextNode();
          const sel = document.createRange();
          sel.setStart(node!, 0);
          sel.setEnd(node!, Math.min(12, node!.textContent!.length));
          getSelection()!.removeAllRanges();
          getSelection()!.addRange(sel);
          // Painted means a highlight over exactly the selected passage: counting ranges was fooled when a list
          // loaded before the previous highlight was stored repainted the registry in between.
          const painted = () =>
            ['yellow', 'green', 'blue', 'pink', 'purple'].some((k) =>
              [...((CSS.highlights.get(`hl-${k}`) as unknown as Set<AbstractRange> | undefined) ?? [])].some(
                (x) => x.startContainer === sel.startContainer && x.startOffset === sel.startOffset && x.endContainer === sel.endContainer && x.endOffset === sel.endOffset,
              ),
            );
          const w = window as unknown as { __paint: Promise<{ ms: number; selected: boolean }> };
          w.__paint = new Promise((resolve) => {
            let selected = false;
            setTimeout(() => resolve({ ms: Number.NaN, selected }), 10_000);
            window.addEventListener(
              'keydown',
              () => {
                selected = getSelection()!.rangeCount > 0 && !getSelection()!.isCollapsed;
                const t0 = performance.now();
                const tick = () => (painted() ? resolve({ ms: performance.now() - t0, selected }) : requestAnimationFrame(tick));
                requestAnimationFrame(tick);
              },
              { once: true, capture: true },
            );
          });
        }, r);
        await page.keyboard.press('h');
        const { ms, selected } = await page.evaluate(() => (window as unknown as { __paint: Promise<{ ms: number; selected: boolean }> }).__paint);
        create.push(ms);
        if (!selected) lost.push(r);
      }
      if (lost.length) console.error(`reader bench: the selection was gone before H in runs ${lost.join(', ')}`);

      console.error(`reader bench: highlight key→paint ${JSON.stringify(create)}`);
      // Typing in a note: keydown → next frame.
      // CSS locators: role queries walk the accessibility tree of 2,000 sidebar items, which the bench is not about.
      await page.locator('.annotation-actions button', { hasText: /Add note|Edit note/ }).first().click();
      await page.locator('.note-input').waitFor();
      await page.evaluate(() => {
        const w = window as unknown as { __typing: number[] };
        w.__typing = [];
        window.addEventListener(
          'keydown',
          () => {
            const t0 = performance.now();
            requestAnimationFrame(() => w.__typing.push(performance.now() - t0));
          },
          { capture: true },
        );
      });
      await page.keyboard.type('The minister contradicts the statement of Thursday; check the transcript. '.repeat(2), { delay: 30 });
      await page.waitForTimeout(500);
      const typing = await page.evaluate(() => (window as unknown as { __typing: number[] }).__typing);

      // CSS Custom Highlight API vs <mark> elements for the same 2,000 ranges on the rendered article.
      const paint = await page.evaluate(async () => {
        const frame = () => new Promise((r) => requestAnimationFrame(r));
        const ranges = ['yellow', 'green', 'blue', 'pink', 'purple'].flatMap((k) => [...((CSS.highlights.get(`hl-${k}`) as unknown as Set<AbstractRange>) ?? [])]);
        // Live copies: the <mark> side needs surroundContents, which StaticRange (what the reader paints) lacks.
        const clones = ranges.map((r) => {
          const live = document.createRange();
          live.setStart(r.startContainer, r.startOffset);
          live.setEnd(r.endContainer, r.endOffset);
          return live;
        });
        await frame();
        let t0 = performance.now();
        CSS.highlights.set('bench', new Highlight(...clones));
        document.body.getBoundingClientRect();
        await frame();
        const css = performance.now() - t0;
        CSS.highlights.delete('bench');
        // Wrap back to front so earlier ranges stay valid; a range across elements is split per text node, as marks would be.
        const sorted = clones.sort((a, b) => b.compareBoundaryPoints(Range.START_TO_START, a));
        await frame();
        t0 = performance.now();
        for (const r of sorted) {
          if (r.startContainer === r.endContainer && r.startContainer.nodeType === Node.TEXT_NODE) {
            const mark = document.createElement('mark');
            try {
              r.surroundContents(mark);
            } catch {
              // overlapping an earlier mark: skipped, which only flatters the mark figure
            }
          }
        }
        document.body.getBoundingClientRect();
        await frame();
        return { css, marks: performance.now() - t0, ranges: ranges.length };
      });

      return {
        'reader.open.firstScreen.p50': round(percentile(first, 50)),
        'reader.open.firstScreen.p95': round(percentile(first, 95)),
        // Without the first open of each source, which also pays for compiling the reader's code and first layouts.
        'reader.open.firstScreen.warm.p95': round(percentile(first.slice(2), 95)),
        'reader.open.wholeArticle.p50': round(percentile(all, 50)),
        'reader.open.wholeArticle.p95': round(percentile(all, 95)),
        'reader.open.wholeArticle.warm.p95': round(percentile(all.slice(2), 95)),
        'reader.highlight.keyToPaint.p50': round(percentile(create.filter(Number.isFinite), 50)),
        'reader.highlight.keyToPaint.p95': round(percentile(create.filter(Number.isFinite), 95)),
        // Presses whose passage was not painted within 10 s.
        'reader.highlight.keyToPaint.missed': create.filter((x) => !Number.isFinite(x)).length,
        // Of those, presses made when the selection had already gone (a bench problem, not the app's).
        'reader.highlight.keyToPaint.selectionLost': lost.length,
        'reader.note.keyToFrame.p50': round(percentile(typing, 50)),
        'reader.note.keyToFrame.p95': round(percentile(typing, 95)),
        'reader.paint.cssHighlights.ms': round(paint.css),
        'reader.paint.markElements.ms': round(paint.marks),
        'reader.paint.ranges': paint.ranges,
      };
    } finally {
      await browser.close();
      await stopHost(host);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    dropRenderer?.();
  }
}
