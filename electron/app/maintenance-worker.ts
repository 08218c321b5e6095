import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/connection';
import { dailyBackupIfDue } from '../services/backup';
import { quickCheck } from './recovery';

export interface MaintenanceJob {
  databasePath: string;
  dataDir: string;
  now: string;
  nativeBinding?: string;
}

export interface MaintenanceReport {
  /** What quick_check found; [] when the library is healthy. */
  problems: string[];
  /** The daily backup written, if one was due. */
  backup: { path: string; bytes: number } | null;
  /** A failure of the check or the backup itself (a full disk), not damage. */
  error: string | null;
}

// A large library's quick check and daily backup, on their own read-only connection so the app stays responsive (library.ts).
const job = workerData as MaintenanceJob;
const report: MaintenanceReport = { problems: [], backup: null, error: null };
try {
  report.problems = quickCheck(job.databasePath, job.nativeBinding);
  if (report.problems.length === 0) {
    const db = openDatabase(job.databasePath, { readonly: true, nativeBinding: job.nativeBinding });
    try {
      report.backup = dailyBackupIfDue(db, job.dataDir, job.now);
    } finally {
      db.close();
    }
  }
} catch (err) {
  report.error = err instanceof Error ? err.message : String(err);
}
parentPort?.postMessage(report);
