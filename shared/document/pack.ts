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

/**
 * Version 2 writes a plain paragraph (no marks, no page), the most common
 * block by far, as its bare length: 4 bytes instead of about 30 per block,
 * which is 5% of the text of a plain article. Version 1 is still read.
 */
export type PackedDocument = { version: 1; blocks: PackedBlock[] } | { version: 2; blocks: Array<PackedBlock | number> };

// Only a block with nothing but its kind, so that unpacking gives back exactly what was packed.
const isPlainParagraph = (b: Omit<Block, 'text'>) => b.kind === 'paragraph' && Object.keys(b).length === 1;

export function packDocument(doc: SourceDocument): PackedDocument {
  return {
    version: 2,
    blocks: doc.blocks.map(({ text, ...rest }) => (isPlainParagraph(rest) ? text.length : { ...rest, n: text.length })),
  };
}

export function unpackDocument(packed: PackedDocument, canonical: string): SourceDocument {
  const blocks: Block[] = [];
  let at = 0;
  for (const entry of packed.blocks) {
    const { n, ...rest }: PackedBlock = typeof entry === 'number' ? { kind: 'paragraph', n: entry } : entry;
    blocks.push({ ...rest, text: canonical.slice(at, at + n) });
    at += n + BLOCK_SEPARATOR.length;
  }
  return { version: 1, blocks };
}
