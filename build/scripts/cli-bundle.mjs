// The collate CLI (and the browser host it serves) runs from an esbuild bundle
// of electron/cli/main.ts, rebuilt only when one of its inputs changed. Running
// the sources through tsx instead costs a loader thread and a transform per
// file: about 60 MB more for an idle `collate serve`, and a slower start.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeBundle, WORKERS } from './node-bundle.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cacheDir = path.join(root, 'dist', 'cli');
const manifestPath = path.join(cacheDir, 'current.json');
/**
 * Older builds are removed only when there are more than KEEP_BUILDS and they
 * are a day old: a `collate serve` started from one may still start workers
 * from it hours later, and CLIs started together each build their own.
 */
const KEEP_BUILDS = 3;
const KEEP_MS = 24 * 60 * 60 * 1000;

const stamp = (file) => {
  try {
    const st = fs.statSync(path.join(root, file));
    return `${st.size}:${Math.trunc(st.mtimeMs)}`;
  } catch {
    return 'missing';
  }
};

function current() {
  try {
    const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
    const entry = path.join(cacheDir, manifest.dir, 'main.js');
    if (!fs.existsSync(entry)) return null;
    for (const [file, was] of Object.entries(manifest.inputs)) if (stamp(file) !== was) return null;
    return entry;
  } catch {
    return null;
  }
}

/** Returns the bundled CLI entry, building it first when the sources changed since the last build. */
export async function ensureCliBundle() {
  const ready = current();
  if (ready) return ready;
  const esbuild = await import('esbuild');
  const dir = `build-${Date.now().toString(36)}-${process.pid}`;
  const outDir = path.join(cacheDir, dir);
  const options = nodeBundle(root, { target: 'node20', external: ['vite', 'tsx'] });
  let results;
  try {
    results = await Promise.all([
      esbuild.build({ ...options, entryPoints: [path.join(root, 'electron/cli/main.ts')], outfile: path.join(outDir, 'main.js') }),
      // Workers are started from files beside main.js (electron/app/workers.ts).
      ...WORKERS.map((w) => esbuild.build({ ...options, entryPoints: [path.join(root, w)], outfile: path.join(outDir, `${path.basename(w, '.ts')}.js`) })),
    ]);
  } finally {
    await esbuild.stop?.();
  }
  const inputs = {};
  for (const result of results) for (const file of Object.keys(result.metafile.inputs)) inputs[file] = stamp(file);
  inputs['package-lock.json'] = stamp('package-lock.json');
  // Written under a temporary name and renamed: a CLI started at the same moment reads the old or the new manifest, never half of one.
  const tmp = `${manifestPath}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify({ dir, inputs }));
  fs.renameSync(tmp, manifestPath);
  const builds = fs
    .readdirSync(cacheDir)
    .filter((d) => d.startsWith('build-') && d !== dir)
    .map((d) => ({ d, t: fs.statSync(path.join(cacheDir, d)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const { d, t } of builds.slice(KEEP_BUILDS)) if (Date.now() - t > KEEP_MS) fs.rmSync(path.join(cacheDir, d), { recursive: true, force: true });
  return path.join(outDir, 'main.js');
}
