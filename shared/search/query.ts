import { RELATION_KEYS, RELATIONS, type Relation } from '../model/statement';

/**
 * The search syntax a person can guess, turned into an FTS5 MATCH expression
 * plus structured filters. User text never reaches MATCH raw: every term is
 * re-quoted here, so quotes, brackets, NEAR(, column names or a lone * typed
 * by someone are searched for as words or dropped, never interpreted.
 *
 *   words           all must match              pentagon troops
 *   "a phrase"      words in this order         "force levels"
 *   prefix*         words starting so           negoti*
 *   -word           leave out                   iraq -syria   -"press release"
 *   OR              either side (binds tighter than the implicit AND, as in web search engines)
 *   tag: speaker: outlet: before: after: is: relation:    filters (values may be "quoted")
 */

export type ResultKind = 'source' | 'annotation' | 'statement' | 'brief';
export const RESULT_KINDS: ResultKind[] = ['source', 'statement', 'annotation', 'brief'];

/** One searchable unit: a word, a phrase (several words in order), either possibly a prefix. */
export interface Term {
  /** The words, folded (lower case, no diacritics), as the tokenizer sees them. */
  words: string[];
  prefix: boolean;
}

export interface SearchFilters {
  tags: string[];
  speakers: string[];
  outlets: string[];
  /** ISO day/month/year: items dated on or after this. */
  after: string | null;
  /** ISO day/month/year: items dated before this. */
  before: string | null;
  /** Which kinds of result are wanted; empty means every kind the other filters allow. */
  kinds: ResultKind[];
  relations: Relation[];
}

export interface ParsedQuery {
  /** The FTS5 MATCH expression, or null when no word was given (a filter-only search). */
  match: string | null;
  /** Terms that must or may match (not the excluded ones): what a hit's text is searched for to place it. */
  terms: Term[];
  filters: SearchFilters;
  /** Messages for the person typing: what was ignored and why. */
  notices: string[];
  /** True when the query can run (something to match, or at least one filter). */
  runnable: boolean;
}

interface Atom {
  term: Term;
  negated: boolean;
}

type Token =
  | { type: 'atom'; atom: Atom }
  | { type: 'or' }
  | { type: 'filter'; key: string; value: string; raw: string }
  | { type: 'unknown-filter'; key: string };

const WORD = /[\p{L}\p{N}\p{Co}]+/gu;
const ASCII_WORD = /^[A-Za-z0-9]+$/;
const FILTER_KEYS = ['tag', 'speaker', 'outlet', 'before', 'after', 'is', 'relation'] as const;
const MAX_TERMS = 32;

/** Lower case without diacritics: what unicode61 remove_diacritics 2 compares. */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Splits text into words the way the FTS5 unicode61 tokenizer does (letters, digits, private use). */
export function words(s: string): string[] {
  return fold(s).match(WORD) ?? [];
}

/** Breaks the input into atoms, OR operators and filters; unbalanced quotes run to the end of the input. */
function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = input.length;
  while (i < n) {
    const c = input[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    let negated = false;
    if ((c === '-' || c === '!') && i + 1 < n && !/\s/.test(input[i + 1])) {
      negated = true;
      i++;
    }
    if (input[i] === '"') {
      const close = input.indexOf('"', i + 1);
      const end = close === -1 ? n : close;
      const inner = input.slice(i + 1, end);
      i = close === -1 ? n : close + 1;
      let prefix = false;
      if (input[i] === '*') {
        prefix = true;
        i++;
      }
      const w = words(inner);
      if (w.length) tokens.push({ type: 'atom', atom: { term: { words: w, prefix }, negated } });
      continue;
    }
    // A bare run up to the next space; a filter's value may be quoted (tag:"nato mission").
    let j = i;
    while (j < n && !/\s/.test(input[j]) && input[j] !== '"') j++;
    const bare = input.slice(i, j);
    const colon = bare.indexOf(':');
    const key = colon > 0 ? bare.slice(0, colon).toLowerCase() : '';
    if (!negated && (FILTER_KEYS as readonly string[]).includes(key)) {
      let value = bare.slice(colon + 1);
      if (value === '' && input[j] === '"') {
        const close = input.indexOf('"', j + 1);
        const end = close === -1 ? n : close;
        value = input.slice(j + 1, end);
        j = close === -1 ? n : close + 1;
      }
      tokens.push({ type: 'filter', key, value: value.trim(), raw: input.slice(start, j) });
      i = j;
      continue;
    }
    i = j;
    if (!negated && (bare === 'OR' || bare === '|')) {
      tokens.push({ type: 'or' });
      continue;
    }
    // A column name a person borrowed from another tool (title:budget) is not ours: its words are searched.
    if (/^[a-z]+$/.test(key) && !negated) {
      tokens.push({ type: 'unknown-filter', key });
      for (const part of [bare.slice(0, colon), bare.slice(colon + 1)]) {
        const w = words(part);
        if (w.length) tokens.push({ type: 'atom', atom: { term: { words: w, prefix: /[\p{L}\p{N}]\*+$/u.test(part) }, negated: false } });
      }
      continue;
    }
    // Anything else (NEAR(, AND, a*b, 10:30) is words; a trailing * makes the last word a prefix.
    const w = words(bare);
    if (w.length === 0) continue;
    const prefix = /[\p{L}\p{N}]\*+$/u.test(bare);
    tokens.push({ type: 'atom', atom: { term: { words: w, prefix }, negated } });
  }
  return tokens;
}

/** An FTS5 string: double quotes doubled, so the tokenizer sees only the words. */
function quote(term: Term): string {
  return `"${term.words.join(' ').replace(/"/g, '""')}"${term.prefix ? ' *' : ''}`;
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

function parseDate(value: string): string | null {
  const m = DATE.exec(value);
  if (!m) return null;
  const [, , month, day] = m;
  if (month && (Number(month) < 1 || Number(month) > 12)) return null;
  if (day && (Number(day) < 1 || Number(day) > 31)) return null;
  return value;
}

const KIND_WORDS: Record<string, ResultKind> = {
  source: 'source',
  sources: 'source',
  article: 'source',
  articles: 'source',
  statement: 'statement',
  statements: 'statement',
  quote: 'statement',
  quotes: 'statement',
  annotation: 'annotation',
  annotations: 'annotation',
  highlight: 'annotation',
  highlights: 'annotation',
  note: 'annotation',
  notes: 'annotation',
  brief: 'brief',
  briefs: 'brief',
};

function relationOf(value: string): Relation | null {
  const v = value.toLowerCase().replace(/[\s-]+/g, '_');
  if ((RELATION_KEYS as string[]).includes(v)) return v as Relation;
  // "contradicted", "supported", "qualified", "repeated": the passive a person may type.
  for (const key of RELATION_KEYS) {
    const stem = key.replace(/s$/, '');
    if (v === `${stem}ed` || v === `${stem.replace(/e$/, '')}ed` || v === RELATIONS[key].inverse.replace(/\s+/g, '_')) return key;
  }
  return null;
}

function applyFilter(filters: SearchFilters, notices: string[], key: string, value: string, raw: string): void {
  if (value === '') {
    notices.push(`${key}: needs a value, as in ${key}:${EXAMPLES[key]}; it was ignored.`);
    return;
  }
  switch (key) {
    case 'tag':
      filters.tags.push(value.replace(/^#/, ''));
      return;
    case 'speaker':
      filters.speakers.push(value);
      return;
    case 'outlet':
      filters.outlets.push(value);
      return;
    case 'before':
    case 'after': {
      const d = parseDate(value);
      if (!d) {
        notices.push(`${raw}: a date looks like 2021, 2021-02 or 2021-02-19; it was ignored.`);
        return;
      }
      filters[key] = d;
      return;
    }
    case 'is': {
      const kind = KIND_WORDS[value.toLowerCase()];
      if (!kind) {
        notices.push(`${raw}: use is:statement, is:annotation, is:source or is:brief; it was ignored.`);
        return;
      }
      if (!filters.kinds.includes(kind)) filters.kinds.push(kind);
      return;
    }
    case 'relation': {
      const r = relationOf(value);
      if (!r) {
        notices.push(`${raw}: a relation is one of ${RELATION_KEYS.join(', ')}; it was ignored.`);
        return;
      }
      if (!filters.relations.includes(r)) filters.relations.push(r);
      return;
    }
  }
}

const EXAMPLES: Record<string, string> = {
  tag: 'iraq',
  speaker: 'kirby',
  outlet: 'reuters',
  before: '2021-03-01',
  after: '2021-01-01',
  is: 'statement',
  relation: 'contradicts',
};

export function emptyFilters(): SearchFilters {
  return { tags: [], speakers: [], outlets: [], after: null, before: null, kinds: [], relations: [] };
}

/**
 * Parses what a person typed. Never throws: what cannot be used becomes a
 * notice, and the rest still runs.
 */
export function parseQuery(input: string): ParsedQuery {
  const filters = emptyFilters();
  const notices: string[] = [];
  const tokens = tokenize(input);

  // Group positive atoms into clauses: a OR b c  →  (a OR b) AND c.
  const clauses: Term[][] = [];
  const excluded: Term[] = [];
  let pendingOr = false;
  let dangling = false;
  for (const t of tokens) {
    if (t.type === 'filter') {
      applyFilter(filters, notices, t.key, t.value, t.raw);
      continue;
    }
    if (t.type === 'unknown-filter') {
      notices.push(`${t.key}: is not a filter (use ${FILTER_KEYS.map((k) => `${k}:`).join(' ')}); its words were searched for.`);
      continue;
    }
    if (t.type === 'or') {
      if (clauses.length === 0 || pendingOr) dangling = true;
      else pendingOr = true;
      continue;
    }
    if (t.atom.negated) {
      excluded.push(t.atom.term);
      continue;
    }
    if (pendingOr && clauses.length) clauses[clauses.length - 1].push(t.atom.term);
    else clauses.push([t.atom.term]);
    pendingOr = false;
  }
  if (pendingOr || dangling) notices.push('OR needs a word on each side, as in iraq OR syria; the lone OR was ignored.');

  let count = 0;
  const keep = (ts: Term[]) => ts.filter(() => ++count <= MAX_TERMS);
  const kept = clauses.map(keep).filter((c) => c.length);
  const keptOut = keep(excluded);
  if (count > MAX_TERMS) notices.push(`Only the first ${MAX_TERMS} words are searched for.`);

  const hasFilter =
    filters.tags.length + filters.speakers.length + filters.outlets.length + filters.kinds.length + filters.relations.length > 0 ||
    filters.after !== null ||
    filters.before !== null;

  let match: string | null = null;
  if (kept.length) {
    const positive = kept.map((c) => (c.length === 1 ? quote(c[0]) : `(${c.map(quote).join(' OR ')})`)).join(' AND ');
    match = keptOut.reduce((expr, t) => `${expr} NOT ${quote(t)}`, kept.length > 1 ? `(${positive})` : positive);
  } else if (keptOut.length) {
    notices.push(
      hasFilter
        ? 'Leaving words out needs a word to look for as well; the -words were ignored.'
        : 'Add a word to look for: -word only leaves things out of what a search finds.',
    );
  }
  return { match, terms: kept.flat(), filters, notices, runnable: match !== null || hasFilter };
}

/**
 * Search-as-you-type: the word being typed (no space after it yet) is a prefix,
 * so results appear before it is finished. Very short last words stay whole
 * words: a one- or two-letter prefix expands to too much of the vocabulary.
 */
export function asYouType(input: string, minPrefix = 3): string {
  if (/\s$/.test(input) || input.endsWith('*') || input.endsWith('"')) return input;
  const m = /(^|\s)(-?)([\p{L}\p{N}]+)$/u.exec(input);
  if (!m || m[3].length < minPrefix || m[3] === 'OR') return input;
  // A word inside an open quote is part of a phrase: leave it.
  if ((input.match(/"/g)?.length ?? 0) % 2 === 1) return input;
  return `${input}*`;
}

/**
 * Where in `text` the terms occur, diacritics and case ignored: the first
 * shortest stretch holding one occurrence of every term (so "president obama"
 * lands where both words are, not on an earlier lone "president"), else the
 * first occurrence of any term. Null when none occurs (a title-only match).
 */
export function firstMatch(text: string, terms: Term[]): { start: number; end: number } | null {
  if (terms.length === 0) return null;
  const tokens: Array<{ word: string; start: number; end: number }> = [];
  for (const m of text.matchAll(/[\p{L}\p{N}\p{Co}\p{M}]+/gu)) {
    // Unicode normalisation is the costly part: plain ASCII words only need lower-casing.
    const w = ASCII_WORD.test(m[0]) ? m[0].toLowerCase() : fold(m[0]);
    if (w) tokens.push({ word: w, start: m.index, end: m.index + m[0].length });
  }
  const firstWords = terms.map((t) => t.words[0]);
  // Every occurrence, in text order: [first token, last token, term index].
  const hits: Array<[number, number, number]> = [];
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i].word;
    if (!firstWords.some((f, t) => (terms[t].prefix && terms[t].words.length === 1 ? word.startsWith(f) : word === f))) continue;
    terms.forEach((term, t) => {
      const n = term.words.length;
      if (i + n > tokens.length) return;
      for (let k = 0; k < n; k++) {
        const want = term.words[k];
        const got = tokens[i + k].word;
        if (!(k === n - 1 && term.prefix ? got.startsWith(want) : got === want)) return;
      }
      hits.push([i, i + n - 1, t]);
    });
  }
  if (hits.length === 0) return null;
  const distinct = new Set(hits.map((h) => h[2])).size;
  // Smallest window (in tokens) over the hits that covers every distinct term found.
  const seen = new Map<number, number>();
  let best: [number, number] | null = null;
  for (let lo = 0, hi = 0; hi < hits.length; hi++) {
    seen.set(hits[hi][2], (seen.get(hits[hi][2]) ?? 0) + 1);
    while (seen.size === distinct) {
      const span = hits[hi][1] - hits[lo][0];
      if (!best || span < best[1] - best[0]) best = [hits[lo][0], hits[hi][1]];
      const c = seen.get(hits[lo][2])! - 1;
      if (c === 0) seen.delete(hits[lo][2]);
      else seen.set(hits[lo][2], c);
      lo++;
    }
  }
  const [a, b] = best && best[1] - best[0] <= 40 ? best : [hits[0][0], hits[0][1]];
  return { start: tokens[a].start, end: tokens[b].end };
}
