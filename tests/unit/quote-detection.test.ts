import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalText } from '../../shared/document/model';
import { documentFromPlainText } from '../helpers/plain-text';
import { MEDIUM_KEYS } from '../../shared/model/statement';
import { detectQuotes, type QuoteSuggestion } from '../../shared/statements/detect';
import { articleText } from '../helpers/article-text';
import { corpusPath } from '../helpers/corpus';
import labelled from '../fixtures/quotes-labelled.json';

function wellFormed(text: string, found: QuoteSuggestion[]) {
  for (const s of found) {
    expect(text.slice(s.start, s.end)).toBe(s.exact);
    expect(s.confidence).toBeGreaterThanOrEqual(0);
    expect(s.confidence).toBeLessThanOrEqual(1);
    expect(MEDIUM_KEYS).toContain(s.medium);
    expect(s.speaker.trim()).not.toBe('');
  }
}

/** Paragraphs joined the way canonical text joins blocks. */
const doc = (...paras: string[]) => paras.join('\n\n');

function only(text: string) {
  const found = detectQuotes(text);
  wellFormed(text, found);
  return found;
}

function one(text: string, match: string | RegExp) {
  const hits = only(text).filter((s) => (typeof match === 'string' ? s.exact.includes(match) : match.test(s.exact)));
  expect(hits, `one suggestion matching ${match}`).toHaveLength(1);
  return hits[0];
}

describe('seed article: pentagon-nato-iraq', () => {
  const raw = readFileSync(corpusPath('seed', 'pentagon-nato-iraq.txt'), 'utf8');
  const text = canonicalText(documentFromPlainText(raw));
  const found = detectQuotes(text);

  it('returns well-formed suggestions in text order', () => {
    wellFormed(text, found);
    const starts = found.map((s) => s.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it("finds John Kirby's tweet with handle and date", () => {
    const tweet = found.find((s) => s.handle === '@PentagonPresSec');
    expect(tweet).toMatchObject({
      speaker: 'John Kirby',
      saidOn: '2021-02-19',
      medium: 'tweet',
      quoteKind: 'direct',
      exact: 'We support NATO’s expanded mission in Iraq and will continue to do so, but there are no plans to increase U.S. force levels there.',
    });
  });

  it("finds Jessica L. McNulty's remark to CNN", () => {
    const s = found.find((x) => x.exact.startsWith('The US is participating in the force generation process'));
    expect(s).toMatchObject({ speaker: 'Jessica L. McNulty', role: 'Pentagon spokesperson', reportedIn: 'CNN', quoteKind: 'direct' });
    expect(s!.exact.endsWith('this important expanded mission')).toBe(true);
  });

  it("finds Jens Stoltenberg's quotes under his full name", () => {
    const s = found.find((x) => x.exact.startsWith('ISIS is still there.'));
    expect(s).toMatchObject({ speaker: 'Jens Stoltenberg', role: 'NATO Secretary-General', quoteKind: 'direct' });
    expect(s!.exact).toContain('we need to make sure that they’re not able to return');
    const his = found.filter((x) => /Stoltenberg/.test(x.speaker));
    expect(his.length).toBeGreaterThanOrEqual(3); // the quote plus "said Thursday that …" and "also added that …"
    expect(new Set(his.map((x) => x.speaker))).toEqual(new Set(['Jens Stoltenberg']));
    expect(his.find((x) => x.exact.startsWith('NATO’s presence for the mission would jump'))).toMatchObject({ quoteKind: 'paraphrase', reportedIn: 'CNN' });
  });

  it("finds Christopher Miller's quote after a colon", () => {
    const s = found.find((x) => x.exact.startsWith('The drawdown of US force levels in Iraq'));
    expect(s).toMatchObject({ speaker: 'Christopher Miller', role: 'Trump’s acting Secretary of Defense', quoteKind: 'direct' });
    expect(s!.exact).toContain('evidence of real progress');
  });

  it('counts a partial quote of 3+ words attributed to a named person', () => {
    expect(found.find((x) => x.exact === 'welcomed the expanded role')).toMatchObject({ speaker: 'Lloyd Austin', quoteKind: 'direct' });
  });

  it("suggests Kirby's clarification as reported speech", () => {
    const s = found.find((x) => x.exact.includes('there are no imminent plans for it at the moment'));
    expect(s).toMatchObject({ speaker: 'John Kirby', quoteKind: 'paraphrase' });
  });
});

describe('attribution patterns', () => {
  it('"…," X said', () => {
    const s = one(doc('Jane Smith runs the agency.', '“We will win this,” Smith said.'), 'We will win');
    expect(s).toMatchObject({ exact: 'We will win this', speaker: 'Jane Smith', quoteKind: 'direct' });
  });

  it('"…," said X, with an appositive role', () => {
    const s = one('“The plan is dead on arrival,” said Tom Forte, a senior fellow at the Brookings Institution.', 'dead on arrival');
    expect(s).toMatchObject({ speaker: 'Tom Forte', role: 'senior fellow at the Brookings Institution' });
  });

  it('X said "…" and X said: "…" (straight quotes)', () => {
    expect(one('Jane Smith said "the plan is dead on arrival" and left.', 'dead on arrival').speaker).toBe('Jane Smith');
    expect(one('Jane Smith said: "The plan is dead. We start again."', 'We start again')).toMatchObject({ speaker: 'Jane Smith', exact: 'The plan is dead. We start again.' });
  });

  it('X told CNN that … is reported speech, with the outlet', () => {
    const s = one('Jane Smith told CNN that the ceasefire would hold through the weekend.', 'ceasefire');
    expect(s).toMatchObject({ quoteKind: 'paraphrase', speaker: 'Jane Smith', reportedIn: 'CNN', exact: 'the ceasefire would hold through the weekend' });
  });

  it('"…" X told CNN', () => {
    expect(one('“The ceasefire will hold,” Jane Smith told CNN.', 'ceasefire')).toMatchObject({ speaker: 'Jane Smith', reportedIn: 'CNN', quoteKind: 'direct' });
  });

  it('quotes split around an attribution share the speaker', () => {
    const text = '“We are not done,” Jane Smith said. “The hard part starts now.”';
    expect(one(text, 'not done').speaker).toBe('Jane Smith');
    expect(one(text, 'hard part').speaker).toBe('Jane Smith');
    const mid = '“If I see a deck on sale,” Kaplan says, “and it costs $100, that upsets me.”';
    expect(only(mid).map((s) => s.speaker)).toEqual(['Kaplan', 'Kaplan']);
  });

  it('a quote running over several paragraphs keeps its speaker', () => {
    const text = doc('“The drug was in her system,” her mother, Fiona Parry, said.', '“As she deteriorated, the staff did all they could.', '“She was literally burning up from within.”');
    expect(only(text).map((s) => s.speaker)).toEqual(['Fiona Parry', 'Fiona Parry', 'Fiona Parry']);
  });

  it('reads curly, straight, single, guillemet and low-high quotation marks', () => {
    for (const [open, close] of [['“', '”'], ['"', '"'], ['‘', '’'], ['«', '»'], ['« ', ' »'], ['„', '“']]) {
      const text = `${open}We will not give up on this town${close}, Jane Smith said.`;
      expect(one(text, 'give up'), `${open}…${close}`).toMatchObject({ exact: 'We will not give up on this town', speaker: 'Jane Smith' });
    }
  });

  it('does not mistake apostrophes for closing single quotes', () => {
    expect(one('‘We don’t know, and they’re not saying,’ Jane Smith said.', 'know').exact).toBe('We don’t know, and they’re not saying');
  });

  it('an embedded tweet: text, then "— Name (@handle) Month D, YYYY"', () => {
    const two = doc('We support the expanded mission.', '— John Kirby (@PentagonPresSec) February 19, 2021');
    expect(one(two, 'expanded mission')).toMatchObject({ speaker: 'John Kirby', handle: '@PentagonPresSec', saidOn: '2021-02-19', medium: 'tweet', exact: 'We support the expanded mission.' });
    const inline = 'Drinking game for web devs: think of a noun — Shay Friedman (@ShayFriedman) August 22, 2013';
    expect(one(inline, 'Drinking game')).toMatchObject({ speaker: 'Shay Friedman', handle: '@ShayFriedman', saidOn: '2013-08-22', exact: 'Drinking game for web devs: think of a noun' });
  });

  it('splits titles and roles from names', () => {
    expect(one('Pentagon spokesperson Jessica L. McNulty said Thursday that the unit would stay for a year.', 'unit')).toMatchObject({ speaker: 'Jessica L. McNulty', role: 'Pentagon spokesperson' });
    expect(one('“Training works,” NATO Secretary-General Jens Stoltenberg said.', 'Training')).toMatchObject({ speaker: 'Jens Stoltenberg', role: 'NATO Secretary-General' });
    expect(one('Trump’s acting Secretary of Defense Christopher Miller said: “The drawdown reflects progress.”', 'drawdown')).toMatchObject({ speaker: 'Christopher Miller', role: 'Trump’s acting Secretary of Defense' });
    expect(one('“It is time,” White House press secretary Josh Earnest told reporters.', 'time')).toMatchObject({ speaker: 'Josh Earnest', role: 'White House press secretary', medium: 'remarks' });
    expect(one('“We are ready,” Secretary of Homeland Security Alejandro Mayorkas said.', 'ready')).toMatchObject({ speaker: 'Alejandro Mayorkas', role: 'Secretary of Homeland Security' });
    expect(one('“We are ready,” Secretary of State Blinken said.', 'ready')).toMatchObject({ speaker: 'Blinken', role: 'Secretary of State' });
  });

  it('resolves short mentions to the fullest name in the text', () => {
    const text = doc('Jens Stoltenberg met ministers in Brussels.', '“ISIS is still there,” Stoltenberg said.', '“We stay,” Mr. Stoltenberg added.');
    expect(only(text).map((s) => s.speaker)).toEqual(['Jens Stoltenberg', 'Jens Stoltenberg']);
    // A fuller form written later in the text counts too.
    expect(one(doc('“It was a shock,” Fiona said.', 'Fiona Parry later issued a plea.'), 'shock').speaker).toBe('Fiona Parry');
  });

  it.each([
    ['says', '“It is a mess,” says Jane Smith.'],
    ['told', '“It is a mess,” Jane Smith told reporters.'],
    ['added', '“It is a mess,” Jane Smith added.'],
    ['stressed', 'Jane Smith stressed: “It is a mess.”'],
    ['wrote', '“It is a mess,” Jane Smith wrote in a blog post.'],
    ['tweeted', '“It is a mess,” Jane Smith tweeted.'],
    ['explained', '“It is a mess,” explains Dr. Jane Smith.'],
    ['noted', 'Jane Smith noted that “it is a mess and nobody is fixing it.”'],
    ['argued', '“It is a mess,” Jane Smith argued.'],
    ['according to', '“It is a mess,” according to Jane Smith.'],
  ])('speech verb: %s', (_verb, text) => {
    expect(one(text, /mess/).speaker).toBe('Jane Smith');
  });

  it('infers the medium from the attribution', () => {
    expect(one('“It is a mess,” Jane Smith tweeted.', 'mess').medium).toBe('tweet');
    expect(one('“It is a mess,” Jane Smith wrote in a blog post.', 'mess').medium).toBe('document');
    expect(one('“It is a mess,” Jane Smith said in a statement.', 'mess').medium).toBe('press_release');
    expect(one('“It is a mess,” Jane Smith said in an interview.', 'mess').medium).toBe('interview');
    expect(one('“It is a mess,” Jane Smith testified.', 'mess').medium).toBe('testimony');
    expect(one('“It is a mess,” Jane Smith said.', 'mess').medium).toBe('other');
  });

  it('pronouns resolve to the latest named person, with lower confidence', () => {
    const named = one('“We are ready,” Jane Smith said.', 'ready');
    const text = doc('Jane Smith arrived late to the briefing.', '“We are ready,” she said.');
    const viaPronoun = one(text, 'ready');
    expect(viaPronoun.speaker).toBe('Jane Smith');
    expect(viaPronoun.confidence).toBeLessThan(named.confidence);
    // Gender cues pick the right antecedent.
    const two = doc('Edward Lorenz ran the lab. He bought a computer.', 'Once Ellen Fetter arrived, she started work. Lorenz gave her a manual.', '“He carried a lot in his head,” she said.');
    expect(one(two, 'carried').speaker).toBe('Ellen Fetter');
  });

  it('"it said" refers back to an organisation', () => {
    const text = doc('The Food Standards Agency warned people about the pills.', '“We advise the public not to take them,” it said in a statement.');
    expect(one(text, 'advise')).toMatchObject({ speaker: 'Food Standards Agency', medium: 'press_release' });
  });

  it('online handles can be speakers', () => {
    expect(one('“It is our responsibility to police the market,” elmo666 wrote in a forum post.', 'police').speaker).toBe('elmo666');
  });

  it('an attribution can follow a quote ending in ? or !', () => {
    expect(one('“Why don’t we do an international service?” Caudevilla told me when I visited.', 'international').speaker).toBe('Caudevilla');
  });

  it('"the president said" refers back to the person introduced with that title', () => {
    const text = doc('President Barack Obama spoke to the BBC.', 'The president said he would keep pushing for new gun laws.');
    expect(one(text, 'pushing')).toMatchObject({ speaker: 'Barack Obama', quoteKind: 'paraphrase' });
  });

  it('reported speech with the attribution at the end or in the middle', () => {
    expect(one('Digging by hand is also a challenge in frozen ground, Mr. Michaels said.', 'Digging')).toMatchObject({ speaker: 'Michaels', quoteKind: 'paraphrase', exact: 'Digging by hand is also a challenge in frozen ground' });
    expect(one('Within months of the deal, Forte said, Whole Foods was selling cheaper eggs.', 'eggs').exact).toBe('Whole Foods was selling cheaper eggs');
    expect(one('The poll put his approval rating at 13%, The Korea Times reported, down from 19%.', 'approval')).toMatchObject({ speaker: 'Korea Times', quoteKind: 'paraphrase' });
  });
});

describe('what is not a statement', () => {
  it('skips scare quotes of one or two words', () => {
    expect(only('The so-called “experts” were wrong again, and the “fake news” label stuck.')).toEqual([]);
  });

  it('turns a scare quote inside reported speech into a paraphrase, not a direct quote', () => {
    const found = only('Eric Reeves said he was “appalled” that the government was lifting sanctions.');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ quoteKind: 'paraphrase', speaker: 'Eric Reeves' });
    expect(found[0].exact).toContain('“appalled”');
  });

  it('skips titles of books, films and games', () => {
    expect(only('She read “The Old Man and the Sea” last summer.')).toEqual([]);
    expect(only('In her book “A Paradise Built in Hell: The Extraordinary Communities,” Rebecca Solnit wrote of purpose.')).toEqual([]);
    const film = only('Steven Spielberg said “Ready Player One” was his favourite project.');
    expect(film.filter((s) => s.quoteKind === 'direct')).toEqual([]);
  });

  it('skips quotes with no attribution', () => {
    expect(only('“This is the end of an era.”')).toEqual([]);
    expect(only(doc('The sign read “Closed for the season” in red letters.', '“Nobody knows what comes next.”'))).toEqual([]);
  });

  it('skips unnamed speakers', () => {
    expect(only('“We are concerned,” a senior official told Reuters.')).toEqual([]);
    expect(only('Officials said the talks had stalled over the weekend.')).toEqual([]);
    expect(only('Prosecutors in Los Angeles say the company has been lying to customers.')).toEqual([]);
  });

  it('skips hypothetical speech', () => {
    expect(only('Uber might have suggested that it would use its drivers to help.')).toEqual([]);
  });

  it('does not let the answer to a question inherit the asker', () => {
    const text = doc('“Are you coming?” Jane Smith asked.', '“No, I am staying here tonight.”');
    expect(only(text).map((s) => s.exact)).toEqual(['Are you coming?']);
  });

  it('handles empty and quote-free text', () => {
    expect(detectQuotes('')).toEqual([]);
    expect(detectQuotes('\n\n')).toEqual([]);
    expect(detectQuotes('Plain prose with no speech at all.')).toEqual([]);
  });
});

describe('hand-labelled readability corpus', () => {
  type Label = { quote: string; speaker: string; kind?: 'direct' | 'paraphrase' };
  const pages = labelled as Record<string, Label[]>;

  const tokens = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, ' ').split(/\s+/).filter(Boolean);
  /** Same name, same last name, or one name contained in the other ("Korea Times" / "The Korea Times"). */
  function sameSpeaker(found: string, label: string) {
    const a = tokens(found);
    const b = tokens(label);
    if (!a.length || !b.length) return false;
    if (a[a.length - 1] === b[b.length - 1]) return true;
    return a.every((w) => b.includes(w)) || b.every((w) => a.includes(w));
  }

  const tally = { direct: { tp: 0, fp: 0, found: 0, total: 0 }, paraphrase: { tp: 0, fp: 0, found: 0, total: 0 } };
  const misses: string[] = [];
  const quiet: Record<string, QuoteSuggestion[]> = {};

  for (const [page, labels] of Object.entries(pages)) {
    const text = articleText(readFileSync(corpusPath('readability', page, 'source.html'), 'utf8'));
    const found = detectQuotes(text);
    wellFormed(text, found);
    if (!labels.length) quiet[page] = found;
    const spans = labels.map((l) => {
      const at: [number, number][] = [];
      for (let i = text.indexOf(l.quote); i >= 0; i = text.indexOf(l.quote, i + 1)) at.push([i, i + l.quote.length]);
      if (!at.length) throw new Error(`${page}: labelled quote not in article text: ${l.quote}`);
      return { ...l, kind: l.kind ?? 'direct', at };
    });
    const hit = new Set<number>();
    for (const s of found) {
      let ok = false;
      spans.forEach((l, i) => {
        if (l.at.some(([a, b]) => s.start < b && s.end > a) && sameSpeaker(s.speaker, l.speaker)) {
          ok = true;
          hit.add(i);
        }
      });
      if (ok) tally[s.quoteKind].tp++;
      else {
        tally[s.quoteKind].fp++;
        misses.push(`${page}: false ${s.quoteKind} (${s.speaker}) ${s.exact.slice(0, 60)}`);
      }
    }
    spans.forEach((l, i) => {
      tally[l.kind].total++;
      if (hit.has(i)) tally[l.kind].found++;
      else misses.push(`${page}: missed ${l.kind} (${l.speaker}) ${l.quote}`);
    });
  }

  const all = {
    tp: tally.direct.tp + tally.paraphrase.tp,
    fp: tally.direct.fp + tally.paraphrase.fp,
    found: tally.direct.found + tally.paraphrase.found,
    total: tally.direct.total + tally.paraphrase.total,
  };
  const rate = (a: number, b: number) => (b ? a / b : 1);
  const report = (name: string, t: typeof all) =>
    `${name}: precision ${rate(t.tp, t.tp + t.fp).toFixed(3)} (${t.tp}/${t.tp + t.fp}), recall ${rate(t.found, t.total).toFixed(3)} (${t.found}/${t.total})`;
  console.log(
    [
      `quote detection on ${Object.keys(pages).length} hand-labelled pages`,
      report('all', all),
      report('direct', tally.direct),
      report('paraphrase', tally.paraphrase),
      ...misses.map((m) => `  ${m}`),
    ].join('\n'),
  );

  it('labels at least 20 pages, including some with no quotes', () => {
    expect(Object.keys(pages).length).toBeGreaterThanOrEqual(20);
    expect(Object.keys(quiet).length).toBeGreaterThanOrEqual(3);
  });

  // Floors sit just under the measured figures so a regression fails.
  it('keeps precision and recall above their floors', () => {
    expect(rate(all.tp, all.tp + all.fp)).toBeGreaterThanOrEqual(0.98);
    expect(rate(all.found, all.total)).toBeGreaterThanOrEqual(0.95);
    expect(rate(tally.direct.tp, tally.direct.tp + tally.direct.fp)).toBeGreaterThanOrEqual(0.98);
    expect(rate(tally.direct.found, tally.direct.total)).toBeGreaterThanOrEqual(0.95);
    expect(rate(tally.paraphrase.tp, tally.paraphrase.tp + tally.paraphrase.fp)).toBeGreaterThanOrEqual(0.97);
    expect(rate(tally.paraphrase.found, tally.paraphrase.total)).toBeGreaterThanOrEqual(0.94);
  });

  it('suggests nothing on pages without attributed quotes', () => {
    for (const [page, found] of Object.entries(quiet)) expect(found.map((s) => s.exact), page).toEqual([]);
  });
});

describe('purity', () => {
  it('imports nothing but the shared model', () => {
    const src = readFileSync(new URL('../../shared/statements/detect.ts', import.meta.url), 'utf8');
    const imports = [...src.matchAll(/^\s*import\b[^;]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    expect(imports).toEqual(['../model/statement']);
  });
});
