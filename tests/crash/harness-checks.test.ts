import path from 'node:path';
import { expect, it } from 'vitest';
import { openLibrary } from '../../electron/app/library';
import { tempDir } from '../helpers/library';
import { absorb, checkLibrary, emptyExpectations, emptyFigures, generateFiles } from './harness';

// The kill harness reports zeros; this shows its checks are able to report anything else.
it('the after-kill checks catch a source without its search row or body, and a reported commit that is missing', async () => {
  const work = tempDir();
  generateFiles(path.join(work, 'files'), 4);
  const dataDir = path.join(work, 'data');
  const library = openLibrary({ dataDir });
  await library.call('sources.importFiles', { paths: [path.join(work, 'files')] });
  const expectations = emptyExpectations('import');
  absorb(['source 1 0', 'source 2 1', 'source 3 2', 'source 4 3', 'source 99 4', 'ann 7'], expectations, emptyFigures(), 0);

  const whole = emptyFigures();
  library.close();
  checkLibrary(dataDir, { ...expectations, sources: new Set([1, 2, 3, 4]), annotations: new Set(), notes: new Map() }, whole);
  expect(whole.problems).toEqual([]);

  const db = openLibrary({ dataDir }).db;
  // Source 2 loses its search row (external-content FTS: the 'delete' command with the old values).
  db.prepare("INSERT INTO sources_fts (sources_fts, rowid, title, byline, outlet, body) SELECT 'delete', id, title, byline, outlet, body FROM source_search WHERE id = 2").run();
  db.prepare('DELETE FROM source_bodies WHERE source_id = 3').run();
  db.close();

  const broken = emptyFigures();
  checkLibrary(dataDir, expectations, broken);
  expect(broken.partialSources).toBe(2);
  expect(broken.lostCommits).toBe(3); // source 99, annotation 7 and its note were "reported" but are not there
  expect(broken.problems.join('\n')).toMatch(/source 2 is partial .*search row false/);
  expect(broken.problems.join('\n')).toMatch(/source 3 is partial \(body false/);
});
