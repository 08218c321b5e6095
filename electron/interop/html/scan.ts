import { Parser } from 'htmlparser2';
import { probablyVisible, READABILITY_PATTERNS } from './article';
import { HeadCollector, type HeadFacts, metadataFromFacts, type HtmlMetadata, type MetadataOptions } from './metadata';

/** Where the page marks its article: the one <article>, or the one itemprop="articleBody". */
export interface ArticleRange {
  start: number;
  /** Exclusive. */
  end: number;
}

export interface PageScan {
  head: HeadFacts;
  /** The page's own mark-up of its article, when it names exactly one. */
  article: ArticleRange | null;
  /** Words inside <p> elements anywhere on the page. */
  paragraphWords: number;
  /** Words of text inside the article element (script, style and noscript aside); 0 without one. */
  articleWords: number;
  /** The byline Readability would find walking the whole page (see BylineFinder). */
  byline: string | null;
}

/** Content Readability removes before it looks for a byline. */
const PREPPED_AWAY = new Set(['script', 'style', 'noscript']);

/**
 * Finds the byline as Readability's walk over a whole page does: the first
 * element, in document order, marked as an author (rel="author",
 * itemprop~="author", or a class or id like "byline") whose text is under
 * 100 characters, preferring the text of an itemprop="name" inside it, and
 * never inside what the walk removes before reaching it (hidden elements,
 * dialogs, page furniture by class, id or role). When that finds none and
 * the article itself sits in page furniture (a "site_header" box), the same
 * without skipping furniture, as Readability's second walk does. The fast
 * path needs it because the byline usually sits outside the article element.
 */
class BylineFinder {
  private order = 0;
  /** Per open element: no candidate can start inside it (the walk removed it), and whether it or an ancestor is a table or code. */
  private readonly frames: Array<{ skipped: boolean; inTableOrCode: boolean; prepped: boolean }> = [];
  /** Inside script, style or noscript: text that Readability removed before it looked. */
  private prepped = 0;
  private readonly open: Array<{ depth: number; order: number; text: string; name: string | null; nameDepth: number }> = [];
  private found: { order: number; text: string } | null = null;

  /** stripUnlikely: false is Readability's second try, made when skipping page furniture left too little text. */
  constructor(private readonly stripUnlikely: boolean) {}

  get byline(): string | null {
    return this.found?.text ?? null;
  }

  /** Whether the element just entered is inside (or is) what the walk removes. */
  get skipping(): boolean {
    return this.frames[this.frames.length - 1]?.skipped ?? false;
  }

  enter(tag: string, attrs: Record<string, string>): void {
    const parent = this.frames[this.frames.length - 1];
    const depth = this.frames.length;
    const prepped = PREPPED_AWAY.has(tag);
    if (prepped) this.prepped++;
    const itemprop = attrs.itemprop ?? '';
    if (!this.prepped && itemprop.includes('name')) {
      for (const c of this.open) {
        if (c.name !== null) continue;
        c.name = '';
        c.nameDepth = depth;
      }
    }
    // Nothing after the first byline found can be the byline, except inside a candidate opened before it.
    const searching = !this.found || this.open.some((c) => c.order < this.found!.order);
    if (parent?.skipped || prepped || !searching) {
      this.frames.push({ skipped: true, inTableOrCode: parent?.inTableOrCode ?? false, prepped });
      return;
    }
    const p = READABILITY_PATTERNS;
    const match = `${attrs.class ?? ''} ${attrs.id ?? ''}`;
    const removed =
      !probablyVisible((name) => attrs[name] ?? null) ||
      (attrs['aria-modal'] === 'true' && attrs.role === 'dialog');
    const marked = attrs.rel === 'author' || itemprop.includes('author') || p.byline.test(match);
    if (!removed && marked) this.open.push({ depth, order: this.order, text: '', name: null, nameDepth: -1 });
    this.order++;
    const unlikely =
      this.stripUnlikely &&
      ((p.unlikely.test(match) && !p.maybeCandidate.test(match) && !(parent?.inTableOrCode ?? false) && tag !== 'body' && tag !== 'a') ||
        p.unlikelyRoles.has(attrs.role ?? ''));
    this.frames.push({ skipped: removed || unlikely, inTableOrCode: (parent?.inTableOrCode ?? false) || tag === 'table' || tag === 'code', prepped });
  }

  text(t: string): void {
    if (this.prepped) return;
    for (const c of this.open) {
      c.text += t;
      if (c.name !== null && c.nameDepth >= 0) c.name += t;
    }
  }

  leave(): void {
    const frame = this.frames.pop();
    if (frame?.prepped) this.prepped--;
    const depth = this.frames.length;
    for (let i = this.open.length - 1; i >= 0; i--) {
      const c = this.open[i];
      if (c.nameDepth === depth) c.nameDepth = -1; // the name element is complete
      if (c.depth !== depth) continue;
      this.open.splice(i, 1);
      const length = c.text.trim().length;
      if (length > 0 && length < 100 && (!this.found || c.order < this.found.order)) this.found = { order: c.order, text: (c.name ?? c.text).trim() };
    }
  }
}

const countWords = (s: string) => s.match(/\S+/g)?.length ?? 0;

/**
 * One streaming pass (htmlparser2, the tokenizer linkedom itself builds on,
 * with the same entity decoding) over a page, building no tree: the metadata
 * facts, the page's article mark-up and how much paragraph text it has.
 */
export function scanHtml(html: string): PageScan {
  const head = new HeadCollector();
  const bylines = [new BylineFinder(true), new BylineFinder(false)];
  const open: Array<{ name: string; start: number; kind: 'article' | 'body' | null; furniture: boolean; wordsBefore: number }> = [];
  const articles: Array<ArticleRange & { furniture: boolean; words: number }> = [];
  const bodies: Array<ArticleRange & { furniture: boolean; words: number }> = [];
  let textWords = 0;
  let code = 0;
  let inParagraph = 0;
  let paragraphWords = 0;
  const parser: Parser = new Parser(
    {
      onopentag(name, attrs) {
        head.open(name, attrs);
        for (const b of bylines) b.enter(name, attrs);
        if (name === 'p') inParagraph++;
        if (PREPPED_AWAY.has(name)) code++;
        const body = attrs.itemprop !== undefined && attrs.itemprop.split(/\s+/).includes('articleBody');
        open.push({ name, start: parser.startIndex, kind: name === 'article' ? 'article' : body ? 'body' : null, furniture: bylines[0].skipping, wordsBefore: textWords });
      },
      ontext(text) {
        head.text(text);
        for (const b of bylines) b.text(text);
        if (code) return;
        const n = countWords(text);
        textWords += n;
        if (inParagraph) paragraphWords += n;
      },
      onclosetag(name) {
        head.close(name);
        for (const b of bylines) b.leave();
        if (name === 'p' && inParagraph) inParagraph--;
        if (PREPPED_AWAY.has(name) && code) code--;
        const el = open.pop();
        if (el?.kind) (el.kind === 'article' ? articles : bodies).push({ start: el.start, end: parser.endIndex + 1, furniture: el.furniture, words: textWords - el.wordsBefore });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  const found = bodies.length === 1 ? bodies[0] : articles.length === 1 ? articles[0] : null;
  // Readability's first walk drops an article inside page furniture, finds too little text, and walks again without skipping any.
  const byline = bylines[0].byline ?? (found?.furniture ? bylines[1].byline : null);
  return { head: head.facts, article: found && { start: found.start, end: found.end }, paragraphWords, articleWords: found?.words ?? 0, byline };
}

/** What a page declares about itself (see metadataFromFacts). */
export function extractHtmlMetadata(html: string, opts: MetadataOptions = {}): HtmlMetadata {
  return metadataFromFacts(scanHtml(html).head, opts);
}
