import { expect, it } from 'vitest';
import { tempDir } from '../helpers/library';
import { formatFigures, runKillHarness } from './harness';

// A size CI can afford; build/scripts/kill-harness.mjs runs 50 kills over 10,000 files.
it('a bulk import killed with SIGKILL 8 times leaves a whole library holding every reported source', async () => {
  const f = await runKillHarness({ mode: 'import', workDir: tempDir(), files: 500, kills: 8, maxKillMs: 400, finish: true });
  console.log(formatFigures('import', f));
  expect(f.problems).toEqual([]);
  expect(f.kills).toBe(8);
  // After the kills, one last run imports the rest: every file arrives exactly once.
  expect(f.finalRows).toBe(500);
}, 240_000); // each run starts a fresh Node process with tsx: seconds apiece on a loaded CI machine
