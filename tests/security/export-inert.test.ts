import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { canonicalText } from '../../shared/document/model';
import { testLibrary } from '../helpers/library';

// What a hostile page or a careless paste can put into a title, a quote, a note or a speaker's name.
const TRICKS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(2)">click</a>',
  '[link](javascript:alert(3))',
  '[spaced](  JaVaScRiPt:alert(4))',
  '<javascript:alert(5)>',
  '![img](data:text/html;base64,PHNjcmlwdD5hbGVydCg2KTwvc2NyaXB0Pg==)',
  '[ref]\n\n[ref]: javascript:alert(7)',
  '<iframe src="https://evil.example"></iframe>',
  '<svg onload=alert(8)>',
  '<!-- a comment --> <style>body{display:none}</style>',
  '---\ninjected: true\n---',
  '```\nfence',
  '[x](vbscript:msgbox(9))',
];
const EVIL = TRICKS.join(' ');

const DANGEROUS_URL = /^(javascript|vbscript|data|file):/i;
// Browsers ignore control characters and spaces inside a URL's scheme.
const clean = (u: string) => [...u].filter((c) => c.charCodeAt(0) > 0x20).join('').toLowerCase();

/** Every way a Markdown renderer that allows HTML could turn the file into active content. */
function activeContent(markdown: string): string[] {
  const found: string[] = [];
  const md = new MarkdownIt({ html: true, linkify: true });
  // Judge every link the Markdown makes, not only those markdown-it's own filter lets through.
  md.validateLink = () => true;
  const walk = (tokens: ReturnType<typeof md.parse>) => {
    for (const t of tokens) {
      if ((t.type === 'html_block' || t.type === 'html_inline') && !/^\s*<!--[\s\S]*-->\s*$/.test(t.content)) found.push(`raw HTML: ${t.content.trim().slice(0, 80)}`);
      for (const attr of ['href', 'src']) {
        const v = t.attrGet(attr);
        if (typeof v === 'string' && DANGEROUS_URL.test(clean(v))) found.push(`${t.type} ${attr}=${v}`);
      }
      if (t.children) walk(t.children);
    }
  };
  walk(md.parse(markdown, {}));
  const html = md.render(markdown);
  if (/<(script|iframe|svg|img|object|embed|style|form)\b/i.test(html)) found.push('rendered HTML holds an active element');
  if (/<[a-z][^>]*\son\w+\s*=/i.test(html)) found.push('rendered HTML holds an event handler');
  return found;
}

/** The YAML front matter (parsed, and as written) and the Markdown after it. */
function split(markdown: string): { fm: Record<string, unknown>; yaml: string; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  expect(m, 'the file starts with YAML front matter').not.toBeNull();
  return { fm: parseYaml(m![1]) as Record<string, unknown>, yaml: m![1], body: markdown.slice(m![0].length) };
}

/** A library where the hostile text is in every field an export writes. */
async function hostileLibrary() {
  const { client, library } = testLibrary();
  const s = await client.sources.importText({ title: `Report ${EVIL}`.slice(0, 500), text: `Intro paragraph.\n\n${TRICKS.join('\n\n')}\n\nThe end.` });
  await client.sources.updateMetadata({ id: s.id, metadata: { title: `Report ${EVIL}`.slice(0, 500), outlet: '<b onmouseover=alert(10)>Outlet</b>', byline: '](javascript:alert(11))', url: 'https://evil.example/a//b' } });
  const text = canonicalText((await client.sources.get({ id: s.id })).document);
  const start = text.indexOf('<script>');
  const a = await client.annotations.create({ sourceId: s.id, start, end: text.indexOf('The end.') });
  await client.annotations.update({ id: a.id, note: null, noteText: EVIL });
  await client.statements.mark({ annotationId: a.id, speakerName: '<b onmouseover=alert(12)>Speaker</b> [s](javascript:alert(13))', reportedIn: 'javascript:alert(14)' });
  const b = await client.briefs.create({ title: `Brief ${TRICKS[0]} ${TRICKS[3]}` });
  await client.briefs.addQuote({ id: b.id, annotationId: a.id });
  return { client, library, sourceId: s.id, briefId: b.id };
}

describe('exports cannot carry active content', () => {
  it('a brief exported as Markdown: quotes, attributions and footnotes come out inert', async () => {
    const { client, briefId } = await hostileLibrary();
    const file = await client.briefs.exportMarkdown({ id: briefId });
    const { fm, body } = split(file.text);
    expect(body).toContain('pwned'); // the hostile text is there, as text
    expect(activeContent(body)).toEqual([]);
    expect(fm.title).toBe(`Brief ${TRICKS[0]} ${TRICKS[3]}`);
    expect(fm).not.toHaveProperty('injected');
  });

  it("a link in the brief's own text leaves as its words unless it points to the web or mail", async () => {
    const { client } = testLibrary();
    const b = await client.briefs.create({ title: 'Links' });
    const text = (t: string) => ({ type: 'text', version: 1, text: t, format: 0, style: '', mode: 'normal', detail: 0 });
    const link = (url: string, t: string) => ({ type: 'link', version: 1, url, rel: null, target: null, title: null, direction: null, format: '', indent: 0, children: [text(t)] });
    const paragraph = { type: 'paragraph', version: 1, direction: null, format: '', indent: 0, textFormat: 0, textStyle: '', children: [text('See '), link('javascript:alert(15)', 'this trick'), text(' and '), link('https://example.org/report', 'the report'), text('.')] };
    await client.briefs.update({ id: b.id, content: JSON.stringify({ root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [paragraph] } }), contentText: 'See this trick and the report.' });
    const { body } = split((await client.briefs.exportMarkdown({ id: b.id })).text);
    expect(body).toContain('See this trick and [the report](https://example.org/report).');
    expect(activeContent(body)).toEqual([]);
  });

  it('a source exported as Markdown: title, metadata, quotes and notes come out inert', async () => {
    const { client, sourceId } = await hostileLibrary();
    const file = await client.interop.exportSource({ id: sourceId });
    const { fm, body } = split(file.text);
    expect(body).toContain('onerror');
    expect(activeContent(body)).toEqual([]);
    expect(fm.outlet).toBe('<b onmouseover=alert(10)>Outlet</b>');
    expect(fm).not.toHaveProperty('injected');
  });

  // A renderer that does not know front matter (markdown-it, many previewers) shows those lines as
  // Markdown: the values must hold no HTML, no link and no autolink there, yet parse back unchanged.
  it('the front matter is inert too, even for a renderer that shows it as Markdown', async () => {
    const { client, briefId, sourceId } = await hostileLibrary();
    for (const file of [await client.briefs.exportMarkdown({ id: briefId }), await client.interop.exportSource({ id: sourceId })]) {
      const { yaml } = split(file.text);
      expect(activeContent(`---\n${yaml}\n---\n`)).toEqual([]);
      // Not even a harmless link: a URL in the header stays text.
      expect(new MarkdownIt({ html: true, linkify: true }).render(`---\n${yaml}\n---\n`)).not.toMatch(/<a\s/);
    }
  });

  it('annotations exported as JSON-LD: the hostile text stays string data, every IRI is ours or the web', async () => {
    const { client } = await hostileLibrary();
    const file = await client.interop.exportAnnotations({});
    const doc = JSON.parse(file.text) as Record<string, unknown>;
    expect((doc['@context'] as unknown[])[0]).toBe('http://www.w3.org/ns/anno.jsonld');
    const problems: string[] = [];
    const IRI_KEYS = new Set(['id', 'source', 'href', 'url', 'scope', 'canonical', 'via', '@id', 'generator', 'homepage']);
    const walk = (v: unknown, where: string) => {
      if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${where}[${i}]`));
      if (!v || typeof v !== 'object') return;
      for (const [k, x] of Object.entries(v)) {
        // Keys come from the exporter, never from the library's text.
        if (!/^@?[A-Za-z][\w:]*$/.test(k) || k === '__proto__') problems.push(`odd key ${where}.${k}`);
        if (IRI_KEYS.has(k) && typeof x === 'string' && !/^(https?:\/\/|urn:collate:)/.test(x)) problems.push(`${where}.${k} = ${x}`);
        walk(x, `${where}.${k}`);
      }
    };
    walk(doc, '$');
    expect(problems).toEqual([]);
    expect(file.text).toContain('onerror'); // kept as data, for the record
  });
});
