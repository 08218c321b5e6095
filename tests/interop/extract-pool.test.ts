import { afterEach, describe, expect, it } from 'vitest';
import { createExtractPool, type ExtractPool } from '../../electron/services/extract-pool';

// The pool is what lets an idle app stay small: parser workers exist only while files are being read.
describe('extract pool', () => {
  let pool: ExtractPool | null = null;
  afterEach(async () => {
    await pool?.close();
    pool = null;
  });

  it('starts no worker until a file arrives, parses on workers, and lets them go when idle', async () => {
    pool = createExtractPool(2, 300);
    expect(pool.running()).toBe(0);
    const text = new TextEncoder().encode('A plain article.\n\nIts second paragraph.');
    const [a, b] = await Promise.all([pool.extract(text, 'a.txt'), pool.extract(text, 'b.txt')]);
    expect(a.document.blocks.length).toBe(2);
    expect(b.format).toBe('text');
    expect(pool.running()).toBe(2);
    await expect.poll(() => pool!.running(), { timeout: 5_000, interval: 100 }).toBe(0);
    // A later file brings the workers back.
    const c = await pool.extract(text, 'c.txt');
    expect(c.document.blocks.length).toBe(2);
  }, 60_000);

  it('reports a file the parser rejects as that file\'s error, and goes on', async () => {
    pool = createExtractPool(1, 60_000);
    await expect(pool.extract(new Uint8Array(0), 'empty.txt')).rejects.toThrow(/empty/i);
    const ok = await pool.extract(new TextEncoder().encode('Still works.'), 'ok.txt');
    expect(ok.format).toBe('text');
  }, 60_000);
});
