import MarkdownIt from 'markdown-it';
import { parse as parseYaml } from 'yaml';
import type { BlockKind, MarkKind, SourceDocument } from '../../../shared/document/model';
import { type BlockOptions, DocumentBuilder, safeHref, webUrlOrNull } from '../document-builder';
import { decodeText } from '../encoding';
import { appendHtmlBlocks, meaningfulAlt } from '../html/blocks';
import { parseHtmlDocument } from '../html/parse';
import { DROPPED_ELEMENTS, sanitizeTree } from '../html/sanitize';
import { cleanLine, normalizeDate, normalizeLanguage } from '../normalize';
import { emptyMetadata, type ExtractedMetadata, type ExtractedSource, type Importer } from '../types';

// Raw HTML is parsed (and then sanitized) rather than shown as tags: Markdown
// files use it for <br>, <kbd>, <details>, and people expect those rendered.
const md = new MarkdownIt({ html: true, linkify: true, typographer: false });
// markdown-it leaves a link it distrusts as literal "[text](javascript:…)". Every
// URL passes safeHref() here anyway, so let it parse them all: a refused URL then
// loses its link and keeps its text.
md.validateLink = () => true;
type Token = ReturnType<typeof md.parse>[number];

const INLINE_MARKS: Record<string, MarkKind> = { em_open: 'em', strong_open: 'strong' };
const INLINE_HTML_MARKS: Record<string, MarkKind> = { em: 'em', i: 'em', strong: 'strong', b: 'strong', code: 'code', kbd: 'code' };

/** YAML front matter (Jekyll, Hugo, Obsidian): `---` … `---` at the very top. */
const FRONT_MATTER = /^\ufeff?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

type MarkHandle = ReturnType<DocumentBuilder['openMark']>;

class MarkdownConverter {
  private quote = 0;
  private readonly lists: boolean[] = [];
  private item: { level: number; ordered: boolean } | null = null;
  private readonly items: Array<{ level: number; ordered: boolean } | null> = [];
  private row: { cells: number } | null = null;
  private heading: number | null = null;

  constructor(private readonly b: DocumentBuilder) {}

  private context(): { kind: BlockKind; opts: BlockOptions } {
    if (this.heading) return { kind: 'heading', opts: { level: this.heading } };
    if (this.item) return { kind: 'list_item', opts: { level: this.item.level, ordered: this.item.ordered } };
    if (this.quote) return { kind: 'quote', opts: {} };
    return { kind: 'paragraph', opts: {} };
  }

  private text(s: string): void {
    const { kind, opts } = this.context();
    this.b.text(s, kind, opts);
  }

  run(tokens: Token[]): void {
    for (const t of tokens) {
      switch (t.type) {
        case 'heading_open':
          this.b.end();
          this.heading = Number(t.tag.slice(1));
          if (this.item) this.b.begin('list_item', this.context().opts);
          else this.b.begin('heading', { level: this.heading });
          break;
        case 'heading_close':
          this.b.end();
          this.heading = null;
          break;
        case 'paragraph_open':
          if (this.row) break;
          if (this.item && this.b.currentKind === 'list_item') this.b.softBreak();
          else this.b.end();
          break;
        case 'paragraph_close':
          if (!this.item && !this.row) this.b.end();
          break;
        case 'blockquote_open':
          this.b.end();
          this.quote++;
          break;
        case 'blockquote_close':
          this.b.end();
          this.quote--;
          break;
        case 'bullet_list_open':
        case 'ordered_list_open':
          this.b.end();
          this.lists.push(t.type === 'ordered_list_open');
          this.items.push(this.item);
          this.item = null;
          break;
        case 'bullet_list_close':
        case 'ordered_list_close':
          this.b.end();
          this.lists.pop();
          this.item = this.items.pop() ?? null;
          break;
        case 'list_item_open':
          this.b.end();
          this.item = { level: this.lists.length, ordered: this.lists[this.lists.length - 1] ?? false };
          this.b.begin('list_item', this.context().opts);
          break;
        case 'list_item_close':
          this.b.end();
          this.item = null;
          break;
        case 'code_block':
        case 'fence':
          this.b.end();
          this.b.begin('preformatted');
          this.b.verbatim(t.content);
          this.b.end();
          break;
        case 'html_block':
          this.b.end();
          this.html(t.content);
          break;
        case 'tr_open':
          this.b.end();
          this.row = { cells: 0 };
          break;
        case 'tr_close':
          this.b.end();
          this.row = null;
          break;
        case 'th_open':
        case 'td_open':
          if (this.row && this.row.cells++ > 0 && this.b.hasText) this.text(' | ');
          break;
        case 'hr':
          this.b.end();
          break;
        case 'inline':
          this.inline(t.children ?? []);
          break;
        default:
          break;
      }
    }
    this.b.end();
  }

  private html(content: string): void {
    const doc = parseHtmlDocument(content);
    const body = doc.body ?? doc.documentElement;
    sanitizeTree(body, { baseUrl: null, dropHidden: true });
    appendHtmlBlocks(this.b, body, { baseUrl: null });
  }

  private inline(children: Token[]): void {
    // A paragraph that is only an image: its alt text is the figure's caption.
    const visible = children.filter((c) => !(c.type === 'text' && !c.content.trim()) && c.type !== 'softbreak');
    if (visible.length === 1 && visible[0].type === 'image' && !this.row && !this.heading) {
      const alt = cleanLine(visible[0].content);
      if (alt && meaningfulAlt(alt)) {
        const inItem = this.b.currentKind === 'list_item' && !this.b.hasText;
        if (!inItem) this.b.end();
        if (!inItem) this.b.begin('caption');
        this.b.text(alt, 'caption');
        if (!inItem) this.b.end();
      }
      return;
    }
    // null entries stand for links whose URL was refused, so closes still pair up.
    const open: Array<MarkHandle | null> = [];
    const htmlOpen: Array<{ tag: string; mark: MarkHandle | null }> = [];
    let skipUntil: string | null = null;
    for (const c of children) {
      if (skipUntil) {
        if (c.type === 'html_inline' && new RegExp(`^<\\s*/\\s*${skipUntil}\\b`, 'i').test(c.content)) skipUntil = null;
        continue;
      }
      switch (c.type) {
        case 'text':
        case 'text_special':
          this.text(c.content);
          break;
        case 'code_inline': {
          const m = this.b.openMark('code');
          this.text(c.content);
          this.b.closeMark(m);
          break;
        }
        case 'softbreak':
          this.b.space();
          break;
        case 'hardbreak':
          this.b.lineBreak();
          break;
        case 'em_open':
        case 'strong_open':
          open.push(this.b.openMark(INLINE_MARKS[c.type]));
          break;
        case 'link_open': {
          const href = safeHref(String(c.attrGet('href') ?? ''), null);
          open.push(href ? this.b.openMark('link', href) : null);
          break;
        }
        case 'em_close':
        case 'strong_close':
        case 'link_close': {
          const m = open.pop();
          if (m) this.b.closeMark(m);
          break;
        }
        case 'image': {
          const alt = cleanLine(c.content);
          if (alt && [...alt].length <= 3 && !/[A-Za-z0-9]/.test(alt)) this.text(alt);
          break;
        }
        case 'html_inline':
          skipUntil = this.inlineHtml(c.content, htmlOpen);
          break;
        default:
          break;
      }
    }
    while (open.length) {
      const m = open.pop();
      if (m) this.b.closeMark(m);
    }
    while (htmlOpen.length) {
      const h = htmlOpen.pop()!;
      if (h.mark) this.b.closeMark(h.mark);
    }
  }

  /** Inline raw HTML: a few formatting tags are honoured, dangerous ones swallow their content, the rest are ignored. */
  private inlineHtml(tagText: string, htmlOpen: Array<{ tag: string; mark: MarkHandle | null }>): string | null {
    const m = /^<\s*(\/)?\s*([a-zA-Z][\w-]*)([^>]*)>$/.exec(tagText.trim());
    if (!m) return null;
    const closing = !!m[1];
    const tag = m[2].toLowerCase();
    const selfClosing = /\/\s*$/.test(m[3]);
    if (!closing && DROPPED_ELEMENTS.has(tag)) return selfClosing || ['input', 'meta', 'link', 'base', 'param', 'source', 'track', 'area'].includes(tag) ? null : tag;
    if (tag === 'br' && !closing) {
      this.b.lineBreak();
      return null;
    }
    if (closing) {
      const i = htmlOpen.map((h) => h.tag).lastIndexOf(tag);
      if (i >= 0) {
        const [h] = htmlOpen.splice(i, 1);
        if (h.mark) this.b.closeMark(h.mark);
      }
      return null;
    }
    if (tag === 'a') {
      const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(m[3]);
      const url = href ? safeHref(decodeAttr(href[1] ?? href[2] ?? href[3] ?? ''), null) : null;
      htmlOpen.push({ tag, mark: url ? this.b.openMark('link', url) : null });
      return null;
    }
    const mark = INLINE_HTML_MARKS[tag];
    if (mark) htmlOpen.push({ tag, mark: this.b.openMark(mark) });
    return null;
  }
}

function decodeAttr(s: string): string {
  return s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

function frontMatter(yamlText: string): Partial<ExtractedMetadata> {
  let data: unknown;
  try {
    data = parseYaml(yamlText, { maxAliasCount: 10 });
  } catch {
    return {};
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return {};
  const d = data as Record<string, unknown>;
  const str = (...keys: string[]) => {
    for (const k of keys) {
      const v = d[k];
      if (typeof v === 'string' && v.trim()) return v;
      if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.join(', ');
    }
    return null;
  };
  return {
    title: cleanLine(str('title'), 1000),
    byline: cleanLine(str('author', 'authors', 'byline'), 500),
    outlet: cleanLine(str('outlet', 'publisher', 'site', 'source_name'), 500),
    publishedAt: normalizeDate(str('date', 'published', 'publishedAt', 'pubDate')),
    url: webUrlOrNull(str('url', 'link', 'source', 'canonical_url')),
    language: normalizeLanguage(str('lang', 'language')),
    excerpt: cleanLine(str('description', 'summary', 'excerpt'), 2000),
  };
}

export function markdownToDocument(src: string): { document: SourceDocument; metadata: ExtractedMetadata } {
  let text = src.replace(/^\ufeff/, '');
  const metadata = emptyMetadata();
  const fm = FRONT_MATTER.exec(text);
  if (fm) {
    text = text.slice(fm[0].length);
    for (const [k, v] of Object.entries(frontMatter(fm[1]))) if (v) (metadata as unknown as Record<string, unknown>)[k] = v;
    metadata.canonicalUrl = metadata.url;
  }
  const b = new DocumentBuilder();
  new MarkdownConverter(b).run(md.parse(text, {}));
  const document = b.build();
  if (!metadata.title) {
    const headings = document.blocks.filter((bl) => bl.kind === 'heading');
    const h = headings.find((bl) => bl.level === 1) ?? headings[0];
    if (h) metadata.title = cleanLine(h.text, 1000);
  }
  return { document, metadata };
}

export const markdownImporter: Importer = {
  format: 'markdown',
  label: 'Markdown file',
  extensions: ['md', 'markdown', 'mdown', 'mkd', 'mkdn', 'mdwn'],
  mimeTypes: ['text/markdown', 'text/x-markdown'],
  async extract({ bytes, fileName }): Promise<ExtractedSource> {
    const { text } = decodeText(bytes, fileName);
    const { document, metadata } = markdownToDocument(text);
    return { format: 'markdown', document, metadata, warnings: [] };
  },
};
