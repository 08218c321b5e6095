import type { Block, SourceDocument } from '../../shared/document/model';

/**
 * One paragraph per non-empty line: the shape of the seed article and of the
 * generated bench articles. The app itself imports plain text through
 * electron/interop/importers/text.ts (hard-wrap joining, lists, post signatures).
 */
export function documentFromPlainText(text: string): SourceDocument {
  const blocks: Block[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const t = line.replace(/[ \t\f\v\u00a0]+/g, ' ').trim();
    if (t) blocks.push({ kind: 'paragraph', text: t });
  }
  return { version: 1, blocks };
}
