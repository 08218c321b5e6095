import { AppError } from '../../shared/api/errors';
import { finalizeExtraction } from './finalize';
import { displayName } from './normalize';
import { checkSize, importerFor } from './registry';
import type { ExtractedSource, ExtractOptions } from './types';

export type { ExtractedMetadata, ExtractedSource, ExtractOptions, Importer } from './types';
export { IMPORTERS, SIZE_LIMITS, importerFor, supportedList } from './registry';
export { extractPaste } from './paste';

/**
 * Bytes of a file in, document and metadata out. No I/O, no shared state,
 * plain data in and out: safe to run on a worker thread, one call per file.
 */
export async function extractFile(bytes: Uint8Array, fileName: string, options: ExtractOptions = {}): Promise<ExtractedSource> {
  const importer = importerFor(fileName);
  checkSize(importer, bytes, fileName, options);
  const name = displayName(fileName);
  if (bytes.byteLength === 0) throw new AppError('empty', `${name} is empty.`);
  let result: ExtractedSource;
  try {
    result = await importer.extract({ bytes, fileName });
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof RangeError && /call stack|Invalid string length|Array buffer allocation/i.test(err.message)) {
      throw new AppError('too_large', `${name} is too complex to import (${err.message}).`);
    }
    throw new AppError('unreadable', `${name} could not be read (${err instanceof Error ? err.message : String(err)}).`);
  }
  return finalizeExtraction(result, `${name} has no text to import.`);
}
