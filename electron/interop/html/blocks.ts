import type { BlockKind, MarkKind, SourceDocument } from '../../../shared/document/model';
import { type BlockOptions, DocumentBuilder, safeHref } from '../document-builder';
import { cleanLine } from '../normalize';
import { ELEMENT_NODE, TEXT_NODE, CDATA_SECTION_NODE } from './parse';
import { DROPPED_ELEMENTS } from './sanitize';

const HEADINGS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

const MARKS: Record<string, MarkKind> = {
  em: 'em', i: 'em', cite: 'em', dfn: 'em', var: 'em',
  strong: 'strong', b: 'strong',
  code: 'code', kbd: 'code', samp: 'code', tt: 'code',
};

/** Elements that end the text before them and start a new block after. */
const BLOCK_ELEMENTS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'nav', 'address', 'center', 'details',
  'summary', 'dl', 'dt', 'dd', 'fieldset', 'legend', 'hgroup', 'figure', 'body', 'html', 'search', 'menu', 'dir',
  'table', 'thead', 'tbody', 'tfoot', 'hr', 'listing',
]);

/** What a table cell or list item holding one of these is: a layout box, not a line of data. */
const STRUCTURAL = new Set(['p', 'div', 'ul', 'ol', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'dl', 'section', 'article', 'figure']);

const GENERIC_ALT = /^(?:image|img|photo|picture|pic|graphic|logo|icon|avatar|thumbnail|thumb|banner|placeholder|spacer|advertisement|ad|figure|chart|screenshot|untitled)(?:\s*\d+)?$/i;
const FILE_ALT = /\.(?:jpe?g|png|gif|webp|svg|avif|bmp|tiff?)$/i;
const TEX_ALT = /^\{\\displaystyle\s*([\s\S]*)\}$/;

/** Alt text worth a caption of its own: words describing a picture, not a file name or "logo". */
export function meaningfulAlt(alt: string): boolean {
  if (alt.length < 6 || GENERIC_ALT.test(alt) || FILE_ALT.test(alt) || /^https?:/i.test(alt)) return false;
  if (!/\p{L}/u.test(alt)) return false;
  const words = alt.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  // Scripts written without spaces (Chinese, Japanese) carry a phrase in few "words".
  return words.length >= 2 || /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u.test(alt);
}

/** An emoji or symbol drawn as an image inside running text reads best as itself. */
function inlineAlt(alt: string): string | null {
  const tex = TEX_ALT.exec(alt);
  if (tex) return tex[1].trim() || null;
  return [...alt].length <= 3 && !/[A-Za-z0-9]/.test(alt) ? alt : null;
}

export interface HtmlBlocksOptions {
  /** Resolves relative hrefs; without it relative links lose their URL and keep their text. */
  baseUrl: string | null;
  /** PDF-like page number to stamp on every block (unused for web pages). */
  page?: number;
}

interface ListFrame {
  ordered: boolean;
}

/**
 * Turns a (sanitized) DOM into blocks. It reads only text, the href of <a>
 * (through safeHref) and the alt of <img>: no markup can come out the other
 * side, whatever went in.
 */
class HtmlConverter {
  private quote = 0;
  private readonly lists: ListFrame[] = [];
  /** Depth of lists at which the innermost open <li> sits; 0 outside items. */
  private item: { level: number; ordered: boolean } | null = null;
  private caption = 0;
  private inlineCell = 0;
  private figureCaptioned = 0;
  private depth = 0;

  constructor(
    private readonly b: DocumentBuilder,
    private readonly opts: HtmlBlocksOptions,
  ) {}

  private context(): { kind: BlockKind; opts: BlockOptions } {
    const page = this.opts.page;
    if (this.caption) return { kind: 'caption', opts: { page } };
    if (this.item) return { kind: 'list_item', opts: { level: this.item.level, ordered: this.item.ordered, page } };
    if (this.quote) return { kind: 'quote', opts: { page } };
    return { kind: 'paragraph', opts: { page } };
  }

  private boundary(): void {
    if (this.inlineCell) {
      this.b.space();
      return;
    }
    if (this.item && this.b.currentKind === 'list_item') {
      this.b.softBreak();
      return;
    }
    this.b.end();
  }

  private text(s: string): void {
    const { kind, opts } = this.context();
    this.b.text(s, kind, opts);
  }

  walkChildren(el: Node): void {
    for (let n = el.firstChild; n; n = n.nextSibling) this.walk(n);
  }

  walk(node: Node): void {
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_SECTION_NODE) {
      this.text(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const el = node as Element;
    const tag = el.localName.toLowerCase();
    if (DROPPED_ELEMENTS.has(tag)) return;
    // Hostile nesting (thousands of levels) would overflow the stack: below this depth only text is kept.
    if (this.depth > 400) {
      this.text(textOf(el));
      return;
    }
    this.depth++;
    try {
      this.element(el, tag);
    } finally {
      this.depth--;
    }
  }

  private element(el: Element, tag: string): void {
    const heading = HEADINGS[tag];
    if (heading) {
      if (this.inlineCell) return this.walkChildren(el);
      this.b.end();
      this.b.begin(this.item ? 'list_item' : 'heading', this.item ? this.context().opts : { level: heading, page: this.opts.page });
      this.walkChildren(el);
      this.b.end();
      return;
    }
    const mark = MARKS[tag];
    if (mark) {
      const m = this.b.openMark(mark);
      this.walkChildren(el);
      this.b.closeMark(m);
      return;
    }
    switch (tag) {
      case 'a': {
        const href = safeHref(el.getAttribute('href'), this.opts.baseUrl);
        if (!href) return this.walkChildren(el);
        const m = this.b.openMark('link', href);
        this.walkChildren(el);
        this.b.closeMark(m);
        return;
      }
      case 'br':
        if (this.inlineCell) this.b.space();
        else this.b.lineBreak();
        return;
      case 'img':
        return this.image(el);
      case 'pre':
      case 'xmp':
        return this.pre(el);
      case 'blockquote':
        this.boundary();
        this.quote++;
        this.walkChildren(el);
        this.quote--;
        this.boundary();
        return;
      case 'ul':
      case 'ol': {
        if (this.inlineCell) return this.walkChildren(el);
        this.b.end();
        this.lists.push({ ordered: tag === 'ol' });
        const outer = this.item;
        this.item = null;
        this.walkChildren(el);
        this.item = outer;
        this.lists.pop();
        this.b.end();
        return;
      }
      case 'li':
        return this.listItem(el);
      case 'figcaption':
      case 'caption':
        if (this.inlineCell) return this.walkChildren(el);
        this.b.end();
        this.caption++;
        this.walkChildren(el);
        this.caption--;
        this.b.end();
        return;
      case 'figure': {
        this.boundary();
        const captioned = hasDescendant(el, (d) => d.localName === 'figcaption');
        if (captioned) this.figureCaptioned++;
        this.walkChildren(el);
        if (captioned) this.figureCaptioned--;
        this.boundary();
        return;
      }
      case 'tr':
        if (this.inlineCell) return this.walkChildren(el);
        this.b.end();
        this.row(el);
        this.b.end();
        return;
      case 'td':
      case 'th':
        // A cell met outside a row (broken markup): treat it as a box.
        this.boundary();
        this.walkChildren(el);
        this.boundary();
        return;
      default:
        if (BLOCK_ELEMENTS.has(tag)) {
          this.boundary();
          this.walkChildren(el);
          this.boundary();
          return;
        }
        this.walkChildren(el);
    }
  }

  /** A data row becomes one paragraph, "cell | cell"; a layout row's cells are walked as boxes. */
  private row(tr: Element): void {
    let cells = 0;
    for (let c = tr.firstElementChild; c; c = c.nextElementSibling) {
      const tag = c.localName.toLowerCase();
      if (tag !== 'td' && tag !== 'th') {
        this.walk(c);
        continue;
      }
      if (hasDescendant(c, (d) => STRUCTURAL.has(d.localName.toLowerCase()))) {
        this.b.end();
        this.walkChildren(c);
        this.b.end();
        cells = 0;
        continue;
      }
      if (cells > 0 && this.b.hasText) this.text(' | ');
      const strongHeader = tag === 'th' ? this.b.openMark('strong') : null;
      this.inlineCell++;
      this.walkChildren(c);
      this.inlineCell--;
      if (strongHeader) this.b.closeMark(strongHeader);
      if (this.b.hasText) cells++;
    }
  }

  private listItem(li: Element): void {
    if (this.inlineCell) return this.walkChildren(li);
    this.b.end();
    const frame = this.lists[this.lists.length - 1] ?? { ordered: false };
    const outer = this.item;
    this.item = { level: Math.max(1, this.lists.length), ordered: frame.ordered };
    const { opts } = this.context();
    this.b.begin('list_item', opts);
    this.walkChildren(li);
    this.b.end();
    this.item = outer;
  }

  private pre(el: Element): void {
    this.b.end();
    this.b.begin('preformatted', { page: this.opts.page });
    this.preText(el);
    this.b.end();
  }

  private preText(el: Element): void {
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === TEXT_NODE || n.nodeType === CDATA_SECTION_NODE) this.b.verbatim(n.nodeValue ?? '');
      else if (n.nodeType === ELEMENT_NODE) {
        const c = n as Element;
        const tag = c.localName.toLowerCase();
        if (DROPPED_ELEMENTS.has(tag)) continue;
        if (tag === 'br') this.b.verbatim('\n');
        else if (tag === 'a') {
          const href = safeHref(c.getAttribute('href'), this.opts.baseUrl);
          const m = href ? this.b.openMark('link', href) : null;
          this.preText(c);
          if (m) this.b.closeMark(m);
        } else this.preText(c);
      }
    }
  }

  private image(img: Element): void {
    const alt = cleanLine(img.getAttribute('alt'), 1000);
    if (!alt) return;
    const tex = TEX_ALT.exec(alt);
    if (tex && !this.b.hasText && !this.inlineCell) {
      // A displayed formula (Wikipedia renders math as images with TeX alt text).
      const kind = this.b.currentKind;
      this.b.end();
      this.b.begin('preformatted', { page: this.opts.page });
      this.b.verbatim(tex[1].trim());
      this.b.end();
      if (kind === 'list_item' && this.item) this.b.begin('list_item', this.context().opts);
      return;
    }
    if (this.b.hasText) {
      const inline = inlineAlt(alt);
      if (inline) this.text(inline);
      return;
    }
    if (this.figureCaptioned || this.inlineCell || !meaningfulAlt(alt)) return;
    const page = this.opts.page;
    const outerKind = this.b.currentKind;
    this.b.end();
    this.b.begin('caption', { page });
    this.b.text(alt, 'caption', { page });
    this.b.end();
    // An image at the start of a list item leaves the item open for its text.
    if (outerKind === 'list_item' && this.item) this.b.begin('list_item', this.context().opts);
  }
}

function hasDescendant(el: Element, test: (d: Element) => boolean): boolean {
  const stack: Element[] = [el];
  while (stack.length) {
    const e = stack.pop()!;
    for (let c = e.firstElementChild; c; c = c.nextElementSibling) {
      if (test(c)) return true;
      stack.push(c);
    }
  }
  return false;
}

/** Text of a subtree, skipping dropped elements; iterative for the same reason as the depth guard. */
function textOf(el: Element): string {
  let out = '';
  const stack: Node[] = [el];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.nodeType === TEXT_NODE || n.nodeType === CDATA_SECTION_NODE) out += n.nodeValue ?? '';
    else if (n.nodeType === ELEMENT_NODE && !DROPPED_ELEMENTS.has((n as Element).localName.toLowerCase())) {
      out += ' ';
      const kids: Node[] = [];
      for (let c = n.firstChild; c; c = c.nextSibling) kids.push(c);
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    }
  }
  return out;
}

/** Appends the blocks of `root`'s content to a builder (Markdown reuses this for its raw HTML blocks). */
export function appendHtmlBlocks(builder: DocumentBuilder, root: Node, opts: HtmlBlocksOptions): void {
  const conv = new HtmlConverter(builder, opts);
  if (root.nodeType === ELEMENT_NODE) conv.walkChildren(root);
  else conv.walk(root);
  builder.end();
}

export function htmlToDocument(root: Node, opts: HtmlBlocksOptions): SourceDocument {
  const b = new DocumentBuilder();
  appendHtmlBlocks(b, root, opts);
  return b.build();
}
