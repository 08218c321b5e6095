/**
 * The full kill-harness run (issue 8): 50 kills during a bulk import of 10,000
 * files, then 50 during a burst of edits. Run by build/scripts/kill-harness.mjs;
 * prints the figures and exits 1 if any library was corrupt, any source
 * partial or any reported commit lost.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatFigures, runKillHarness } from './harness';

const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '50' },
    files: { type: 'string', default: '10000' },
    'max-kill-ms': { type: 'string', default: '4000' },
    keep: { type: 'boolean', default: false },
  },
});
const kills = Number(values.kills);
const files = Number(values.files);
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'collate-kill-'));
const log = (line: string) => console.log(line);
let failed = false;
try {
  console.log(`Kill harness: ${kills} kills over an import of ${files} files, then ${kills} over edits (work folder ${workDir})`);
  const started = Date.now();
  const imp = await runKillHarness({ mode: 'import', workDir: path.join(workDir, 'import'), files, kills, maxKillMs: Number(values['max-kill-ms']), finish: true, log });
  const edits = await runKillHarness({ mode: 'edit', workDir: path.join(workDir, 'edit'), kills, maxKillMs: 1500, log });
  console.log(formatFigures('import', imp));
  console.log(formatFigures('edits', edits));
  console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s)`);
  for (const p of [...imp.problems, ...edits.problems].slice(0, 50)) console.log(`  problem: ${p}`);
  failed = imp.problems.length + edits.problems.length > 0 || imp.finalRows !== files;
  if (imp.finalRows !== files) console.log(`  problem: ${imp.finalRows} of ${files} files in the library after the final run`);
} finally {
  if (!values.keep) fs.rmSync(workDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
