import { parseHTML } from 'linkedom';

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;
export const CDATA_SECTION_NODE = 4;

/**
 * Parses HTML into a linkedom document (see article.ts for why linkedom).
 * linkedom needs a whole document, so fragments (pastes, payloads) are
 * wrapped, and content the parser left outside <body> ("<html><p>…")
 * is moved in, as a browser would have placed it.
 */
const wrap = (html: string) => `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
const parse = (html: string) => (parseHTML(html) as unknown as { document: Document }).document;

export function parseHtmlDocument(html: string): Document {
  let document = parse(/<html[\s>]/i.test(html.slice(0, 65536)) ? html : wrap(html));
  if (!document.documentElement) document = parse(wrap(html));
  const root = document.documentElement;
  let body = document.body as HTMLElement | null;
  if (!body || body.parentNode !== root) {
    body = document.createElement('body');
    root.appendChild(body);
  }
  const strays: ChildNode[] = [];
  for (let n = root.firstChild; n; n = n.nextSibling) {
    if (n === body) continue;
    if (n.nodeType === ELEMENT_NODE && (n as Element).localName === 'head') continue;
    if (n.nodeType === ELEMENT_NODE || (n.nodeType === TEXT_NODE && /\S/.test(n.textContent ?? ''))) strays.push(n);
  }
  if (strays.length) {
    const firstBody = body.firstChild;
    let beforeBody = true;
    for (const n of strays) {
      // Nodes before <body> go first, those after it last, keeping the page's order.
      if (beforeBody && isAfter(n, body)) beforeBody = false;
      if (beforeBody) body.insertBefore(n, firstBody);
      else body.appendChild(n);
    }
  }
  return document;
}

function isAfter(n: Node, ref: Node): boolean {
  for (let s = ref.nextSibling; s; s = s.nextSibling) if (s === n) return true;
  return false;
}
