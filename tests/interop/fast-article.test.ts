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

it('the fast path cleans with the same policy: DOMPurify payloads inside an article element yield no word and no link the whole-page path would not', () => {
  const fixtures: Array<{ payload: string }> = JSON.parse(fs.readFileSync(corpusPath('xss', 'dompurify', 'expect.json'), 'utf8'));
  const filler = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
  let taken = 0;
  for (const { payload } of fixtures) {
    const html = `<!DOCTYPE html><html><head><title>Payload page</title></head><body><nav><p>Home About</p></nav><article><p>${filler}.</p>${payload}<p>${filler}.</p></article></body></html>`;
    const fast = extractHtmlPage(html);
    if (fast.path !== 'fast') continue;
    taken++;
    const whole = new Set(canonicalText(extractHtmlPage(html, { fast: false }).extracted.document).split(/\s+/));
    for (const block of fast.extracted.document.blocks) {
      for (const word of block.text.split(/\s+/).filter(Boolean)) expect(whole.has(word), `${word} from ${payload}`).toBe(true);
      for (const mark of block.marks ?? []) if (mark.kind === 'link') expect(new URL(mark.href!).protocol).toMatch(/^(?:https?|mailto):$/);
    }
  }
  expect(taken).toBeGreaterThan(fixtures.length / 2);
});
