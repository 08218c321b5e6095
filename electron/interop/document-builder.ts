import type { Block, BlockKind, InlineMark, MarkKind, SourceDocument } from '../../shared/document/model';

const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const MAX_HREF = 4096;

/**
 * The one gate every link passes: an absolute http(s) or mailto URL, or
 * nothing. Parsing with WHATWG URL (as a browser would) means tricks such as
 * "java\tscript:" or leading control characters are seen the way a browser
 * would see them, not the way a regex would.
 */
export function safeHref(raw: string | null | undefined, base: string | null): string | null {
  if (!raw) return null;
  const trimmed = raw.trim();
  // A same-page anchor points into the original page, which the reader does not show.
  if (!trimmed || trimmed.startsWith('#') || trimmed.length > MAX_HREF) return null;
  let url: URL;
  try {
    url = base ? new URL(trimmed, base) : new URL(trimmed);
  } catch {
    return null;
  }
  if (!SAFE_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && !url.hostname) return null;
  return url.href;
}

/** An absolute http(s) URL or null: for metadata URLs a person may open. */
export function webUrlOrNull(raw: string | null | undefined, base: string | null = null): string | null {
  const href = safeHref(raw, base);
  return href && /^https?:/.test(href) ? href : null;
}

// Invisible characters that only break search and anchoring: soft hyphen, zero-width space, BOM.
const INVISIBLE = /[\u00ad\u200b\ufeff]/g;
// HTML's collapsible white space plus no-break space, which pages use as ordinary space.
const COLLAPSIBLE = /[ \t\n\r\f\u00a0]+/;
// C0/C1 controls other than tab and newline never belong in a block's text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

interface OpenMark {
  kind: MarkKind;
  href?: string;
  /** Offset in the current block where the mark's first character went; -1 until one arrives. */
  start: number;
}

export interface BlockOptions {
  level?: number;
  ordered?: boolean;
  page?: number;
}

/**
 * Accumulates blocks and inline marks from a stream of "start block / text /
 * open mark / close mark" events, with HTML-style white-space collapsing
 * (or verbatim text in preformatted blocks). Every converter (HTML, Markdown,
 * plain text, PDF) goes through it so the block rules are the same everywhere.
 */
export class DocumentBuilder {
  private readonly blocks: Block[] = [];
  // `last` mirrors the text's last character: reading the growing string itself
  // (endsWith) would flatten V8's rope on every word, quadratic on long texts.
  private cur: { kind: BlockKind; opts: BlockOptions; text: string; last: string; marks: InlineMark[] } | null = null;
  private pendingSpace = false;
  private readonly open: OpenMark[] = [];

  get hasOpenBlock(): boolean {
    return this.cur !== null;
  }

  /** True when the open block already holds visible text. */
  get hasText(): boolean {
    return this.cur !== null && this.cur.text.length > 0;
  }

  get currentKind(): BlockKind | null {
    return this.cur?.kind ?? null;
  }

  get blockCount(): number {
    return this.blocks.length;
  }

  begin(kind: BlockKind, opts: BlockOptions = {}): void {
    this.end();
    this.cur = { kind, opts, text: '', last: '', marks: [] };
    this.pendingSpace = false;
    for (const m of this.open) m.start = -1;
  }

  /** Text with white space collapsed; starts a block of `kind` when none is open. */
  text(raw: string, kind: BlockKind = 'paragraph', opts: BlockOptions = {}): void {
    if (this.cur?.kind === 'preformatted') {
      this.verbatim(raw);
      return;
    }
    const s = raw.replace(INVISIBLE, '').replace(CONTROL, '');
    if (!s) return;
    const parts = s.split(COLLAPSIBLE);
    // split() yields '' first/last when the string starts/ends with white space.
    for (let i = 0; i < parts.length; i++) {
      const word = parts[i];
      if (i > 0) this.pendingSpace = true;
      if (!word) continue;
      if (!this.cur) this.begin(kind, opts);
      const block = this.cur!;
      if (this.pendingSpace && block.text.length > 0 && block.last !== '\n') block.text += ' ';
      this.pendingSpace = false;
      this.touchMarks();
      block.text += word;
      block.last = word[word.length - 1];
    }
  }

  /** Text kept exactly (preformatted blocks, code). */
  verbatim(raw: string, opts: BlockOptions = {}): void {
    const s = raw.replace(/\r\n?/g, '\n').replace(INVISIBLE, '').replace(CONTROL, '');
    if (!s) return;
    if (!this.cur) this.begin('preformatted', opts);
    this.touchMarks();
    this.cur!.text += s;
    this.cur!.last = s[s.length - 1];
  }

  /**
   * A hard line break inside a block. Two in a row mean a new paragraph:
   * a blank line inside a block would read like the block separator.
   */
  lineBreak(): void {
    if (!this.cur) return;
    if (this.cur.kind === 'preformatted') {
      this.cur.text += '\n';
      this.cur.last = '\n';
      return;
    }
    if (!this.cur.text.length) return;
    if (this.cur.last === '\n') {
      const { kind, opts } = this.cur;
      this.begin(kind, opts);
      return;
    }
    this.cur.text += '\n';
    this.cur.last = '\n';
    this.pendingSpace = false;
  }

  /** A boundary that keeps the same block but separates its parts (paragraphs inside a list item). */
  softBreak(): void {
    if (this.cur && this.cur.text.length && this.cur.last !== '\n') {
      this.cur.text += '\n';
      this.cur.last = '\n';
      this.pendingSpace = false;
    }
  }

  /** Continues a word hyphenated across a line break: "impor-" + "tant" → "important". */
  joinHyphenated(rest: string): void {
    if (!this.cur || this.cur.last !== '-') {
      this.text(` ${rest}`);
      return;
    }
    this.cur.text = this.cur.text.slice(0, -1);
    this.pendingSpace = false;
    this.text(rest, this.cur.kind);
  }

  /** A word boundary without inserting anything yet (between table cells, around inline blocks). */
  space(): void {
    this.pendingSpace = true;
  }

  openMark(kind: MarkKind, href?: string): OpenMark {
    const m: OpenMark = { kind, href, start: -1 };
    this.open.push(m);
    return m;
  }

  closeMark(m: OpenMark): void {
    const i = this.open.lastIndexOf(m);
    if (i < 0) return;
    this.open.splice(i, 1);
    this.flushMark(m);
  }

  end(): void {
    const block = this.cur;
    if (!block) return;
    for (const m of this.open) this.flushMark(m);
    this.cur = null;
    this.pendingSpace = false;
    const finished = finishBlock(block.kind, block.opts, block.text, block.marks);
    if (finished) this.blocks.push(finished);
  }

  build(): SourceDocument {
    this.end();
    return { version: 1, blocks: this.blocks.slice() };
  }

  private touchMarks(): void {
    const block = this.cur!;
    for (const m of this.open) {
      if (m.start < 0) m.start = block.text.length;
    }
  }

  private flushMark(m: OpenMark): void {
    const block = this.cur;
    if (!block || m.start < 0) return;
    const end = block.text.length;
    if (end > m.start) block.marks.push(m.href ? { kind: m.kind, start: m.start, end, href: m.href } : { kind: m.kind, start: m.start, end });
    m.start = -1;
  }
}

/** Trims a block, clamps and merges its marks; null when nothing visible is left. */
function finishBlock(kind: BlockKind, opts: BlockOptions, raw: string, marks: InlineMark[]): Block | null {
  let text = raw;
  let cut = 0;
  if (kind === 'preformatted') {
    // Keep indentation; drop blank lines around the code.
    const lead = /^(?:[ \t]*\n)+/.exec(text);
    if (lead) {
      cut = lead[0].length;
      text = text.slice(cut);
    }
    text = text.replace(/\s+$/, '');
  } else {
    const lead = /^\s+/.exec(text);
    if (lead) {
      cut = lead[0].length;
      text = text.slice(cut);
    }
    text = text.replace(/\s+$/, '');
  }
  if (!text.trim()) return null;
  const block: Block = { kind, text };
  if (opts.level !== undefined) block.level = opts.level;
  if (opts.ordered !== undefined) block.ordered = opts.ordered;
  if (opts.page !== undefined) block.page = opts.page;
  const kept = mergeMarks(
    marks
      .map((m) => ({ ...m, start: Math.max(0, m.start - cut), end: Math.min(text.length, m.end - cut) }))
      .map((m) => trimMark(m, text))
      .filter((m): m is InlineMark => m !== null),
  );
  if (kept.length) block.marks = kept;
  return block;
}

/** Marks never start or end on white space: "[bold ]word" becomes "[bold] word". */
function trimMark(m: InlineMark, text: string): InlineMark | null {
  let { start, end } = m;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { ...m, start, end } : null;
}

function mergeMarks(marks: InlineMark[]): InlineMark[] {
  marks.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: InlineMark[] = [];
  for (const m of marks) {
    const prev = out.findLast((p) => p.kind === m.kind && p.href === m.href);
    if (prev && m.start <= prev.end) {
      prev.end = Math.max(prev.end, m.end);
      continue;
    }
    out.push(m);
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}
