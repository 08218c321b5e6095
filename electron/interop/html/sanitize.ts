import { safeHref } from '../document-builder';
import { ELEMENT_NODE, TEXT_NODE } from './parse';

/**
 * Why not DOMPurify (measured, see the import report):
 * - on linkedom it is not supported: `isSupported` is false (no
 *   document.implementation) and sanitize() then returns its input
 *   unchanged; shimming that in is unsafe too, because linkedom's
 *   NodeIterator is a snapshot, so the children DOMPurify re-inserts when it
 *   unwraps an element would never be visited.
 * - on jsdom it is safe but costs ~15 ms per article (jsdom re-parses the
 *   HTML), more than Readability itself.
 * - and its guarantee is about HTML that a browser will parse again. Collate
 *   never hands imported HTML to a browser: the DOM becomes blocks of plain
 *   text whose only markup is em/strong/code and links that passed
 *   safeHref(). So the tree is cleaned here with an allow-list, and the
 *   block converter is the boundary that nothing but text and vetted URLs
 *   crosses. tests/interop/xss.test.ts checks both against DOMPurify's own
 *   expected outputs.
 */

/** Elements removed with everything inside: code, styling, embedded content, form controls, and non-HTML islands. */
export const DROPPED_ELEMENTS = new Set([
  'script', 'style', 'template', 'noscript', 'noembed', 'noframes', 'xmp', 'plaintext',
  'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'param', 'portal', 'fencedframe',
  'link', 'meta', 'base', 'title', 'head',
  'form', 'input', 'textarea', 'select', 'option', 'optgroup', 'button', 'datalist', 'output', 'keygen', 'meter', 'progress',
  'svg', 'math', 'canvas', 'audio', 'video', 'source', 'track', 'map', 'area',
  'dialog', 'slot',
]);

/** The only attributes kept; everything else (on*, style, src, srcset, data-*, formaction…) goes. */
const KEPT_ATTRIBUTES: Record<string, readonly string[]> = {
  a: ['href'],
  img: ['alt'],
  td: ['colspan'],
  th: ['colspan'],
};

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;

export interface SanitizeOptions {
  /** Resolves relative hrefs; without it they are dropped. */
  baseUrl: string | null;
  /** Remove hidden elements (hidden, aria-hidden, display:none). Readability has done this already for articles. */
  dropHidden?: boolean;
}

/** Page furniture that survives Readability inside the article: MediaWiki's "[edit]" links. */
export const CHROME_CLASSES = ['mw-editsection'];

function isChrome(el: Element): boolean {
  const cls = el.getAttribute('class');
  return cls !== null && CHROME_CLASSES.some((c) => cls.split(/\s+/).includes(c));
}

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

/**
 * Cleans a subtree in place: dropped elements and comments removed, every
 * attribute but a few removed, hrefs resolved to absolute http(s)/mailto
 * URLs or removed. Iterative, so hostile nesting depth cannot overflow the stack.
 */
export function sanitizeTree(root: Element, opts: SanitizeOptions): void {
  const stack: Element[] = [root];
  cleanAttributes(root, opts.baseUrl);
  while (stack.length) {
    const el = stack.pop()!;
    let child = el.firstChild;
    while (child) {
      const next = child.nextSibling;
      if (child.nodeType === ELEMENT_NODE) {
        const c = child as Element;
        const tag = c.localName.toLowerCase();
        if (DROPPED_ELEMENTS.has(tag) || isChrome(c) || (opts.dropHidden && isHidden(c))) {
          c.remove();
        } else {
          cleanAttributes(c, opts.baseUrl);
          stack.push(c);
        }
      } else if (child.nodeType !== TEXT_NODE) {
        // Comments, processing instructions, CDATA: never content.
        child.parentNode?.removeChild(child);
      }
      child = next;
    }
  }
}

function cleanAttributes(el: Element, baseUrl: string | null): void {
  const tag = el.localName.toLowerCase();
  const kept = KEPT_ATTRIBUTES[tag];
  const names: string[] = [];
  for (const attr of Array.from(el.attributes)) names.push(attr.name);
  for (const name of names) {
    if (!kept || !kept.includes(name.toLowerCase())) el.removeAttribute(name);
  }
  // Vetted but left as written: the block converter resolves it again and must still see "#top" as a same-page anchor.
  if (tag === 'a' && !safeHref(el.getAttribute('href'), baseUrl)) el.removeAttribute('href');
}
