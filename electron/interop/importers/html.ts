import type { SourceDocument } from '../../../shared/document/model';
import { decodeText } from '../encoding';
import { extractArticle } from '../html/article';
import { htmlToDocument } from '../html/blocks';
import { cleanByline, extractHtmlMetadata } from '../html/metadata';
import { parseHtmlDocument } from '../html/parse';
import { sanitizeTree } from '../html/sanitize';
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
}

/** Sanitized blocks of the whole body: the fallback when no article is found, and the paste path. */
function bodyBlocks(doc: Document, baseUrl: string | null): SourceDocument {
  const body = doc.body ?? doc.documentElement;
  sanitizeTree(body, { baseUrl, dropHidden: true });
  return htmlToDocument(body, { baseUrl });
}

const wholeBody = (html: string, baseUrl: string | null) => bodyBlocks(parseHtmlDocument(html), baseUrl);

/** HTML text in, blocks and metadata out. Synchronous: pastes need no I/O. */
export function extractHtmlString(html: string, opts: HtmlExtractOptions = {}): ExtractedSource {
  const warnings: string[] = [];
  const doc = parseHtmlDocument(html);
  const meta = extractHtmlMetadata(doc, { pageUrl: opts.pageUrl ?? savedFromUrl(html) });
  const { baseUrl, ...metadata } = meta;

  let document: SourceDocument | null = null;
  if (opts.article !== false) {
    const article = extractArticle(doc);
    if (article.content) {
      sanitizeTree(article.content, { baseUrl });
      document = htmlToDocument(article.content, { baseUrl });
    }
    // Readability's findings fill what the page did not declare.
    metadata.title ??= cleanLine(article.title ? unescapeEntities(article.title) : null, 1000);
    metadata.byline ??= cleanByline(article.byline);
    metadata.outlet ??= cleanLine(article.siteName, 500);
    metadata.publishedAt ??= normalizeDate(article.publishedTime);
    metadata.language ??= normalizeLanguage(article.lang);
    metadata.excerpt ??= cleanLine(article.excerpt, 2000);
    if (!document || document.blocks.length === 0) {
      // Readability changes the DOM as it works: start again from the source unless it never ran.
      document = article.ran ? wholeBody(html, baseUrl) : bodyBlocks(doc, baseUrl);
      if (document.blocks.length) warnings.push('No main article was found on this page; all of its text was imported.');
    }
  } else document = bodyBlocks(doc, baseUrl);
  return { format: 'html', document, metadata, warnings };
}

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
