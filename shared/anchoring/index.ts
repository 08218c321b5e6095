export { CONTEXT_CHARS, describeRange } from './selectors';
export type { TextPositionSelector, TextQuoteSelector, TextSelectors } from './selectors';
export { anchor, reanchorAll } from './anchor';
export type { AnchorResult, AnchorStatus, AnchorTarget } from './anchor';
