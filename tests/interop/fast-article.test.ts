import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { decodeText } from '../../electron/interop/encoding';
import { extractHtmlPage } from '../../electron/interop/importers/html';
import { canonicalText } from '../../shared/document/model';
import { corpusPath } from '../helpers/corpus';
import { wordOverlap } from '../helpers/overlap';

it('the fast path gives the text and metadata of whole-page Readability on every corpus page it takes', () => {
  const root = corpusPath('readability');
  const names = fs.readdirSync(root).filter((n) => fs.existsSync(path.join(root, n, 'source.html'))).sort();
  const taken: Array<{ name: string; overlap: number }> = [];
  for (const name of names) {
    const html = decodeText(new Uint8Array(fs.readFileSync(path.join(root, name, 'source.html'))), `${name}.html`, { html: true }).text;
    const fast = extractHtmlPage(html);
    if (fast.path !== 'fast') continue;
    const whole = extractHtmlPage(html, { fast: false });
    expect(whole.path).toBe('readability');
    expect(fast.extracted.metadata, name).toEqual(whole.extracted.metadata);
    taken.push({ name, overlap: wordOverlap(canonicalText(whole.extracted.document), canonicalText(fast.extracted.document)) });
  }
  const sorted = taken.map((t) => t.overlap).sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  console.log(
    `Fast path: ${taken.length}/${names.length} pages; word overlap with whole-page Readability min ${sorted[0].toFixed(3)}, ` +
      `median ${sorted[Math.floor(sorted.length / 2)].toFixed(3)}, mean ${mean.toFixed(3)}; ` +
      `below 0.99: ${taken.filter((t) => t.overlap < 0.99).map((t) => `${t.name} ${t.overlap.toFixed(3)}`).join(', ')}`,
  );
  // If the fast path stopped being taken the speed goal would silently go; if it took a page it misreads, quality would.
  expect(taken.length).toBeGreaterThanOrEqual(45);
  for (const t of taken) expect(t.overlap, t.name).toBeGreaterThanOrEqual(0.95);
});
