#!/usr/bin/env node
// Doyensec's Electronegativity over the Electron code and the build output, offline
// (-x AvailableSecurityFixesGlobalCheck: that check downloads Electron's release list),
// failing on any HIGH-severity finding. Needs the dev dependency
// "@doyensec/electronegativity": "1.10.3" (not installed on the machines it was written on).
// Usage: node build/scripts/electronegativity.mjs [DIR...]   (default: electron/ and dist/ when built)
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

let cli;
try {
  cli = path.join(path.dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
} catch {
  console.error('electronegativity: @doyensec/electronegativity is not installed (npm install --save-dev @doyensec/electronegativity@1.10.3).');
  process.exit(1);
}

const inputs = process.argv.slice(2).length ? process.argv.slice(2) : ['electron', 'dist'].filter((d) => existsSync(path.join(root, d)));
let failed = false;
for (const input of inputs) {
  // -s high: list only HIGH findings; -r: paths relative to the input; verbose off keeps the table short.
  const r = spawnSync(process.execPath, [cli, '-i', path.resolve(root, input), '-x', 'AvailableSecurityFixesGlobalCheck', '-s', 'high', '-r', '-v', 'false'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  const output = `${r.stdout}${r.stderr}`;
  const clean = r.status === 0 && /No issues were found\./.test(output);
  console.log(`electronegativity ${input}: ${clean ? 'no high-severity findings' : 'HIGH-SEVERITY FINDINGS (or the scan failed)'}`);
  if (!clean) {
    console.log(output);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
