import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPaste } from '../../electron/interop';
import { looksLikeMarkdown } from '../../electron/interop/paste';
import { AppError } from '../../shared/api/errors';
import { canonicalText } from '../../shared/document/model';
import { corpusPath } from '../helpers/corpus';

const seed = fs.readFileSync(corpusPath('seed', 'pentagon-nato-iraq.txt'), 'utf8');

describe('extractPaste', () => {
  it('prefers the HTML flavour over plain text', () => {
    const r = extractPaste({
      html: '<meta charset="utf-8"><h2>Briefing</h2><p>Kirby said <b>no plans</b> exist, <a href="https://www.cnn.com/x">CNN</a> reported.<script>alert(1)</script></p>',
      text: 'Briefing\n\nKirby said no plans exist, CNN reported.',
    });
    expect(r.format).toBe('html');
    expect(r.document.blocks).toEqual([
      { kind: 'heading', level: 2, text: 'Briefing' },
      {
        kind: 'paragraph',
        text: 'Kirby said no plans exist, CNN reported.',
        marks: [
          { kind: 'strong', start: 11, end: 19 },
          { kind: 'link', start: 27, end: 30, href: 'https://www.cnn.com/x' },
        ],
      },
    ]);
    expect(r.metadata.title).toBe('Briefing');
  });

  it('falls back to the text flavour when the HTML has no text (an image only)', () => {
    const r = extractPaste({ html: '<img src="https://x.example/a.png" alt="">', text: 'Caption of the picture' });
    expect(r.format).toBe('text');
    expect(canonicalText(r.document)).toBe('Caption of the picture');
  });

  it('reads Markdown in the plain text flavour', () => {
    const r = extractPaste({ text: '# NATO mission\n\nStoltenberg said *ISIS is still there*.\n\n- 500 personnel\n- 4,000 personnel' });
    expect(r.format).toBe('markdown');
    expect(r.document.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['heading', 'NATO mission'],
      ['paragraph', 'Stoltenberg said ISIS is still there.'],
      ['list_item', '500 personnel'],
      ['list_item', '4,000 personnel'],
    ]);
    expect(r.document.blocks[1].marks).toEqual([{ kind: 'em', start: 17, end: 36 }]);
    expect(r.metadata.title).toBe('NATO mission');
    expect(looksLikeMarkdown('Prices rose 5*3 times; see item - b.')).toBe(false);
    expect(looksLikeMarkdown('Read [the memo](https://example.com/memo).')).toBe(true);
  });

  it('keeps plain text plain when asked, even with HTML on the clipboard', () => {
    const r = extractPaste({ html: '<p>Some <b>bold</b> words</p>', text: '**Some** _words_ here.', preferPlain: true });
    expect(r.format).toBe('text');
    expect(r.document.blocks).toEqual([{ kind: 'paragraph', text: '**Some** _words_ here.' }]);
    const fromHtml = extractPaste({ html: '<p>Some <b>bold</b> words.</p><p>Second.</p>', preferPlain: true });
    expect(fromHtml.document.blocks).toEqual([
      { kind: 'paragraph', text: 'Some bold words.' },
      { kind: 'paragraph', text: 'Second.' },
    ]);
  });

  it('imports the seed article pasted as plain text', () => {
    const r = extractPaste({ text: seed });
    expect(r.format).toBe('text');
    const blocks = r.document.blocks;
    expect(blocks).toHaveLength(8);
    // The embedded tweet and its signature line read as a quotation.
    expect(blocks[2]).toEqual({
      kind: 'quote',
      text: 'We support NATO’s expanded mission in Iraq and will continue to do so, but there are no plans to increase U.S. force levels there.',
    });
    expect(blocks[3]).toEqual({ kind: 'quote', text: '— John Kirby (@PentagonPresSec) February 19, 2021' });
    expect(blocks.filter((b) => b.kind !== 'quote').every((b) => b.kind === 'paragraph')).toBe(true);
    const text = canonicalText(r.document);
    expect(text).toContain('“The US is participating in the force generation process for NATO Mission Iraq');
    expect(text).toContain('Pentagon spokesperson Jessica L. McNulty said to CNN');
    expect(text.replace(/\n\n/g, '\n')).toBe(seed.trim());
    // The tweet is inside the article, so it does not make Kirby the article's author.
    expect(r.metadata.byline).toBeNull();
    // No heading: the first line, cut at a word boundary to stay a label.
    expect(r.metadata.title).toBe('The Pentagon is reportedly open to the possibility of sending more American troops to Iraq in an expanded NATO training…');
  });

  it('keeps author, handle and date of a pasted post', () => {
    const r = extractPaste({
      text: 'We support NATO’s expanded mission in Iraq and will continue to do so, but there are no plans to increase U.S. force levels there.\n— John Kirby (@PentagonPresSec) February 19, 2021',
    });
    expect(r.metadata).toMatchObject({ byline: 'John Kirby (@PentagonPresSec)', handle: '@PentagonPresSec', publishedAt: '2021-02-19' });
    expect(r.metadata.title).toBe('We support NATO’s expanded mission in Iraq and will continue to do so, but there are no plans to increase U.S. force…');
    expect(r.document.blocks.map((b) => b.kind)).toEqual(['quote', 'quote']);

    // The same post copied from an embed, as HTML.
    const html = extractPaste({
      html: '<blockquote class="twitter-tweet"><p lang="en" dir="ltr">We support NATO’s expanded mission in Iraq.</p>&mdash; John Kirby (@PentagonPresSec) <a href="https://twitter.com/PentagonPresSec/status/1362916417373589504">February 19, 2021</a></blockquote><script async src="https://platform.twitter.com/widgets.js"></script>',
    });
    expect(html.metadata).toMatchObject({ byline: 'John Kirby (@PentagonPresSec)', handle: '@PentagonPresSec', publishedAt: '2021-02-19' });
    expect(canonicalText(html.document)).not.toContain('widgets');
  });

  it('says so when the clipboard has nothing to import', () => {
    for (const input of [{}, { text: '   \n ' }, { html: '<p> </p>', text: '' }]) {
      let err: unknown;
      try {
        extractPaste(input);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('empty');
      expect((err as AppError).message).toBe('The clipboard has no text to import.');
    }
  });
});
