import { z } from 'zod';
import type { SourceDocument } from '../../document/model';
import type { SourceFormat, SourceMetadata } from '../../model/entities';
import { method } from '../method';
import { metadataPatch, tagName, text } from '../schemas';
import type { ImportOutcome } from './sources';

/** What the paste dialog shows before anything is stored. */
export interface PastePreview {
  format: SourceFormat;
  /** Which clipboard flavour was read: the richest one unless plain text was asked for. */
  flavour: 'html' | 'markdown' | 'text';
  document: SourceDocument;
  /** Found in the pasted content; every field is editable before adding. */
  metadata: SourceMetadata;
  /** A social-media handle when the paste is a post ("— Name (@handle) Month D, YYYY"). */
  handle: string | null;
  wordCount: number;
}

/** Clipboards can hold a whole saved page; larger than this is a file to import. */
export const PASTE_MAX_CHARS = 30_000_000;

const clipboard = {
  html: text(PASTE_MAX_CHARS, 'Pasted HTML').optional(),
  text: text(PASTE_MAX_CHARS, 'Pasted text').optional(),
  /** "Paste as plain text": ignore formatting and Markdown syntax. */
  preferPlain: z.boolean().default(false),
};

export const pasteMethods = {
  'paste.preview': method<PastePreview>()(
    z.object(clipboard).strict(),
    'Extract a clipboard paste (HTML, Markdown or plain text) into a document and metadata without storing it',
  ),
  'paste.add': method<ImportOutcome>()(
    z
      .object({
        ...clipboard,
        metadata: metadataPatch,
        tags: z.array(tagName).max(50).default([]),
      })
      .strict(),
    'Add a clipboard paste to the library with the metadata the user confirmed',
  ),
};
