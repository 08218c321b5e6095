import MarkdownIt from 'markdown-it';
import YAML from 'yaml';

/** A CommonMark + GFM parser (tables, strikethrough, autolinks) with raw HTML on, so unescaped HTML would show up as HTML. */
const md = new MarkdownIt({ html: true, linkify: true });
type Token = ReturnType<typeof md.parse>[number];

export interface ParsedExport {
  frontMatter: Record<string, unknown>;
  body: string;
  tokens: Token[];
  /** The text of each top-level blockquote: paragraphs joined by a blank line, soft breaks as newlines. */
  blockquotes: string[];
  /** Inline token kinds found inside blockquotes other than plain text and breaks (should be none). */
  quoteMarkup: string[];
  /** [^n] references in the body and the footnote definitions ([^n]: …) at the end. */
  footnoteRefs: string[];
  footnoteDefs: Map<string, string>;
  /** Paragraph texts outside blockquotes (markup stripped). */
  paragraphs: string[];
}

/** Parses an exported Markdown file the way a GFM reader would; front matter as YAML. */
export function parseExport(markdown: string): ParsedExport {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  if (!m) throw new Error('no YAML front matter');
  const frontMatter = YAML.parse(m[1]) as Record<string, unknown>;
  const body = markdown.slice(m[0].length);
  const footnoteDefs = new Map<string, string>();
  const lines: string[] = [];
  for (const line of body.split('\n')) {
    const def = /^\[\^([^\]\s]+)\]: (.*)$/.exec(line);
    if (def) footnoteDefs.set(def[1], def[2]);
    else lines.push(line);
  }
  const rest = lines.join('\n');
  const tokens = md.parse(rest, {});
  const footnoteRefs: string[] = [];
  const blockquotes: string[] = [];
  const paragraphs: string[] = [];
  const quoteMarkup: string[] = [];
  let depth = 0;
  let current: string[] = [];
  for (const t of tokens) {
    if (t.type === 'blockquote_open') {
      if (depth === 0) current = [];
      depth++;
    } else if (t.type === 'blockquote_close') {
      depth--;
      if (depth === 0) blockquotes.push(current.join('\n\n'));
    } else if (t.type === 'inline') {
      let text = '';
      for (const c of t.children ?? []) {
        if (c.type === 'text' || c.type === 'code_inline') text += c.content;
        else if (c.type === 'softbreak' || c.type === 'hardbreak') text += '\n';
        // A bare URL becomes a link in GFM readers (linkify); its text is unchanged, so that is allowed.
        else if (depth > 0 && c.markup !== 'linkify') quoteMarkup.push(c.type);
      }
      for (const r of t.content.matchAll(/(?<!\\)\[\^([^\]\s]+)\]/g)) footnoteRefs.push(r[1]);
      if (depth > 0) current.push(text);
      else paragraphs.push(text);
    } else if (depth > 0 && t.type !== 'paragraph_open' && t.type !== 'paragraph_close') {
      quoteMarkup.push(t.type);
    }
  }
  return { frontMatter, body, tokens, blockquotes, quoteMarkup, footnoteRefs, footnoteDefs, paragraphs };
}
