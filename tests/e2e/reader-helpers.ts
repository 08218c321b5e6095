import { readFileSync } from 'node:fs';
import type { APIRequestContext, Page } from '@playwright/test';
import { corpusPath } from '../helpers/corpus';
import { expect, type Host } from './fixtures';

export const seed = readFileSync(corpusPath('seed', 'pentagon-nato-iraq.txt'), 'utf8');
export const seedTitle = 'Pentagon open to more troops in Iraq';
export const kirby = 'there are no plans to increase U.S. force levels there';
export const mcnulty = 'will contribute its fair share to this important expanded mission';
export const stoltenberg = 'NATO’s presence for the mission would jump from about 500 personnel to around 4,000';

/** Calls the library the way the page does (token and all); for setting up, never for what a test checks. */
export async function call<T>(request: APIRequestContext, host: Host, method: string, input: unknown): Promise<T> {
  const res = await request.post(`${host.origin}/api/${method}`, { data: input, headers: { Authorization: `Bearer ${host.token}` } });
  const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value;
}

/** Adds the seed article and opens it in the reader. */
export async function openSeed(app: Page, request: APIRequestContext, host: Host, text = seed, title = seedTitle): Promise<number> {
  const { id } = await call<{ id: number }>(request, host, 'sources.importText', { title, text });
  await app.reload();
  await app.getByRole('region', { name: 'Library' }).getByRole('button', { name: new RegExp(title) }).click();
  await expect(app.getByRole('region', { name: 'Reader' })).toContainText('The US is participating in the force generation process');
  return id;
}

/**
 * The texts painted by one CSS highlight (e.g. hl-yellow, hl-flash, find-current), in document order.
 * The reader paints StaticRanges, which have no toString: each becomes a live Range here to be read.
 */
export function painted(app: Page, name: string): Promise<string[]> {
  return app.evaluate((n) => {
    const h = CSS.highlights.get(n);
    if (!h) return [];
    const live = [...(h as unknown as Set<AbstractRange>)].map((r) => {
      const range = document.createRange();
      range.setStart(r.startContainer, r.startOffset);
      range.setEnd(r.endContainer, r.endOffset);
      return range;
    });
    return live.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b)).map((r) => r.toString());
  }, name);
}

/** The on-screen box of the painted highlight `name` whose text is `quote`: its first line, or with `whole` all of it. */
export function paintedRect(app: Page, name: string, quote: string, whole = false): Promise<{ x: number; y: number; width: number; height: number; left: number; top: number; bottom: number }> {
  return app.evaluate(
    ([n, q, all]) => {
      for (const r of (CSS.highlights.get(n) as unknown as Set<AbstractRange> | undefined) ?? []) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        if (range.toString() !== q) continue;
        const { x, y, width, height, left, top, bottom } = all ? range.getBoundingClientRect() : range.getClientRects()[0];
        return { x, y, width, height, left, top, bottom };
      }
      throw new Error(`no ${n} highlight over “${q}”`);
    },
    [name, quote, whole] as const,
  );
}

/** A small real PDF with one paragraph per page (Helvetica, uncompressed), built with a correct xref table. */
export function pdfWithPages(pages: string[]): Buffer {
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  pages.forEach((text, i) => {
    const stream = `BT /F1 12 Tf 72 720 Td (${text.replace(/[()\\]/g, (c) => `\\${c}`)}) Tj ET`;
    objects[pageIds[i]] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i] + 1} 0 R >>`;
    objects[pageIds[i] + 1] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  });
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = out.length;
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}
