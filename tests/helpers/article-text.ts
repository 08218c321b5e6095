import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { BLOCK_SEPARATOR } from '../../shared/document/model';

/**
 * Stand-in for the real importer until it lands: Readability on linkedom, then
 * one paragraph per block element of the extracted article, whitespace
 * collapsed, joined like canonical text. Walking blocks (rather than splitting
 * `textContent` on newlines) keeps paragraphs apart on pages whose markup has
 * no whitespace between `<p>`s, which matters because attribution is resolved
 * per paragraph.
 */
export function articleText(html: string): string {
  const { document } = parseHTML(html);
  const article = new Readability(document as unknown as Document, {
    serializer: (node: Node) => node,
  }).parse();
  const root = article?.content as Node | null | undefined;
  if (!root) return '';
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const t = current.replace(/\s+/g, ' ').trim();
    if (t) paragraphs.push(t);
    current = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      current += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (tag === 'BR') {
      current += ' ';
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    for (let c = node.firstChild; c; c = c.nextSibling) walk(c);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs.join(BLOCK_SEPARATOR);
}

const BLOCK_TAGS = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'ASIDE', 'HEADER', 'FOOTER', 'MAIN', 'NAV',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'DL', 'DT', 'DD',
  'BLOCKQUOTE', 'PRE', 'FIGURE', 'FIGCAPTION', 'TABLE', 'TR', 'TD', 'TH', 'HR',
]);
