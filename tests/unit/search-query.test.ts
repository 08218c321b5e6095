import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { asYouType, firstMatch, parseQuery, words } from '../../shared/search/query';
import { parseSnippet, plainSnippet, snippetText } from '../../shared/search/snippet';

describe('parseQuery: each piece of the syntax', () => {
  const cases: Array<[string, string | null]> = [
    ['pentagon', '"pentagon"'],
    ['Pentagon TROOPS', '("pentagon" AND "troops")'],
    ['"force levels"', '"force levels"'],
    ['negoti*', '"negoti" *'],
    ['"force lev"*', '"force lev" *'],
    ['iraq -syria', '"iraq" NOT "syria"'],
    ['iraq -"press release"', '"iraq" NOT "press release"'],
    ['iraq OR syria', '("iraq" OR "syria")'],
    ['iraq OR syria troops', '(("iraq" OR "syria") AND "troops")'],
    ['troops iraq | syria', '("troops" AND ("iraq" OR "syria"))'],
    ['Élection présidentielle', '("election" AND "presidentielle")'],
    ["O'Brien", '"o brien"'],
    ['e-mail', '"e mail"'],
  ];
  it.each(cases)('%s → %s', (input, match) => {
    const q = parseQuery(input);
    expect(q.match).toBe(match);
    expect(q.notices).toEqual([]);
  });

  it('reads filters, with quoted values, and leaves them out of the text match', () => {
    const q = parseQuery('troops tag:iraq speaker:"John Kirby" outlet:reuters after:2021-01 before:2021-03-01 is:statement relation:contradicts');
    expect(q.match).toBe('"troops"');
    expect(q.filters).toEqual({
      tags: ['iraq'],
      speakers: ['John Kirby'],
      outlets: ['reuters'],
      after: '2021-01',
      before: '2021-03-01',
      kinds: ['statement'],
      relations: ['contradicts'],
    });
    expect(q.runnable).toBe(true);
  });

  it('runs a filter-only search (no words) such as a saved "contradicted statements tagged iraq"', () => {
    const q = parseQuery('is:statement tag:iraq relation:contradicted');
    expect(q.match).toBeNull();
    expect(q.runnable).toBe(true);
    expect(q.filters.relations).toEqual(['contradicts']);
  });

  it('understands the kinds a person names', () => {
    expect(parseQuery('is:quotes').filters.kinds).toEqual(['statement']);
    expect(parseQuery('is:highlight').filters.kinds).toEqual(['annotation']);
    expect(parseQuery('is:articles is:brief').filters.kinds).toEqual(['source', 'brief']);
  });
});

describe('parseQuery: hostile and mistyped input never reaches MATCH raw', () => {
  const hostile = [
    '"unbalanced quote',
    'NEAR(',
    'NEAR(a b, 2)',
    '*',
    '***',
    'title:',
    'body:secret',
    '{title body}: x',
    'a AND OR NOT b',
    '^start',
    '"',
    '""',
    '-',
    '--',
    '- -',
    '(',
    ')',
    'a) OR (b',
    'col:"x',
    "'; DROP TABLE sources; --",
    '\u0000\u0002',
    'x'.repeat(5000),
    Array.from({ length: 100 }, (_, i) => `w${i}`).join(' '),
    'OR',
    'OR OR a',
    'a OR',
    '🙂 emoji',
    'tag:',
    'before:yesterday',
    'is:everything',
    'relation:likes',
  ];
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE t USING fts5 (title, body, tokenize = 'unicode61 remove_diacritics 2');
    INSERT INTO t VALUES ('a title', 'near the start and secret stuff'), ('b', 'w1 w2 w3 emoji x')`);
  it.each(hostile.map((h) => [h.length > 60 ? `${h.slice(0, 40)}… (${h.length} chars)` : h, h]))('%s', (_label, input) => {
    const q = parseQuery(input);
    if (q.match) expect(() => db.prepare('SELECT rowid FROM t WHERE t MATCH ?').all(q.match)).not.toThrow();
    // Either something runs or the person is told why not.
    expect(q.runnable || q.notices.length > 0 || q.match === null).toBe(true);
  });

  it('says why a lone exclusion, a bad date, an unknown relation or kind was ignored', () => {
    expect(parseQuery('-syria').notices[0]).toMatch(/Add a word to look for/);
    expect(parseQuery('iraq before:yesterday').notices[0]).toMatch(/date looks like 2021/);
    expect(parseQuery('relation:likes').notices[0]).toMatch(/contradicts/);
    expect(parseQuery('is:everything').notices[0]).toMatch(/is:statement/);
    expect(parseQuery('tag: iraq').notices[0]).toMatch(/tag: needs a value/);
    expect(parseQuery('a OR').notices[0]).toMatch(/OR needs a word/);
  });

  it('keeps at most 32 terms', () => {
    const q = parseQuery(Array.from({ length: 40 }, (_, i) => `w${i}`).join(' '));
    expect(q.terms).toHaveLength(32);
    expect(q.notices[0]).toMatch(/first 32 words/);
  });

  it('column names and operators typed by a person are searched as words', () => {
    const borrowed = parseQuery('title:budget');
    expect(borrowed.match).toBe('("title" AND "budget")');
    expect(borrowed.notices[0]).toMatch(/title: is not a filter/);
    expect(parseQuery('NEAR(a b)').match).toBe('("near a" AND "b")');
    expect(parseQuery('a AND b').match).toBe('("a" AND "and" AND "b")');
  });
});

describe('asYouType', () => {
  it.each([
    ['pentag', 'pentag*'],
    ['pentagon tro', 'pentagon tro*'],
    ['pentagon tr', 'pentagon tr'],
    ['pentagon ', 'pentagon '],
    ['-syr', '-syr*'],
    ['"force lev', '"force lev'],
    ['negoti*', 'negoti*'],
    ['tag:ira', 'tag:ira'],
  ])('%s → %s', (typed, sent) => expect(asYouType(typed)).toBe(sent));
});

describe('firstMatch: the passage a hit opens at', () => {
  const text = 'The President spoke. Later, in Zürich, President Obama said the force levels would not change.';
  it('finds a phrase, diacritics and case ignored', () => {
    const m = firstMatch(text, parseQuery('"FORCE levels"').terms)!;
    expect(text.slice(m.start, m.end)).toBe('force levels');
    const z = firstMatch(text, parseQuery('zurich').terms)!;
    expect(text.slice(z.start, z.end)).toBe('Zürich');
  });
  it('prefers the place where all the words are together', () => {
    const m = firstMatch(text, parseQuery('president obama').terms)!;
    expect(text.slice(m.start, m.end)).toBe('President Obama');
  });
  it('completes a prefix to the whole word, and says null when nothing is there', () => {
    const m = firstMatch(text, parseQuery('chan*').terms)!;
    expect(text.slice(m.start, m.end)).toBe('change');
    expect(firstMatch(text, parseQuery('pentagon').terms)).toBeNull();
  });
});

describe('snippets', () => {
  it('turns FTS5 markers into marked runs, and never into HTML', () => {
    const s = parseSnippet('…the \u0002force\u0003 <b>levels</b>…');
    expect(s).toEqual([
      { text: '…the ', mark: false },
      { text: 'force', mark: true },
      { text: ' <b>levels</b>…', mark: false },
    ]);
    expect(snippetText(s)).toBe('…the [force] <b>levels</b>…');
  });
  it('cuts plain snippets at a word', () => {
    expect(snippetText(plainSnippet('word '.repeat(100), 22))).toBe('word word word word…');
  });
  it('splits words as the tokenizer does', () => {
    expect(words('Ça coûte 10€, n’est-ce pas?')).toEqual(['ca', 'coute', '10', 'n', 'est', 'ce', 'pas']);
  });
});
