import { Readability } from '@mozilla/readability';
import { CHROME_CLASSES } from './sanitize';

/**
 * The main article of a page, via Mozilla Readability on a linkedom DOM.
 *
 * linkedom vs jsdom, measured on the 130 pages of the Readability corpus
 * (single thread, this machine; numbers in the import report):
 * - speed: linkedom parse + Readability ≈ 45 pages/s; jsdom ≈ 6 pages/s
 *   (jsdom's parse alone is ≈ 8 pages/s: it builds a spec-complete DOM with
 *   CSSOM, and parses every <style>).
 * - quality: the metadata figures of readability-corpus.test.ts are the same
 *   with either DOM, and the article text linkedom yields has a token overlap
 *   of ≈ 0.99 with jsdom's on average.
 * So linkedom. Its parser is not spec-exact (htmlparser2), which only matters
 * for layout of broken markup: the result is text blocks, never HTML a
 * browser re-parses, so a parser difference cannot become a script.
 */

export interface ArticleResult {
  /** The article's content element (in the parsed document), or null when none was found. */
  content: Element | null;
  /** Whether Readability ran, and so changed the document. */
  ran: boolean;
  title: string | null;
  byline: string | null;
  excerpt: string | null;
  siteName: string | null;
  lang: string | null;
  publishedTime: string | null;
}

/**
 * linkedom answers querySelectorAll through css-select and computes `style`
 * by parsing the attribute into a CSSStyleDeclaration on every access;
 * Readability calls both for nearly every element. These two overrides do
 * the same job with plain tree walks and a regex (saving roughly 7–10% of
 * the parse + Readability time on the corpus; readability-corpus.test.ts
 * checks the extracted article is unchanged). They only replace methods
 * that exist, so a Readability without them falls back to its own code.
 */
class FastReadability extends Readability<Element> {}

type ReadabilityInternals = {
  _getAllNodesWithTag?: (node: Element | Document, tagNames: string[]) => ArrayLike<Element>;
  _isProbablyVisible?: (node: Element) => boolean;
};

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;
const proto = FastReadability.prototype as unknown as ReadabilityInternals;
const base = Readability.prototype as unknown as ReadabilityInternals;

if (typeof base._getAllNodesWithTag === 'function') {
  proto._getAllNodesWithTag = function (node, tagNames) {
    if (tagNames.includes('*')) return (node as Element).querySelectorAll('*');
    const wanted = new Set(tagNames.map((t) => t.toLowerCase()));
    const out: Element[] = [];
    // Document order, like querySelectorAll.
    const start = (node as Document).documentElement && (node as Document).nodeType === 9 ? [(node as Document).documentElement] : null;
    const walk = (el: Element) => {
      for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
        // Elements Readability renamed (createElement("P")) keep an upper-case localName in linkedom.
        if (wanted.has(c.localName.toLowerCase())) out.push(c);
        walk(c);
      }
    };
    if (start) {
      if (wanted.has(start[0].localName.toLowerCase())) out.push(start[0]);
      walk(start[0]);
    } else walk(node as Element);
    return out;
  };
}

/** Readability's visibility test, on an element's attributes (null when absent), so a streaming scan can apply it too. */
export function probablyVisible(attr: (name: string) => string | null): boolean {
  const style = attr('style');
  if (style && HIDDEN_STYLE.test(style)) return false;
  if (attr('hidden') !== null) return false;
  if (attr('aria-hidden') === 'true') return (attr('class') ?? '').includes('fallback-image');
  return true;
}

if (typeof base._isProbablyVisible === 'function') {
  proto._isProbablyVisible = (node) => probablyVisible((name) => node.getAttribute(name));
}

type Rules = { REGEXPS?: Record<string, RegExp>; UNLIKELY_ROLES?: string[] };
const rules = Readability.prototype as unknown as Rules;

/**
 * The patterns Readability uses to find a byline and to skip page furniture
 * while looking for one, taken from the library itself so a streaming scan
 * (scan.ts) finds the byline Readability would.
 */
export const READABILITY_PATTERNS = {
  byline: rules.REGEXPS?.byline ?? /byline|author|dateline|writtenby|p-author/i,
  unlikely: rules.REGEXPS?.unlikelyCandidates ?? /$^/,
  maybeCandidate: rules.REGEXPS?.okMaybeItsACandidate ?? /$^/,
  unlikelyRoles: new Set(rules.UNLIKELY_ROLES ?? []),
};

/**
 * Readability walks ancestors and recurses through the tree: on hostile
 * nesting (tens of thousands of levels) it takes minutes or overflows the
 * stack. Real pages stay far below this depth.
 */
export const MAX_ARTICLE_DEPTH = 500;

export function deeperThan(root: Element, limit: number): boolean {
  const stack: Array<[Element, number]> = [[root, 0]];
  while (stack.length) {
    const [el, depth] = stack.pop()!;
    if (depth > limit) return true;
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) stack.push([c, depth + 1]);
  }
  return false;
}

const NONE: ArticleResult = { content: null, ran: false, title: null, byline: null, excerpt: null, siteName: null, lang: null, publishedTime: null };

/**
 * Runs Readability on `doc` (which it mutates). Returns the content element
 * itself rather than serialized HTML, so nothing is parsed twice. No article
 * (content null) when Readability finds none or the tree is too deep for it.
 */
export function extractArticle(doc: Document): ArticleResult {
  if (!doc.documentElement || deeperThan(doc.documentElement, MAX_ARTICLE_DEPTH)) return NONE;
  let parsed: ReturnType<FastReadability['parse']> = null;
  try {
    // Classes the sanitizer uses to drop page furniture must survive Readability's class stripping.
    parsed = new FastReadability(doc, { serializer: (el) => el as Element, classesToPreserve: CHROME_CLASSES }).parse();
  } catch {
    parsed = null;
  }
  if (!parsed) return { ...NONE, ran: true };
  return {
    content: parsed.content ?? null,
    ran: true,
    title: parsed.title ?? null,
    byline: parsed.byline ?? null,
    excerpt: parsed.excerpt ?? null,
    siteName: parsed.siteName ?? null,
    lang: parsed.lang ?? null,
    publishedTime: parsed.publishedTime ?? null,
  };
}
