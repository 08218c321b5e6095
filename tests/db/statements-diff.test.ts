import { describe, expect, it } from 'vitest';
import { diffWords } from '../../renderer/features/statements/word-diff';

const marked = (a: string, b: string) => diffWords(a, b).map((p) => (p.changed ? `[${p.text}]` : p.text)).join('');

describe('word diff for the compare view', () => {
  it('marks the words one quote does not share with the other, and gives back the quote unchanged when joined', () => {
    const kirby = 'We support NATO’s expanded mission in Iraq and will continue to do so, but there are no plans to increase U.S. force levels there.';
    const mcnulty = 'The US is participating in the force generation process for NATO Mission Iraq and will contribute its fair share to this important expanded mission';
    expect(diffWords(kirby, mcnulty).map((p) => p.text).join('')).toBe(kirby);
    expect(marked(mcnulty, kirby)).toContain('[contribute its fair share to this important expanded mission]');
    expect(marked(kirby, mcnulty)).toContain('[continue to do so, but there are no plans to increase U.S. force levels there.]');
    expect(marked(kirby, mcnulty)).toContain(' in Iraq and will ');
  });

  it('ignores case and trailing punctuation, and marks nothing in identical quotes', () => {
    expect(diffWords('No plans, for now.', 'no plans for now').every((p) => !p.changed)).toBe(true);
    expect(marked('ISIS is still there', 'ISIS is gone')).toBe('ISIS is [still there]');
    expect(marked('', 'anything')).toBe('');
  });
});
