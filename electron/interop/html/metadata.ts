import { webUrlOrNull } from '../document-builder';
import { CDATA_SECTION_NODE, ELEMENT_NODE, TEXT_NODE } from './parse';
import { cleanLine, normalizeDate, normalizeLanguage, unescapeEntities } from '../normalize';
import type { ExtractedMetadata } from '../types';

/** What the page says about itself, before any article extraction (which mutates the DOM). */
export interface HtmlMetadata extends ExtractedMetadata {
  /** For resolving relative links: <base href>, else the page's own URL. */
  baseUrl: string | null;
}

/** Schema.org types that describe an article (Readability's list). */
const ARTICLE_TYPES =
  /^(?:Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference)$/;

type Json = unknown;
type JsonObject = Record<string, Json>;

const isObject = (x: Json): x is JsonObject => typeof x === 'object' && x !== null && !Array.isArray(x);

function typeMatches(obj: JsonObject): boolean {
  const t = obj['@type'];
  if (typeof t === 'string') return ARTICLE_TYPES.test(t);
  return Array.isArray(t) && t.some((x) => typeof x === 'string' && ARTICLE_TYPES.test(x));
}

/** The first Article-like object in a JSON-LD value, looking into arrays and @graph. */
function findArticle(value: Json, depth = 0): JsonObject | null {
  if (depth > 4) return null;
  if (Array.isArray(value)) {
    for (const v of value) {
      const found = findArticle(v, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (!isObject(value)) return null;
  if (typeMatches(value)) return value;
  if (Array.isArray(value['@graph'])) return findArticle(value['@graph'], depth + 1);
  return null;
}

/** author as "Name", {name}, or a list of either. */
function personNames(value: Json): string | null {
  const one = (v: Json): string | null => {
    if (typeof v === 'string') return cleanLine(v);
    if (isObject(v) && typeof v.name === 'string') return cleanLine(v.name);
    return null;
  };
  const names = (Array.isArray(value) ? value.map(one) : [one(value)]).filter(
    (n): n is string => n !== null && !/^https?:\/\//i.test(n),
  );
  const unique = [...new Set(names)];
  return unique.length ? unique.join(', ') : null;
}

interface JsonLdFacts {
  name?: string;
  headline?: string;
  byline?: string;
  excerpt?: string;
  outlet?: string;
  published?: string;
  language?: string;
  url?: string;
}

function jsonLdFacts(scripts: string[]): JsonLdFacts {
  for (const raw of scripts) {
    let parsed: Json;
    try {
      parsed = JSON.parse(raw.replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, ''));
    } catch {
      continue;
    }
    const a = findArticle(parsed);
    if (!a) continue;
    const str = (v: Json) => (typeof v === 'string' ? cleanLine(v) ?? undefined : undefined);
    const publisher = a.publisher;
    return {
      name: str(a.name),
      headline: str(a.headline),
      byline: personNames(a.author) ?? undefined,
      excerpt: str(a.description),
      outlet: isObject(publisher) ? str(publisher.name) : Array.isArray(publisher) ? personNames(publisher) ?? undefined : undefined,
      published: str(a.datePublished) ?? str(a.dateCreated),
      language: str(a.inLanguage),
      url: str(a.url) ?? (isObject(a.mainEntityOfPage) ? str(a.mainEntityOfPage['@id']) : str(a.mainEntityOfPage)),
    };
  }
  return {};
}

/**
 * Feeds a parsed document to a HeadCollector in document order, as the
 * streaming scan would: for pages that are parsed into a DOM anyway and need
 * no scan (no article mark-up), walking the tree is cheaper than a second parse.
 * Iterative, so hostile nesting cannot overflow the stack.
 */
export function collectFromDocument(doc: Document): HeadFacts {
  const collector = new HeadCollector();
  const root = doc.documentElement;
  if (!root) return collector.facts;
  const stack: Array<{ node: Node; leaving: boolean }> = [{ node: root, leaving: false }];
  while (stack.length) {
    const { node, leaving } = stack.pop()!;
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      collector.text(node.nodeValue ?? '');
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const el = node as Element;
    const tag = el.localName.toLowerCase();
    if (leaving) {
      collector.close(tag);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of Array.from(el.attributes)) attrs[a.name.toLowerCase()] ??= a.value;
    collector.open(tag, attrs);
    stack.push({ node, leaving: true });
    const kids: Node[] = [];
    for (let c = el.firstChild; c; c = c.nextSibling) kids.push(c);
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i], leaving: false });
  }
  return collector.facts;
}

/** Readability's title similarity: share of B's words that also occur in A. */
export function textSimilarity(a: string, b: string): number {
  const ta = a.toLowerCase().split(/\W+/).filter(Boolean);
  const tb = b.toLowerCase().split(/\W+/).filter(Boolean);
  if (!ta.length || !tb.length) return 0;
  const uniqB = tb.filter((t) => !ta.includes(t));
  return 1 - uniqB.join(' ').length / tb.join(' ').length;
}

const wordCount = (s: string) => s.split(/\s+/).length;

/**
 * The article title from <title>, dropping a site name around a separator
 * ("Headline | Site"), following Readability's rules so titles agree with
 * what Firefox's Reader View shows.
 */
export function titleFromDocumentTitle(docTitle: string, headings: Array<{ text: string; level: number }>): string {
  const orig = docTitle.trim().replace(/\s+/g, ' ');
  let cur = orig;
  let hierarchical = false;
  if (/ [|\-–—\\/>»] /.test(cur)) {
    hierarchical = / [\\/>»] /.test(cur);
    const seps = Array.from(orig.matchAll(/ [|\-–—\\/>»] /gi));
    cur = orig.substring(0, seps[seps.length - 1].index);
    if (wordCount(cur) < 3) cur = orig.replace(/^[^|\-–—\\/>»]*[|\-–—\\/>»]/gi, '');
  } else if (cur.includes(': ')) {
    if (!headings.some((h) => h.text.trim() === cur.trim())) {
      cur = orig.substring(orig.lastIndexOf(':') + 1);
      if (wordCount(cur) < 3) cur = orig.substring(orig.indexOf(':') + 1);
      else if (wordCount(orig.substring(0, orig.indexOf(':'))) > 5) cur = orig;
    }
  } else if (cur.length > 150 || cur.length < 15) {
    const h1s = headings.filter((h) => h.level === 1);
    if (h1s.length === 1) cur = h1s[0].text;
  }
  cur = cur.trim().replace(/\s{2,}/g, ' ');
  const n = wordCount(cur);
  if (n <= 4 && (!hierarchical || n !== wordCount(orig.replace(/[|\-–—\\/>»]+/g, '')) - 1)) cur = orig;
  return cur;
}

export interface HeadFacts {
  meta: Map<string, string>;
  metaAll: Map<string, string[]>;
  jsonLd: string[];
  canonical: string | null;
  baseHref: string | null;
  docTitle: string;
  headings: Array<{ text: string; level: number }>;
  htmlLang: string | null;
  timePublished: string | null;
}

function addMeta(facts: HeadFacts, key: string, content: string): void {
  // Last one wins, as in Readability; all are kept for multi-author pages.
  facts.meta.set(key, content);
  const all = facts.metaAll.get(key);
  if (all) all.push(content);
  else facts.metaAll.set(key, [content]);
}

/** Elements whose content says nothing about the page: their <title> is a tooltip, their text is code. */
const OPAQUE = new Set(['style', 'template', 'svg', 'math']);

/**
 * Everything metadata needs, gathered from the tags and text of one parse as
 * they stream past (see scan.ts), so finding it needs no DOM.
 */
export class HeadCollector {
  readonly facts: HeadFacts = {
    meta: new Map(),
    metaAll: new Map(),
    jsonLd: [],
    canonical: null,
    baseHref: null,
    docTitle: '',
    headings: [],
    htmlLang: null,
    timePublished: null,
  };
  private opaque = 0;
  private rootSeen = false;
  private titleSeen = false;
  /** Text being gathered for the element that asked for it (a title, heading, JSON-LD script or <time>), innermost last. */
  private readonly gathering: Array<{ tag: string; text: string; done: (text: string) => void }> = [];

  open(tag: string, attrs: Record<string, string>): void {
    if (!this.rootSeen && tag === 'html') this.facts.htmlLang = attrs.lang ?? attrs['xml:lang'] ?? null;
    this.rootSeen = true;
    if (this.opaque) {
      if (OPAQUE.has(tag)) this.opaque++;
      return;
    }
    const f = this.facts;
    switch (tag) {
      case 'meta': {
        const content = attrs.content;
        if (!content) break;
        const value = content.trim();
        if (attrs.property) for (const p of attrs.property.toLowerCase().split(/\s+/)) if (p) addMeta(f, p, value);
        // article:* are Open Graph properties; pages that put them in name= are not trusted with them (nor by Readability).
        const key = attrs.name?.toLowerCase().replace(/\s/g, '').replace(/\./g, ':');
        if (key && !key.startsWith('article:')) addMeta(f, key, value);
        if (attrs.itemprop) addMeta(f, `itemprop:${attrs.itemprop.trim().toLowerCase()}`, value);
        if (attrs['http-equiv']) addMeta(f, `http-equiv:${attrs['http-equiv'].trim().toLowerCase()}`, value);
        break;
      }
      case 'link':
        if (!f.canonical && (attrs.rel ?? '').toLowerCase().split(/\s+/).includes('canonical')) f.canonical = attrs.href ?? null;
        break;
      case 'base':
        if (!f.baseHref) f.baseHref = attrs.href ?? null;
        break;
      case 'script':
        if ((attrs.type ?? '').trim().toLowerCase() === 'application/ld+json') this.gather(tag, (t) => f.jsonLd.push(t));
        break;
      case 'title':
        if (!this.titleSeen) {
          this.titleSeen = true;
          this.gather(tag, (t) => (f.docTitle = t));
        }
        break;
      case 'h1':
      case 'h2':
        this.gather(tag, (t) => f.headings.push({ text: t, level: tag === 'h1' ? 1 : 2 }));
        break;
      case 'time':
        if (!f.timePublished && ('pubdate' in attrs || (attrs.itemprop ?? '').includes('datePublished'))) {
          if (attrs.datetime !== undefined) f.timePublished = attrs.datetime;
          else this.gather(tag, (t) => (f.timePublished ??= t));
        }
        break;
      default:
        if (OPAQUE.has(tag)) this.opaque++;
    }
  }

  text(t: string): void {
    // Like textContent: a heading's text includes what sits in an <svg> inside it.
    for (const g of this.gathering) g.text += t;
  }

  close(tag: string): void {
    if (this.opaque) {
      if (OPAQUE.has(tag)) this.opaque--;
      return;
    }
    const g = this.gathering[this.gathering.length - 1];
    if (g?.tag === tag) {
      this.gathering.pop();
      g.done(g.text);
    }
  }

  private gather(tag: string, done: (text: string) => void): void {
    this.gathering.push({ tag, text: '', done });
  }
}

function first(meta: Map<string, string>, keys: string[]): string | null {
  for (const k of keys) {
    const v = meta.get(k);
    if (v && v.trim()) return v;
  }
  return null;
}

const isUrl = (s: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s.trim());

/** "By Jane Doe" → "Jane Doe": the word is the page's, not the author's name. */
export function cleanByline(raw: string | null | undefined): string | null {
  const s = cleanLine(raw ? unescapeEntities(raw) : raw, 500);
  if (!s) return null;
  const stripped = s.replace(/^(?:by|par|por)\s*[:\-–—]?\s+/i, '').trim();
  return stripped || null;
}

export interface MetadataOptions {
  /** Where the page came from, when known from outside the markup (a browser's "saved from url" comment). */
  pageUrl?: string | null;
}

/**
 * Metadata from what the page declares: JSON-LD Article, Dublin Core, Open
 * Graph, Twitter and Parse.ly <meta>, article:* properties, <link
 * rel=canonical>, <html lang>, in Readability's order of preference so the
 * results agree with Reader View; a few extra sources (itemprop, <time
 * pubdate>, og:locale) fill what those leave empty.
 */
export function metadataFromFacts(f: HeadFacts, opts: MetadataOptions = {}): HtmlMetadata {
  const m = f.meta;
  const ld = jsonLdFacts(f.jsonLd);

  const docTitle = f.docTitle ? titleFromDocumentTitle(f.docTitle, f.headings) : '';
  let ldTitle: string | undefined;
  if (ld.name && ld.headline && ld.name !== ld.headline) {
    // Some sites put their own name in "name" and the article's in "headline": take the one like <title>.
    const nameLike = textSimilarity(ld.name, docTitle) > 0.75;
    const headlineLike = textSimilarity(ld.headline, docTitle) > 0.75;
    ldTitle = headlineLike && !nameLike ? ld.headline : ld.name;
  } else ldTitle = ld.name ?? ld.headline;

  const title =
    ldTitle ??
    first(m, ['dc:title', 'dcterm:title', 'dcterms:title', 'og:title', 'weibo:article:title', 'weibo:webpage:title', 'title', 'twitter:title', 'parsely-title']) ??
    (docTitle || null);

  const articleAuthor = (m.get('article:author') ?? '').trim();
  const metaAuthors = f.metaAll.get('author')?.filter((a) => a.trim()) ?? [];
  const byline =
    ld.byline ??
    first(m, ['dc:creator', 'dcterm:creator', 'dcterms:creator']) ??
    (metaAuthors.length > 1 ? [...new Set(metaAuthors.map((a) => a.trim()))].join(', ') : metaAuthors[0] ?? null) ??
    first(m, ['parsely-author']) ??
    (articleAuthor && !isUrl(articleAuthor) ? articleAuthor : null) ??
    first(m, ['itemprop:author', 'sailthru:author', 'byl']);

  const excerpt =
    ld.excerpt ??
    first(m, ['dc:description', 'dcterm:description', 'dcterms:description', 'og:description', 'weibo:article:description', 'weibo:webpage:description', 'description', 'twitter:description']);

  const outlet = ld.outlet ?? first(m, ['og:site_name']);

  const published =
    ld.published ??
    first(m, ['article:published_time', 'parsely-pub-date']) ??
    first(m, ['itemprop:datepublished', 'og:published_time', 'article:published', 'dc:date', 'dcterm:date', 'dcterms:date', 'dcterms:created', 'date', 'pubdate', 'publishdate', 'publish-date', 'sailthru:date']) ??
    f.timePublished;

  const language =
    normalizeLanguage(f.htmlLang) ??
    normalizeLanguage(first(m, ['http-equiv:content-language', 'dc:language', 'dcterm:language', 'og:locale'])) ??
    normalizeLanguage(ld.language);

  const pageUrl = webUrlOrNull(opts.pageUrl);
  const ogUrl = webUrlOrNull(first(m, ['og:url', 'twitter:url']), pageUrl);
  const canonical = webUrlOrNull(f.canonical, pageUrl ?? ogUrl) ?? ogUrl ?? webUrlOrNull(ld.url, pageUrl);
  const url = pageUrl ?? canonical;
  const baseUrl = webUrlOrNull(f.baseHref, url) ?? url;

  return {
    title: cleanLine(title ? unescapeEntities(title) : null, 1000),
    byline: cleanByline(byline),
    outlet: cleanLine(outlet ? unescapeEntities(outlet) : null, 500),
    publishedAt: normalizeDate(published ? unescapeEntities(published) : null),
    url,
    canonicalUrl: canonical,
    language,
    excerpt: cleanLine(excerpt ? unescapeEntities(excerpt) : null, 2000),
    baseUrl,
  };
}
