import { AppError } from '../../shared/api/errors';
import { canonicalText } from '../../shared/document/model';
import { webUrlOrNull } from './document-builder';
import { finalizeExtraction } from './finalize';
import { extractHtmlString } from './importers/html';
import { markdownToDocument } from './importers/markdown';
import { parseSignature, plainTextMetadata, plainTextToDocument } from './importers/text';
import { cleanLine, titleFromLine } from './normalize';
import type { ExtractedSource } from './types';

export interface PasteInput {
  /** The text/html flavour of the clipboard. */
  html?: string;
  /** The text/plain flavour. */
  text?: string;
  /** "Paste as plain text": ignore formatting, and do not read Markdown syntax. */
  preferPlain?: boolean;
}

const STRONG_MARKDOWN = [
  /^\s{0,3}#{1,6}\s+\S/m, // ATX heading
  /^\s{0,3}(?:```|~~~)/m, // fenced code
  /\[[^\]\n]+\]\((?:https?:\/\/|mailto:)[^)\s]+\)/, // inline link
  /^\s{0,3}\[[^\]\n]+\]:\s+https?:\/\//m, // reference definition
];

const WEAK_MARKDOWN = [
  /^\s{0,3}>\s?\S/m, // block quote
  /^\s{0,3}[-*+]\s+\S.*\n\s{0,3}[-*+]\s+\S/m, // two bullet lines
  /^\s{0,3}\d{1,3}[.)]\s+\S.*\n\s{0,3}\d{1,3}[.)]\s+\S/m, // two numbered lines
  /(\*\*|__)(?=\S)[^*_\n]+?(?<=\S)\1/, // strong
  /(?:^|[\s(])([*_])(?=[^\s*_])[^*_\n]+?(?<=[^\s*_])\1(?=$|[\s).,;:!?])/m, // emphasis
  /`[^`\n]+`/, // inline code
  /^\s{0,3}(?:-{3,}|\*{3,}|_{3,})\s*$/m, // thematic break
  /^[^\n]+\n\s{0,3}(?:=+|-{2,})\s*$/m, // setext heading
];

/**
 * Markdown, or prose that merely contains an asterisk? One unmistakable
 * construct (a heading line, a fence, a [link](url)) or two different
 * weaker ones (a quote and a list, bold and code…).
 */
export function looksLikeMarkdown(text: string): boolean {
  const sample = text.length > 100_000 ? text.slice(0, 100_000) : text;
  if (STRONG_MARKDOWN.some((re) => re.test(sample))) return true;
  return WEAK_MARKDOWN.filter((re) => re.test(sample)).length >= 2;
}

/**
 * Windows puts a header before clipboard HTML ("Version:0.9 StartHTML:…
 * SourceURL:…"); Chromium passes it through on some paths. The URL is
 * worth keeping, the rest is not content.
 */
function unwrapClipboardHtml(html: string): { html: string; sourceUrl: string | null } {
  if (!/^Version:\s*\d/.test(html)) return { html, sourceUrl: null };
  const source = /^SourceURL:(\S+)/m.exec(html.slice(0, 2000));
  const start = html.search(/<!--StartFragment-->|<html|<body/i);
  return { html: start >= 0 ? html.slice(start) : html, sourceUrl: source ? source[1] : null };
}

function fromPlain(text: string): ExtractedSource {
  const result = plainTextToDocument(text);
  return { format: 'text', document: result.document, metadata: plainTextMetadata(result), warnings: [] };
}

/**
 * A clipboard paste to a source: the richest flavour wins (HTML, then
 * Markdown found in the plain text, then plain text) unless plain text was
 * asked for. Synchronous: no I/O, small inputs.
 */
export function extractPaste(input: PasteInput): ExtractedSource {
  const html = input.html?.trim() ? input.html : undefined;
  const text = input.text?.trim() ? input.text : undefined;
  let result: ExtractedSource | null = null;

  if (input.preferPlain) {
    const plain = text ?? (html ? canonicalText(extractHtmlString(html, { article: false }).document) : undefined);
    if (plain) result = fromPlain(plain);
  } else {
    if (html) {
      const { html: body, sourceUrl } = unwrapClipboardHtml(html);
      const fromHtml = extractHtmlString(body, { article: false, pageUrl: sourceUrl });
      if (fromHtml.document.blocks.length) result = fromHtml;
    }
    if (!result && text) {
      if (looksLikeMarkdown(text)) {
        const { document, metadata } = markdownToDocument(text);
        result = { format: 'markdown', document, metadata, warnings: [] };
      } else result = fromPlain(text);
    }
  }
  if (!result || !result.document.blocks.length) throw new AppError('empty', 'The clipboard has no text to import.');

  const { metadata, document } = result;
  // A single post ends with its signature line, whatever flavour carried it.
  const last = document.blocks[document.blocks.length - 1];
  const sig = last ? parseSignature(last.text) : null;
  if (sig && !metadata.byline) {
    metadata.byline = `${sig.name} (${sig.handle})`;
    metadata.handle = sig.handle;
    metadata.publishedAt ??= sig.date;
  }
  if (!metadata.title) {
    const heading = document.blocks.find((b) => b.kind === 'heading');
    metadata.title = heading ? cleanLine(heading.text, 1000) : titleFromLine(document.blocks[0].text.split('\n')[0]);
  }
  metadata.url = webUrlOrNull(metadata.url);
  return finalizeExtraction(result, 'The clipboard has no text to import.');
}
