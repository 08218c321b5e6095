import path from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts one of the app's worker modules, given the URL of its .ts source.
 * Bundled (the Electron app, the CLI bundle), the build writes each worker as
 * a .js beside the bundle (build/scripts/node-bundle.mjs: WORKERS). From
 * source (tsx: the tests), a tiny bootstrap registers tsx inside the worker
 * first, because a worker inherits neither the parent's module hooks nor a
 * working `--import tsx` from execArgv.
 */
export function startWorker(source: URL, options: WorkerOptions = {}): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  if (!fromSource) return new Worker(new URL(`./${path.basename(source.pathname, '.ts')}.js`, import.meta.url), options);
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(source.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
