import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * `npm run bench [-- --out FILE] [--sizes 10000,100000] [--only search,import]`:
 * imports every tests/bench/*.bench.ts, runs each exported async function whose
 * name starts with "bench", prints its figures and writes them all as JSON.
 * Each bench takes `{ sizes }` (the library sizes to build) and may ignore it.
 */
export interface BenchOptions {
  sizes: number[];
}
type Bench = (options: BenchOptions) => Promise<Record<string, number>>;

const dir = path.dirname(fileURLToPath(import.meta.url));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, sizes: { type: 'string', default: '10000,100000' }, only: { type: 'string' } },
    strict: true,
  });
  const sizes = values.sizes!.split(',').map((s) => Number(s.trim().replace(/_/g, '')));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--sizes takes whole numbers separated by commas, not "${values.sizes}"`);
  const only = values.only ? new Set(values.only.split(',').map((s) => s.trim())) : null;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.bench.ts'))
    .sort();
  const figures: Record<string, Record<string, number>> = {};
  const started = new Date().toISOString();
  for (const file of files) {
    const name = file.replace(/\.bench\.ts$/, '');
    if (only && !only.has(name)) continue;
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as Record<string, unknown>;
    for (const [exported, fn] of Object.entries(mod)) {
      if (!exported.startsWith('bench') || typeof fn !== 'function') continue;
      const key = Object.keys(mod).filter((k) => k.startsWith('bench')).length > 1 ? `${name}.${exported}` : name;
      process.stderr.write(`▶ ${key}…\n`);
      const t0 = performance.now();
      try {
        figures[key] = await (fn as Bench)({ sizes });
      } catch (e) {
        process.stderr.write(`✗ ${key} failed: ${e instanceof Error ? e.stack : String(e)}\n`);
        figures[key] = { failed: 1 };
      }
      process.stderr.write(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
      console.log(`${key}`);
      for (const [k, v] of Object.entries(figures[key])) console.log(`  ${k.padEnd(48)} ${v}`);
    }
  }
  if (values.out) {
    writeFileSync(values.out, `${JSON.stringify({ started, node: process.version, sizes, figures }, null, 2)}\n`);
    process.stderr.write(`Figures written to ${values.out}\n`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
