import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  anchor,
  CONTEXT_CHARS,
  describeRange,
  reanchorAll,
  type AnchorResult,
  type TextPositionSelector,
  type TextQuoteSelector,
  type TextSelectors,
} from '../../shared/anchoring';
import { canonicalText } from '../../shared/document/model';
import { documentFromPlainText } from '../helpers/plain-text';
import { buildBenchCorpus, replaceWord } from '../bench/anchoring.bench';
import { corpusPath } from '../helpers/corpus';

// jsdom ships no type declarations and @types/jsdom is not installed; this is
// the little of it the fixtures need. jsdom rather than linkedom because the
// Hypothesis offsets depend on HTML5 tree building (text after </body> still
// belongs to the body), which linkedom does not follow.
interface JsdomModule {
  JSDOM: new (html: string) => { window: { document: Document; close(): void } };
}
const { JSDOM } = createRequire(import.meta.url)('jsdom') as JsdomModule;

/** What the user sees highlighted, or null when the annotation is orphaned. */
function highlighted(text: string, r: AnchorResult): string | null {
  return r.status === 'orphan' ? null : text.slice(r.start, r.end);
}

// ---------------------------------------------------------------------------
// Hypothesis fixtures

interface BaselineSelector {
  type: string;
  start?: number;
  end?: number;
  exact?: string;
  prefix?: string;
  suffix?: string;
}
interface Baseline {
  rows: Array<{ id: string; target: Array<{ selector: BaselineSelector[] }> }>;
}
interface FixtureAnnotation {
  id: string;
  position: TextPositionSelector;
  quote: TextQuoteSelector;
}

/**
 * The page text Hypothesis's TextPositionSelector offsets count over:
 * `document.body.textContent` in a browser, which parses with scripting on,
 * so <noscript> content is raw text there (156 characters of <img> markup on
 * the Wikipedia page). jsdom parses it as elements; escaping it first gives
 * the browser's text.
 */
function pageText(html: string): string {
  const asBrowser = html.replace(
    /(<noscript\b[^>]*>)([\s\S]*?)(<\/noscript>)/gi,
    (_m, open: string, body: string, close: string) => open + body.replace(/&/g, '&amp;').replace(/</g, '&lt;') + close,
  );
  const dom = new JSDOM(asBrowser);
  try {
    return dom.window.document.body.textContent ?? '';
  } finally {
    dom.window.close();
  }
}

function loadFixture(name: string): { text: string; annotations: FixtureAnnotation[] } {
  const dir = ['anchoring', 'html-baselines'];
  const text = pageText(readFileSync(corpusPath(...dir, `${name}.html`), 'utf8'));
  const baseline = JSON.parse(readFileSync(corpusPath(...dir, `${name}.json`), 'utf8')) as Baseline;
  const annotations = baseline.rows.map((row) => {
    const selectors = row.target[0].selector;
    const pos = selectors.find((s) => s.type === 'TextPositionSelector');
    const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
    if (!pos || !quote) throw new Error(`fixture ${name}/${row.id} lacks a position or quote selector`);
    return {
      id: row.id,
      position: { type: 'TextPositionSelector' as const, start: pos.start ?? NaN, end: pos.end ?? NaN },
      quote: { type: 'TextQuoteSelector' as const, exact: quote.exact ?? '', prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' },
    };
  });
  return { text, annotations };
}

/** Inserts `marker` before every annotation's quote, returning the text and each quote's new start. */
function insertBeforeEach(text: string, starts: number[], marker: string): { text: string; starts: number[] } {
  let out = text;
  for (const s of [...new Set(starts)].sort((a, b) => b - a)) out = out.slice(0, s) + marker + out.slice(s);
  return { text: out, starts: starts.map((s) => s + marker.length * starts.filter((t) => t <= s).length) };
}

describe.each([
  { name: 'minimal', count: 1 },
  { name: 'wikipedia-regression-testing', count: 5 },
])('Hypothesis baseline $name', ({ name, count }) => {
  const { text, annotations } = loadFixture(name);

  it(`has its ${count} recorded annotation(s)`, () => {
    expect(annotations).toHaveLength(count);
  });

  it('resolves every TextPositionSelector to the recorded quote', () => {
    for (const a of annotations) expect(text.slice(a.position.start, a.position.end), a.id).toBe(a.quote.exact);
  });

  it('resolves every TextQuoteSelector, with or without the position, to the recorded quote at the recorded place', () => {
    for (const a of annotations) {
      const withPosition = anchor(text, a);
      expect(withPosition, a.id).toEqual({ status: 'exact', start: a.position.start, end: a.position.end, score: 1 });
      const quoteOnly = anchor(text, { quote: a.quote });
      expect(highlighted(text, quoteOnly), a.id).toBe(a.quote.exact);
      expect(quoteOnly.status === 'orphan' ? -1 : quoteOnly.start, a.id).toBe(a.position.start);
    }
  });

  it('moves every annotation to the same quote when text is inserted before each quote', () => {
    const edited = insertBeforeEach(text, annotations.map((a) => a.position.start), '[Editor’s note: inserted.] ');
    const results = reanchorAll(edited.text, annotations);
    results.forEach((r, i) => {
      const a = annotations[i];
      expect(r.status, a.id).toBe('moved');
      expect(highlighted(edited.text, r), a.id).toBe(a.quote.exact);
      expect(r.status === 'orphan' ? -1 : r.start, a.id).toBe(edited.starts[i]);
    });
  });
});

describe('Hypothesis baseline wikipedia-regression-testing, revised', () => {
  const { text, annotations } = loadFixture('wikipedia-regression-testing');
  const body = annotations.find((a) => a.quote.exact.startsWith('Therefore, in most software'))!;

  it('finds a quote whose words were edited, highlighting the edited words', () => {
    const revisedQuote = body.quote.exact.replace('good coding practice', 'sound engineering practice');
    const revised = text.replace(body.quote.exact, revisedQuote);
    const r = anchor(revised, body);
    expect(r.status).toBe('fuzzy');
    expect(highlighted(revised, r)).toBe(revisedQuote);
  });

  it('orphans a quote whose paragraph was deleted', () => {
    const p = text.lastIndexOf('\n', body.position.start);
    const revised = text.slice(0, p) + text.slice(text.indexOf('\n', body.position.end));
    expect(revised).not.toContain('good coding practice');
    expect(anchor(revised, body)).toEqual({ status: 'orphan' });
  });
});

// ---------------------------------------------------------------------------
// The seed article and its revisions

const seed = canonicalText(documentFromPlainText(readFileSync(corpusPath('seed', 'pentagon-nato-iraq.txt'), 'utf8')));
const KIRBY = 'there are no plans to increase U.S. force levels there';
const MCNULTY =
  'The US is participating in the force generation process for NATO Mission Iraq and will contribute its fair share to this important expanded mission';
const MILLER =
  'The drawdown of US force levels in Iraq is reflective of the increased capabilities of the Iraqi security forces. Our ability to reduce force levels is evidence of real progress.';
const QUOTES = { kirby: KIRBY, mcnulty: MCNULTY, miller: MILLER };
type Who = keyof typeof QUOTES;

/** Annotates the one occurrence of `exact` in `text`, as the reader does on a selection. */
function annotate(text: string, exact: string): TextSelectors {
  const start = text.indexOf(exact);
  if (start < 0 || text.indexOf(exact, start + 1) >= 0) throw new Error(`expected exactly one "${exact.slice(0, 30)}…"`);
  return describeRange(text, start, start + exact.length);
}

/** Replaces one exact passage of the article, failing loudly if the article changed. */
function revise(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`expected exactly one "${from}"`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

const paragraphs = seed.split('\n\n');
const paragraphWith = (s: string) => paragraphs.findIndex((p) => p.includes(s));
const withoutParagraph = (i: number) => paragraphs.filter((_, j) => j !== i).join('\n\n');

describe('re-anchoring the seed article after revisions', () => {
  const notes = {
    kirby: annotate(seed, KIRBY),
    mcnulty: annotate(seed, MCNULTY),
    miller: annotate(seed, MILLER),
  } satisfies Record<Who, TextSelectors>;
  const who = Object.keys(notes) as Who[];

  it('anchors all three statements exactly in the unchanged article', () => {
    for (const w of who) {
      expect(anchor(seed, notes[w]), w).toEqual({ status: 'exact', start: notes[w].position.start, end: notes[w].position.end, score: 1 });
    }
  });

  it('moves each quote when words are inserted just before it', () => {
    let revised = revise(seed, 'but there are no plans', 'but, as of Thursday night, there are no plans');
    revised = revise(revised, '“The US is participating', 'In a statement: “The US is participating');
    revised = revise(revised, 'a sign of success: “The drawdown', 'a sign of success, telling reporters: “The drawdown');
    for (const w of who) {
      const r = anchor(revised, notes[w]);
      expect(r.status, w).toBe('moved');
      expect(highlighted(revised, r), w).toBe(QUOTES[w]);
      expect(r.status === 'orphan' ? -1 : r.start, w).toBe(revised.indexOf(QUOTES[w]));
    }
  });

  it('finds each quote fuzzily when a word inside it was changed, covering the edited quote', () => {
    const edits: Record<Who, [string, string]> = {
      kirby: ['to increase U.S.', 'to raise U.S.'],
      mcnulty: ['fair share', 'full share'],
      miller: ['real progress', 'genuine progress'],
    };
    let revised = seed;
    for (const w of who) revised = revise(revised, edits[w][0], edits[w][1]);
    for (const w of who) {
      const r = anchor(revised, notes[w]);
      expect(r.status, w).toBe('fuzzy');
      expect(highlighted(revised, r), w).toBe(QUOTES[w].replace(edits[w][0], edits[w][1]));
      expect(r.status === 'orphan' ? 1 : r.score, w).toBeLessThan(1);
    }
  });

  it('keeps each quote in place when words are inserted after it', () => {
    const insertions: Record<Who, [string, string]> = {
      kirby: ['force levels there.', 'force levels there at this time.'],
      mcnulty: ['expanded mission,” Pentagon', 'expanded mission,” a Pentagon'],
      miller: ['real progress.”', 'real progress.” Miller did not take questions.'],
    };
    for (const w of who) {
      // One revision per quote: words after one quote come before the next.
      const revised = revise(seed, insertions[w][0], insertions[w][1]);
      const r = anchor(revised, notes[w]);
      expect(r.status, w).toBe('exact');
      expect(r.status === 'orphan' ? null : [r.start, r.end], w).toEqual([notes[w].position.start, notes[w].position.end]);
      expect(highlighted(revised, r), w).toBe(QUOTES[w]);
    }
  });

  it('moves every quote when a whole paragraph before them is removed', () => {
    const removed = paragraphWith('Secretary of Defense Lloyd Austin discussed');
    expect(removed).toBeLessThan(paragraphWith(KIRBY));
    const revised = withoutParagraph(removed);
    const shift = paragraphs[removed].length + 2;
    for (const w of who) {
      const r = anchor(revised, notes[w]);
      expect(r.status, w).toBe('moved');
      expect(highlighted(revised, r), w).toBe(QUOTES[w]);
      expect(r.status === 'orphan' ? -1 : r.start, w).toBe(notes[w].position.start - shift);
    }
  });

  it.each(who)('orphans %s’s quote when its paragraph is removed, and still finds the others', (gone) => {
    const revised = withoutParagraph(paragraphWith(QUOTES[gone]));
    const results = reanchorAll(revised, who.map((w) => notes[w]));
    results.forEach((r, i) => {
      const w = who[i];
      if (w === gone) expect(r, w).toEqual({ status: 'orphan' });
      else expect(highlighted(revised, r), w).toBe(QUOTES[w]);
    });
  });

  it('orphans a short quote whose paragraph is removed instead of highlighting look-alike words', () => {
    // "no plans" is one deletion from "nt plans" in "no imminent plans", two
    // paragraphs up: close in spelling, unrelated in context.
    const note = annotate(seed, 'no plans');
    const revised = withoutParagraph(paragraphWith(KIRBY));
    expect(anchor(revised, note)).toEqual({ status: 'orphan' });
  });

  it('uses prefix and suffix to pick the annotated one of a repeated quote, even when the old position points at another', () => {
    // "force levels" appears three times; the note is on Miller's second use.
    const at = seed.indexOf('reduce force levels') + 'reduce '.length;
    const note = describeRange(seed, at, at + 'force levels'.length);
    const decoy = seed.indexOf('US force levels in Iraq') + 'US '.length;
    // A note inserted at the top, exactly as long as the gap between the two
    // uses, puts Miller's first use where the annotated one used to be.
    const filler = 'Editor’s note: this article was updated with comment from the Pentagon. '.repeat(40).slice(0, at - decoy - 2);
    const revised = `${filler}\n\n${seed}`;
    expect(revised.slice(at, at + 'force levels'.length)).toBe('force levels');

    const r = anchor(revised, note);
    expect(r.status).toBe('moved');
    expect(r.status === 'orphan' ? -1 : r.start).toBe(revised.indexOf('reduce force levels') + 'reduce '.length);

    const quoteOnly = anchor(revised, { quote: note.quote });
    expect(revised.slice(0, quoteOnly.status === 'orphan' ? 0 : quoteOnly.start)).toMatch(/Our ability to reduce $/);
  });

  it('re-anchors in the order given, whatever the order of the quotes in the text', () => {
    const revised = withoutParagraph(paragraphWith(MCNULTY));
    const order: Who[] = ['miller', 'mcnulty', 'kirby'];
    const results = reanchorAll(revised, order.map((w) => notes[w]));
    expect(results.map((r) => r.status)).toEqual(['moved', 'orphan', 'exact']);
    expect(highlighted(revised, results[0])).toBe(MILLER);
    expect(highlighted(revised, results[2])).toBe(KIRBY);
  });
});

// ---------------------------------------------------------------------------
// describeRange

describe('describeRange', () => {
  it(`keeps ${CONTEXT_CHARS} characters of context each side of the quote`, () => {
    const { position, quote } = annotate(seed, KIRBY);
    expect(CONTEXT_CHARS).toBe(32);
    expect(position).toEqual({ type: 'TextPositionSelector', start: seed.indexOf(KIRBY), end: seed.indexOf(KIRBY) + KIRBY.length });
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: KIRBY,
      prefix: 'and will continue to do so, but ',
      suffix: '.\n\n— John Kirby (@PentagonPresSe',
    });
  });

  it('cuts the context short at the ends of the text', () => {
    const first = describeRange(seed, 0, 'The Pentagon'.length);
    expect(first.quote.prefix).toBe('');
    expect(first.quote.suffix).toBe(' is reportedly open to the possi');
    const last = describeRange(seed, seed.length - 'real progress.”'.length, seed.length);
    expect(last.quote.suffix).toBe('');
    expect(last.quote.prefix).toBe('uce force levels is evidence of ');
    expect(last.quote.exact).toBe('real progress.”');
  });

  it('clamps offsets outside the text to it', () => {
    expect(describeRange('One Two Three', -5, 100)).toEqual({
      position: { type: 'TextPositionSelector', start: 0, end: 13 },
      quote: { type: 'TextQuoteSelector', exact: 'One Two Three', prefix: '', suffix: '' },
    });
    expect(describeRange('One Two Three', 8, 99).quote).toMatchObject({ exact: 'Three', prefix: 'One Two ', suffix: '' });
  });

  it.each([
    ['empty', 4, 4],
    ['reversed', 7, 4],
    ['entirely past the end', 20, 30],
    ['entirely before the start', -9, -1],
    ['not a number', NaN, 3],
    ['fractional', 1.5, 3],
  ])('throws on a range that is %s', (_what, start, end) => {
    expect(() => describeRange('One Two Three', start, end)).toThrow(Error);
  });

  it('does not cut an emoji in half at the edge of the context', () => {
    const text = `${'x'.repeat(10)}😀${'y'.repeat(31)}QUOTE${'z'.repeat(31)}😀${'w'.repeat(10)}`;
    const at = text.indexOf('QUOTE');
    const { quote } = describeRange(text, at, at + 5);
    expect(quote.prefix).toBe('y'.repeat(31));
    expect(quote.suffix).toBe('z'.repeat(31));
    expect(anchor(text, describeRange(text, at, at + 5))).toMatchObject({ status: 'exact', score: 1 });
  });
});

// ---------------------------------------------------------------------------
// A long source: correctness at the scale the benchmark times

describe('re-anchoring 2,000 annotations on a 50,000-word text', () => {
  const corpus = buildBenchCorpus();
  const { text, annotations } = corpus;

  it('builds the size it claims', () => {
    expect(corpus.words).toHaveLength(50_000);
    expect(annotations).toHaveLength(2_000);
  });

  it('anchors every annotation exactly when nothing changed', () => {
    const results = reanchorAll(text, annotations);
    const wrong = results.filter((r, i) => r.status !== 'exact' || r.start !== annotations[i].position.start);
    expect(wrong).toEqual([]);
  });

  it('moves every annotation by the inserted length when a sentence is added at the top', () => {
    const note = 'An editor’s note was added at the top of the revised article. ';
    const results = reanchorAll(note + text, annotations);
    const wrong = results.filter(
      (r, i) => r.status !== 'moved' || r.start !== annotations[i].position.start + note.length || r.end !== annotations[i].position.end + note.length,
    );
    expect(wrong).toEqual([]);
  });

  it('finds the annotations covering an edited word fuzzily and the rest exactly where they shifted to', () => {
    // The word inside the most annotations, so the edit touches several.
    const cover = new Array<number>(corpus.words.length).fill(0);
    const wordAt = new Map(corpus.words.map(([s], i) => [s, i]));
    for (const a of annotations) {
      for (let i = wordAt.get(a.position.start)!; i < corpus.words.length && corpus.words[i][1] <= a.position.end; i++) cover[i] += 1;
    }
    const index = cover.indexOf(Math.max(...cover));
    const [ws, we] = corpus.words[index];
    const revised = replaceWord(corpus, index, 'reworded');
    const shift = 'reworded'.length - (we - ws);
    const results = reanchorAll(revised, annotations);
    let covering = 0;
    results.forEach((r, i) => {
      const { start, end } = annotations[i].position;
      if (start <= ws && end >= we) {
        covering += 1;
        expect(r.status).toBe('fuzzy');
        expect(highlighted(revised, r)).toContain('reworded');
      } else {
        const expected = start >= we ? start + shift : start;
        expect(r.status === 'orphan' ? -1 : r.start).toBe(expected);
        expect(highlighted(revised, r)).toBe(annotations[i].quote.exact);
      }
    });
    expect(covering).toBeGreaterThan(1);
  });
});
