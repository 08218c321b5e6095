/**
 * The imported-document block model. A source's document is immutable once
 * imported; annotations point into its canonical text (the block texts joined
 * by BLOCK_SEPARATOR), so the join rule must never change for stored sources.
 */

export const BLOCK_SEPARATOR = '\n\n';

export type BlockKind = 'heading' | 'paragraph' | 'quote' | 'list_item' | 'preformatted' | 'caption';

export type MarkKind = 'em' | 'strong' | 'code' | 'link';

/** An inline mark over [start, end) of its block's text. */
export interface InlineMark {
  kind: MarkKind;
  start: number;
  end: number;
  /** Only on links; always an absolute http(s) or mailto URL (others are dropped at import). */
  href?: string;
}

export interface Block {
  kind: BlockKind;
  text: string;
  /** Heading level 1–6, or list nesting depth (1 = top level). */
  level?: number;
  /** List items only: numbered list. */
  ordered?: boolean;
  /** PDF sources: the 1-based page the block starts on, so citations can name it. */
  page?: number;
  marks?: InlineMark[];
}

export interface SourceDocument {
  version: 1;
  blocks: Block[];
}

export function canonicalText(doc: SourceDocument): string {
  return doc.blocks.map((b) => b.text).join(BLOCK_SEPARATOR);
}

/** Start offset of each block in the canonical text. */
export function blockOffsets(doc: SourceDocument): number[] {
  const out: number[] = [];
  let at = 0;
  for (const b of doc.blocks) {
    out.push(at);
    at += b.text.length + BLOCK_SEPARATOR.length;
  }
  return out;
}
