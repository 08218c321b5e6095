import { expect, it } from 'vitest';
import { tempDir } from '../helpers/library';
import { formatFigures, runKillHarness } from './harness';

it('a burst of annotation and brief edits killed with SIGKILL 8 times loses no committed edit', async () => {
  const f = await runKillHarness({ mode: 'edit', workDir: tempDir(), kills: 8, maxKillMs: 400 });
  console.log(formatFigures('edits', f));
  expect(f.problems).toEqual([]);
  expect(f.kills).toBe(8);
  expect(f.reportedCommits).toBeGreaterThan(8);
}, 240_000); // each run starts a fresh Node process with tsx: seconds apiece on a loaded CI machine
