/**
 * Suggested statements: direct quotes and reported speech with their
 * attribution, found in a source's canonical text (paragraphs joined by
 * "\n\n"). Heuristic and pure: no language model, one tokenisation pass per
 * paragraph, and every attribution search is confined to the sentence (or the
 * neighbouring paragraphs) around a quote, so the cost stays linear in the text.
 *
 * Policy, so reviewers know what to expect:
 * - A quote with no attribution we can find is skipped, not guessed at. The
 *   exceptions are news conventions: a quote that continues one attributed
 *   earlier in the same paragraph, a paragraph that opens with a quote right
 *   after a paragraph whose last statement was attributed, and multi-paragraph
 *   quotes; these get lower confidence.
 * - Quotes of one or two words only count when the attribution is adjacent
 *   (`"No," he said`). Inside reported speech they are scare quotes, and the
 *   surrounding clause is suggested as a paraphrase instead.
 * - Short Title Case quotes, and quotes introduced as a title ("the book
 *   “…”", "titled “…”"), are names of works and never suggested.
 * - Speakers must be named, or be he/she/it/"the president" resolvable to a
 *   name nearby; "officials said" or "a source told Reuters" yields nothing.
 */
import type { Medium, QuoteKind } from '../model/statement';

export interface QuoteSuggestion {
  /** Range of the quoted (or reported) words in the text, without quotation marks. */
  start: number;
  end: number;
  exact: string;
  /** Full name as written at its most complete anywhere in the text. */
  speaker: string;
  handle: string | null;
  role: string | null;
  /** YYYY-MM-DD, only when the text gives a full date next to the statement. */
  saidOn: string | null;
  medium: Medium;
  reportedIn: string | null;
  quoteKind: QuoteKind;
  confidence: number;
}

// ---------------------------------------------------------------------------
// Lexicons (lower case)

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

const SPEECH_VERBS = words(`
  said says say told tells tell added adds stressed stresses wrote writes written tweeted tweets
  posted explained explains noted notes argued argues warned warns insisted insists claimed claims
  admitted admits acknowledged acknowledges declared declares recalled recalls continued continues
  asked asks replied replies answered responded responds emphasized emphasised emphasizes observed
  remarked commented announced announces stated states testified conceded concedes suggested
  suggests urged vowed pledged promised predicted predicts cautioned concluded agreed complained
  joked quipped exclaimed shouted instructed boasted confirmed confirms maintained maintains
  contended contends countered estimated estimates mentioned reported reports clarified clarifies
  reiterated reiterates assured affirmed alleged alleges called calls described describes
  lamented elaborated recounted mused wondered protested pleaded demanded advised stress explain
  saying telling noting adding writing asking explaining arguing warning insisting claiming
  stressing tweeting recalling
`);

/** Participles take their subject from the clause they hang off. */
const PARTICIPLES = words(`saying telling noting adding writing asking explaining arguing warning insisting
  claiming stressing tweeting recalling`);

/** Speech verbs that can head a reported clause without "that". */
const BARE_CLAUSE_VERBS = words(`said says say told tells added adds claimed claims admitted admits insisted
  insists warned warns noted notes estimated estimates argued argues saying telling reported reports
  predicted predicts acknowledged confirmed`);

/** Verbs whose object comes before the clause: "told CNN that", "promised the state that". */
const ADDRESSEE_VERBS = words(`told tells tell telling promised assured warned reminded informed`);

/** Speech verbs that introduce questions, continuations or names, never a reported clause. */
const NON_PARAPHRASE_VERBS = words(`asked asks asking continued continues replied answered responded exclaimed
  shouted instructed joked quipped called calls described describes`);

/** Verbs that can come before their subject: `"...," said X` / `..., says X.` */
const INVERTIBLE = words(`said says added adds wrote writes explained explains noted notes recalled recalls
  argued argues insisted insists continued continues asked asks replied replies answered observed
  remarked commented stated states reported reports warned warns cautioned concluded conceded
  concedes recalls instructed`);

/** Verbs that only carry a direct quote when it is part of their object ("called it “a mess”"). */
const OBJECT_QUOTE_VERBS = words(`called calls described describes`);

const ADVERBS = words(`has had have will would did does do also later then once further again
  previously recently reportedly repeatedly publicly privately separately subsequently initially
  earlier still often frequently always never just even first already now not would could should can
  may might must`);

const CONJ_BEFORE_SUBJECT = words(`and but or while as when because although though once after before since if
  that so then meanwhile however whereas even`);

const PREPOSITIONS = words(`in at from of for with on to by near across into about against under over
  through between among within without toward towards via like than`);

const DETERMINERS = words(`a an the her his their its our my your this these those some any every each`);

const CLAUSE_STARTERS = words(`he she it they there this that these those we i you his her its their our
  the a an some most many all no none both each every any one two three several such if when
  had has have was were is are would will could can may might should not`);

const NOT_CLAUSE_START = words(`in on at to during after before of about with for by as when while from
  into through over under than monday tuesday wednesday thursday friday saturday sunday yesterday
  today tonight earlier later last late early recently previously also then again once
  privately publicly separately repeatedly according aboard against toward towards via without`);

const STOP_CAPS = words(`the a an but and or nor however in on at this that these those it he she they we i
  you if when while after before as for with from by of to since although though because then so
  yet still meanwhile also earlier later now today yesterday tonight last next some many most all
  both each every no not our their his her its my your here there what who why how where which
  even just only already instead despite among under over during until unless whether once indeed
  finally first second third aside rather thus hence moreover furthermore speaking according
  asked photo image credit read related analysis update updated note sign follow gallery
  monday tuesday wednesday thursday friday saturday sunday january february march july august
  september october november december jan feb aug sept sep oct nov dec am pm et gmt utc
  mondays christmas easter enter meet`);

const HONORIFICS: Record<string, 'm' | 'f' | null> = {
  mr: 'm', 'mr.': 'm', mrs: 'f', 'mrs.': 'f', ms: 'f', 'ms.': 'f', miss: 'f', dr: null, 'dr.': null,
  prof: null, 'prof.': null, sir: 'm', dame: 'f', 'rev.': null, 'sen.': null, 'rep.': null,
  'gov.': null, 'gen.': null, 'lt.': null, 'col.': null, 'sgt.': null, 'capt.': null, 'adm.': null,
};

/** Capitalised words that are titles, so a capitalised run can be split into role + name. */
const TITLE_WORDS = words(`president president-elect vice prime minister secretary secretary-general senator
  representative governor mayor chancellor general admiral colonel captain chief director judge
  justice ambassador commissioner inspector sheriff officer deputy chairman chairwoman chair speaker
  leader pope king queen prince princess lord lady professor father rabbi imam bishop archbishop
  cardinal reverend sergeant lieutenant detective constable superintendent attorney
  attorney-general spokesman spokeswoman spokesperson ceo cfo coo cto editor coach commander
  marshal councillor councilman councilwoman congressman congresswoman premier emir sheikh
  administrator founder co-founder sen sen. rep rep. gov gov. gen gen. acting former`);

/** Nouns that make a phrase a role ("Pentagon spokesperson"). */
const ROLE_NOUNS = words(`spokesperson spokesman spokeswoman secretary minister president director chief officer
  official senator representative governor mayor ambassador general commander chairman chairwoman
  chair ceo cfo founder co-founder professor researcher scientist analyst economist developer
  engineer editor reporter writer correspondent columnist lawyer attorney judge inspector
  commissioner leader member head manager expert author adviser advisor aide chancellor king queen
  prince pope sheriff detective constable coach player actor fellow lecturer executive captain
  lieutenant colonel sergeant admiral superintendent ranger resident student historian astronomer
  physicist geophysicist meteorologist oceanographer doctor physician nurse surgeon teacher
  partner owner veteran photographer skipper fisherman checker elder priest bishop rabbi imam
  activist campaigner candidate lawmaker legislator councillor deputy premier strategist
  consultant investor entrepreneur designer artist philosopher chemist biologist psychologist
  sociologist journalist producer host presenter anchor commentator critic blogger programmer
  mother father wife husband son daughter sister brother witness survivor prosecutor investigator
  agent diplomat envoy negotiator dean scholar specialist staffer employee worker volunteer
  organizer organiser coordinator administrator regulator auditor treasurer secretary-general
  vice-president pastor co-director buyer democrat republican user poster vendor`);

/** Modifiers allowed inside a role phrase. */
const ROLE_MODIFIERS = words(`acting former deputy senior chief vice assistant executive managing general
  associate interim co then longtime top lead principal special national press policy staff
  political editorial junior regional local state federal foreign defense defence security
  department of for and at fact data staff`);

/** Capitalised head words that make a name an organisation. */
const ORG_WORDS = words(`agency association council department ministry university institute center centre
  company corporation corp inc ltd party police committee commission bank foundation office service
  services court board group news times post journal authority administration government
  organization organisation union network society school college museum fund bureau reserve
  congress senate house parliament assembly club team force forces army navy press research
  institution reuters trust alliance coalition federation league program programme lab
  laboratory laboratories hospital clinic magazine radio television tv daily herald tribune
  telegraph guardian observer gazette insider media studios studio games foods images`);

/** Lower-case heads that turn a preceding proper noun into an organisation ("West Mercia police"). */
const ORG_HEADS_LOWER = words(`police government ministry department agency company council committee court
  party army military navy team office magazine`);

/** Unnamed groups: a proper noun followed by one of these is not the speaker. */
const GROUP_NOUNS = words(`officials official sources source spokesman spokeswoman spokesperson representatives
  representative executives employees staff members workers analysts experts researchers
  scientists lawmakers leaders aides residents officers authorities critics supporters
  fans users people voters observers insiders diplomats investigators prosecutors doctors
  economists hawks administration`);

/** Sentence-initial plurals that look capitalised but are not names. */
const GROUP_CAPS = words(`officials analysts experts critics police researchers scientists sources witnesses
  residents authorities doctors economists lawmakers republicans democrats others prosecutors
  investigators observers officers leaders diplomats activists protesters parents teachers
  students users people voters`);

const PARTICLES = words(`de da di du del della van von der den la le bin ibn al el ter dos das y of`);
/** Particles that may open a name ("de Miranda says"). */
const LEADING_PARTICLES = words(`de da di du del della van von der den ter bin ibn al el`);

const NAME_SUFFIXES = words(`jr jr. sr sr. ii iii iv phd ph.d. md m.d. rn dds esq esq.`);

const SUBORDINATORS = words(`if when while although though because as since unless before after within
  for to in on at during despite once whether until`);

const TITLE_CUES = words(`book books film films movie movies novel song songs album albums titled entitled
  named dubbed headlined headline show series play poem essay article episode memoir slogan
  hashtag motto`);

/** Words left in lower case inside Title Case titles. */
const TITLE_SMALL_WORDS = words(`a an the of in on at to for and or but nor with from by as vs via de la le`);

const OUTLET_WORDS = words(`news times post journal reuters press magazine radio tv television network
  insider daily herald tribune telegraph guardian observer gazette bloomberg politico axios
  finance wire`);

const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9,
  october: 10, november: 11, december: 12, jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8,
  sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const TIME_WORDS = words(`monday tuesday wednesday thursday friday saturday sunday yesterday today tonight
  earlier later recently previously morning afternoon evening night week month year weekend
  january february march april may june july august september october november december time
  moment`);

/** Heads of "in a statement" style adverbials between a verb and its clause. */
const VENUE_WORDS = words(`statement interview letter email e-mail memo speech post tweet address report video
  book filing blog essay op-ed column message note briefing conference hearing testimony trial
  court transcript call podcast`);

// ---------------------------------------------------------------------------
// Quotes, tokens, paragraphs

interface QuoteSpan {
  open: number; // absolute index of the opening mark
  close: number; // absolute index of the closing mark, or -1 when the paragraph ends inside it
  s: number; // trimmed inner range
  e: number;
  ot: number; // token index of the marks within the paragraph (-1 if none)
  ct: number;
  endPunct: string; // last significant char inside the quote: , . ? ! or ''
  words: number;
}

type TokKind = 'w' | 'p' | 'q';

interface Tok {
  s: number; // absolute offsets
  e: number;
  t: string;
  n: string; // lower case
  b: string; // lower case without contraction ("there's" -> "there")
  kind: TokKind;
  /** Name word / any part of a name run, initials and honorifics included (computed once: asked constantly). */
  nt: boolean;
  rp: boolean;
  cap: boolean;
  /** Something other than whitespace separates this token from the previous one ("A / B"). */
  sep: boolean;
  /** Index (global) of the quote whose inner range holds this token, or -1. */
  qi: number;
  /** Sentence number within the paragraph. */
  sid: number;
}

interface Para {
  start: number;
  end: number;
  toks: Tok[];
  quotes: number[]; // global quote indices
  caption: boolean; // no closing punctuation: photo captions, credits, headings
}

const isSpace = (c: string | undefined) => c === undefined || c === '' || c === ' ' || c === '\n' || (c > ' ' ? c === '\u00a0' || (c >= '\u2000' && /\s/u.test(c)) : true);
const isUpper = (c: string) => (c < '\u0080' ? c >= 'A' && c <= 'Z' : /\p{Lu}/u.test(c));
const isLetter = (c: string) => /\p{L}/u.test(c);
const base = (n: string) => (n.includes('’') || n.includes("'") ? n.replace(/[’'](s|re|ll|d|ve|m)$/, '').replace(/n[’']t$/, '') : n);
const isInitial = (t: string) => t.endsWith('.') && /^(\p{Lu}\.)+$/u.test(t);
const isAcronym = (t: string) => /^\p{Lu}{2,6}s?$/u.test(t) && !/^(I|II|III|IV)$/.test(t);
const possessive = (t: string) => /[’']s$/.test(t);
const IRREGULAR_PAST = words(`made took gave went came got found thought knew ran began became left kept held brought
  sold bought met sent spent built won lost paid put set felt saw led read heard stood sat spoke broke chose
  drove fell flew grew hid hit let meant rose shut sang stole swore taught tore threw understood woke wore
  is was are were be been has have had will would can could may might must should did does do`);
/** Lower-case words that can follow a subject: verbs, auxiliaries, adverbs. */
const verbLike = (n: string) => ADVERBS.has(n) || /ly$/.test(n) || SPEECH_VERBS.has(n) || /(ed|s)$/.test(n) || IRREGULAR_PAST.has(n);

const MARK_RE = /[“”„«»‘’"]/g;

/**
 * Pairs quotation marks at the top level of one paragraph (nested quotes stay
 * inside the outer one). A quote still open at the paragraph end runs to it:
 * news style leaves multi-paragraph quotes unclosed until the last paragraph.
 */
function findQuotes(text: string, start: number, end: number): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let openAt = -1;
  let kind = '';
  const push = (open: number, close: number) => {
    let s = open + 1;
    let e = close < 0 ? end : close;
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    let k = e;
    while (k > s && /[’'”"»]/.test(text[k - 1])) k--;
    const endPunct = k > s && /[,.?!;:…]/.test(text[k - 1]) ? text[k - 1] : '';
    while (e > s && /[,;:\s]/.test(text[e - 1])) e--;
    if (e <= s) return;
    const wc = text.slice(s, e).split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    out.push({ open, close, s, e, ot: -1, ct: -1, endPunct, words: wc });
  };
  // Searched within the paragraph only: a search running on into later text would make this quadratic.
  const seg = text.slice(start, end);
  const marks = MARK_RE;
  marks.lastIndex = 0;
  for (let m = marks.exec(seg); m; m = marks.exec(seg)) {
    const i = start + m.index;
    const c = text[i];
    const prev = i > start ? text[i - 1] : '';
    const next = i + 1 < end ? text[i + 1] : '';
    if (openAt < 0) {
      const opensHere = c === '“' || c === '„' || c === '«'
        || (c === '"' && (isSpace(prev) || /[([{—–\-/:]/.test(prev)) && !isSpace(next))
        || (c === '‘' && (isSpace(prev) || /[([{—–-]/.test(prev)) && !isSpace(next));
      if (opensHere) {
        openAt = i;
        kind = c;
      }
      continue;
    }
    let closes = false;
    if (kind === '“') {
      if (c === '“' && isSpace(prev) && !isSpace(next)) {
        // A fresh opener: the previous quote was never closed.
        push(openAt, i);
        openAt = i;
        continue;
      }
      closes = c === '”' || (c === '“' && !isSpace(prev)) || (c === '"' && !isSpace(prev));
    } else if (kind === '„') closes = c === '“' || c === '”';
    else if (kind === '«') closes = c === '»';
    else if (kind === '"') closes = (c === '"' || c === '”') && (!isSpace(prev) || isSpace(next));
    else if (kind === '‘') closes = c === '’' && !isSpace(prev) && !isLetter(next);
    if (closes) {
      push(openAt, i);
      openAt = -1;
    }
  }
  if (openAt >= 0) push(openAt, -1);
  return out;
}

const ABBREV = words(`mr mrs ms dr prof sr jr st sen rep gov gen lt col sgt capt adm rev vs etc inc corp ltd
  jan feb mar apr jun jul aug sep sept oct nov dec mt ft`);

const TOKEN_RE = /(?:\p{Lu}\.){2,}|Ph\.D\.|[ap]\.m\.|[\p{L}\p{N}](?:[\p{L}\p{M}\p{N}]|['’-](?=[\p{L}\p{N}]))*|[,;:.?!()—–…/]|[“”„«»‘’"]/gu;

// ---------------------------------------------------------------------------
// Names

interface NameHit {
  name: string; // honorifics and suffixes stripped
  role: string | null;
  start: number;
  org: boolean;
  honorific: string | null;
  ti: number; // token range of the whole phrase, role included
  tj: number;
}

interface Mention {
  name: string;
  pos: number;
  para: number;
  org: boolean;
  tokens: number;
  honorific: string | null;
  role: string | null;
  /** Stands where a subject stands (clause start), not after a preposition or determiner. */
  subj: boolean;
  caption: boolean;
}

interface Speaker {
  name: string;
  role: string | null;
  org: boolean;
  conf: number;
}

/** A token that can sit inside a capitalised name run. */
function nameTok(t: Tok | undefined): boolean {
  return !!t && t.nt;
}

function runPart(t: Tok): boolean {
  return t.rp;
}

function computeNameTok(kind: TokKind, cap: boolean, t: string, b: string): boolean {
  if (kind !== 'w') return false;
  // Online handles ("elmo666", "jayk1984") are names too.
  if (!cap) return /\d/.test(t) && /^\p{Ll}[\p{Ll}_]*\d[\p{L}\p{N}_]*$/u.test(t);
  return !STOP_CAPS.has(b);
}

// ---------------------------------------------------------------------------

interface Attribution {
  speaker: Speaker;
  reportedIn: string | null;
  medium: Medium;
  saidOn: string | null;
}

interface Found {
  a: Attribution;
  conf: number;
  /** Attribution adjacent to the quote, as opposed to a quote embedded in reported speech. */
  tight: boolean;
}

class Detector {
  private readonly paras: Para[] = [];
  private readonly quotes: QuoteSpan[] = [];
  private readonly mentions: Mention[] = [];
  private readonly midCaps = new Set<string>();
  /** Words seen in lower case: a capitalised one of these at a sentence start is an ordinary word. */
  private readonly lowerSeen = new Set<string>();
  private readonly gender = new Map<string, { m: number; f: number }>();
  /** Distinct names keyed by last and by first word; each keeps its positions and roles in text order. */
  private readonly bySurname = new Map<string, NameEntry[]>();
  private readonly byFirst = new Map<string, NameEntry[]>();
  private readonly entries = new Map<string, NameEntry>();
  private readonly roleMentions: Mention[] = [];
  private readonly hasFullForm = new Map<string, boolean>();
  private readonly fullNames = new Map<string, { name: string; role: string | null }>();
  private readonly out: QuoteSuggestion[] = [];
  /** Speaker of the last statement in each paragraph, for continuation quotes. */
  private readonly lastInPara: (Speaker | null)[] = [];
  /** The paragraph's last statement was a question: the next quote is likely someone else's answer. */
  private readonly askedInPara: boolean[] = [];
  /** Every attributed statement so far, for pronouns with no nearby antecedent. */
  private readonly said: { sp: Speaker; para: number; pos: number }[] = [];
  /** Names already quoted as people: a one-word name that speaks is a person ("ScreamMyName"). */
  private readonly spoke = new Set<string>();

  constructor(private readonly text: string) {
    let at = 0;
    const n = text.length;
    while (at < n) {
      let e = text.indexOf('\n\n', at);
      if (e < 0) e = n;
      let last = e - 1;
      while (last >= at && isSpace(text[last])) last--;
      if (last >= at) {
        const p: Para = { start: at, end: e, toks: [], quotes: [], caption: !'.?!:;”"’»)…'.includes(text[last]) };
        for (const q of findQuotes(text, at, e)) {
          p.quotes.push(this.quotes.length);
          this.quotes.push(q);
        }
        this.paras.push(p);
      }
      at = e + 2;
    }
    for (const p of this.paras) this.tokenize(p);
    this.indexMentions();
  }

  // -- tokens ----------------------------------------------------------------

  private tokenize(p: Para): void {
    const { text } = this;
    // One shared regex: V8 only compiles a regex to native code after it has run a while.
    const re = TOKEN_RE;
    re.lastIndex = p.start;
    const toks: Tok[] = [];
    const qs = p.quotes.map((i) => this.quotes[i]);
    const marks = new Map<number, number>();
    qs.forEach((q, k) => {
      marks.set(q.open, k);
      if (q.close >= 0) marks.set(q.close, k);
    });
    let qp = 0;
    let prevEnd = p.start;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null && m.index < p.end) {
      const s = m.index;
      let t = m[0];
      let e = s + t.length;
      if (e > p.end) break;
      const c0 = t.charCodeAt(0);
      // The token regex only yields words, single punctuation marks, or quotation marks.
      let kind: TokKind = t.length > 1 || (c0 >= 48 && c0 <= 57) || (c0 >= 65 && c0 <= 90) || (c0 >= 97 && c0 <= 122) || (c0 > 127 && !'“”„«»‘’—–…'.includes(t)) ? 'w' : '“”„«»‘’"'.includes(t) ? 'q' : 'p';
      // Abbreviation and initial dots stay on the word, so "Mr." and "L." do not end sentences.
      if (kind === 'w' && text[e] === '.' && (ABBREV.has(t.toLowerCase()) || /^\p{Lu}$/u.test(t))) {
        t += '.';
        e++;
        re.lastIndex = e;
      }
      if (kind === 'q' && !marks.has(s)) kind = 'p';
      // Top-level quotes never overlap, so one pointer walks them alongside the tokens.
      while (qp < qs.length && (qs[qp].close >= 0 ? qs[qp].close : p.end) < s) qp++;
      const cq = qs[qp];
      const qi = cq && s > cq.open && s < (cq.close >= 0 ? cq.close : p.end) ? p.quotes[qp] : -1;
      let sep = false;
      for (let c = prevEnd; c < s && !sep; c++) sep = !isSpace(text[c]);
      prevEnd = e;
      const n = t.toLowerCase();
      const b = base(n);
      const cap = kind === 'w' && isUpper(t[0]);
      const nt = computeNameTok(kind, cap, t, b);
      const rp = nt || (kind === 'w' && t.length <= 6 && (isInitial(t) || n in HONORIFICS));
      toks.push({ s, e, t, n, b, kind, cap, nt, rp, sep, qi, sid: 0 });
    }
    toks.forEach((tk, i) => {
      if (tk.kind !== 'q') return;
      const q = this.quotes[p.quotes[marks.get(tk.s)!]];
      if (q.open === tk.s) q.ot = i;
      else q.ct = i;
    });
    // Sentence numbers: terminators outside quotes, or a closing mark whose
    // quote ends in one, followed by something that can start a sentence.
    let sid = 0;
    for (let i = 0; i < toks.length; i++) {
      toks[i].sid = sid;
      const tk = toks[i];
      const nx = toks[i + 1];
      if (!nx) break;
      const opensNext = (nx.kind === 'w' && (nx.cap || (nx.t[0] >= '0' && nx.t[0] <= '9'))) || (nx.kind === 'q' && this.isOpen(nx)) || nx.t === '(';
      if (!opensNext) continue;
      if (tk.kind === 'p' && (tk.t === '.' || tk.t === '?' || tk.t === '!' || tk.t === '…') && tk.qi < 0) sid++;
      else if (tk.kind === 'q' && !this.isOpen(tk)) {
        const q = this.quoteAtMark(tk.s);
        if (q && /[.?!]/.test(q.endPunct)) sid++;
      }
    }
    p.toks = toks;
  }

  private isOpen(t: Tok): boolean {
    return t.kind === 'q' && this.quoteAtMark(t.s)?.open === t.s;
  }

  private quoteAtMark(pos: number): QuoteSpan | undefined {
    // Binary search: quotes are in text order.
    let lo = 0;
    let hi = this.quotes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const q = this.quotes[mid];
      if (q.open === pos || q.close === pos) return q;
      if (q.open < pos) lo = mid + 1;
      else hi = mid - 1;
    }
    for (const k of [lo - 1, lo, hi]) {
      const q = this.quotes[k];
      if (q && (q.open === pos || q.close === pos)) return q;
    }
    return undefined;
  }

  private sentenceInitial(toks: Tok[], i: number): boolean {
    let k = i - 1;
    while (k >= 0 && (toks[k].kind === 'q' || toks[k].t === '(')) k--;
    return k < 0 || toks[k].sid !== toks[i].sid || /^[.?!:;—–]$/.test(toks[k].t);
  }

  // -- names -----------------------------------------------------------------

  /** Start of the capitalised run ending at token j, or -1. */
  private runBack(toks: Tok[], j: number, lo: number): number {
    if (j < lo || !nameTok(toks[j])) return -1;
    let i = j;
    while (i - 1 >= lo && !toks[i].sep) {
      const t = toks[i - 1];
      if (t.qi !== toks[j].qi) break;
      if (runPart(t)) {
        // "BBC's North America editor" belongs to the role, not the name.
        if (possessive(t.t)) break;
        i--;
        continue;
      }
      if (PARTICLES.has(t.n) && !t.cap && i - 2 >= lo && runPart(toks[i - 2]) && !toks[i - 1].sep) {
        i--;
        continue;
      }
      if (LEADING_PARTICLES.has(t.n) && !t.cap) {
        i--;
        break;
      }
      if (t.n === 'and' && ORG_WORDS.has(toks[j].b) && i - 2 >= lo && nameTok(toks[i - 2])) {
        i--;
        continue;
      }
      break;
    }
    while (i < j && PARTICLES.has(toks[i].n) && !toks[i].cap && !(LEADING_PARTICLES.has(toks[i].n) && i === j - 1)) i++;
    return i;
  }

  /** Last token of the capitalised run starting at token i, or -1. */
  private runFwd(toks: Tok[], i: number, hi: number): number {
    if (i > hi) return -1;
    const first = toks[i];
    let j = i;
    if (LEADING_PARTICLES.has(first.n) && !first.cap && nameTok(toks[i + 1]) && i + 1 <= hi) j = i + 1;
    else if (!runPart(first)) return -1;
    while (j + 1 <= hi) {
      const t = toks[j + 1];
      if (t.qi !== first.qi || t.sep) break;
      if (runPart(t)) {
        j++;
        if (possessive(t.t)) break;
        continue;
      }
      if (PARTICLES.has(t.n) && !t.cap && j + 2 <= hi && nameTok(toks[j + 2])) {
        j += 2;
        continue;
      }
      if (t.n === 'and' && j + 2 <= hi && nameTok(toks[j + 2])) {
        // Only organisations take "and" inside ("World Travel and Tourism Council").
        let k = j + 2;
        while (k + 1 <= hi && nameTok(toks[k + 1])) k++;
        if (ORG_WORDS.has(toks[k].b)) {
          j = k;
          continue;
        }
      }
      break;
    }
    return j;
  }

  /** Walks left from a name over its role ("Trump's acting Secretary of Defense"). */
  private roleBack(toks: Tok[], from: number, lo: number): number {
    let k = from;
    while (k - 1 >= lo) {
      const t = toks[k - 1];
      if (t.kind !== 'w' || t.qi >= 0) break;
      const n = t.b;
      const ok = t.cap ? !STOP_CAPS.has(n) : ROLE_NOUNS.has(n) || ROLE_MODIFIERS.has(n) || /-based$/.test(n);
      if (!ok) break;
      k--;
    }
    while (k < from && /^(of|for|and|at|in|on)$/.test(toks[k].n)) k++;
    return k;
  }

  private phrase(toks: Tok[], i: number, j: number): string {
    return this.text.slice(toks[i].s, toks[j].e).replace(/\s+/g, ' ').trim();
  }

  private hasRoleNoun(toks: Tok[], i: number, j: number): boolean {
    for (let k = i; k <= j; k++) {
      const n = toks[k].b;
      if (ROLE_NOUNS.has(n) || TITLE_WORDS.has(n)) return true;
    }
    return false;
  }

  /** Splits a run (plus any role words before it) into role and name. */
  private hit(toks: Tok[], runStart: number, runEnd: number, roleStart: number, orgHead = -1): NameHit | null {
    const first = toks[runStart];
    if (runEnd > runStart && first.cap && this.sentenceInitial(toks, runStart) && !this.midCaps.has(first.b)
      && !(first.n in HONORIFICS) && !TITLE_WORDS.has(first.n) && (this.lowerSeen.has(first.n) || /ly$/.test(first.n) || /^(ah|oh|well|yes|no|so|hey|okay|ok)$/.test(first.n))) {
      runStart++;
      if (roleStart < runStart) roleStart = runStart;
    }
    let ns = runStart;
    let honorific: string | null = null;
    for (let k = runStart; k <= runEnd; k++) {
      const n = toks[k].n;
      if (n in HONORIFICS) {
        honorific = n;
        ns = k + 1;
      } else if (TITLE_WORDS.has(n.replace(/\.$/, '')) || (isAcronym(toks[k].t) && k < runEnd) || (possessive(toks[k].t) && k < runEnd)) {
        ns = k + 1;
        honorific = null;
        // "Secretary of Homeland Security Alejandro Mayorkas": the "of ..." belongs to the title and
        // the name is the last two words (plus middle initials); "Secretary of State Blinken" keeps one.
        if (toks[ns]?.n === 'of') {
          if (runEnd - ns >= 3) {
            let f = runEnd - 1;
            while (f > ns + 2 && isInitial(toks[f].t)) f--;
            ns = f;
          } else ns = runEnd;
          break;
        }
      }
    }
    const last = orgHead >= 0 ? orgHead : runEnd;
    let ne = runEnd;
    while (ne > ns && NAME_SUFFIXES.has(toks[ne].n)) ne--;
    const org = orgHead >= 0 || ORG_WORDS.has(toks[runEnd].b) || (runEnd === runStart && isAcronym(toks[runStart].t) && !TITLE_WORDS.has(toks[runStart].n));
    if (org) {
      ns = runStart;
      while (ns <= ne && toks[ns].n === 'the') ns++;
      ne = last;
    }
    if (ns > ne) return null;
    if (ns === ne && (isInitial(toks[ns].t) || toks[ns].n === 'i')) return null;
    // Names longer than four words are a title run we failed to split.
    if (!org && ne - ns >= 4) ns = ne - 2;
    const name = this.text.slice(toks[ns].s, toks[ne].e).replace(/[’']s$/, '').replace(/\s+/g, ' ');
    let role: string | null = null;
    const roleEnd = org ? runStart - 1 : ns - 1;
    if (roleEnd >= roleStart && this.hasRoleNoun(toks, roleStart, roleEnd)) role = this.phrase(toks, roleStart, roleEnd);
    if (role && /^(mr|mrs|ms|dr|miss)\.?$/i.test(role)) role = null;
    return { name, role, start: toks[ns].s, org, honorific, ti: Math.min(roleStart, runStart), tj: last };
  }

  private indexMentions(): void {
    for (const p of this.paras) {
      const t = p.toks;
      for (let i = 0; i < t.length; i++) {
        if (t[i].kind !== 'w') continue;
        if (!t[i].cap) this.lowerSeen.add(t[i].n);
        else if (!this.sentenceInitial(t, i)) this.midCaps.add(t[i].b);
      }
    }
    this.paras.forEach((p, pi) => {
      const t = p.toks;
      let i = 0;
      while (i < t.length) {
        if (t[i].qi >= 0 || !runPart(t[i])) {
          i++;
          continue;
        }
        const j = this.runFwd(t, i, t.length - 1);
        if (j < 0) {
          i++;
          continue;
        }
        if (i === j && t[i].cap && this.sentenceInitial(t, i) && !this.midCaps.has(t[i].b)) {
          i = j + 1;
          continue;
        }
        const rs = this.roleBack(t, i, 0);
        const h = this.hit(t, i, j, rs);
        if (h) {
          let bi = h.ti - 1;
          // "The Food Standards Agency warned": skip a leading article, but not an appositive's (", the Virginia Democrat,").
          if (t[bi]?.n === 'the' && (this.sentenceInitial(t, bi) || CONJ_BEFORE_SUBJECT.has(t[bi - 1]?.n ?? ''))) bi--;
          const before = t[bi];
          const after = t[h.tj + 1];
          // "Pacific halibut fishermen": a modifier, not someone doing something.
          const modifier = !!after && after.kind === 'w' && !after.cap && !verbLike(after.n);
          const subj = !before || this.sentenceInitial(t, bi + 1) || /^[,;:(—–]$/.test(before.t) || before.kind === 'q'
            || CONJ_BEFORE_SUBJECT.has(before.n) || this.isVerb(t, bi) || (before.cap && this.sentenceInitial(t, bi));
          this.addMention(h, pi, subj && !modifier && !possessive(t[h.tj].t) && !(before && (PREPOSITIONS.has(before.n) || DETERMINERS.has(before.n))), p.caption);
        }
        i = j + 1;
      }
    });
    // Only once every name is indexed: "is this a person" depends on fuller forms found later in the text.
    this.paras.forEach((p, pi) => {
      const t = p.toks;
      // Gender evidence: a clause-initial he/she refers back to the latest person.
      for (let k = 0; k < t.length; k++) {
        const n = t[k].n;
        if ((n === 'he' || n === 'she') && t[k].qi < 0 && (this.sentenceInitial(t, k) || t[k - 1]?.t === ',')) {
          const m = this.lastMention(t[k].s, pi, (x) => x.subj && this.personLike(x), 1);
          if (m) this.vote(m.name, n === 'he' ? 'm' : 'f');
        }
      }
    });
  }

  private addMention(h: NameHit, para: number, subj: boolean, caption: boolean): void {
    const toks = h.name.split(' ');
    const m: Mention = { name: h.name, pos: h.start, para, org: h.org, tokens: toks.length, honorific: h.honorific, role: h.role, subj, caption };
    this.mentions.push(m);
    let entry = this.entries.get(h.name);
    if (!entry) {
      entry = { name: h.name, lower: h.name.toLowerCase(), tokens: toks.length, org: h.org, positions: [], roles: [] };
      this.entries.set(h.name, entry);
      const push = (map: Map<string, NameEntry[]>, key: string) => {
        const list = map.get(key);
        if (list) list.push(entry!);
        else map.set(key, [entry!]);
      };
      push(this.bySurname, toks[toks.length - 1].toLowerCase());
      push(this.byFirst, toks[0].toLowerCase());
    }
    entry.positions.push(h.start);
    if (h.role) {
      entry.roles.push({ pos: h.start, role: h.role });
      this.roleMentions.push(m);
    }
    const g = h.honorific ? HONORIFICS[h.honorific] : null;
    if (g) this.vote(h.name, g);
  }

  private vote(name: string, g: 'm' | 'f'): void {
    const key = name.split(' ').pop()!.toLowerCase();
    const v = this.gender.get(key) ?? { m: 0, f: 0 };
    v[g]++;
    this.gender.set(key, v);
  }

  private genderOf(name: string): 'm' | 'f' | null {
    const v = this.gender.get(name.split(' ').pop()!.toLowerCase());
    if (!v || v.m === v.f) return null;
    return v.m > v.f ? 'm' : 'f';
  }

  /** People, as opposed to places and companies: honorific, role, two names, or the surname of someone who has them. */
  private personLike(m: Mention, weak = true): boolean {
    if (m.org || isAcronym(m.name)) return false;
    if (/\d/.test(m.name)) return weak && this.spoke.has(m.name.toLowerCase());
    if (m.honorific || m.role || m.tokens >= 2) return true;
    const key = m.name.toLowerCase();
    // Having been quoted is weak evidence: "Roscosmos said ... It said" is still an "it".
    if (weak && this.spoke.has(key)) return true;
    let known = this.hasFullForm.get(key);
    if (known === undefined) {
      const full = (x: NameEntry) => x.tokens >= 2 && !x.org;
      known = (this.bySurname.get(key) ?? []).some(full) || (this.byFirst.get(key) ?? []).some(full);
      this.hasFullForm.set(key, known);
    }
    return known;
  }

  /** The latest mention before pos passing ok, looking back `back` paragraphs. */
  private lastMention(pos: number, para: number, ok: (m: Mention) => boolean, back: number): Mention | null {
    let lo = 0;
    let hi = this.mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.mentions[mid].pos < pos) lo = mid + 1;
      else hi = mid;
    }
    // Bounded, so a long paragraph full of names cannot make this quadratic.
    for (let k = lo - 1; k >= 0 && lo - k <= 300; k--) {
      const m = this.mentions[k];
      if (m.para < para - back) break;
      if (ok(m)) return m;
    }
    return null;
  }

  /** The most complete form of a name: "Stoltenberg" -> "Jens Stoltenberg". */
  private fullName(name: string, pos: number): { name: string; role: string | null } {
    const key = `${name}\u0000${this.paraAt(pos)}`;
    const hit = this.fullNames.get(key);
    if (hit) return hit;
    const out = this.resolveName(name, pos);
    this.fullNames.set(key, out);
    return out;
  }

  private paraAt(pos: number): number {
    let lo = 0;
    let hi = this.paras.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.paras[mid].start <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private resolveName(name: string, pos: number): { name: string; role: string | null } {
    const toks = name.split(' ');
    const lower = name.toLowerCase();
    const pick = (list: NameEntry[] | undefined, test: (m: NameEntry) => boolean) => {
      let best: NameEntry | null = null;
      for (const m of list ?? []) {
        if (!test(m)) continue;
        if (!best || m.tokens > best.tokens || (m.tokens === best.tokens && preferred(m, best, pos))) best = m;
      }
      return best;
    };
    // Names with connectors ("The Book of Mozilla") are titles or organisations, not fuller forms of a person.
    const plain = (m: NameEntry) => !/\s(of|and|for|the|on|in)\s/i.test(m.name) && !/^(ah|oh|well|yes|no|so|hey|okay|ok|\S+ly)\s/i.test(m.name);
    let best = pick(this.bySurname.get(toks[toks.length - 1].toLowerCase()), (m) => m.tokens >= toks.length && m.lower.endsWith(lower) && (m.tokens === toks.length || plain(m)));
    if ((!best || best.tokens === toks.length) && toks.length === 1) {
      // "Lupita told cops" / "Lee said" (family name first): match a first name.
      const byFirst = pick(this.byFirst.get(lower), (m) => m.tokens > 1 && !m.org);
      if (byFirst) best = byFirst;
    }
    const full = best && best.tokens > toks.length ? best.name : name;
    return { name: full, role: this.roleFor(full, pos) };
  }

  /** The role written nearest before pos next to this name (or a shorter form of it), else the first one. */
  private roleFor(name: string, pos: number): string | null {
    let before: { pos: number; role: string } | null = null;
    let first: { pos: number; role: string } | null = null;
    for (const m of this.bySurname.get(name.split(' ').pop()!.toLowerCase()) ?? []) {
      if (!m.roles.length || !name.endsWith(m.name)) continue;
      const k = lastAtOrBefore(m.roles, pos, (r) => r.pos);
      if (k >= 0 && (!before || m.roles[k].pos > before.pos)) before = m.roles[k];
      if (!first || m.roles[0].pos < first.pos) first = m.roles[0];
    }
    return (before ?? first)?.role ?? null;
  }

  private named(h: NameHit, pos: number, conf = 0.9): Speaker {
    const full = this.fullName(h.name, pos);
    return { name: full.name, role: h.role ?? full.role, org: h.org, conf };
  }

  private pronoun(n: string, pos: number, pi: number): Speaker | null {
    if (n === 'it') {
      // Only organisations, or something already quoted: "it" is too often not a speaker at all.
      const m = this.lastMention(pos, pi, (x) => x.subj && !x.caption && !this.personLike(x, false) && (x.org || this.spoke.has(x.name.toLowerCase())), 1);
      if (!m) return null;
      const full = this.fullName(m.name, pos);
      return { name: full.name, role: full.role, org: true, conf: 0.55 };
    }
    const want = n === 'he' ? 'm' : 'f';
    const fits = (name: string, honorific: string | null) => {
      const g = (honorific && HONORIFICS[honorific]) || this.genderOf(name);
      return g === null || g === want;
    };
    const m = this.lastMention(pos, pi, (x) => x.subj && !x.caption && this.personLike(x) && fits(x.name, x.honorific), 2);
    if (m) {
      const full = this.fullName(m.name, pos);
      return { name: full.name, role: full.role, org: false, conf: 0.75 };
    }
    // No antecedent nearby: the last person quoted, if recent.
    for (let k = this.said.length - 1; k >= 0 && this.said.length - k <= 20; k--) {
      const s = this.said[k];
      if (s.para < pi - 4) break;
      if (!s.sp.org && fits(s.sp.name, null)) return { ...s.sp, conf: 0.65 };
    }
    return null;
  }

  /** "the president said" -> the last person introduced with that title. */
  private roleAnaphora(noun: string, pos: number): Speaker | null {
    const re = new RegExp(`\\b${noun.replace(/[^a-z-]/g, '')}\\b`, 'i');
    // Titles are introduced once and referred back to much later, so search the role index, not nearby text.
    let m: Mention | null = null;
    const k = lastAtOrBefore(this.roleMentions, pos - 1, (x) => x.pos);
    for (let j = k; j >= 0 && k - j < 100; j--) {
      if (re.test(this.roleMentions[j].role!)) {
        m = this.roleMentions[j];
        break;
      }
    }
    if (!m) return null;
    const full = this.fullName(m.name, pos);
    return { name: full.name, role: full.role ?? m.role, org: false, conf: 0.6 };
  }

  // -- subjects ----------------------------------------------------------------

  /** "was keen to stress that" reports; "safe to say", "wants to say" and "to tell" as a purpose do not. */
  private infinitiveOk(t: Tok[], v: number): boolean {
    const before = t[v - 2];
    return !!before && /^(keen|went|goes|continued|rushed|hastened|moved|sought|stopped|paused)$/.test(before.n);
  }

  private isVerb(t: Tok[], k: number): boolean {
    const tk = t[k];
    if (!tk || tk.kind !== 'w' || tk.qi >= 0) return false;
    if (SPEECH_VERBS.has(tk.n)) return true;
    return /^(pointed|points|point|pointing)$/.test(tk.n) && t[k + 1]?.n === 'out';
  }

  /**
   * The subject ending right before verb v: a name (with role), a pronoun,
   * "the <role>", "Name, appositive," or "Name, who".
   */
  private subjectBefore(p: Para, pi: number, v: number, lo: number, allowPrep = false): { sp: Speaker; i: number } | null {
    const t = p.toks;
    let k = v - 1;
    while (k >= lo && t[k].kind === 'w' && !t[k].cap && ADVERBS.has(t[k].n)) k--;
    while (k >= lo && t[k].kind === 'w' && !t[k].cap && /ly$/.test(t[k].n) && !ROLE_NOUNS.has(t[k].n)) k--;
    if (k < lo || t[k].qi >= 0) return null;
    const tk = t[k];
    if (tk.kind === 'w' && /^(he|she|it)$/.test(tk.n)) {
      const sp = this.pronoun(tk.n, tk.s, pi);
      return sp ? { sp, i: k } : null;
    }
    if (tk.n === 'who' && t[k - 1]?.t === ',' && k - 2 >= lo) {
      const rs = this.runBack(t, k - 2, lo);
      if (rs < 0) return null;
      const h = this.hit(t, rs, k - 2, this.roleBack(t, rs, lo));
      return h ? { sp: this.named(h, tk.s), i: h.ti } : null;
    }
    if (tk.t === ',') return this.appositiveSubject(p, k, v, lo);
    if (tk.kind !== 'w') return null;
    // "the president said"
    if ((ROLE_NOUNS.has(tk.n) || TITLE_WORDS.has(tk.n)) && t[k - 1]?.n === 'the' && !nameTok(t[k - 2])) {
      const sp = this.roleAnaphora(tk.n, tk.s);
      return sp ? { sp, i: k - 1 } : null;
    }
    // "West Mercia police said"
    let orgHead = -1;
    let j = k;
    if (!tk.cap && ORG_HEADS_LOWER.has(tk.n) && nameTok(t[k - 1])) {
      orgHead = k;
      j = k - 1;
    } else if (!tk.cap && !nameTok(tk)) return null;
    const rs = this.runBack(t, j, lo);
    if (rs < 0) return null;
    if (rs === j && orgHead < 0 && t[rs].cap && this.sentenceInitial(t, rs)) {
      const n = t[rs].b;
      // Right after a closing mark (`"Why?" Caudevilla told me`) a capitalised word is a name, not a sentence opener.
      if (GROUP_CAPS.has(n) || (!this.midCaps.has(n) && t[rs - 1]?.kind !== 'q')) return null;
    }
    const roleStart = this.roleBack(t, rs, lo);
    const before = t[roleStart - 1]?.n === 'the' ? t[roleStart - 2] : t[roleStart - 1];
    // "prosecutors in Los Angeles say": a place, not the speaker.
    if (before && before.qi < 0 && ((!allowPrep && PREPOSITIONS.has(before.n)) || before.n === 'a' || before.n === 'an')) return null;
    const h = this.hit(t, rs, j, roleStart, orgHead);
    if (!h) {
      if (TITLE_WORDS.has(t[j].n)) {
        const sp = this.roleAnaphora(t[j].n, t[j].s);
        return sp ? { sp, i: rs } : null;
      }
      return null;
    }
    return { sp: this.named(h, t[v].s), i: h.ti };
  }

  /** "Hicks, a Navy veteran, said" / "her mother, Fiona, said". k is the comma before the verb. */
  private appositiveSubject(p: Para, k: number, v: number, lo: number): { sp: Speaker; i: number } | null {
    const t = p.toks;
    let c0 = k - 1;
    while (c0 >= lo && t[c0].t !== ',' && k - c0 < 30 && t[c0].kind !== 'q') c0--;
    if (c0 < lo || t[c0].t !== ',') return null;
    const first = t[c0 + 1];
    if (!first || /^(which|where|when)$/.test(first.n)) return null;
    const rs = this.runBack(t, c0 - 1, lo);
    if (rs >= 0) {
      const h = this.hit(t, rs, c0 - 1, this.roleBack(t, rs, lo));
      if (h) {
        if (!h.role && first.n !== 'who' && first.n !== 'whose' && this.hasRoleNoun(t, c0 + 1, k - 1)) {
          const from = /^(a|an)$/.test(first.n) ? c0 + 2 : c0 + 1;
          if (from <= k - 1) h.role = this.phrase(t, from, k - 1);
        }
        return { sp: this.named(h, t[v].s), i: h.ti };
      }
    }
    const inner = this.runBack(t, k - 1, c0 + 1);
    if (inner === c0 + 1) {
      const h = this.hit(t, inner, k - 1, inner);
      if (h) {
        const r = this.roleBack(t, c0, lo);
        if (!h.role && r < c0 && this.hasRoleNoun(t, r, c0 - 1)) h.role = this.phrase(t, r, c0 - 1);
        return { sp: this.named(h, t[v].s), i: r < c0 ? r : inner };
      }
    }
    return null;
  }

  /**
   * The subject at the start of the clause holding token v, for participles,
   * "X did this and said", or a colon without a verb. The name is the last
   * capitalised run in the opening noun phrase ("Snopes fact checker and
   * staff writer David Emery posted ...").
   */
  private clauseSubject(p: Para, pi: number, lo: number, v: number): { sp: Speaker; i: number } | null {
    const t = p.toks;
    // `"...," says Caudevilla, saying that ...`: the speaker of the attribution it hangs off.
    if (PARTICIPLES.has(t[v].n) && t[v - 1]?.t === ',') {
      for (let u = v - 2; u >= lo && v - u < 14; u--) {
        if (t[u].kind === 'q') break;
        if (!this.isVerb(t, u)) continue;
        const inverted = t[u - 1]?.kind === 'q' || (t[u - 1]?.t === ',' && t[u - 2]?.kind === 'q');
        const s = inverted ? this.forwardSpeaker(p, u + 1, v - 2) : null;
        if (s) return { sp: { ...s.sp, conf: 0.7 }, i: u };
        const b = inverted ? null : this.subjectBefore(p, pi, u, lo);
        if (b) return { sp: { ...b.sp, conf: 0.7 }, i: b.i };
        break;
      }
    }
    // "Netanyahu's Likud party, which tried ... by saying": the relative clause's antecedent.
    for (let r = v - 1; r > lo && v - r < 60; r--) {
      if (t[r].kind === 'q') break;
      if (/^(which|who)$/.test(t[r].n) && t[r - 1]?.t === ',') {
        const s = this.subjectBefore(p, pi, r - 1, lo, true);
        if (s) return { sp: { ...s.sp, conf: 0.7 }, i: s.i };
        break;
      }
    }
    // Too far from the sentence start to trust that its opening noun phrase is the speaker.
    if (v - lo > 60) return null;
    let k = lo;
    while (k < v && t[k].kind !== 'w') k++;
    // Skip a short lead-in: "Earlier Saturday," / "In Washington," / "The leader of Ennahda,".
    for (let c = k; c < Math.min(v, k + 7); c++) {
      if (t[c].t === ',') {
        if (this.runFwd(t, c + 1, v - 1) >= 0 || /^(he|she|it)$/.test(t[c + 1]?.n ?? '') || ROLE_NOUNS.has(t[c + 1]?.n ?? '')) k = c + 1;
        break;
      }
      if (t[c].kind !== 'w') break;
    }
    if (t[k] && /^(he|she|it)$/.test(t[k].n)) {
      const sp = this.pronoun(t[k].n, t[k].s, pi);
      return sp ? { sp, i: k } : null;
    }
    let runS = -1;
    let runE = -1;
    let m = k;
    while (m < v && t[m].kind === 'w' && t[m].qi < 0) {
      const n = t[m].b;
      if (runPart(t[m])) {
        const e = this.runFwd(t, m, v - 1);
        if (e < 0) break;
        runS = m;
        runE = e;
        m = e + 1;
        continue;
      }
      if (ROLE_NOUNS.has(n) || ROLE_MODIFIERS.has(n) || /-based$/.test(n) || n === 'and' || n === 'the') {
        m++;
        continue;
      }
      break;
    }
    if (runS < 0) return null;
    if (runS === runE && this.sentenceInitial(t, runS)) {
      const n = t[runS].b;
      if (GROUP_CAPS.has(n) || !this.midCaps.has(n)) return null;
    }
    const next = t[runE + 1];
    if (next && next.kind === 'w' && !next.cap && (GROUP_NOUNS.has(next.b) || !verbLike(next.n))) return null;
    const h = this.hit(t, runS, runE, k);
    if (!h) return null;
    return { sp: { ...this.named(h, t[v].s), conf: 0.75 }, i: k };
  }

  /** Speaker right after a verb or "according to": optional role words, then a name, then an appositive role. */
  private forwardSpeaker(p: Para, i: number, hi: number): { sp: Speaker; j: number } | null {
    const t = p.toks;
    let k = i;
    if (t[k]?.n === 'the') k++;
    const roleStart = k;
    while (k <= hi && t[k].kind === 'w' && !t[k].cap && (ROLE_NOUNS.has(t[k].n) || ROLE_MODIFIERS.has(t[k].n) || /-based$/.test(t[k].n)) && k - roleStart < 5) k++;
    const j = this.runFwd(t, k, hi);
    if (j < 0) return null;
    const after = t[j + 1];
    if (after && after.kind === 'w' && !after.cap && GROUP_NOUNS.has(after.b)) return null;
    const orgHead = after && after.kind === 'w' && !after.cap && ORG_HEADS_LOWER.has(after.n) ? j + 1 : -1;
    const h = this.hit(t, k, j, roleStart, orgHead);
    if (!h) return null;
    let end = orgHead >= 0 ? orgHead : j;
    // Appositive role: ", a senior fellow at ...", skipping degrees (", MD, PhD,").
    let a = end + 1;
    while (t[a]?.t === ',' && t[a + 1] && NAME_SUFFIXES.has(t[a + 1].n)) a += 2;
    if (t[a]?.t === ',') {
      let b = a + 1;
      while (b <= hi && t[b].t !== ',' && !/^[.;?!]$/.test(t[b].t) && t[b].kind !== 'q' && b - a < 25) b++;
      const first = t[a + 1];
      if (first && !/^(who|whose|which|where|when|that|and|but)$/.test(first.n) && this.hasRoleNoun(t, a + 1, b - 1)) {
        if (!h.role) h.role = this.phrase(t, /^(a|an)$/.test(first.n) ? a + 2 : a + 1, b - 1);
        end = b - 1;
      }
    }
    return { sp: this.named(h, t[i].s), j: end };
  }

  // -- attribution windows ----------------------------------------------------

  /** Medium, outlet and date from the words around an attribution. */
  private finish(sp: Speaker, p: Para, from: number, to: number, verb: string): Attribution {
    const t = p.toks;
    const a = t[Math.max(0, Math.min(from, t.length - 1))];
    const b = t[Math.max(0, Math.min(to, t.length - 1))];
    const win = a && b && b.e > a.s ? this.text.slice(a.s, b.e) : '';
    let medium: Medium = 'other';
    if (/tweet/.test(verb) || /\b(in a tweet|on twitter|tweeted|posted (to|on) (twitter|x)\b)/i.test(win)) medium = 'tweet';
    else if (/testif/.test(verb) || /\b(testimony|testified|hearing|at the trial|told (the )?(committee|lawmakers|senators|the court|jurors))\b/i.test(win)) medium = 'testimony';
    else if (/\b(in|according to) (a|an|the|his|her|their|its) (joint )?(statement|press release|news release|communiqu)/i.test(win) || /^announc/.test(verb)) medium = 'press_release';
    else if (/\b(in|during) an? ([\w-]+ )?interview\b|\binterview with\b/i.test(win)) medium = 'interview';
    else if (/^(wrote|writes|writing|written)$/.test(verb) || /\b(in|according to) (a|an|the|his|her|their|its) ([\w-]+ )?(blog post|letter|email|e-mail|memo|book|report|essay|op-ed|column|paper|introduction|filing|document|acknowledgments)\b/i.test(win)) medium = 'document';
    else if (/\b(told reporters|told journalists|news conference|press conference|briefing|in a speech|in remarks|(televised )?address|told the crowd|rally|to reporters)\b/i.test(win)) medium = 'remarks';
    let reportedIn: string | null = null;
    const re = /\b(?:told|said to|to|with|reported by|reviewed by|obtained by|seen by)\s+((?:the\s+)?\p{Lu}[\p{L}\p{N}&’'-]*(?:\s+\p{Lu}[\p{L}\p{N}&’'-]*){0,3})/gu;
    for (let m = re.exec(win); m; m = re.exec(win)) {
      if (isOutlet(m[1])) {
        reportedIn = m[1].replace(/^the\s+/i, '');
        break;
      }
    }
    if (reportedIn && medium === 'other') medium = 'remarks';
    const dm = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2}),\s*(\d{4})\b/.exec(win);
    const saidOn = dm ? `${dm[3]}-${String(MONTHS[dm[1].toLowerCase()]).padStart(2, '0')}-${dm[2].padStart(2, '0')}` : null;
    return { speaker: sp, reportedIn, medium, saidOn };
  }

  /** Attribution after the closing mark, within the same sentence. */
  private afterQuote(q: QuoteSpan, p: Para, pi: number): Found | null {
    const t = p.toks;
    const i = q.ct + 1;
    if (i >= t.length) return null;
    const ends = /[.?!]/.test(q.endPunct);
    let hi = i;
    const sid = t[i].sid;
    while (hi < t.length && hi - i < 40 && t[hi].sid === sid && !(t[hi].kind === 'q' && hi > i)) hi++;
    hi--;
    if (hi < i) return null;
    if (ends && sid !== t[q.ct].sid) {
      // `"Why?" Caudevilla told me when ...`: only if the new sentence opens with the attribution.
      let v = i;
      while (v <= Math.min(hi, i + 6) && !this.isVerb(t, v)) v++;
      if (v > Math.min(hi, i + 6)) return null;
      if (v !== i) {
        const subj = this.subjectBefore(p, pi, v, i);
        if (!subj || subj.i !== i) return null;
        return { a: this.finish(subj.sp, p, i, hi, t[v].n), conf: subj.sp.conf * 0.95, tight: true };
      }
    }
    const lead = t[i].t === ',' ? i + 1 : i;
    // `" are thought to contribute, according to X.` — unless a speech verb comes first
    // (`," Smith said, according to a transcript`), which is then the attribution.
    for (let k = lead; k <= hi && !this.isVerb(t, k); k++) {
      if (t[k].n === 'according' && t[k + 1]?.n === 'to' && (k === lead || t[k - 1].t === ',')) {
        const sp = this.forwardSpeaker(p, k + 2, hi);
        if (sp) return { a: this.finish(sp.sp, p, k, hi, ''), conf: k === lead ? 0.85 : 0.7, tight: k === lead };
      }
    }
    // Verb first: `," said Tom Forte, who ...`
    if (this.isVerb(t, lead) && !PARTICIPLES.has(t[lead].n) && !ADDRESSEE_VERBS.has(t[lead].n)) {
      const sp = this.forwardSpeaker(p, lead + 1, hi);
      return sp ? { a: this.finish(sp.sp, p, lead, hi, t[lead].n), conf: 0.9, tight: true } : null;
    }
    // Subject first, possibly after a short lead-in closed by a comma: `" in that law, Azzouz said.`
    for (let k = lead; k <= Math.min(hi, lead + 12); k++) {
      if (t[k].kind === 'q') break;
      if (!this.isVerb(t, k)) continue;
      const subj = this.subjectBefore(p, pi, k, lead);
      if (!subj) return null;
      const direct = subj.i === lead || (subj.i === lead + 1 && /^(her|his|their|the)$/.test(t[lead].n));
      if (!direct) {
        const pre = t[subj.i - 1]?.n === 'the' ? subj.i - 2 : subj.i - 1;
        if (t[pre]?.t !== ',' || subj.i - lead > 9) return null;
        // An outlet reporting the whole sentence is not the speaker.
        if (/^report/.test(t[k].n)) return null;
        for (let m = k + 1; m <= hi; m++) if (/^(that|and|but)$/.test(t[m].n)) return null;
      }
      return { a: this.finish(subj.sp, p, subj.i, hi, t[k].n), conf: subj.sp.conf * (direct ? 1 : 0.9), tight: direct };
    }
    return null;
  }

  /** Attribution before the opening mark, within the same sentence. */
  private beforeQuote(q: QuoteSpan, p: Para, pi: number): Found | null {
    const t = p.toks;
    const open = q.ot;
    let lo = open;
    while (lo - 1 >= 0 && open - lo < 80 && t[lo - 1].sid === t[open].sid) lo--;
    if (lo === open) return null;
    const lead = this.text.slice(t[lo].s, q.open);
    // "In Dr. Shadlen's words," / "(in economist Tyler Cowen's phrase)"
    const wm = /\b[Ii]n\s+(?:the\s+(?:words|phrase)\s+of\s+([^,()]{2,60}?)|([^,()]{2,80}?)[’']s?\s+(?:words|phrase|view))\s*[,:)]?\s*$/.exec(lead);
    if (wm) {
      const at = t[lo].s + wm.index;
      let j = open - 1;
      while (j >= lo && !(t[j].s >= at && nameTok(t[j]) && /[’']s$/.test(t[j].t) || (wm[1] && t[j].s >= at && nameTok(t[j])))) j--;
      if (j >= lo) {
        const rs = this.runBack(t, j, lo);
        const h = rs >= 0 ? this.hit(t, rs, j, this.roleBack(t, rs, lo)) : null;
        if (h) return { a: this.finish(this.named(h, q.open), p, rs, open, ''), conf: 0.85, tight: true };
      }
    }
    // The last speech verb (outside quotes) before the opening mark.
    let v = -1;
    for (let k = open - 1; k >= lo; k--) {
      if (t[k].n === 'according' && t[k + 1]?.n === 'to' && t[k].qi < 0) {
        const sp = this.forwardSpeaker(p, k + 2, open - 1);
        if (sp) return { a: this.finish(sp.sp, p, k, open, ''), conf: 0.85, tight: true };
      }
      if (this.isVerb(t, k)) {
        v = k;
        break;
      }
    }
    if (v >= 0) {
      const vn = t[v].n;
      if (t[v - 1]?.n === 'to' && !this.infinitiveOk(t, v)) return null;
      const subj = PARTICIPLES.has(vn) || /^(and|to)$/.test(t[v - 1]?.n ?? '') ? this.clauseSubject(p, pi, lo, v) : this.subjectBefore(p, pi, v, lo);
      if (!subj) return null;
      const gap = this.text.slice(t[v].e, q.open);
      // "said:", "said,", "said that", "told ABC News:", "wrote in a blog post published Thursday,"
      const tight = !OBJECT_QUOTE_VERBS.has(vn) && (/^\s*(out\s*)?[:,]?\s*(that\s*)?$/.test(gap) || (/[:,]\s*$/.test(gap) && gap.length < 70 && !/\b(that|who|which)\b/.test(gap)));
      const colon = /:\s*$/.test(gap);
      if (!tight && !colon && q.words < 3) return null;
      const conf = subj.sp.conf * (tight || colon ? 1 : 0.85);
      return { a: this.finish(subj.sp, p, subj.i, open, vn), conf, tight: tight || colon };
    }
    if (q.words < 3) return null;
    // No verb: `Austin reportedly "welcomed the expanded role"`.
    let k = open - 1;
    while (k >= lo && t[k].kind === 'w' && !t[k].cap && /ly$/.test(t[k].n)) k--;
    const firstWord = /^\p{Ll}+/u.exec(this.text.slice(q.s, q.s + 30))?.[0] ?? '';
    if (k >= lo && firstWord && verbLike(firstWord)) {
      const rs = this.runBack(t, k, lo);
      if (rs >= 0 && !(rs === k && this.sentenceInitial(t, rs) && !this.midCaps.has(t[rs].b))) {
        const h = this.hit(t, rs, k, this.roleBack(t, rs, lo));
        if (h) return { a: this.finish(this.named(h, q.open), p, rs, open, ''), conf: 0.55, tight: false };
      }
    }
    // `De Miranda evokes ... in his introduction: "..."` — the sentence subject, introducing with a colon.
    if (t[open - 1].t === ':') {
      const subj = this.clauseSubject(p, pi, lo, open - 1);
      if (subj) return { a: this.finish(subj.sp, p, subj.i, open, ''), conf: 0.6, tight: true };
    }
    return null;
  }

  /** Short Title Case quotes, or quotes introduced as a title, are names of works. */
  private looksLikeTitle(q: QuoteSpan, p: Para): boolean {
    const t = p.toks;
    for (let k = q.ot - 1; k >= Math.max(0, q.ot - 2); k--) {
      if (t[k].kind === 'w' && TITLE_CUES.has(t[k].b)) return true;
      if (t[k].kind !== 'w') break;
    }
    if (q.words > 8 || (/[.?!,]/.test(q.endPunct) && q.words > 1)) return false;
    const ws = this.text.slice(q.s, q.e).split(/\s+/).filter((w) => /\p{L}/u.test(w));
    if (!ws.length) return true;
    return ws.every((w, i) => isUpper(w.replace(/^[^\p{L}]+/u, '')[0] ?? '') || (i > 0 && TITLE_SMALL_WORDS.has(w)));
  }

  private attribute(q: QuoteSpan, p: Para, pi: number): Found | null {
    const after = q.ct >= 0 ? this.afterQuote(q, p, pi) : null;
    if (after?.tight) return after;
    const before = this.beforeQuote(q, p, pi);
    if (before?.tight) return before;
    return after ?? before;
  }

  // -- emitting ----------------------------------------------------------------

  private emit(s: number, e: number, sp: Speaker, a: Partial<Attribution>, kind: QuoteKind, conf: number, pi: number, handle: string | null = null): void {
    const { text } = this;
    while (s < e && /[\s,;:—–(]/.test(text[s])) s++;
    while (e > s && /[\s,;:—–(]/.test(text[e - 1])) e--;
    if (kind === 'paraphrase') while (e > s && /[.]/.test(text[e - 1])) e--;
    if (e <= s) return;
    this.out.push({
      start: s, end: e, exact: text.slice(s, e), speaker: sp.name, handle, role: sp.role,
      saidOn: a.saidOn ?? null, medium: a.medium ?? 'other', reportedIn: a.reportedIn ?? null,
      quoteKind: kind, confidence: Math.round(Math.min(1, Math.max(0, conf)) * 100) / 100,
    });
    this.lastInPara[pi] = sp;
    this.askedInPara[pi] = kind === 'direct' && /[?？]\W*$/.test(text.slice(s, Math.min(text.length, e + 2)));
    this.said.push({ sp, para: pi, pos: s });
    if (!sp.org) this.spoke.add(sp.name.toLowerCase());
  }

  run(): QuoteSuggestion[] {
    const tweetParas = this.tweets();
    for (let pi = 0; pi < this.paras.length; pi++) {
      if (this.lastInPara[pi] === undefined) this.lastInPara[pi] = null;
      if (tweetParas.has(pi)) continue;
      this.directQuotes(pi);
      this.paraphrases(pi);
    }
    this.out.sort((a, b) => a.start - b.start || a.end - b.end);
    const dedup: QuoteSuggestion[] = [];
    for (const s of this.out) {
      const prev = dedup[dedup.length - 1];
      if (prev && prev.start === s.start && prev.end === s.end) {
        if (s.confidence > prev.confidence) dedup[dedup.length - 1] = s;
        continue;
      }
      dedup.push(s);
    }
    return dedup;
  }

  // -- tweets ------------------------------------------------------------------

  /** Embedded tweets: the text, then "— Name (@handle) Month D, YYYY", in one paragraph or two. */
  private tweets(): Set<number> {
    const used = new Set<number>();
    const sig = /(?:^|\s)[—–-]{1,2}\s*([^()\n]{2,80}?)\s*\((@\w{1,30})\)\s*([A-Za-z]{3,9})\.?\s+(\d{1,2}),\s*(\d{4})\s*$/;
    const { paras, text } = this;
    // One forward scan for "(@" keeps this linear; most paragraphs are skipped without a regex.
    let next = text.indexOf('(@');
    for (let pi = 0; pi < paras.length && next >= 0; pi++) {
      const p = paras[pi];
      while (next >= 0 && next < p.start) next = text.indexOf('(@', next + 1);
      if (next < 0 || next >= p.end) continue;
      const m = sig.exec(text.slice(p.start, p.end));
      if (!m) continue;
      const month = MONTHS[m[3].toLowerCase()];
      const date = month ? `${m[5]}-${String(month).padStart(2, '0')}-${m[4].padStart(2, '0')}` : null;
      const sigStart = p.start + m.index;
      let s: number;
      let e: number;
      let at = pi;
      if (text.slice(p.start, sigStart).trim()) {
        s = p.start;
        e = sigStart;
      } else if (pi > 0 && !used.has(pi - 1)) {
        at = pi - 1;
        s = paras[at].start;
        e = paras[at].end;
      } else continue;
      used.add(pi).add(at);
      const inner = text.slice(s, e);
      const lead = /^\s*[“"]/.exec(inner);
      const trail = /[”"]\s*$/.exec(inner);
      if (lead && trail) {
        s += lead[0].length;
        e -= trail[0].length;
      }
      const full = this.fullName(m[1].trim(), s);
      this.emit(s, e, { name: full.name, role: full.role, org: false, conf: 0.95 }, { medium: 'tweet', saidOn: date }, 'direct', 0.95, at, m[2]);
      this.lastInPara[pi] = this.lastInPara[at];
    }
    return used;
  }

  // -- direct quotes -------------------------------------------------------------

  private directQuotes(pi: number): void {
    const p = this.paras[pi];
    let last: Found | null = null;
    let lastClose = -1;
    const pending: QuoteSpan[] = [];
    for (const qi of p.quotes) {
      const q = this.quotes[qi];
      if (q.ot < 0 || this.looksLikeTitle(q, p)) continue;
      let found = this.attribute(q, p, pi);
      if (found && q.words < 3 && !found.tight) found = null;
      if (!found) {
        const inh = this.inherit(q, p, pi, last, lastClose);
        if (inh && q.words >= 2) {
          this.emit(q.s, q.e, inh.sp, last?.a ?? {}, 'direct', inh.conf, pi);
          lastClose = q.close;
        } else pending.push(q);
        continue;
      }
      this.emit(q.s, q.e, found.a.speaker, found.a, 'direct', found.conf, pi);
      // Earlier quotes of this paragraph that lead straight into this one share its speaker.
      for (const u of pending.splice(0)) {
        if (u.words >= 3 && u.close >= 0 && q.open - u.close <= 3) this.emit(u.s, u.e, found.a.speaker, found.a, 'direct', found.conf - 0.2, pi);
      }
      last = found;
      lastClose = q.close;
    }
    // A quote still open at the paragraph end whose attribution only comes in the next paragraph.
    const lastQ = p.quotes.length ? this.quotes[p.quotes[p.quotes.length - 1]] : null;
    if (lastQ && lastQ.close < 0 && !last && lastQ.words >= 3 && pi + 1 < this.paras.length) {
      const next = this.paras[pi + 1];
      const nq = next.quotes.length ? this.quotes[next.quotes[0]] : null;
      if (nq && nq.ot === 0) {
        const f = this.attribute(nq, next, pi + 1);
        if (f) this.emit(lastQ.s, lastQ.e, f.a.speaker, f.a, 'direct', f.conf - 0.15, pi);
      }
    }
  }

  private inherit(q: QuoteSpan, p: Para, pi: number, last: Found | null, lastClose: number): { sp: Speaker; conf: number } | null {
    const t = p.toks;
    if (last) {
      // A new sentence of quotation after an attributed one: `"...," X said. "More."`
      if (q.ot === 0 || t[q.ot - 1].sid !== t[q.ot].sid || /^[.?!]$/.test(t[q.ot - 1].t)) return { sp: last.a.speaker, conf: 0.75 };
      // `"If I see a deck," Kaplan, also a collector, says, "and it's $100 ..."`
      if (lastClose >= 0 && q.open - lastClose < 120 && /,\s*$/.test(this.text.slice(lastClose + 1, q.open))) return { sp: last.a.speaker, conf: 0.7 };
      return null;
    }
    if (q.ot !== 0) return null;
    // A paragraph opening with a quote continues the speaker of the paragraph before (captions skipped).
    for (let k = pi - 1; k >= 0 && k >= pi - 2; k--) {
      const prev = this.lastInPara[k];
      const pp = this.paras[k];
      if (prev && this.askedInPara[k]) return null;
      if (prev && !(pp.caption && k !== pi - 1)) return { sp: prev, conf: k === pi - 1 ? 0.6 : 0.5 };
      if (!pp.caption) return null;
    }
    return null;
  }

  // -- reported speech -------------------------------------------------------------

  private paraphrases(pi: number): void {
    const p = this.paras[pi];
    if (p.caption && p.toks.length < 8) return;
    const t = p.toks;
    let i = 0;
    while (i < t.length) {
      let j = i;
      while (j + 1 < t.length && t[j + 1].sid === t[i].sid) j++;
      this.sentence(p, pi, i, j);
      i = j + 1;
    }
  }

  private clauseOk(p: Para, cs: number, ce: number): boolean {
    if (ce <= cs) return false;
    const wc = this.text.slice(cs, ce).split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    if (wc < 4) return false;
    // A direct quote of 3+ words inside the clause already carries the statement.
    const first = lastAtOrBefore(p.quotes, cs, (k) => this.quotes[k].e);
    for (let j = first + 1; j < p.quotes.length; j++) {
      const q = this.quotes[p.quotes[j]];
      if (q.s >= ce) break;
      if (q.e > cs && q.words >= 3) return false;
    }
    return true;
  }

  private sentence(p: Para, pi: number, lo: number, hi: number): void {
    const t = p.toks;
    let sEnd = hi;
    while (sEnd >= lo && (t[sEnd].kind === 'p' || (t[sEnd].kind === 'q' && !this.isOpen(t[sEnd])))) sEnd--;
    if (sEnd < lo) return;
    // A sentence ending in a colon introduces a list or a quote; a question is not a claim.
    if (t[hi].t === ':' || t[hi].t === '?') return;
    const sentStart = t[lo].s;
    const sentEnd = t[sEnd].e;
    let emitted = false;

    // 1. Subject + verb + (that) clause; several per sentence ("X said A, and Y noted B").
    let firstVerb = Infinity;
    const found: { cs: number; subjI: number; sp: Speaker; verb: string }[] = [];
    for (let v = lo; v <= sEnd; v++) {
      if (!this.isVerb(t, v) || NON_PARAPHRASE_VERBS.has(t[v].n)) continue;
      // "might have suggested", "would say": hypothetical, nothing was said.
      if (/^(might|could|would|should|may|must)$/.test(t[v - 1]?.n ?? '') || (t[v - 1]?.n === 'have' && /^(might|could|would|should|may|must)$/.test(t[v - 2]?.n ?? ''))) continue;
      const cs = this.clauseStart(p, v, sEnd);
      if (cs < 0) continue;
      if (t[v - 1]?.n === 'to' && !this.infinitiveOk(t, v)) continue;
      const subj = PARTICIPLES.has(t[v].n) || /^(and|to)$/.test(t[v - 1]?.n ?? '') ? this.clauseSubject(p, pi, lo, v) : this.subjectBefore(p, pi, v, lo);
      if (!subj) continue;
      // `"...," Earnest told reporters aboard Air Force One.` attributes the quote; nothing is reported.
      const b = t[subj.i - 1]?.t === ',' ? t[subj.i - 2] : t[subj.i - 1];
      if (b && b.kind === 'q' && !this.isOpen(b)) continue;
      found.push({ cs, subjI: subj.i, sp: subj.sp, verb: t[v].n });
      firstVerb = Math.min(firstVerb, v);
    }
    for (let f = 0; f < found.length; f++) {
      const { cs, sp, verb } = found[f];
      let ce = sentEnd;
      let ceTok = sEnd;
      // Cut before a later attribution joined by a conjunction or comma.
      const nx = found[f + 1];
      if (nx && nx.subjI > cs + 1) {
        const b = t[nx.subjI - 1];
        if (b.t === ',' || CONJ_BEFORE_SUBJECT.has(b.n)) {
          let cut = nx.subjI - 1;
          while (cut > cs && (t[cut].t === ',' || CONJ_BEFORE_SUBJECT.has(t[cut].n))) cut--;
          ceTok = cut;
          ce = t[cut].e;
        }
      }
      // A trailing ", CNN reported" / ", according to X" names the outlet, not the speaker.
      let reportedIn: string | null = null;
      for (let c = cs + 1; c <= ceTok && c - cs < 80; c++) {
        if (t[c].t !== ',') continue;
        const rest = this.text.slice(t[c].e, Math.min(ce, t[c].e + 120));
        const rep = /^\s*((?:the\s+)?\p{Lu}[\p{L}.&’'-]*(?:\s+\p{Lu}[\p{L}.&’'-]*){0,3})\s+(?:reported|reports)\b/u.exec(rest)
          ?? /^\s*according\s+to\s+((?:the\s+)?\p{Lu}[\p{L}.&’'-]*(?:\s+\p{Lu}[\p{L}.&’'-]*){0,3})/u.exec(rest);
        if (rep) {
          reportedIn = rep[1].replace(/^the\s+/i, '');
          ce = t[c].s;
          break;
        }
      }
      const a = this.finish(sp, p, found[f].subjI, cs, verb);
      if (reportedIn) a.reportedIn = reportedIn;
      if (this.clauseOk(p, t[cs].s, ce)) {
        this.emit(t[cs].s, ce, sp, a, 'paraphrase', sp.conf * 0.7, pi);
        emitted = true;
      }
    }

    // 2. An attribution chunk between commas: "..., X said." / "Within months, X said, Y ..." / "..., said X, role."
    for (let c = lo + 1; c <= sEnd; c++) {
      if (t[c].t !== ',' || t[c].qi >= 0) continue;
      // Inside a clause already reported by an earlier verb, it's the outlet ("..., CNN reported").
      if (c > firstVerb) break;
      if (t[c - 1].kind === 'q' || t[c + 1]?.kind === 'q') continue;
      const chunk = this.trailingChunk(p, pi, c + 1, hi);
      if (!chunk) continue;
      const { a, end, conf } = chunk;
      let cs: number;
      let ce: number;
      if (end >= sEnd) {
        [cs, ce] = [sentStart, t[c - 1].e];
        // "In a wide-ranging interview, Obama said." has no claim before the comma.
        if (SUBORDINATORS.has(t[lo].n) && !t.slice(lo, c).some((x) => x.t === ',')) continue;
      } else {
        const next = t[end + 1]?.t === ',' ? end + 2 : end + 1;
        if (next > sEnd) continue;
        if (/^(and|but|or)$/.test(t[next].n)) [cs, ce] = [sentStart, t[c - 1].e];
        else if (SUBORDINATORS.has(t[lo].n) || c - lo <= 5 || /^(because|that|if|since)$/.test(t[next].n)) [cs, ce] = [t[next].s, sentEnd];
        else if (/^(was|is|were|are|has|had|will|would|could)$/.test(t[next].n)) [cs, ce] = [sentStart, sentEnd];
        else [cs, ce] = [sentStart, t[c - 1].e];
      }
      if (/^(as|according)$/.test(t[lo].n)) continue;
      if (this.clauseOk(p, cs, ce)) {
        this.emit(cs, ce, a.speaker, a, 'paraphrase', conf, pi);
        emitted = true;
      }
      break;
    }
    if (emitted) return;

    // 3. Sentence-initial "As X recalled, ..." / "According to X, ...".
    if (t[lo].n === 'as' || (t[lo].n === 'according' && t[lo + 1]?.n === 'to')) {
      let c = lo + 1;
      while (c <= sEnd && t[c].t !== ',' && c - lo < 12) c++;
      if (t[c]?.t !== ',' || c + 1 > sEnd) return;
      let a: Attribution | null = null;
      if (t[lo].n === 'according') {
        const sp = this.forwardSpeaker(p, lo + 2, c - 1);
        if (sp) a = this.finish(sp.sp, p, lo, c, '');
      } else {
        let v = c - 1;
        while (v > lo && !this.isVerb(t, v)) v--;
        if (this.isVerb(t, v) && !NON_PARAPHRASE_VERBS.has(t[v].n)) {
          const subj = this.subjectBefore(p, pi, v, lo + 1);
          if (subj) a = this.finish(subj.sp, p, lo, c, t[v].n);
        }
      }
      if (a && this.clauseOk(p, t[c + 1].s, sentEnd)) this.emit(t[c + 1].s, sentEnd, a.speaker, a, 'paraphrase', a.speaker.conf * 0.65, pi);
    }
  }

  /** Token index where the reported clause after verb v starts, or -1. */
  private clauseStart(p: Para, v: number, sEnd: number): number {
    const t = p.toks;
    const verb = t[v].n;
    let k = v + 1;
    if (/^(pointed|points|point|pointing)$/.test(verb)) k++;
    if (k > sEnd || t[k].kind === 'q') return -1;
    if (t[k].n === 'that') return k + 1;
    if (ADDRESSEE_VERBS.has(verb)) {
      // "told CNN", "told reporters", "told her", "told President Jacob Zuma", "promised the state of New York".
      if (t[k].n === 'the') {
        k++;
        while (k <= sEnd && t[k].kind === 'w' && k - v < 8 && t[k].n !== 'that' && (t[k].cap || !CLAUSE_STARTERS.has(t[k].b) || t[k].n === 'of')) k++;
      } else {
        const j = this.runFwd(t, k, sEnd);
        if (j >= 0) k = j + 1;
        else if (t[k].kind === 'w' && !CLAUSE_STARTERS.has(t[k].b) && !NOT_CLAUSE_START.has(t[k].n)) k++;
        else if (/^(her|him|them|us|me)$/.test(t[k].n)) k++;
        else return -1;
      }
    }
    k = this.skipAdverbials(t, k, sEnd);
    if (k > sEnd || t[k].kind !== 'w' || t[k].qi >= 0) return -1;
    if (t[k].n === 'that') return k + 1;
    if (!BARE_CLAUSE_VERBS.has(verb)) return -1;
    const n = t[k].b;
    if ((NOT_CLAUSE_START.has(n) || PREPOSITIONS.has(n)) && !(n === 'over' && /^\p{N}/u.test(t[k + 1]?.t ?? ''))) return -1;
    if (/ly$/.test(n) && !t[k].cap) return -1;
    // "said Mr. X" / "said Thursday" are not clauses.
    if (t[k].cap && (k + 1 > sEnd || /^[,.]$/.test(t[k + 1].t))) return -1;
    return k;
  }

  /** Skips "Thursday", "last year", "in a statement", "by telephone on Wednesday", "to CNN". */
  private skipAdverbials(t: Tok[], k: number, sEnd: number): number {
    for (let guard = 0; guard < 6 && k <= sEnd; guard++) {
      const n = t[k].n;
      if (n === 'according' && t[k + 1]?.n === 'to') {
        let m = k + 2;
        while (m <= sEnd && t[m].kind === 'w' && m - k < 10) m++;
        k = m;
        continue;
      }
      if (TIME_WORDS.has(n)) {
        k++;
        continue;
      }
      if (/^(last|this|next|late|early|earlier|later)$/.test(n) && TIME_WORDS.has(t[k + 1]?.n ?? '')) {
        k += 2;
        continue;
      }
      if (/^(on|in|during|at|by|to|over|after|before|aboard|from|via|through|outside|inside)$/.test(n)) {
        // A short prepositional phrase ending in a venue, date, outlet or "reporters".
        let m = k + 1;
        let ok = false;
        while (m <= sEnd && m - k <= 6 && t[m].kind === 'w' && t[m].n !== 'that') {
          const mn = t[m].b;
          if (VENUE_WORDS.has(mn) || TIME_WORDS.has(mn) || /^(reporters|journalists|telephone|phone|email|twitter|facebook)$/.test(mn) || /^\p{N}/u.test(mn) || (t[m].cap && m === k + 1)) ok = true;
          else if (ok) break;
          m++;
        }
        if (!ok) return k;
        k = m;
        continue;
      }
      break;
    }
    return k;
  }

  /** An attribution chunk starting at token i: "X said[ ...]", "said X[, role]" or "according to X". */
  private trailingChunk(p: Para, pi: number, i: number, hi: number): { a: Attribution; end: number; conf: number } | null {
    const t = p.toks;
    if (!t[i]) return null;
    const stop = (k: number) => k > hi || t[k].t === ',' || /^[.?!;:]$/.test(t[k].t) || t[k].kind === 'q';
    const extend = (from: number) => {
      let end = from;
      while (!stop(end + 1) && end - from < 14) end++;
      return end;
    };
    if (t[i].n === 'according' && t[i + 1]?.n === 'to') {
      const sp = this.forwardSpeaker(p, i + 2, hi);
      if (!sp) return null;
      const end = extend(sp.j);
      return { a: this.finish(sp.sp, p, i, end, ''), end, conf: 0.5 };
    }
    if (this.isVerb(t, i)) {
      if (!INVERTIBLE.has(t[i].n) || NON_PARAPHRASE_VERBS.has(t[i].n)) return null;
      const sp = this.forwardSpeaker(p, i + 1, hi);
      if (!sp || possessive(t[sp.j].t)) return null;
      // "said Yoon's ..." / "urged Yoon to ...": an object, not an inverted subject.
      const nx = t[sp.j + 1];
      if (nx && !stop(sp.j + 1) && !PREPOSITIONS.has(nx.n) && !TIME_WORDS.has(nx.n)) return null;
      const end = extend(sp.j);
      if (t[end + 1]?.kind === 'q') return null;
      return { a: this.finish(sp.sp, p, i, end, t[i].n), end, conf: sp.sp.conf * 0.7 };
    }
    for (let v = i; v <= Math.min(hi, i + 8); v++) {
      if (t[v].t === ',' || t[v].kind === 'q' || /^[.?!;]$/.test(t[v].t)) return null;
      if (!this.isVerb(t, v)) continue;
      if (NON_PARAPHRASE_VERBS.has(t[v].n) || PARTICIPLES.has(t[v].n)) return null;
      const subj = this.subjectBefore(p, pi, v, i);
      if (!subj || !(subj.i === i || (subj.i === i + 1 && t[i].n === 'the'))) return null;
      // Only adverbials may follow the verb: a clause means this is a statement, not an attribution.
      if (this.clauseStart(p, v, hi) >= 0) return null;
      const nx = t[v + 1];
      if (nx && !stop(v + 1) && !(PREPOSITIONS.has(nx.n) || (ADDRESSEE_VERBS.has(t[v].n) && /^(me|us|him|her|them|reporters|journalists)$/.test(nx.n)) || TIME_WORDS.has(nx.n) || /ly$/.test(nx.n) || /^(as|when|while|according|last|this|earlier|later|late|early|recently|today|yesterday)$/.test(nx.n))) return null;
      if (/^(about|of|for|with)$/.test(nx?.n ?? '') && t[v].n !== 'said' && t[v].n !== 'says') return null;
      const end = extend(v);
      if (t[end + 1]?.kind === 'q') return null;
      for (let m = v + 1; m <= end; m++) if (/^(that|about)$/.test(t[m].n)) return null;
      return { a: this.finish(subj.sp, p, i, end, t[v].n), end, conf: subj.sp.conf * 0.7 };
    }
    return null;
  }
}

interface NameEntry {
  name: string;
  lower: string;
  tokens: number;
  org: boolean;
  positions: number[];
  roles: { pos: number; role: string }[];
}

/** Index of the last item at or before pos in a list sorted by position, or -1. */
function lastAtOrBefore<T>(list: T[], pos: number, at: (x: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(list[mid]) <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Prefer the name used most recently before pos, then the one used soonest after it. */
function preferred(a: NameEntry, b: NameEntry, pos: number): boolean {
  const ka = lastAtOrBefore(a.positions, pos, (x) => x);
  const kb = lastAtOrBefore(b.positions, pos, (x) => x);
  if ((ka >= 0) !== (kb >= 0)) return ka >= 0;
  if (ka >= 0) return a.positions[ka] > b.positions[kb];
  return a.positions[0] < b.positions[0];
}

function isOutlet(s: string): boolean {
  const ws = s.replace(/^the\s+/i, '').split(/\s+/);
  if (ws.length === 1 && /^\p{Lu}{2,6}$/u.test(ws[0])) return true;
  return ws.some((w) => OUTLET_WORDS.has(w.toLowerCase().replace(/[’']s$/, '')));
}

/**
 * Direct quotes and reported speech in `text`, in text order, each with the
 * speaker resolved to the fullest form of their name found in the text.
 */
export function detectQuotes(text: string): QuoteSuggestion[] {
  if (!text.trim()) return [];
  return new Detector(text).run();
}
