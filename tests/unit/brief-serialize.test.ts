import type { SerializedEditorState } from 'lexical';
import { describe, expect, it } from 'vitest';
import { briefBodyMarkdown } from '../../electron/interop/exporters/markdown/serialize';
import type { QuoteResolver } from '../../electron/interop/exporters/markdown/serialize';
import { lexicalBriefBody } from '../helpers/lexical-brief/transformers';
import { Footnotes, type QuoteData } from '../../shared/markdown';

/**
 * The fast brief serializer against the reference, @lexical/markdown on a
 * headless editor: the same bytes (body and footnotes) for generated briefs
 * mixing everything the brief editor can hold.
 */

// A small seeded generator, so a failure names a seed that reproduces it.
function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T,>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)] };
}

const PIECES = ['word', ' ', '  ', '*', '_', '`', '``', '~', '\\', '#', '1.', '- ', '<b>', '[x](y)', '&amp;', '&#38;', 'https://example.org', '|', '$', '==', ' lead', 'trail ', '\t', 'é', '\n', '> '];
const FORMATS = [0, 0, 0, 1, 2, 3, 4, 8, 16, 17, 128, 129, 6, 19];

function quote(id: number, sourceId: number, speaker: boolean): QuoteData {
  return {
    annotationId: id,
    exact: `Quoted *words* ${id}\n\nsecond [para]`,
    color: 'yellow',
    tags: id % 2 ? ['iraq'] : [],
    noteText: '',
    speaker: speaker ? `Speaker ${id}` : null,
    role: speaker ? 'Spokesperson' : null,
    medium: speaker ? 'remarks' : null,
    saidOn: speaker ? '2021-02-18' : null,
    reportedIn: null,
    quoteKind: speaker ? 'direct' : null,
    page: id % 3 === 0 ? id : null,
    source: { id: sourceId, title: `Source ${sourceId}`, byline: 'A. Reporter', outlet: 'Outlet', publishedAt: '2021-02-19', url: `https://example.org/${sourceId}`, format: 'html' },
  };
}

function generate(seed: number): SerializedEditorState {
  const r = rng(seed);
  const text = () => {
    let t = '';
    for (let i = 1 + r.int(4); i > 0; i--) t += r.pick(PIECES);
    return t;
  };
  const textNode = () => ({ type: 'text', version: 1, text: text(), format: r.pick(FORMATS), style: '', mode: 'normal', detail: 0 });
  const inline = (depth: number): unknown[] => {
    const out: unknown[] = [];
    for (let i = r.int(5); i >= 0; i--) {
      const k = r.int(12);
      if (k < 7) out.push(textNode());
      else if (k === 7) out.push({ type: 'linebreak', version: 1, ...(r.int(2) ? { $: { mdHardLineBreak: r.pick(['\\', '  ', 'x']) } } : {}) });
      else if (k === 8) out.push({ type: 'tab', version: 1, text: '\t', format: r.pick(FORMATS), style: '', mode: 'normal', detail: 2 });
      else if (depth < 1) {
        // Only web and mail links leave as links (serialize.ts); these are the odd ones among those.
        const url = r.pick(['https://example.org/a(b)', 'https://x.org/?a=1&b=2', 'https://x.org/has space', 'mailto:a@x.org', 'https://x.org/<odd>', 'https://x.org/&amp;']);
        const title = r.pick([null, 'A "title"', 'T&amp;']);
        out.push({ type: k === 9 ? 'autolink' : 'link', version: 1, url, title, rel: null, target: null, ...(k === 9 ? { isUnlinked: false } : {}), direction: null, format: '', indent: 0, children: inline(depth + 1) });
      } else out.push(textNode());
    }
    return out;
  };
  const element = (type: string, extra: object, children: unknown[]) => ({ type, version: 1, direction: null, format: '', indent: 0, ...extra, children });
  const list = (depth: number): unknown => {
    const listType = r.pick(['bullet', 'number', 'check'] as const);
    const items: unknown[] = [];
    for (let i = 1 + r.int(3); i > 0; i--) {
      items.push(element('listitem', { value: i, ...(listType === 'check' ? { checked: r.int(2) === 1 } : {}) }, depth < 2 && r.int(4) === 0 ? [list(depth + 1)] : inline(0)));
    }
    return element('list', { listType, start: 1 + r.int(3), tag: listType === 'number' ? 'ol' : 'ul', ...(r.int(3) === 0 ? { $: { mdListMarker: r.pick(['*', '+', '-', '?']) } } : {}) }, items);
  };
  const blocks: unknown[] = [];
  let nextId = 1;
  for (let i = r.int(14); i >= 0; i--) {
    const k = r.int(10);
    if (k < 3) blocks.push(element('paragraph', { textFormat: 0, textStyle: '' }, r.int(5) === 0 ? [] : inline(0)));
    else if (k === 3) blocks.push(element('heading', { tag: r.pick(['h1', 'h2', 'h3', 'h6']) }, inline(0)));
    else if (k === 4) blocks.push(element('quote', {}, inline(0)));
    else if (k === 5) blocks.push(list(0));
    else if (k < 9) {
      const id = nextId++;
      blocks.push({ type: 'collate-quote', version: 1, annotationId: id, snapshot: quote(id, 1 + r.int(3), r.int(2) === 0) });
    } else {
      const a = nextId++;
      const b = nextId++;
      blocks.push({ type: 'collate-crossref', version: 1, linkId: a, snapshot: { linkId: a, relation: 'qualifies', note: 'A note *here*', from: quote(a, 1, true), to: quote(b, 2, false) } });
    }
  }
  return { root: element('root', {}, blocks) } as unknown as SerializedEditorState;
}

function both(state: SerializedEditorState, resolve: QuoteResolver) {
  const a = new Footnotes();
  const b = new Footnotes();
  return { reference: lexicalBriefBody(state, resolve, a) + a.definitions(), fast: briefBodyMarkdown(state, resolve, b) + b.definitions() };
}

describe('brief export without a headless editor', () => {
  it('gives the same bytes as @lexical/markdown for 600 generated briefs', () => {
    const snapshots: QuoteResolver = { quote: () => undefined, crossReference: () => undefined };
    for (let seed = 1; seed <= 600; seed++) {
      const { reference, fast } = both(generate(seed), snapshots);
      expect(fast, `seed ${seed}`).toBe(reference);
    }
  });

  it('uses the library’s current data when it has it, the snapshot otherwise', () => {
    const current = quote(1, 9, true);
    current.exact = 'Updated text';
    const resolver: QuoteResolver = { quote: (id) => (id === 1 ? current : undefined), crossReference: () => undefined };
    const { reference, fast } = both(generate(7), resolver);
    expect(fast).toBe(reference);
    const state = { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'collate-quote', version: 1, annotationId: 1, snapshot: quote(1, 1, true) }] } };
    expect(both(state as never, resolver).fast).toContain('> Updated text');
  });

  it('an empty brief and one of blank paragraphs export no body', () => {
    const blank = { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text: '   ', format: 1, style: '', mode: 'normal', detail: 0 }] }] } };
    expect(both(blank as never, { quote: () => undefined, crossReference: () => undefined })).toEqual({ reference: '', fast: '' });
  });

  it('refuses a node type a brief cannot hold, as Lexical does', () => {
    const odd = { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'code', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'text', version: 1, text: 'x', format: 0, style: '', mode: 'normal', detail: 0 }] }] } };
    expect(() => briefBodyMarkdown(odd as never, { quote: () => undefined, crossReference: () => undefined }, new Footnotes())).toThrow(/code/);
  });
});
