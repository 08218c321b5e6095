import { describe, expect, it } from 'vitest';
import { findAll } from '../../renderer/features/reader/find';
import { quoteAsMarkdown } from '../../renderer/features/reader/quote';

const source = { title: 'Pentagon open to more troops in Iraq', outlet: 'Daily Caller', publishedAt: '2021-02-19T10:00:00Z', url: 'https://example.com/a' };

describe('copy as quote', () => {
  it('writes a Markdown blockquote followed by the citation', () => {
    expect(quoteAsMarkdown('there are no plans to increase U.S. force levels there', source)).toBe(
      '> there are no plans to increase U.S. force levels there\n\n— Pentagon open to more troops in Iraq, Daily Caller, 2021-02-19, https://example.com/a\n',
    );
  });

  it('keeps paragraphs inside one quote and leaves out what the source lacks', () => {
    expect(quoteAsMarkdown('First part.\n\nSecond part.', { title: 'T', outlet: null, publishedAt: null, url: null })).toBe('> First part.\n>\n> Second part.\n\n— T\n');
  });
});

describe('find in article', () => {
  it('finds every occurrence without regard to case', () => {
    expect(findAll('NATO said nato, Nato.', 'nato')).toEqual([0, 10, 16]);
    expect(findAll('abc', '')).toEqual([]);
    expect(findAll('a.b a+b', 'a+b')).toEqual([4]);
  });
});
