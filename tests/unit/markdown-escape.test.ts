import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Footnotes, frontMatter, quoteMarkdown, type QuoteData } from '../../shared/markdown';
import { corpusPath } from '../helpers/corpus';
import { parseExport } from '../helpers/markdown';

const source = { id: 1, title: 'A *title* with [brackets] & <b>tags</b>: #1', byline: 'By Ann_Lee', outlet: 'The | Outlet', publishedAt: '2021-02-19', url: 'https://example.org/a?b=1&c=2', format: 'html' };
const quote = (exact: string, extra: Partial<QuoteData> = {}): QuoteData => ({
  annotationId: 7,
  exact,
  color: 'yellow',
  tags: [],
  noteText: '',
  speaker: null,
  role: null,
  medium: null,
  saidOn: null,
  reportedIn: null,
  quoteKind: null,
  page: null,
  source,
  ...extra,
});

/** Exports one quote as a whole file and parses it back. */
function roundTrip(exact: string) {
  const notes = new Footnotes();
  const body = quoteMarkdown(quote(exact), notes);
  const file = `${frontMatter({ title: 'T' })}\n\n${body}\n\n${notes.definitions()}\n`;
  return parseExport(file);
}

const NASTY = [
  'He said *this* and _that_ and **more**',
  '# not a heading',
  '> not a nested quote',
  '- not a list',
  '+ not a list either',
  '1. not ordered',
  '2021) also not ordered',
  '| a | b |\n|---|---|\n| c | d |',
  '`code` and ```fences```',
  '<script>alert(1)</script> and <img src=x onerror=alert(1)>',
  '[click](javascript:alert(1)) and <javascript:alert(1)>',
  '![img](http://evil.example/x.png)',
  'a footnote[^1] lookalike',
  '[^1]: a definition lookalike',
  'AT&T &amp; &#65; &copy;',
  'back\\slash\\',
  'trailing spaces make a break  \nnext line',
  '    indented code',
  '\tTabbed',
  'Setext\n===',
  'Setext\n---',
  '***',
  '~~struck~~ and ==highlighted== and $math$ and %%comment%%',
  '#hashtag and ^blockid',
  'line one\nline two\n\nparagraph two\n\n\n\nafter three blank lines',
  '\nstarts and ends with newlines\n\n',
  'Unicode “quotes” — dashes, emoji 🧪, RTL שלום',
  'http://example.com/autolink and www.example.com',
];

describe('quotes stay literal in exported Markdown', () => {
  it.each(NASTY)('%j', (exact) => {
    const parsed = roundTrip(exact);
    expect(parsed.blockquotes).toEqual([exact]);
    expect(parsed.quoteMarkup).toEqual([]);
    expect(parsed.tokens.some((t) => t.type === 'html_block' || t.type === 'html_inline' || t.type === 'table_open')).toBe(false);
    expect(parsed.footnoteRefs).toEqual(['1']);
    expect([...parsed.footnoteDefs.keys()]).toEqual(['1']);
  });

  it('every CommonMark spec example, used as quote text, parses back to itself', () => {
    const examples = JSON.parse(readFileSync(corpusPath('commonmark', 'spec.json'), 'utf8')) as Array<{ markdown: string; example: number }>;
    expect(examples.length).toBeGreaterThan(600);
    const failures: number[] = [];
    for (const ex of examples) {
      if (!ex.markdown.trim()) continue;
      const parsed = roundTrip(ex.markdown);
      if (parsed.blockquotes.length !== 1 || parsed.blockquotes[0] !== ex.markdown.replace(/\0/g, '\ufffd') || parsed.quoteMarkup.length > 0) failures.push(ex.example);
    }
    expect(failures).toEqual([]);
  });

  it('source metadata in the footnote is escaped too', () => {
    const parsed = roundTrip('x');
    const def = parsed.footnoteDefs.get('1')!;
    expect(def).toContain('*A \\*title\\* with \\[brackets\\] \\& \\<b\\>tags\\</b\\>: \\#1*');
    expect(def).toContain('<https://example.org/a?b=1&c=2>');
    expect(def).toContain('published 2021-02-19');
  });

  it('front matter parses as YAML whatever the title holds', () => {
    const title = 'Colon: "quotes" #hash\nnewline --- [x] {y} \u2028 end';
    const parsed = parseExport(`${frontMatter({ title, tags: ['a', 'b: c'], sources: [{ title, url: 'https://x.org' }] })}\n\nbody\n`);
    expect(parsed.frontMatter).toEqual({ title, tags: ['a', 'b: c'], sources: [{ title, url: 'https://x.org' }] });
  });
});

describe("the user's own prose in a brief", () => {
  it('exports literally through the Lexical transformers: what was typed is what a reader shows', async () => {
    const { briefMarkdown } = await import('../../electron/interop/exporters/markdown/brief');
    const typed = ['# not a heading', '1. not a list', '- not a bullet', 'a <b>tag</b>, [a](javascript:alert(1)), AT&T, | pipes |, $x$ and ==y==, #hashtag', 'stars * and _underscores_ and `ticks`'];
    const para = (text: string) => ({ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [{ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 }] });
    const state = { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: typed.map(para) } };
    const md = briefMarkdown({ title: 'Prose', tags: [], state: state as never }, { quote: () => undefined, crossReference: () => undefined }, 'now');
    const parsed = parseExport(md);
    expect(parsed.paragraphs).toEqual(typed);
    expect(parsed.tokens.filter((t) => t.type !== 'paragraph_open' && t.type !== 'paragraph_close' && t.type !== 'inline').map((t) => t.type)).toEqual([]);
    expect(md).toContain(' #hashtag');
  });
});
