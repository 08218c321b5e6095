import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../shared/api/errors';
import type { ExtractedSource } from '../interop/types';
import type { Extract } from './import';

type Reply = { id: number; ok: true; value: ExtractedSource } | { id: number; ok: false; error: { code: ErrorCode | null; message: string } };

export interface ExtractPool {
  extract: Extract;
  /** How many files may be in flight at once to keep every worker busy. */
  concurrency: number;
  close(): Promise<void>;
}

/**
 * Starts the worker: the bundled .js in the built app; from source (tsx: the
 * CLI, the browser host, tests) a tiny bootstrap that registers tsx inside the
 * worker first, because a worker inherits neither the parent's module hooks
 * nor a working `--import tsx` from execArgv.
 */
function startWorker(): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  if (!fromSource) return new Worker(new URL('./extract-worker.js', import.meta.url));
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const target = new URL('./extract-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); });`;
  return new Worker(bootstrap, { eval: true });
}

/**
 * Parses files on worker threads so a batch uses every core and the thread
 * that answers the UI and writes the library never stalls on a 300-page PDF.
 */
export function createExtractPool(size = Math.max(1, Math.min(4, os.availableParallelism()))): ExtractPool {
  const workers: Array<{ worker: Worker; busy: number }> = [];
  const pending = new Map<number, { resolve: (v: ExtractedSource) => void; reject: (e: Error) => void; slot: { busy: number } }>();
  let nextId = 1;

  const spawnWorker = () => {
    const slot = { worker: startWorker(), busy: 0 };
    slot.worker.unref();
    slot.worker.on('message', (reply: Reply) => {
      const job = pending.get(reply.id);
      if (!job) return;
      pending.delete(reply.id);
      job.slot.busy--;
      if (reply.ok) job.resolve(reply.value);
      else job.reject(reply.error.code ? new AppError(reply.error.code, reply.error.message) : new Error(reply.error.message));
    });
    slot.worker.on('error', (err) => {
      // A worker that dies (a parser crash, out of memory) fails its own files only; a new one takes its place.
      for (const [id, job] of pending) {
        if (job.slot === slot) {
          pending.delete(id);
          job.reject(new AppError('unreadable', `The file could not be parsed (${err.message}).`));
        }
      }
      workers.splice(workers.indexOf(slot), 1, spawnWorker());
    });
    return slot;
  };
  for (let i = 0; i < size; i++) workers.push(spawnWorker());

  const extract: Extract = (bytes, fileName) =>
    new Promise((resolve, reject) => {
      const slot = workers.reduce((a, b) => (b.busy < a.busy ? b : a));
      const id = nextId++;
      slot.busy++;
      pending.set(id, { resolve, reject, slot });
      const copy = bytes.slice();
      slot.worker.postMessage({ id, bytes: copy, fileName }, [copy.buffer]);
    });

  return {
    extract,
    concurrency: size * 2,
    close: async () => {
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}
