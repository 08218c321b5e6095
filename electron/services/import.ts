import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FileImportResult, ImportOutcome, ImportReport } from '../../shared/api/methods/sources';
import { AppError } from '../../shared/api/errors';
import type { SourceMetadata } from '../../shared/model/entities';
import { indexSources } from '../db/repos/sources';
import { ensureTag, tagSource } from '../db/repos/tags';
import { titleFromLine } from '../interop/normalize';
import type { ExtractedSource } from '../interop/types';
import type { ServiceContext } from './context';
import { storeRevisedText } from './anchoring';
import { addSource, type SourceToAdd } from './sources';

/** Turns a file's bytes into a source; the import worker pool provides one that runs off the main thread. */
export type Extract = (bytes: Uint8Array, fileName: string) => Promise<ExtractedSource>;

/** An Extract and how many files it can usefully work on at once. */
export interface Extractor {
  extract: Extract;
  concurrency: number;
}

/** Where one item of a batch comes from: a path to read, or bytes already in hand (browser uploads). */
export type ImportItem = { file: string; read: (maxBytes: number) => Promise<Uint8Array> };

export interface ImportJobOptions {
  tags: string[];
  jobId?: string;
  extractor: Extractor;
  /** Largest file read at all; each format has its own, smaller limit inside extraction. */
  maxFileBytes?: number;
}

const DEFAULT_MAX_FILE = 512 * 1024 * 1024;

/** Jobs that may be cancelled, per library. */
const running = new WeakMap<ServiceContext, Map<string, { cancelled: boolean }>>();

export function cancelImport(ctx: ServiceContext, jobId: string): boolean {
  const job = running.get(ctx)?.get(jobId);
  if (!job) return false;
  job.cancelled = true;
  return true;
}

function describeFsError(err: unknown): string {
  const code = (err as { code?: string }).code;
  switch (code) {
    case 'ENOENT':
      return 'No such file or folder.';
    case 'EACCES':
    case 'EPERM':
      return 'Collate is not allowed to read this (permission denied).';
    case 'ELOOP':
      return 'This is a symbolic link that loops back on itself.';
    case 'EISDIR':
      return 'This is a folder, not a file.';
    default:
      return `Could not be read: ${(err as Error).message}`;
  }
}

/**
 * Expands files and folders into the files to import. Folders are walked
 * recursively; a folder reached twice through links is reported once and not
 * walked again; the "_files" folder a browser saves beside a page holds that
 * page's assets, not articles, so it is skipped.
 */
export async function expandPaths(paths: string[]): Promise<{ files: string[]; problems: FileImportResult[] }> {
  const files: string[] = [];
  const problems: FileImportResult[] = [];
  const seenDirs = new Set<string>();

  async function visit(p: string, explicit: boolean): Promise<void> {
    let stat;
    try {
      stat = await fs.stat(p);
    } catch (err) {
      problems.push({ file: p, status: 'failed', error: describeFsError(err) });
      return;
    }
    if (stat.isFile()) {
      files.push(p);
      return;
    }
    if (!stat.isDirectory()) {
      if (explicit) problems.push({ file: p, status: 'failed', error: 'This is not a regular file or folder.' });
      return;
    }
    let real: string;
    try {
      real = await fs.realpath(p);
    } catch (err) {
      problems.push({ file: p, status: 'failed', error: describeFsError(err) });
      return;
    }
    if (seenDirs.has(real)) {
      problems.push({ file: p, status: 'failed', error: 'Skipped: this folder was already imported through another link (a symbolic link loop).' });
      return;
    }
    seenDirs.add(real);
    let entries;
    try {
      entries = await fs.readdir(p, { withFileTypes: true });
    } catch (err) {
      problems.push({ file: p, status: 'failed', error: describeFsError(err) });
      return;
    }
    const names = new Set(entries.map((e) => e.name));
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const m = /^(.*)_files$/.exec(entry.name);
      if (m && (names.has(`${m[1]}.html`) || names.has(`${m[1]}.htm`))) continue;
      await visit(path.join(p, entry.name), false);
    }
  }

  for (const p of paths) await visit(path.resolve(p), true);
  return { files, problems };
}

function toMetadata(x: ExtractedSource, fileName: string): SourceMetadata {
  const base = path.basename(fileName).replace(/\.[^.]+$/, '');
  // A text file without a heading is titled by its first line, as a pasted one is; other formats by their name.
  const firstLine = x.format === 'text' || x.format === 'markdown' ? titleFromLine(x.document.blocks[0]?.text.split('\n')[0] ?? '') : null;
  return {
    title: (x.metadata.title ?? '').trim() || firstLine || base || 'Untitled',
    byline: x.metadata.byline ?? null,
    outlet: x.metadata.outlet ?? null,
    publishedAt: x.metadata.publishedAt ?? null,
    url: x.metadata.url ?? null,
    language: x.metadata.language ?? null,
  };
}

/** A write batch ends at this many sources or after this long, whichever comes first. */
const BATCH_SOURCES = 500;
const BATCH_MS = 250;
/** Read-ahead beyond the extractor's concurrency: at most this many files, holding at most this many bytes. */
const READ_AHEAD_FILES = 64;
const READ_AHEAD_BYTES = 16 * 1024 * 1024;

interface Ready {
  /** Index of this file's line in the report. */
  slot: number;
  item: ImportItem;
  extracted: ExtractedSource;
}

/**
 * Imports a batch. Sources are written in transactions of up to
 * BATCH_SOURCES files or BATCH_MS, each file inside its own savepoint: a file
 * that fails rolls back only itself and the rest of the batch goes on, and a
 * crash loses at most the uncommitted batch, never part of a source. A file
 * still being parsed when the batch is due does not hold back the ready ones. Progress is emitted as it goes; cancelling
 * stops after the files in hand.
 */
export async function runImport(ctx: ServiceContext, items: ImportItem[], opts: ImportJobOptions, early: FileImportResult[] = []): Promise<ImportReport> {
  const jobId = opts.jobId ?? randomUUID();
  const jobs = running.get(ctx) ?? new Map();
  running.set(ctx, jobs);
  if (jobs.has(jobId)) throw new AppError('conflict', `An import with id ${jobId} is already running.`);
  const job = { cancelled: false };
  jobs.set(jobId, job);

  const results: FileImportResult[] = [...early];
  const total = items.length + early.length;
  let done = early.length;
  let failed = early.length;
  let lastEmit = 0;
  const progress = (current: string | null, finished = false) => {
    const t = Date.now();
    if (!finished && t - lastEmit < 100) return;
    lastEmit = t;
    ctx.events.emit('import.progress', { jobId, done, total, current, failed, finished });
  };
  const fail = (slot: number, file: string, err: unknown) => {
    failed++;
    done++;
    results[slot] = { file, status: 'failed', error: err instanceof AppError ? err.message : describeFsError(err) };
  };

  let batch: Ready[] = [];
  let batchStarted = 0;
  const flush = () => {
    if (!batch.length) return;
    const writing = batch;
    batch = [];
    const outcomes: Array<FileImportResult | { error: unknown }> = [];
    try {
      ctx.db
        .transaction(() => {
          for (const { item, extracted } of writing) {
            try {
              // A nested transaction is a savepoint: a failing file undoes only its own writes.
              outcomes.push(ctx.db.transaction(() => writeSource(ctx, item, extracted, opts.tags))());
            } catch (err) {
              outcomes.push({ error: err });
            }
          }
          // Indexed together, after the savepoints: in the same transaction, so a source is never there unindexed.
          indexSources(ctx.db, outcomes.flatMap((o) => ('status' in o && o.status === 'imported' && o.id ? [o.id] : [])));
        })
        .immediate();
    } catch (err) {
      // The commit itself failed (disk full, library locked): none of the batch was written.
      for (const r of writing) fail(r.slot, r.item.file, err);
      return;
    }
    writing.forEach((r, k) => {
      const o = outcomes[k];
      if ('error' in o) fail(r.slot, r.item.file, o.error);
      else {
        done++;
        results[r.slot] = o;
      }
    });
  };

  // Files are read and parsed ahead while earlier ones are written, so every
  // core works; writes stay in order. Always as many as the extractor works on
  // at once; beyond that, small files keep coming while what is read ahead
  // stays under READ_AHEAD_BYTES (a folder of short texts would otherwise
  // wait on one file read at a time), and no more reads of unknown size are
  // in progress than the extractor's concurrency, so huge files never pile up.
  const concurrency = Math.max(1, opts.extractor.concurrency);
  const started = new Map<number, { promise: Promise<ExtractedSource>; settled: boolean; bytes: number }>();
  let nextToStart = 0;
  let reading = 0;
  let aheadBytes = 0;
  const mayStart = () => started.size < concurrency || (reading < concurrency && aheadBytes < READ_AHEAD_BYTES && started.size < READ_AHEAD_FILES);
  const start = (i: number) => {
    const item = items[i];
    reading++;
    const entry = { promise: null as unknown as Promise<ExtractedSource>, settled: false, bytes: 0 };
    entry.promise = item.read(opts.maxFileBytes ?? DEFAULT_MAX_FILE).then(
      (bytes) => {
        reading--;
        entry.bytes = bytes.byteLength;
        aheadBytes += entry.bytes;
        return opts.extractor.extract(bytes, path.basename(item.file));
      },
      (err: unknown) => {
        reading--;
        throw err;
      },
    );
    entry.promise.then(
      () => (entry.settled = true),
      () => (entry.settled = true), // the error itself is handled when its turn comes
    );
    started.set(i, entry);
  };
  const startMore = () => {
    while (nextToStart < items.length && !job.cancelled && mayStart()) start(nextToStart++);
  };

  try {
    progress(null);
    for (let i = 0; i < items.length; i++) {
      if (job.cancelled) break;
      const item = items[i];
      startMore();
      progress(item.file);
      const entry = started.get(i)!;
      if (!entry.settled && batch.length) {
        // Ready files wait for a slow one at most until their batch is due, then are committed.
        let timer: NodeJS.Timeout | undefined;
        const due = new Promise<true>((resolve) => (timer = setTimeout(() => resolve(true), Math.max(0, BATCH_MS - (Date.now() - batchStarted)))));
        const timedOut = await Promise.race([entry.promise.then(() => false, () => false), due]);
        clearTimeout(timer);
        if (timedOut) flush();
      }
      const slot = results.push({ file: item.file, status: 'failed' }) - 1;
      try {
        const extracted = await entry.promise.finally(() => {
          started.delete(i);
          aheadBytes -= entry.bytes;
        });
        if (!batch.length) batchStarted = Date.now();
        batch.push({ slot, item, extracted });
      } catch (err) {
        fail(slot, item.file, err);
      }
      if (batch.length >= BATCH_SOURCES || Date.now() - batchStarted >= BATCH_MS) flush();
    }
    flush();
  } finally {
    jobs.delete(jobId);
    progress(null, true);
    if (results.some((r) => r.status === 'updated')) ctx.events.emit('library.changed', { kinds: ['sources', 'tags', 'annotations'] });
    else if (results.some((r) => r.status === 'imported')) ctx.events.emit('library.changed', { kinds: ['sources', 'tags'] });
  }
  return { jobId, cancelled: job.cancelled, results };
}

/**
 * Adds a source with its tags, inside the caller's transaction. A source
 * bearing the canonical URL of one already in the library but a different
 * text is a new version of that article: the existing source's text is
 * replaced and its annotations re-anchored (status "updated"), rather than a
 * second copy added beside it or the new text dropped as a duplicate. The
 * same text is still a duplicate. Files and pastes both come through here.
 */
export function addOrReviseSource(ctx: ServiceContext, source: SourceToAdd, tags: string[]): ImportOutcome {
  const o = addSource(ctx, source);
  const tagIt = (id: number) => {
    for (const tag of tags) tagSource(ctx.db, id, ensureTag(ctx.db, tag, ctx.now()));
  };
  if (o.status === 'imported') tagIt(o.id);
  if (o.status !== 'duplicate' || o.reason !== 'same URL') return o;
  const anchors = storeRevisedText(ctx, o.id, source.document);
  tagIt(o.id);
  return { status: 'updated', id: o.id, title: o.title, anchors };
}

/** One file's source; runs inside the batch's transaction, in its own savepoint. */
function writeSource(ctx: ServiceContext, item: ImportItem, extracted: ExtractedSource, tags: string[]): FileImportResult {
  const o = addOrReviseSource(
    ctx,
    {
      document: extracted.document,
      metadata: toMetadata(extracted, item.file),
      format: extracted.format,
      origin: item.file,
      canonicalUrl: extracted.metadata.canonicalUrl,
      excerpt: extracted.metadata.excerpt,
      deferIndex: true,
    },
    tags,
  );
  if (o.status === 'duplicate') return { file: item.file, status: 'duplicate', duplicateOf: { id: o.id, title: o.title, reason: o.reason ?? 'same text' } };
  return { file: item.file, status: o.status, id: o.id, title: o.title, ...(o.anchors ? { anchors: o.anchors } : {}) };
}

export function tooLarge(bytes: number, max: number): AppError {
  return new AppError('too_large', `This file is ${(bytes / 1024 / 1024).toFixed(1)} MB; the import limit is ${Math.round(max / 1024 / 1024)} MB.`);
}

export function fileItems(files: string[]): ImportItem[] {
  return files.map((file) => ({
    file,
    read: async (max) => {
      // Checked before reading, so a huge file is refused without filling memory.
      const { size } = await fs.stat(file);
      if (size > max) throw tooLarge(size, max);
      return new Uint8Array(await fs.readFile(file));
    },
  }));
}

export function uploadItems(files: Array<{ name: string; base64: string }>): ImportItem[] {
  return files.map(({ name, base64 }) => ({
    // Only the base name: an upload's name is a label, never a path to write or read.
    file: path.basename(name.replace(/\\/g, '/')) || 'upload',
    read: async (max) => {
      const bytes = new Uint8Array(Buffer.from(base64, 'base64'));
      if (bytes.byteLength > max) throw tooLarge(bytes.byteLength, max);
      return bytes;
    },
  }));
}
