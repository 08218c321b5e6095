import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** ../shared/corpus beside the repo: read in place, never copied into the repo. */
export const corpusDir = path.resolve(fileURLToPath(new URL('../../../shared/corpus', import.meta.url)));

export function corpusPath(...parts: string[]): string {
  const p = path.join(corpusDir, ...parts);
  if (!existsSync(p)) throw new Error(`Test corpus file missing: ${p} (is ../shared beside the repo?)`);
  return p;
}
