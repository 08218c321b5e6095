/**
 * W3C Web Annotation text selectors over a source's canonical text
 * (shared/document/model.ts). Offsets are UTF-16 code units, as in JS strings
 * and in the selectors Hypothesis and other W3C clients exchange.
 */

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/** Both selectors for one highlighted range: the position is a hint, the quote is the truth. */
export interface TextSelectors {
  position: TextPositionSelector;
  quote: TextQuoteSelector;
}

/** Context kept each side of a quote; Hypothesis uses 32, so selectors stay interchangeable. */
export const CONTEXT_CHARS = 32;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * Describes [start, end) of `text` with a position and a quote selector.
 * Offsets outside the text are clamped to it; a range that is empty after
 * clamping, reversed or not made of integers is a caller bug and throws.
 */
export function describeRange(text: string, start: number, end: number): TextSelectors {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    throw new Error(`Invalid text range [${start}, ${end}): offsets must be integers`);
  }
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(0, Math.min(end, text.length));
  if (s >= e) {
    throw new Error(`Invalid text range [${start}, ${end}) in a text of ${text.length} characters: nothing to annotate`);
  }

  let prefixStart = Math.max(0, s - CONTEXT_CHARS);
  // A context cut through a surrogate pair would store half an emoji, which
  // some stores replace with U+FFFD and which then never matches again.
  if (prefixStart > 0 && prefixStart < s && isLowSurrogate(text.charCodeAt(prefixStart))) prefixStart += 1;
  let suffixEnd = Math.min(text.length, e + CONTEXT_CHARS);
  if (suffixEnd < text.length && suffixEnd > e && isHighSurrogate(text.charCodeAt(suffixEnd - 1))) suffixEnd -= 1;

  return {
    position: { type: 'TextPositionSelector', start: s, end: e },
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(s, e),
      prefix: text.slice(prefixStart, s),
      suffix: text.slice(e, suffixEnd),
    },
  };
}
