import type { Block, SourceDocument } from './model';
import { BLOCK_SEPARATOR } from './model';

/**
 * The stored form of a document: block structure without the text, which is
 * already stored once as the canonical text. Keeps the library near the size
 * of the raw text instead of doubling it.
 */
export interface PackedBlock extends Omit<Block, 'text'> {
  /** Length of the block's text in UTF-16 code units. */
  n: number;
}

export interface PackedDocument {
  version: 1;
  blocks: PackedBlock[];
}

export function packDocument(doc: SourceDocument): PackedDocument {
  return {
    version: 1,
    blocks: doc.blocks.map(({ text, ...rest }) => ({ ...rest, n: text.length })),
  };
}

export function unpackDocument(packed: PackedDocument, canonical: string): SourceDocument {
  const blocks: Block[] = [];
  let at = 0;
  for (const { n, ...rest } of packed.blocks) {
    blocks.push({ ...rest, text: canonical.slice(at, at + n) });
    at += n + BLOCK_SEPARATOR.length;
  }
  return { version: 1, blocks };
}
