import type { PackedDocument } from '../../../shared/document/pack';
import type { Db } from '../connection';
import { indexSource, unindexSource } from './sources';

/**
 * Swaps a source's body for a revised one: document, canonical text, hash and
 * word count, with its full-text row rewritten (FTS5 needs the old values
 * removed before the text changes). Run inside the caller's transaction.
 */
export function replaceSourceBody(
  db: Db,
  id: number,
  body: { document: PackedDocument; canonicalText: string; contentHash: string; wordCount: number },
  now: string,
): void {
  unindexSource(db, id);
  db.prepare('UPDATE source_bodies SET document = ?, canonical_text = ? WHERE source_id = ?').run(JSON.stringify(body.document), body.canonicalText, id);
  db.prepare('UPDATE sources SET content_hash = ?, word_count = ?, updated_at = ? WHERE id = ?').run(body.contentHash, body.wordCount, now, id);
  indexSource(db, id);
}
