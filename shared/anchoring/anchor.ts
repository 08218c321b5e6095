/**
 * Re-anchoring W3C text selectors in a source's canonical text, after the
 * Hypothesis client's anchoring/match-quote.ts: the quote is the truth, the
 * stored position only a hint, and candidates are ranked by how well the
 * quote, its prefix and suffix match, with closeness to the hint as the
 * tie-breaker.
 */
import approxSearch from 'approx-string-match';
import type { TextPositionSelector, TextQuoteSelector } from './selectors';

export interface AnchorTarget {
  /** Where the quote was when annotated; may be missing on imported annotations that carry only a quote. */
  position?: TextPositionSelector | null;
  quote: TextQuoteSelector;
}

/**
 * exact: the quote is still at its stored position.
 * moved: the exact quote was found elsewhere (text was added or removed around it).
 * fuzzy: only an approximate match was found (the quoted words themselves were edited).
 */
export type AnchorStatus = 'exact' | 'moved' | 'fuzzy';

/** `score` is in [0, 1]; 1 means quote, prefix, suffix and position all match. */
export type AnchorResult =
  | { status: AnchorStatus; start: number; end: number; score: number }
  | { status: 'orphan' };

// Hypothesis's weights, kept so a quote resolves to the same place here as in
// its client: the quote dominates, context decides between occurrences, and
// position only breaks ties (it is the part most likely to be stale).
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const POSITION_WEIGHT = 2;

// Hypothesis accepts any approximate match within its error budget. We are
// stricter, because a wrong highlight is worse than an orphan the user can
// re-attach: when a short quote's paragraph is deleted, a few similar
// characters elsewhere ("Mission" for "mission", "no plans" for "nt plans")
// match it with one or two errors and would be shown as the user's quote.
// A short quote's spelling is weak evidence, so it must also find its
// context; a long one cannot match unrelated text this well by chance.
const FUZZY_MIN_SCORE = 0.6;
const FUZZY_MIN_CONTEXT = 0.6;
const LONG_QUOTE = 2 * 32;

// A fuzzy match this good where the quote used to be (at its old position or
// beside its surviving context) is taken without searching the whole text: a
// full approximate search costs O(errors/32 × text length) per annotation,
// which adds up when a revision touches many quotes.
const FUZZY_CONFIDENT_SCORE = 0.9;

const MAX_FUZZY_ERRORS = 256;
// Wide enough that each approximate search amortises its setup, narrow
// enough that every part of a long text still offers a candidate.
const TILE_MIN_WIDTH = 8192;
// A context this short recurs too often to say where the quote was.
const MIN_ANCHORING_CONTEXT = 8;
const MAX_CONTEXT_OCCURRENCES = 8;
const NEAR_RADIUS = 2048;

interface Query {
  text: string;
  exact: string;
  prefix: string;
  suffix: string;
  /** Stored start clamped into the text, or undefined when there is no position. */
  hint: number | undefined;
}

interface Candidate {
  start: number;
  end: number;
  score: number;
  /** Mean similarity of the prefix and suffix found around the match; undefined when none was stored. */
  context: number | undefined;
}

/** 1 - edit distance / length of `expected`, `expected` searched anywhere within `actual`. */
function similarity(actual: string, expected: string): number {
  if (actual === expected) return 1;
  if (actual.length === 0) return 0;
  const matches = approxSearch(actual, expected, expected.length);
  return matches.length > 0 ? 1 - matches[0].errors / expected.length : 0;
}

function candidate(q: Query, start: number, end: number, errors: number): Candidate {
  const { text, exact, prefix, suffix, hint } = q;
  // Missing evidence (no context at a text's ends, no stored position) is
  // left out of the score; Hypothesis counts it as a perfect match instead,
  // which gives a quote from the first line a fifth of its score for free
  // and lets a poor match elsewhere pass the fuzzy threshold on it.
  let total = QUOTE_WEIGHT * (1 - errors / exact.length);
  let max = QUOTE_WEIGHT;
  let contextTotal = 0;
  let contextMax = 0;
  if (prefix) {
    contextTotal += PREFIX_WEIGHT * similarity(text.slice(Math.max(0, start - prefix.length), start), prefix);
    contextMax += PREFIX_WEIGHT;
  }
  if (suffix) {
    contextTotal += SUFFIX_WEIGHT * similarity(text.slice(end, end + suffix.length), suffix);
    contextMax += SUFFIX_WEIGHT;
  }
  total += contextTotal;
  max += contextMax;
  if (hint !== undefined) {
    total += POSITION_WEIGHT * Math.max(0, 1 - Math.abs(start - hint) / Math.max(1, text.length));
    max += POSITION_WEIGHT;
  }
  return { start, end, score: total / max, context: contextMax ? contextTotal / contextMax : undefined };
}

/** The exact quote at `at` with its stored prefix and suffix intact around it. */
function isPerfect(q: Query, at: number): boolean {
  return (
    at >= q.prefix.length &&
    q.text.startsWith(q.prefix, at - q.prefix.length) &&
    q.text.startsWith(q.exact, at) &&
    q.text.startsWith(q.suffix, at + q.exact.length)
  );
}

/** Start offsets of `exact` lying wholly inside text[lo, hi). */
function occurrences(text: string, exact: string, lo: number, hi: number): number[] {
  const region = lo === 0 && hi === text.length ? text : text.slice(lo, hi);
  const out: number[] = [];
  for (let at = region.indexOf(exact); at !== -1; at = region.indexOf(exact, at + 1)) out.push(lo + at);
  return out;
}

function best(candidates: Candidate[]): Candidate | undefined {
  let top: Candidate | undefined;
  for (const c of candidates) if (!top || c.score > top.score) top = c;
  return top;
}

/**
 * The best-scoring exact occurrence of the quote. Searches windows growing
 * around the hint and stops at the first window holding an occurrence with
 * its context intact: every occurrence outside that window is farther from
 * the hint and can at best tie it on quote and context, so it cannot score
 * higher. After an insertion or deletion this costs about the size of the
 * shift instead of the size of the text.
 */
function bestExact(q: Query): Candidate | undefined {
  const { text, exact, hint } = q;
  const scoreAt = (at: number): Candidate => candidate(q, at, at + exact.length, 0);
  if (hint === undefined) return best(occurrences(text, exact, 0, text.length).map(scoreAt));
  for (let radius = Math.max(256, 4 * exact.length); ; radius *= 4) {
    const lo = Math.max(0, hint - radius);
    const hi = Math.min(text.length, hint + radius + exact.length);
    const found = occurrences(text, exact, lo, hi);
    if ((lo === 0 && hi === text.length) || found.some((at) => isPerfect(q, at))) {
      return best(found.map(scoreAt));
    }
  }
}

/** The best score any match with `errors` errors could reach, with its context intact. */
function ceiling(q: Query, errors: number): number {
  let max = QUOTE_WEIGHT;
  if (q.prefix) max += PREFIX_WEIGHT;
  if (q.suffix) max += SUFFIX_WEIGHT;
  if (q.hint !== undefined) max += POSITION_WEIGHT;
  return (max - QUOTE_WEIGHT * (errors / q.exact.length)) / max;
}

/** Best fuzzy candidate within text[lo, hi) scoring above `floor`, if any. */
function bestApproximate(q: Query, lo: number, hi: number, maxErrors: number, floor: number): Candidate | undefined {
  const { text, exact } = q;
  lo = Math.max(0, lo);
  hi = Math.min(text.length, hi);
  if (hi - lo < exact.length - maxErrors) return undefined;
  const region = lo === 0 && hi === text.length ? text : text.slice(lo, hi);
  const matches = approxSearch(region, exact, maxErrors);
  if (matches.length === 0) return undefined;
  // Scoring context costs two more approximate searches per match; most
  // stretches of text cannot beat the best so far even with perfect context.
  const fewestErrors = matches.reduce((min, m) => Math.min(min, m.errors), Infinity);
  if (ceiling(q, fewestErrors) < floor) return undefined;
  return best(matches.map((m) => candidate(q, lo + m.start, lo + m.end, m.errors)));
}

function bestFuzzy(q: Query): Candidate | undefined {
  const { text, exact, hint } = q;
  // Hypothesis's error budget: enough to survive edited words, bounded so the
  // search stays linear in the text.
  const maxErrors = Math.min(MAX_FUZZY_ERRORS, Math.floor(exact.length / 2));
  if (maxErrors < 1) return undefined;

  let top: Candidate | undefined;
  const consider = (lo: number, hi: number) => {
    const c = bestApproximate(q, lo, hi, maxErrors, top ? top.score : FUZZY_MIN_SCORE);
    if (c && (!top || c.score > top.score)) top = c;
  };
  // approx-string-match reports only the fewest-error matches of whatever it
  // searches, so one search over the whole text would hide the quote edited
  // in place (its context intact) behind a closer spelling somewhere else.
  // Searching overlapping tiles keeps the best match of every stretch of the
  // text as a candidate and leaves the choice to the context-aware score;
  // the tiles overlap by the longest possible match so none is cut in two.
  const longest = exact.length + maxErrors;
  const width = Math.max(TILE_MIN_WIDTH, 4 * longest);
  const tiles = (from: number, to: number) => {
    for (let lo = Math.max(0, from); lo < Math.min(to, text.length); lo += width - longest) {
      consider(lo, lo + width);
      if (lo + width >= text.length) break;
    }
  };

  // Where the quote would be if only its own words were edited: at the old
  // position, or right after its prefix or right before its suffix wherever
  // those survived intact (the text around may have grown or shrunk).
  if (hint !== undefined) consider(hint - longest, hint + exact.length + longest);
  if (q.prefix.length >= MIN_ANCHORING_CONTEXT) {
    for (const at of occurrences(text, q.prefix, 0, text.length).slice(0, MAX_CONTEXT_OCCURRENCES)) {
      consider(at + q.prefix.length, at + q.prefix.length + longest);
    }
  }
  if (q.suffix.length >= MIN_ANCHORING_CONTEXT) {
    for (const at of occurrences(text, q.suffix, 0, text.length).slice(0, MAX_CONTEXT_OCCURRENCES)) {
      consider(at - longest, at);
    }
  }
  if (top && top.score >= FUZZY_CONFIDENT_SCORE) return top;
  if (hint !== undefined) {
    tiles(hint - NEAR_RADIUS, hint + exact.length + NEAR_RADIUS);
    if (top && top.score >= FUZZY_CONFIDENT_SCORE) return top;
  }
  tiles(0, text.length);
  return top;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (ch: string | undefined) => ch !== undefined && WORD_CHAR.test(ch);
// Far enough to finish any ordinary word, short enough not to swallow a run of letters.
const MAX_WORD_SNAP = 32;

/**
 * An approximate match can start or end inside the edited word ("ded" of
 * "reworded" for a quote that began with the old word). When the quote began
 * or ended on a word boundary, widen the highlight to whole words, so the
 * user sees the word that replaced theirs rather than a fragment of it.
 */
function snapToWords(q: Query, c: Candidate): Candidate {
  const { text, exact, prefix, suffix } = q;
  let { start, end } = c;
  if (isWordChar(exact[0]) && !isWordChar(prefix.at(-1))) {
    const limit = Math.max(0, start - MAX_WORD_SNAP);
    while (start > limit && isWordChar(text[start - 1]) && isWordChar(text[start])) start -= 1;
  }
  if (isWordChar(exact.at(-1)) && !isWordChar(suffix[0])) {
    const limit = Math.min(text.length, end + MAX_WORD_SNAP);
    while (end < limit && isWordChar(text[end - 1]) && isWordChar(text[end])) end += 1;
  }
  return { ...c, start, end };
}

function isPlausible(c: Candidate, exact: string): boolean {
  if (c.score < FUZZY_MIN_SCORE) return false;
  return exact.length >= LONG_QUOTE || c.context === undefined || c.context >= FUZZY_MIN_CONTEXT;
}

/** Resolves one annotation's selectors in `text`. */
export function anchor(text: string, target: AnchorTarget): AnchorResult {
  const { quote, position } = target;
  const exact = quote.exact;
  if (!exact) return { status: 'orphan' };
  const stored = position && Number.isInteger(position.start) ? position.start : undefined;
  const q: Query = {
    text,
    exact,
    // Quotes from other W3C clients may omit the context.
    prefix: quote.prefix ?? '',
    suffix: quote.suffix ?? '',
    hint: stored === undefined ? undefined : Math.max(0, Math.min(stored, text.length)),
  };

  // The common case, an unchanged text, in a few string comparisons.
  if (stored !== undefined && stored === q.hint && isPerfect(q, stored)) {
    return { status: 'exact', start: stored, end: stored + exact.length, score: 1 };
  }

  const found = bestExact(q);
  if (found) {
    return { status: found.start === stored ? 'exact' : 'moved', start: found.start, end: found.end, score: found.score };
  }

  const fuzzy = bestFuzzy(q);
  if (fuzzy && isPlausible(fuzzy, exact)) {
    const { start, end, score } = snapToWords(q, fuzzy);
    return { status: 'fuzzy', start, end, score };
  }
  return { status: 'orphan' };
}

/** Resolves many annotations against one text; results are in the order given. */
export function reanchorAll(text: string, targets: readonly AnchorTarget[]): AnchorResult[] {
  return targets.map((t) => anchor(text, t));
}
