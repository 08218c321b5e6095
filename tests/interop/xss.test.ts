import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../electron/interop';
import { parseHtmlDocument } from '../../electron/interop/html/parse';
import { sanitizeTree } from '../../electron/interop/html/sanitize';
import { AppError } from '../../shared/api/errors';
import { canonicalText } from '../../shared/document/model';
import { corpusPath } from '../helpers/corpus';

/**
 * DOMPurify's own XSS fixtures, each imported as an HTML file. What must hold:
 * - no link but http(s)/mailto survives;
 * - no text comes from markup: a "<script", "javascript:", "onerror=" or
 *   "alert(" in a block is only allowed when DOMPurify's expected (sanitized)
 *   output also has it as text, i.e. when the payload really said it in words
 *   (e.g. "&lt;script&gt;", shown literally, as the page would show it);
 * - more strictly: every word of the extracted text is in the text content
 *   of DOMPurify's expected output. Collate drops more than DOMPurify (SVG,
 *   MathML, forms, hidden elements), never less.
 * A payload with no text at all must fail with 'empty', not import as nothing.
 */

interface Fixture {
  title: string;
  payload: string;
  expected: string | string[];
}

const fixtures: Fixture[] = JSON.parse(fs.readFileSync(corpusPath('xss', 'dompurify', 'expect.json'), 'utf8'));

function sanitizedText(html: string): string {
  const doc = parseHtmlDocument(html);
  for (const el of Array.from(doc.querySelectorAll('script, style, template, noscript, title'))) el.remove();
  return (doc.body?.textContent ?? '').replace(/\s+/g, ' ').toLowerCase();
}

const SUSPICIOUS = [/<script/i, /javascript:/i, /\bon[a-z]+\s*=/i, /alert\s*\(/i, /<[a-z][\w-]*[\s>/]/i];

describe('DOMPurify XSS fixtures imported as HTML', () => {
  it('has all 223 payloads', () => {
    expect(fixtures).toHaveLength(223);
  });

  it.each(fixtures.map((f, i) => [i, f.title, f] as const))('#%i %s', async (_i, _title, fixture) => {
    const allowed = (Array.isArray(fixture.expected) ? fixture.expected : [fixture.expected]).map(sanitizedText).join(' ');
    let result;
    try {
      result = await extractFile(new TextEncoder().encode(fixture.payload), 'payload.html');
    } catch (err) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('empty');
      expect((err as AppError).message).toBe('payload.html has no text to import.');
      return;
    }
    for (const block of result.document.blocks) {
      for (const mark of block.marks ?? []) {
        if (mark.kind === 'link') expect(new URL(mark.href!).protocol).toMatch(/^(?:https?|mailto):$/);
        else expect(mark.href).toBeUndefined();
      }
      for (const re of SUSPICIOUS) {
        const hit = re.exec(block.text);
        if (hit) expect(allowed, `"${hit[0]}" in ${JSON.stringify(block.text)}`).toContain(hit[0].toLowerCase());
      }
    }
    const words = canonicalText(result.document).toLowerCase().split(/\s+/).filter(Boolean);
    expect(words.filter((w) => !allowed.includes(w))).toEqual([]);
  });

  it('sanitizeTree leaves no active content, handlers, styles or remote resources', () => {
    const doc = parseHtmlDocument(
      `<div onclick="a()" style="background:url(https://t.example/p.png)"><script>b()</script><style>p{}</style>
       <iframe src="https://x.example"></iframe><object data="x.swf"></object><embed src="y"><form action="/steal"><input value="v"><button formaction="javascript:c()">go</button></form>
       <svg><a href="javascript:d()"><text>svg</text></a></svg><math><mi>x</mi></math><template><p>t</p></template>
       <a href="javascript:e()" onmouseover="f()">js</a> <a href="data:text/html,<script>g()</script>">data</a> <a href="https://ok.example/" target="_blank">ok</a>
       <img src="https://tracker.example/p.gif" srcset="a.png 1x" onerror="h()" alt="An alt text"><video poster="p.jpg"></video><link rel="stylesheet" href="x.css"><!-- comment --></div>`,
    );
    sanitizeTree(doc.body, { baseUrl: null });
    const html = doc.body.innerHTML;
    expect(html).not.toMatch(/<(?:script|style|iframe|object|embed|form|input|button|svg|math|template|video|link)\b/i);
    expect(html).not.toMatch(/\son\w+=|style=|src=|srcset=|poster=|action=|target=|javascript:|data:|<!--/i);
    expect(html).toContain('<a href="https://ok.example/">ok</a>');
    expect(html).toContain('<img alt="An alt text">');
  });
});
