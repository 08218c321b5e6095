import { describeRange, reanchorAll, type TextSelectors } from '../../shared/anchoring';

/**
 * Re-anchoring cost on a long source: a 50,000-word text with 2,000
 * annotations, unchanged and after typical revisions. Figures are wall-clock
 * milliseconds for re-anchoring all annotations once (median of five runs).
 */

export interface BenchCorpus {
  text: string;
  /** Start and end offset of every word, in order. */
  words: Array<[number, number]>;
  annotations: TextSelectors[];
}

/** Deterministic so runs compare: mulberry32. */
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

const SYLLABLES = ['ta', 'ne', 'ro', 'mi', 'ka', 'lo', 'sen', 'dar', 'vi', 'pel', 'qu', 'ost', 'ra', 'the', 'in', 'and', 'es', 'por', 'ul', 'fi'];

/**
 * Pseudo-English with a skewed word distribution, so short quotes recur many
 * times as they do in real prose and the search has to disambiguate.
 */
export function buildBenchCorpus(wordCount = 50_000, annotationCount = 2_000, seed = 42): BenchCorpus {
  const rand = prng(seed);
  const vocabulary: string[] = [];
  for (let i = 0; i < 3_000; i++) {
    let w = '';
    const n = 1 + Math.floor(rand() * 3);
    for (let j = 0; j < n; j++) w += SYLLABLES[Math.floor(rand() * SYLLABLES.length)];
    vocabulary.push(w);
  }
  const parts: string[] = [];
  const words: Array<[number, number]> = [];
  let at = 0;
  let sentenceLeft = 0;
  let sentencesLeft = 3 + Math.floor(rand() * 5);
  for (let i = 0; i < wordCount; i++) {
    let w = vocabulary[Math.floor(rand() ** 3 * vocabulary.length)];
    if (sentenceLeft === 0) {
      sentenceLeft = 8 + Math.floor(rand() * 13);
      w = w[0].toUpperCase() + w.slice(1);
    }
    sentenceLeft -= 1;
    if (sentenceLeft === 0) w += '.';
    words.push([at, at + w.length]);
    parts.push(w);
    at += w.length;
    let sep = ' ';
    if (sentenceLeft === 0 && --sentencesLeft === 0) {
      sep = '\n\n';
      sentencesLeft = 3 + Math.floor(rand() * 5);
    }
    if (i < wordCount - 1) {
      parts.push(sep);
      at += sep.length;
    }
  }
  const text = parts.join('');

  const annotations: TextSelectors[] = [];
  for (let i = 0; i < annotationCount; i++) {
    const first = Math.floor(rand() * (words.length - 30));
    const span = 2 + Math.floor(rand() * 24);
    annotations.push(describeRange(text, words[first][0], words[first + span - 1][1]));
  }
  return { text, words, annotations };
}

/** The same text with the word at `index` replaced. */
export function replaceWord(corpus: BenchCorpus, index: number, replacement: string): string {
  const [s, e] = corpus.words[index];
  return corpus.text.slice(0, s) + replacement + corpus.text.slice(e);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeIt(run: () => unknown, repeats = 5): number {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return Math.round(median(times) * 100) / 100;
}

export async function benchAnchoring(): Promise<Record<string, number>> {
  const corpus = buildBenchCorpus();
  const { text, annotations, words } = corpus;
  const rand = prng(7);

  const inserted = 'An editor’s note was added at the top of the revised article. ' + text;
  const oneWordEdited = replaceWord(corpus, Math.floor(words.length / 2), 'reworded');
  const paragraphs = text.split('\n\n');
  const paragraphRemoved = [...paragraphs.slice(0, paragraphs.length >> 1), ...paragraphs.slice((paragraphs.length >> 1) + 1)].join('\n\n');
  // A copy-edit pass: 50 words changed across the text, about one annotation
  // in twenty loses its exact quote and needs the fuzzy search.
  const edits = Array.from({ length: 50 }, () => Math.floor(rand() * words.length)).sort((a, b) => b - a);
  let copyEdited = text;
  for (const i of edits) copyEdited = copyEdited.slice(0, words[i][0]) + 'revised' + copyEdited.slice(words[i][1]);

  // Warm the JIT so the first scenario is not charged for compilation.
  reanchorAll(text, annotations);

  return {
    unchangedMs: timeIt(() => reanchorAll(text, annotations)),
    sentenceInsertedAtStartMs: timeIt(() => reanchorAll(inserted, annotations)),
    oneWordEditedMs: timeIt(() => reanchorAll(oneWordEdited, annotations)),
    paragraphRemovedMs: timeIt(() => reanchorAll(paragraphRemoved, annotations)),
    fiftyWordsEditedMs: timeIt(() => reanchorAll(copyEdited, annotations)),
  };
}
