import { parentPort } from 'node:worker_threads';
import { AppError } from '../../shared/api/errors';
import { extractFile } from '../interop';

// One file at a time per worker; errors travel back as data so the batch goes on.
parentPort?.on('message', async (job: { id: number; bytes: Uint8Array; fileName: string }) => {
  try {
    const value = await extractFile(job.bytes, job.fileName);
    parentPort!.postMessage({ id: job.id, ok: true, value });
  } catch (err) {
    const code = err instanceof AppError ? err.code : null;
    const message = err instanceof Error ? err.message : String(err);
    parentPort!.postMessage({ id: job.id, ok: false, error: { code, message } });
  }
});
