import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../shared/api/errors';
import { startWorker } from '../app/workers';
import type { ExtractedSource } from '../interop/types';
import type { Extract } from './import';

type Reply = { id: number; ok: true; value: ExtractedSource } | { id: number; ok: false; error: { code: ErrorCode | null; message: string } };

export interface ExtractPool {
  extract: Extract;
  /** How many files may be in flight at once to keep every worker busy. */
  concurrency: number;
  /** Workers alive now: none until the first file, none again after a quiet spell. */
  running(): number;
  close(): Promise<void>;
}

const startExtractWorker = () => startWorker(new URL('./extract-worker.ts', import.meta.url));

/** Idle workers are let go after this long: each holds its own V8 heap with every parser loaded. */
const IDLE_MS = 30_000;

/**
 * Parses files on worker threads so a batch uses every core and the thread
 * that answers the UI and writes the library never stalls on a 300-page PDF.
 * Workers start with the first file and stop after a quiet spell, so an open
 * app that is not importing does not carry two parser heaps.
 */
export function createExtractPool(size = Math.max(1, Math.min(4, os.availableParallelism())), idleMs = IDLE_MS): ExtractPool {
  const workers: Array<{ worker: Worker; busy: number }> = [];
  const pending = new Map<number, { resolve: (v: ExtractedSource) => void; reject: (e: Error) => void; slot: { busy: number } }>();
  let nextId = 1;
  let idleTimer: NodeJS.Timeout | null = null;

  const stopIdle = () => {
    if (pending.size > 0) return;
    for (const w of workers.splice(0)) void w.worker.terminate();
  };
  const armIdle = () => {
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = pending.size === 0 ? setTimeout(stopIdle, idleMs) : null;
    idleTimer?.unref();
  };

  const spawnWorker = () => {
    const slot = { worker: startExtractWorker(), busy: 0 };
    slot.worker.unref();
    slot.worker.on('message', (reply: Reply) => {
      const job = pending.get(reply.id);
      if (!job) return;
      pending.delete(reply.id);
      job.slot.busy--;
      if (reply.ok) job.resolve(reply.value);
      else job.reject(reply.error.code ? new AppError(reply.error.code, reply.error.message) : new Error(reply.error.message));
      armIdle();
    });
    slot.worker.on('error', (err) => {
      // A worker that dies (a parser crash, out of memory) fails its own files only; a new one takes its place.
      for (const [id, job] of pending) {
        if (job.slot === slot) {
          pending.delete(id);
          job.reject(new AppError('unreadable', `The file could not be parsed (${err.message}).`));
        }
      }
      const at = workers.indexOf(slot);
      if (at >= 0) workers.splice(at, 1, spawnWorker());
      armIdle();
    });
    return slot;
  };

  const extract: Extract = (bytes, fileName) =>
    new Promise((resolve, reject) => {
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = null;
      while (workers.length < size) workers.push(spawnWorker());
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
    running: () => workers.length,
    close: async () => {
      if (idleTimer) clearTimeout(idleTimer);
      await Promise.all(workers.splice(0).map((w) => w.worker.terminate()));
    },
  };
}
