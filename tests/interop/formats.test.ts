import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extractFile, IMPORTERS, importerFor } from '../../electron/interop';
import { decodeText } from '../../electron/interop/encoding';
import { formatBytes, SIZE_LIMITS } from '../../electron/interop/registry';
import type { ExtractedSource } from '../../electron/interop/types';
import { AppError } from '../../shared/api/errors';
import { canonicalText, type Block } from '../../shared/document/model';
import { makeDocx, makePdf, noise } from './fixtures';

const utf8 = (s: string) => new TextEncoder().encode(s);

async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return err as AppError;
  }
  throw new Error('expected the extraction to fail');
}

function texts(r: ExtractedSource): string[] {
  return r.document.blocks.map((b) => b.text);
}

function marked(b: Block, kind: string): string[] {
  return (b.marks ?? []).filter((m) => m.kind === kind).map((m) => b.text.slice(m.start, m.end));
}

describe('registry', () => {
  it('knows one importer per format and names the supported extensions for unknown ones', async () => {
    expect(IMPORTERS.map((i) => i.format)).toEqual(['text', 'markdown', 'html', 'pdf', 'docx']);
    expect(importerFor('Notes.TXT').format).toBe('text');
    expect(importerFor('page.htm').format).toBe('html');
    const err = await failure(extractFile(utf8('a,b\n1,2'), 'data.xyz'));
    expect(err.code).toBe('unsupported_format');
    expect(err.message).toBe("Collate can't import .xyz files; it imports .txt, .md, .html, .pdf and .docx.");
    const noExt = await failure(extractFile(utf8('hello'), 'README'));
    expect(noExt.code).toBe('unsupported_format');
    expect(noExt.message).toMatch(/README.*no extension/);
    expect((await failure(extractFile(utf8('x'), 'old.doc'))).message).toMatch(/\.doc files.*save it as \.docx/);
  });

  it('refuses an input over its format limit before parsing, naming both sizes', async () => {
    const err = await failure(extractFile(utf8('x'.repeat(3000)), 'notes.txt', { limits: { text: 1024 } }));
    expect(err.code).toBe('too_large');
    expect(err.message).toBe('notes.txt is 2.9 KB; the limit is 1 KB.');
    // The same bytes are fine under the real limit.
    await expect(extractFile(utf8('x'.repeat(3000)), 'notes.txt')).resolves.toBeTruthy();
    // Limits are checked before parsing: a corrupt PDF over the limit is "too large", not "damaged".
    expect((await failure(extractFile(noise(5000), 'report.pdf', { limits: { pdf: 4096 } }))).code).toBe('too_large');
    expect(formatBytes(312 * 1024 * 1024)).toBe('312 MB');
    expect(formatBytes(200.2 * 1024 * 1024, SIZE_LIMITS.pdf)).toBe('200.2 MB');
    expect(SIZE_LIMITS).toEqual({ text: 50 << 20, markdown: 50 << 20, html: 50 << 20, pdf: 200 << 20, docx: 100 << 20 });
  });
});

describe('plain text and encodings', () => {
  const sample = 'Café “quoted” — naïve façade, 5 €.\n\nSecond paragraph: Zürich, São Paulo, Ærøskøbing.';

  it.each([
    ['UTF-8', utf8(sample), 'utf-8'],
    ['UTF-8 with BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(sample)]), 'utf-8'],
    ['UTF-16LE with BOM', Uint8Array.from([0xff, 0xfe, ...iconv.encode(sample, 'utf-16le')]), 'utf-16le'],
    ['UTF-16BE with BOM', Uint8Array.from([0xfe, 0xff, ...iconv.encode(sample, 'utf-16be')]), 'utf-16be'],
    ['UTF-16LE without BOM', new Uint8Array(iconv.encode(sample, 'utf-16le')), 'utf-16le'],
    ['windows-1252', new Uint8Array(iconv.encode(sample, 'windows-1252')), 'windows-1252'],
  ])('decodes %s', async (_label, bytes, encoding) => {
    expect(decodeText(bytes, 'notes.txt').encoding).toBe(encoding);
    const r = await extractFile(bytes, 'notes.txt');
    expect(r.format).toBe('text');
    expect(texts(r)).toEqual(['Café “quoted” — naïve façade, 5 €.', 'Second paragraph: Zürich, São Paulo, Ærøskøbing.']);
  });

  it('decodes ISO-8859-1 (read as its superset windows-1252, as browsers do)', async () => {
    const latin1 = 'Le cœur a ses raisons — no: Ærøskøbing, São Paulo, Zürich; señor Müller’s café'.replace(/[œ—’]/g, '-');
    const bytes = new Uint8Array(iconv.encode(latin1, 'ISO-8859-1'));
    expect(decodeText(bytes, 'x.txt').text).toBe(latin1);
    expect(texts(await extractFile(bytes, 'latin1.txt'))).toEqual([latin1]);
  });

  it('never throws on invalid bytes', async () => {
    const bytes = Uint8Array.from([...utf8('Valid start, '), 0xc3, 0x28, 0xa0, 0xa1, ...utf8(' and the rest of a UTF-8 line with ü.')]);
    const r = await extractFile(bytes, 'mixed.txt');
    expect(texts(r)[0]).toMatch(/^Valid start, .* and the rest of a UTF-8 line with /);
  });

  it('refuses a binary file named .txt', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...noise(2000)]);
    const err = await failure(extractFile(png, 'notes.txt'));
    expect(err.code).toBe('unreadable');
    expect(err.message).toBe('notes.txt looks like a binary file (a PNG image), not text.');
    const random = await failure(extractFile(noise(4096, 7), 'notes.txt'));
    expect(random.message).toBe('notes.txt looks like a binary file, not text.');
  });

  it('refuses an empty file and a blank one', async () => {
    const empty = await failure(extractFile(new Uint8Array(0), 'notes.txt'));
    expect([empty.code, empty.message]).toEqual(['empty', 'notes.txt is empty.']);
    const blank = await failure(extractFile(utf8(' \n\t\n  \r\n'), 'blank.txt'));
    expect([blank.code, blank.message]).toEqual(['empty', 'blank.txt has no text to import.']);
  });

  it('keeps one paragraph per line, joins hard-wrapped lines, reads lists and a title line', async () => {
    const text = [
      'Meeting notes',
      '',
      'This paragraph was wrapped at about seventy columns by an e-mail',
      'client, so its lines belong together and should be joined with',
      'spaces into one paragraph.',
      '',
      '- first point',
      '- second point',
      '1. step one',
      'A short line.',
    ].join('\n');
    const r = await extractFile(utf8(text), 'notes.txt');
    expect(r.document.blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Meeting notes' },
      {
        kind: 'paragraph',
        text: 'This paragraph was wrapped at about seventy columns by an e-mail client, so its lines belong together and should be joined with spaces into one paragraph.',
      },
      { kind: 'list_item', level: 1, ordered: false, text: 'first point' },
      { kind: 'list_item', level: 1, ordered: false, text: 'second point' },
      { kind: 'list_item', level: 1, ordered: true, text: 'step one' },
      { kind: 'paragraph', text: 'A short line.' },
    ]);
    expect(r.metadata.title).toBe('Meeting notes');
  });
});

describe('Markdown', () => {
  const md = [
    '---',
    'title: Front-matter title',
    'author: Jane Doe',
    'date: 2021-02-19',
    'url: https://example.com/post',
    '---',
    '# The *Pentagon* and NATO',
    '',
    'Intro with **bold**, _emphasis_, `code`, a [link](https://www.cnn.com/x "t"), a [relative](./other.md) and a [bad](javascript:alert(1)) one.',
    '',
    '> “We support NATO’s expanded mission,” said Kirby.',
    '> Second line of the quote.',
    '',
    '- first',
    '- second',
    '  - nested *item*',
    '',
    '1. one',
    '2. two',
    '',
    '## Section two',
    '',
    '```',
    'const x = 1;',
    '  indented();',
    '```',
    '',
    'Inline <b>html</b> and <script>alert("no")</script> text <a href="https://ok.example/">ok</a> <a href="javascript:alert(2)">bad</a>.',
    '',
    '<div onclick="steal()"><p>Raw <em>block</em> HTML</p><script>alert(3)</script><iframe src="https://evil.example"></iframe></div>',
    '',
    '![A crowd gathers outside the Pentagon](crowd.jpg)',
    '',
    'Visit https://auto.example/path now.',
  ].join('\n');

  it('maps headings, quotes, lists, code, emphasis and links to blocks and marks', async () => {
    const r = await extractFile(utf8(md), 'post.md');
    expect(r.format).toBe('markdown');
    const b = r.document.blocks;
    expect(b[0]).toMatchObject({ kind: 'heading', level: 1, text: 'The Pentagon and NATO' });
    expect(marked(b[0], 'em')).toEqual(['Pentagon']);
    const intro = b[1];
    expect(intro.text).toBe('Intro with bold, emphasis, code, a link, a relative and a bad one.');
    expect(marked(intro, 'strong')).toEqual(['bold']);
    expect(marked(intro, 'em')).toEqual(['emphasis']);
    expect(marked(intro, 'code')).toEqual(['code']);
    expect(intro.marks!.filter((m) => m.kind === 'link')).toEqual([{ kind: 'link', start: 35, end: 39, href: 'https://www.cnn.com/x' }]);
    expect(b[2]).toEqual({ kind: 'quote', text: '“We support NATO’s expanded mission,” said Kirby. Second line of the quote.' });
    expect(b.slice(3, 7).map((x) => [x.kind, x.text, x.level, x.ordered])).toEqual([
      ['list_item', 'first', 1, false],
      ['list_item', 'second', 1, false],
      ['list_item', 'nested item', 2, false],
      ['list_item', 'one', 1, true],
    ]);
    expect(b.find((x) => x.kind === 'heading' && x.level === 2)?.text).toBe('Section two');
    expect(b.find((x) => x.kind === 'preformatted')?.text).toBe('const x = 1;\n  indented();');
    const inline = b.find((x) => x.text.startsWith('Inline'))!;
    expect(inline.text).toBe('Inline html and text ok bad.');
    expect(inline.marks!.filter((m) => m.kind === 'link').map((m) => m.href)).toEqual(['https://ok.example/']);
    expect(b.find((x) => x.text.startsWith('Raw'))).toEqual({ kind: 'paragraph', text: 'Raw block HTML', marks: [{ kind: 'em', start: 4, end: 9 }] });
    expect(b.find((x) => x.kind === 'caption')?.text).toBe('A crowd gathers outside the Pentagon');
    expect(b[b.length - 1].marks).toEqual([{ kind: 'link', start: 6, end: 31, href: 'https://auto.example/path' }]);
    expect(canonicalText(r.document)).not.toMatch(/alert|steal|evil/);
    expect(r.metadata).toMatchObject({
      title: 'Front-matter title',
      byline: 'Jane Doe',
      publishedAt: '2021-02-19',
      url: 'https://example.com/post',
    });
  });

  it('takes the title from the first heading when there is no front matter', async () => {
    const r = await extractFile(utf8('Some intro.\n\n## Minor\n\n# Main title\n\nText.'), 'x.markdown');
    expect(r.metadata.title).toBe('Main title');
  });
});

describe('Word documents', () => {
  it('reads headings, paragraphs, quote-style paragraphs, emphasis and core properties', async () => {
    const bytes = await makeDocx(
      [
        { text: 'Pentagon weighs more troops for Iraq', style: 'Heading1' },
        { text: '', runs: [{ text: 'The Pentagon is ' }, { text: 'reportedly', italic: true }, { text: ' open to ' }, { text: 'more', bold: true }, { text: ' troops.' }] },
        { text: 'We support NATO’s expanded mission in Iraq.', style: 'Quote' },
        { text: 'Background', style: 'Heading2' },
        { text: 'Stoltenberg said presence would grow to about 4,000.' },
      ],
      { title: 'Draft', creator: 'Jane Doe' },
    );
    const r = await extractFile(bytes, 'brief.docx');
    expect(r.format).toBe('docx');
    expect(r.document.blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Pentagon weighs more troops for Iraq' },
      {
        kind: 'paragraph',
        text: 'The Pentagon is reportedly open to more troops.',
        marks: [
          { kind: 'em', start: 16, end: 26 },
          { kind: 'strong', start: 35, end: 39 },
        ],
      },
      { kind: 'quote', text: 'We support NATO’s expanded mission in Iraq.' },
      { kind: 'heading', level: 2, text: 'Background' },
      { kind: 'paragraph', text: 'Stoltenberg said presence would grow to about 4,000.' },
    ]);
    expect(r.metadata.title).toBe('Pentagon weighs more troops for Iraq');
    expect(r.metadata.byline).toBe('Jane Doe');
  });

  it('refuses a corrupt or truncated .docx with a clear message', async () => {
    const good = await makeDocx([{ text: 'Hello' }]);
    for (const bytes of [noise(3000, 3), good.slice(0, Math.floor(good.length / 2)), utf8('just some text')]) {
      const err = await failure(extractFile(bytes, 'brief.docx'));
      expect(err.code).toBe('unreadable');
      expect(err.message).toBe('brief.docx is damaged or is not a Word document (.docx).');
    }
  });
});

describe('PDF', () => {
  it('reads a multi-page text layer into blocks that carry their page', async () => {
    const bytes = makePdf(
      [
        [
          { text: 'Annual Report 2021', size: 24, gap: 36 },
          { text: 'The first paragraph of the report begins on the first' },
          { text: 'page and continues on a second line, with a hyphen-' },
          { text: 'ated word.', gap: 40 },
          { text: 'A second paragraph (with parentheses).' },
          { text: '1' },
        ],
        [{ text: 'Page two opens with its own paragraph.' }, { text: '2' }],
      ],
      { title: 'Annual Report', author: 'Jane Doe' },
    );
    const r = await extractFile(bytes, 'report.pdf');
    expect(r.format).toBe('pdf');
    expect(r.document.blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Annual Report 2021', page: 1 },
      {
        kind: 'paragraph',
        text: 'The first paragraph of the report begins on the first page and continues on a second line, with a hyphenated word.',
        page: 1,
      },
      { kind: 'paragraph', text: 'A second paragraph (with parentheses).', page: 1 },
      { kind: 'paragraph', text: 'Page two opens with its own paragraph.', page: 2 },
    ]);
    expect(r.metadata).toMatchObject({ title: 'Annual Report', byline: 'Jane Doe' });
    // pdf.js transfers the buffer it is given; the caller's bytes must survive.
    expect(bytes.byteLength).toBeGreaterThan(0);
  });

  it('says to OCR a PDF without a text layer', async () => {
    const err = await failure(extractFile(makePdf(['image', 'image']), 'scan.pdf'));
    expect([err.code, err.message]).toEqual(['unreadable', 'scan.pdf has no text layer; OCR it first.']);
  });

  it('warns about image-only pages inside a text PDF', async () => {
    const r = await extractFile(makePdf([[{ text: 'Text on page one.' }], 'image']), 'mixed.pdf');
    expect(texts(r)).toEqual(['Text on page one.']);
    expect(r.warnings).toEqual(['Page 2 had no text (scanned images?) and was skipped.']);
  });

  it('refuses a truncated PDF, an encrypted one and a file that is not a PDF', async () => {
    const whole = makePdf([[{ text: 'Some text' }], [{ text: 'More text' }]]);
    const cut = await failure(extractFile(whole.slice(0, Math.floor(whole.length * 0.6)), 'cut.pdf'));
    expect([cut.code, cut.message]).toEqual(['unreadable', 'cut.pdf is damaged or incomplete (it looks cut off, as by an interrupted download).']);

    // Really encrypted (RC4, user password "secret"): pdf.js asks for the password.
    const locked = await failure(extractFile(makePdf([[{ text: 'Secret text' }]], { password: 'secret' }), 'locked.pdf'));
    expect([locked.code, locked.message]).toEqual([
      'unreadable',
      'locked.pdf is password-protected; remove the password (or print it to a new PDF) and import that.',
    ]);

    const notPdf = await failure(extractFile(utf8('<html>not a pdf</html>'), 'fake.pdf'));
    expect([notPdf.code, notPdf.message]).toEqual(['unreadable', 'fake.pdf is not a PDF (it does not start like one).']);
  });
});

describe('HTML files', () => {
  // What Chrome's "Save page as… Webpage, complete" writes: the origin in a
  // comment, assets in a _files folder, the page's own (legacy) charset.
  const saved = `<!DOCTYPE html>
<!-- saved from url=(0060)https://news.example.com/world/2021/02/19/pentagon-nato.html -->
<html lang="en-US"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>Pentagon open to more troops in Iraq | Example News</title>
<link rel="stylesheet" href="./Pentagon open to more troops_files/site.css">
<script src="./Pentagon open to more troops_files/tracker.js"></script>
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2021-02-19T23:10:00-05:00">
<style>body { background: url(https://tracker.example/pixel.png) }</style>
</head><body onload="track()">
<nav class="menu"><a href="/">Home</a> <a href="/world">World</a> <a href="/sports">Sports</a></nav>
<article>
<h1>Pentagon open to more troops in Iraq</h1>
<p>The Pentagon is reportedly open to the possibility of sending more American troops to <a href="/world/iraq">Iraq</a> in an expanded NATO training mission for Iraqi security forces, officials said on Thursday.</p>
<figure><img src="./Pentagon open to more troops_files/photo.jpg" alt="Soldiers at a training base" onerror="steal()"><figcaption>US soldiers at a base near Baghdad.</figcaption></figure>
<p onclick="steal()">Secretary of Defense Lloyd Austin discussed the training mission with his NATO colleagues, according to CNN. Although an increase in troop levels is on the table, there are no imminent plans for it at the moment, the Pentagon’s spokesperson clarified.</p>
<blockquote><p>“We support NATO’s expanded mission in Iraq and will continue to do so, but there are no plans to increase U.S. force levels there.”</p></blockquote>
<script>document.write('injected')</script>
<p>NATO Secretary-General Jens Stoltenberg said the presence for the mission would jump from about 500 personnel to around 4,000, CNN reported, <a href="javascript:steal()">at the request</a> of the Iraqi government. <a href="mailto:tips@example.com">Send tips</a>.</p>
<iframe src="https://ads.example/frame"></iframe>
</article>
<footer>© Example News. All rights reserved.</footer>
</body></html>`;

  it('imports a "Save page as" page: article only, metadata, resolved links, nothing that runs or loads', async () => {
    const bytes = new Uint8Array(iconv.encode(saved, 'windows-1252'));
    const r = await extractFile(bytes, 'Pentagon open to more troops.html');
    expect(r.format).toBe('html');
    expect(r.metadata).toMatchObject({
      title: 'Pentagon open to more troops in Iraq',
      byline: 'Jane Doe',
      outlet: 'Example News',
      publishedAt: '2021-02-20T04:10:00.000Z',
      url: 'https://news.example.com/world/2021/02/19/pentagon-nato.html',
      language: 'en-US',
    });
    const text = canonicalText(r.document);
    expect(text).toContain('the Pentagon’s spokesperson');
    expect(text).not.toMatch(/Home|Sports|All rights reserved|injected|steal|track|tracker|\.jpg|\.css/);
    const links = r.document.blocks.flatMap((b) => (b.marks ?? []).filter((m) => m.kind === 'link').map((m) => [b.text.slice(m.start, m.end), m.href]));
    expect(links).toEqual([
      ['Iraq', 'https://news.example.com/world/iraq'],
      ['Send tips', 'mailto:tips@example.com'],
    ]);
    expect(r.document.blocks.find((b) => b.kind === 'caption')?.text).toBe('US soldiers at a base near Baghdad.');
    expect(r.document.blocks.find((b) => b.kind === 'quote')?.text).toMatch(/^“We support NATO’s expanded mission/);
  });

  it('resolves links against <base href>; without a known URL relative links and anchors keep only their text', async () => {
    const withBase = await extractFile(
      utf8('<html><head><base href="https://example.org/docs/"></head><body><p>See <a href="guide.html">the guide</a>.</p></body></html>'),
      'based.html',
    );
    expect(withBase.document.blocks).toEqual([
      { kind: 'paragraph', text: 'See the guide.', marks: [{ kind: 'link', start: 4, end: 13, href: 'https://example.org/docs/guide.html' }] },
    ]);
    const fragment = await extractFile(utf8('<p>See <a href="guide.html">the guide</a>, <a href="#top">top</a> and <a href="//cdn.example/x">cdn</a>.</p>'), 'frag.html');
    expect(fragment.document.blocks).toEqual([{ kind: 'paragraph', text: 'See the guide, top and cdn.' }]);
  });
});
