import type { SourceDocument } from '../../../shared/document/model';
import { decodeText } from '../encoding';
import { type ArticleResult, extractArticle } from '../html/article';
import { htmlToDocument } from '../html/blocks';
import { cleanByline, collectFromDocument, metadataFromFacts } from '../html/metadata';
import { parseHtmlDocument } from '../html/parse';
import { sanitizeTree } from '../html/sanitize';
import { type PageScan, scanHtml } from '../html/scan';
import { cleanLine, normalizeDate, normalizeLanguage, unescapeEntities } from '../normalize';
import type { ExtractedSource, Importer } from '../types';

/** Chrome and IE write where a page came from at the top of a saved page: `<!-- saved from url=(0044)https://… -->`. */
export function savedFromUrl(html: string): string | null {
  const m = /<!--\s*saved from url=\(\s*\d+\s*\)\s*(\S+?)\s*-->/i.exec(html.slice(0, 4096));
  return m ? m[1] : null;
}

export interface HtmlExtractOptions {
  /** Where the page came from, when known from outside (overrides the saved-from comment). */
  pageUrl?: string | null;
  /** Find the main article with Readability (files); a paste is already what the person chose. */
  article?: boolean;
  /** Allow the fast path (see FAST_MIN_SHARE); off only to compare it with whole-page Readability. */
  fast?: boolean;
}

/** Sanitized blocks of the whole body: the fallback when no article is found, and the paste path. */
function bodyBlocks(doc: Document, baseUrl: string | null): SourceDocument {
  const body = doc.body ?? doc.documentElement;
  sanitizeTree(body, { baseUrl, dropHidden: true });
  return htmlToDocument(body, { baseUrl });
}

const wholeBody = (html: string, baseUrl: string | null) => bodyBlocks(parseHtmlDocument(html), baseUrl);

/**
 * When a page marks up one article and Readability's own pick would come from
 * inside it, running Readability on that element alone gives the same text
 * for a fraction of the work (the DOM is built for the article, not for the
 * navigation, comments and scripts around it). It is confident when the
 * article's extracted words are between FAST_MIN_SHARE and FAST_MAX_SHARE of
 * all the words in the page's <p> elements. Measured on the 130-page
 * Readability corpus (tests/interop/fast-article.test.ts prints the figures):
 * below half, the page holds more paragraph text outside the element than in
 * it, and whole-page Readability merges some of it in (yahoo-2: 0.83 word
 * overlap); above 1.5, the article's text is not in paragraphs and
 * Readability's rebuilding of divs around it takes in neighbours
 * (firefox-nightly-blog: 0.93). Between the two, every page's text has a word
 * overlap of at least 0.95 with whole-page Readability's.
 */
export const FAST_MIN_SHARE = 0.5;
const ARTICLE_MARKUP = /<article[\s>]|articleBody/i;
export const FAST_MAX_SHARE = 1.5;

/** Readability on the page's article element alone, or null when that is not safe to trust (see FAST_MIN_SHARE). */
function fastArticle(html: string, scan: PageScan, baseUrl: string | null): { article: ArticleResult; document: SourceDocument } | null {
  if (!scan.article || scan.paragraphWords === 0) return null;
  // Readability keeps between 0.75 and 1.25 of an article element's words on the corpus (alt-text captions add some):
  // outside these bounds the share test below cannot pass, so the element is not parsed for nothing.
  const estimate = scan.articleWords / scan.paragraphWords;
  if (estimate < FAST_MIN_SHARE / 1.25 || estimate > FAST_MAX_SHARE / 0.75) return null;
  const article = extractArticle(parseHtmlDocument(html.slice(scan.article.start, scan.article.end)));
  if (!article.content) return null;
  sanitizeTree(article.content, { baseUrl });
  const document = htmlToDocument(article.content, { baseUrl });
  const share = documentWords(document) / scan.paragraphWords;
  return share >= FAST_MIN_SHARE && share <= FAST_MAX_SHARE ? { article, document } : null;
}

const documentWords = (d: SourceDocument) => d.blocks.reduce((n, b) => n + (b.text.match(/\S+/g)?.length ?? 0), 0);

/** Which way a page's article was found: its own article element, the whole page, or neither (the paste path). */
export type ArticlePath = 'fast' | 'readability' | 'none';

/** HTML text in, blocks and metadata out, and which way the article was found. Synchronous: pastes need no I/O. */
export function extractHtmlPage(html: string, opts: HtmlExtractOptions = {}): { extracted: ExtractedSource; path: ArticlePath } {
  const warnings: string[] = [];
  const pageUrl = opts.pageUrl ?? savedFromUrl(html);
  // Only a page with article mark-up can take the fast path; the others need no scan, their DOM gives the metadata.
  const scan = opts.article !== false && opts.fast !== false && ARTICLE_MARKUP.test(html) ? scanHtml(html) : null;
  let doc = scan ? null : parseHtmlDocument(html);
  const { baseUrl, ...metadata } = metadataFromFacts(scan ? scan.head : collectFromDocument(doc!), { pageUrl });

  if (opts.article === false) return { extracted: { format: 'html', document: bodyBlocks(doc!, baseUrl), metadata, warnings }, path: 'none' };
  const fast = scan ? fastArticle(html, scan, baseUrl) : null;
  let document: SourceDocument | null = fast?.document ?? null;
  let article = fast?.article;
  if (!article) {
    doc ??= parseHtmlDocument(html);
    article = extractArticle(doc);
    if (article.content) {
      sanitizeTree(article.content, { baseUrl });
      document = htmlToDocument(article.content, { baseUrl });
    }
  }
  // Readability's findings fill what the page did not declare.
  metadata.title ??= cleanLine(article.title ? unescapeEntities(article.title) : null, 1000);
  // On the fast path the byline is found in the scan of the whole page: it is usually outside the article element.
  metadata.byline ??= cleanByline(fast ? (scan?.byline ?? article.byline) : article.byline);
  metadata.outlet ??= cleanLine(article.siteName, 500);
  metadata.publishedAt ??= normalizeDate(article.publishedTime);
  metadata.language ??= normalizeLanguage(article.lang);
  metadata.excerpt ??= cleanLine(article.excerpt, 2000);
  if (!document || document.blocks.length === 0) {
    // Readability changes the DOM as it works: start again from the source unless it never ran.
    document = article.ran || !doc ? wholeBody(html, baseUrl) : bodyBlocks(doc, baseUrl);
    if (document.blocks.length) warnings.push('No main article was found on this page; all of its text was imported.');
  }
  return { extracted: { format: 'html', document, metadata, warnings }, path: fast ? 'fast' : 'readability' };
}

export const extractHtmlString = (html: string, opts: HtmlExtractOptions = {}): ExtractedSource => extractHtmlPage(html, opts).extracted;

export const htmlImporter: Importer = {
  format: 'html',
  label: 'web page',
  extensions: ['html', 'htm', 'xhtml', 'shtml'],
  mimeTypes: ['text/html', 'application/xhtml+xml'],
  async extract({ bytes, fileName }) {
    const { text } = decodeText(bytes, fileName, { html: true });
    return extractHtmlString(text);
  },
};
