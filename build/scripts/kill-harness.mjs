#!/usr/bin/env node
// The full crash-safety run of issue 8: SIGKILL 50 times during a 10,000-file
// import and 50 times during a burst of edits, checking the library after each.
// npm test runs the same harness at a CI size (tests/crash/*.test.ts).
// Usage: node build/scripts/kill-harness.mjs [--kills 50] [--files 10000] [--max-kill-ms 4000] [--keep]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'tests/crash/full-run.ts'), ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
