#!/usr/bin/env node
// The `collate` command. Works right after `npm ci`, with no build step: it runs
// an esbuild bundle of the TypeScript sources, rebuilt when they change
// (build/scripts/cli-bundle.mjs). COLLATE_CLI_FROM_SOURCE=1 runs the sources
// through tsx instead, for stack traces that point into .ts files.
import { pathToFileURL } from 'node:url';

let main;
if (process.env.COLLATE_CLI_FROM_SOURCE) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('./main.ts'));
} else {
  const { ensureCliBundle } = await import('../../build/scripts/cli-bundle.mjs');
  ({ main } = await import(pathToFileURL(await ensureCliBundle()).href));
}
process.exitCode = await main(process.argv.slice(2));
