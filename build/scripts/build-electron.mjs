#!/usr/bin/env node
// Bundles the Electron main process, the import worker and the preload into
// dist/electron/. The renderer is built separately (npm run build:renderer).
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBundle as baseNodeBundle, WORKERS } from './node-bundle.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = path.join(root, 'dist', 'electron');

const nodeBundle = {
  ...baseNodeBundle(root, { target: 'node22' }),
  // Electron 45 runs Node 22. Private class members are lowered so the security
  // scanner (Electronegativity), whose parser predates them, can read the bundle.
  supported: {
    'class-private-field': false,
    'class-private-method': false,
    'class-private-accessor': false,
    'class-private-static-field': false,
    'class-private-static-method': false,
    'class-private-static-accessor': false,
    'class-private-brand-check': false,
  },
};

const builds = [
  { ...nodeBundle, entryPoints: [path.join(root, 'electron/main/index.ts')], outfile: path.join(outDir, 'main.js') },
  {
    // A sandboxed preload is CommonJS and may require only 'electron' (and a few
    // of Node's modules, which we do not use): platform 'browser' makes esbuild
    // refuse any other Node import at build time.
    absWorkingDir: root,
    entryPoints: [path.join(root, 'electron/preload/index.ts')],
    outfile: path.join(outDir, 'preload.cjs'),
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'chrome130',
    external: ['electron'],
    // Every page load parses it; the contract's zod schemas are most of its size.
    minify: true,
    logLevel: 'warning',
    metafile: true,
  },
];

// Workers are started from files beside main.js (electron/app/workers.ts).
for (const worker of WORKERS) builds.push({ ...nodeBundle, entryPoints: [path.join(root, worker)], outfile: path.join(outDir, `${path.basename(worker, '.ts')}.js`) });

fs.rmSync(outDir, { recursive: true, force: true });
// esbuild has already printed what went wrong, with file and line.
const results = await Promise.all(builds.map((options) => esbuild.build(options))).catch(() => process.exit(1));
for (const result of results) {
  for (const [file, info] of Object.entries(result.metafile.outputs)) {
    if (file.endsWith('.map')) continue;
    console.log(`wrote ${file} (${(info.bytes / 1024).toFixed(0)} kB)`);
  }
}
