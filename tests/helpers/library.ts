import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createClient } from '../../shared/api/client';
import type { CollateClient } from '../../shared/api/contract';
import { type Library, type OpenLibraryOptions, openLibrary } from '../../electron/app/library';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

/** A fresh folder under the OS temp dir, removed after the test. */
export function tempDir(prefix = 'collate-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A real library (SQLite file, migrations, services) in a temp folder, closed after the test. */
export function testLibrary(options: Partial<OpenLibraryOptions> = {}): { library: Library; client: CollateClient; dataDir: string } {
  const dataDir = options.dataDir ?? tempDir();
  const library = openLibrary({ ...options, dataDir });
  cleanups.push(() => library.close());
  const client = createClient((method, input) => library.call(method, input));
  return { library, client, dataDir };
}
