/**
 * The kill harness: a child process writes to a library (a bulk import, or a
 * burst of annotation and brief edits) and is killed with SIGKILL at random
 * moments. After each kill the library must open, pass integrity checks,
 * hold no partial source, and hold everything the child reported committed.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLibrary } from '../../electron/app/library';

const childScript = fileURLToPath(new URL('./child.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface CrashFigures {
  kills: number;
  /** Kills after which the library did not open or failed integrity_check / FTS integrity-check. */
  corruptLibraries: number;
  /** Sources without their body, canonical text, or search row. */
  partialSources: number;
  /** Writes the child reported committed that were not there after the kill. */
  lostCommits: number;
  /** Writes reported committed over all runs. */
  reportedCommits: number;
  /** Sources (import) or annotations + briefs (edits) in the library at the end. */
  finalRows: number;
  problems: string[];
}

const WORDS =
  'report minister said troops border ceasefire election ballot court ruling budget deficit vaccine trial outbreak harbour strike union council mayor protest river drought harvest pipeline refinery tariff embassy summit treaty'.split(
    ' ',
  );

/** N text and Markdown files, each with a word found in no other ("tok<i>q<letters>"). */
export function generateFiles(dir: string, count: number): void {
  fs.mkdirSync(dir, { recursive: true });
  let seed = 7;
  const rand = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 16) % n;
  };
  for (let i = 0; i < count; i++) {
    const token = uniqueWord(i);
    const paras = Array.from({ length: 3 + rand(4) }, () => Array.from({ length: 25 + rand(40) }, () => WORDS[rand(WORDS.length)]).join(' ') + '.');
    paras.splice(1 + rand(paras.length - 1), 0, `The file ${token} is number ${i}.`);
    const name = `f${String(i).padStart(6, '0')}`;
    if (i % 2) fs.writeFileSync(path.join(dir, `${name}.md`), `# Generated article ${i}\n\n${paras.join('\n\n')}\n`);
    else fs.writeFileSync(path.join(dir, `${name}.txt`), `Generated article ${i}\n\n${paras.join('\n\n')}\n`);
  }
}

export const uniqueWord = (i: number) => `tok${i}q${(i * 7919).toString(36).replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`;

interface ChildRun {
  lines: string[];
  finished: boolean;
}

/** Starts the child; kills it `killAfterMs` after it says "ready" (or lets it finish when null). */
function runChild(args: string[], killAfterMs: number | null): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript, ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (timer === undefined && killAfterMs !== null && /^ready$/m.test(out)) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL' && code !== 0) return reject(new Error(`the crash child exited with ${code}:\n${err}`));
      // A line cut by the kill is not a report.
      const lines = out.split('\n');
      if (!out.endsWith('\n')) lines.pop();
      resolve({ lines: lines.filter(Boolean), finished: /^done$/m.test(out) });
    });
  });
}

/** The checks that must hold after every kill; adds what it finds to `figures`. */
export function checkLibrary(dataDir: string, expect: Expectations, figures: CrashFigures): void {
  // (tests/crash/harness-checks.test.ts shows each check below catching what it is for.)
  let library;
  try {
    library = openLibrary({ dataDir });
  } catch (err) {
    figures.corruptLibraries++;
    figures.problems.push(`did not open: ${(err as Error).message}`);
    return;
  }
  try {
    const db = library.db;
    const integrity = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
    const bad = integrity.filter((r) => r.integrity_check !== 'ok');
    let ftsBad = 0;
    for (const table of ['sources_fts', 'annotations_fts', 'briefs_fts']) {
      try {
        db.prepare(`INSERT INTO ${table} (${table}) VALUES ('integrity-check')`).run();
      } catch (err) {
        ftsBad++;
        figures.problems.push(`${table}: ${(err as Error).message}`);
      }
    }
    if (bad.length || ftsBad) {
      figures.corruptLibraries++;
      figures.problems.push(...bad.map((r) => r.integrity_check));
    }

    const rows = db
      .prepare(
        `SELECT s.id, b.source_id AS body, b.document, b.canonical_text AS text
         FROM sources s LEFT JOIN source_bodies b ON b.source_id = s.id WHERE s.deleted_at IS NULL`,
      )
      .all() as Array<{ id: number; body: number | null; document: string | null; text: string | null }>;
    const match = db.prepare('SELECT rowid AS id FROM sources_fts WHERE sources_fts MATCH ?');
    for (const r of rows) {
      const word = r.text ? /tok\d+q[a-z]+/.exec(r.text)?.[0] : undefined;
      // Every generated file carries a word of its own: its search row must find it.
      const found = word ? (match.all(word) as Array<{ id: number }>).some((m) => m.id === r.id) : false;
      if (r.body === null || !r.document || !r.text || !found) {
        figures.partialSources++;
        figures.problems.push(`source ${r.id} is partial (body ${r.body !== null}, text ${Boolean(r.text)}, search row ${found})`);
      }
    }

    const has = (table: string, id: number) => db.prepare(`SELECT 1 FROM ${table} WHERE id = ? AND deleted_at IS NULL`).get(id) !== undefined;
    for (const id of expect.sources) if (!has('sources', id)) lost(figures, `source ${id}`);
    for (const id of expect.annotations) if (!has('annotations', id)) lost(figures, `annotation ${id}`);
    for (const id of expect.briefs) if (!has('briefs', id)) lost(figures, `brief ${id}`);
    for (const [id, allowed] of expect.notes) {
      const row = db.prepare('SELECT note_text AS v FROM annotations WHERE id = ?').get(id) as { v: string } | undefined;
      if (!row || !allowed.has(row.v)) lost(figures, `note of annotation ${id} (${row?.v} not in ${[...allowed].join('/')})`);
    }
    for (const [id, allowed] of expect.briefTexts) {
      const row = db.prepare('SELECT content_text AS v FROM briefs WHERE id = ?').get(id) as { v: string } | undefined;
      const inIndex = db.prepare('SELECT 1 FROM briefs_fts WHERE rowid = ? AND briefs_fts MATCH ?').get(id, `"${row?.v ?? ''}"`);
      if (!row || !allowed.has(row.v) || !inIndex) lost(figures, `text of brief ${id}`);
    }
    figures.finalRows =
      expect.mode === 'import'
        ? rows.length
        : (db.prepare('SELECT (SELECT count(*) FROM annotations) + (SELECT count(*) FROM briefs) AS n').get() as { n: number }).n;
  } finally {
    library.close();
  }
}

function lost(figures: CrashFigures, what: string): void {
  figures.lostCommits++;
  figures.problems.push(`lost: ${what}`);
}

export interface Expectations {
  mode: 'import' | 'edit';
  sources: Set<number>;
  annotations: Set<number>;
  briefs: Set<number>;
  /** The values an annotation's note (or a brief's text) may hold: the last committed one, and the one in flight. */
  notes: Map<number, Set<string>>;
  briefTexts: Map<number, Set<string>>;
}

/** Folds a run's report lines into what must be in the library; returns the next file index (import). */
export function absorb(lines: string[], expect: Expectations, figures: CrashFigures, nextFile: number): number {
  for (const line of lines) {
    const [kind, a, b] = line.split(' ');
    const id = Number(a);
    switch (kind) {
      case 'source':
        expect.sources.add(id);
        nextFile = Math.max(nextFile, Number(b) + 1);
        figures.reportedCommits++;
        break;
      case 'ann':
        expect.annotations.add(id);
        expect.notes.set(id, expect.notes.get(id) ?? new Set(['']));
        figures.reportedCommits++;
        break;
      case 'brief':
        expect.briefs.add(id);
        // Its text at creation is committed too: a later try-brief killed mid-way may leave it.
        expect.briefTexts.set(id, new Set([b]));
        figures.reportedCommits++;
        break;
      case 'try-note':
        expect.notes.get(id)?.add(b);
        break;
      case 'note':
        expect.notes.set(id, new Set([b]));
        figures.reportedCommits++;
        break;
      case 'try-brief':
        (expect.briefTexts.get(id) ?? expect.briefTexts.set(id, new Set()).get(id)!).add(b);
        break;
      case 'brief-text':
        expect.briefTexts.set(id, new Set([b]));
        figures.reportedCommits++;
        break;
    }
  }
  return nextFile;
}

export interface HarnessOptions {
  mode: 'import' | 'edit';
  workDir: string;
  kills: number;
  /** Import mode: how many files. */
  files?: number;
  /** Longest time a child runs after "ready" before the kill; each kill picks a random moment up to it. */
  maxKillMs: number;
  /** After the kills, let one child run the import to its end and check every file arrived. */
  finish?: boolean;
  log?: (line: string) => void;
}

export const emptyFigures = (): CrashFigures => ({ kills: 0, corruptLibraries: 0, partialSources: 0, lostCommits: 0, reportedCommits: 0, finalRows: 0, problems: [] });
export const emptyExpectations = (mode: 'import' | 'edit'): Expectations => ({
  mode,
  sources: new Set(),
  annotations: new Set(),
  briefs: new Set(),
  notes: new Map(),
  briefTexts: new Map(),
});

export async function runKillHarness(o: HarnessOptions): Promise<CrashFigures> {
  const dataDir = path.join(o.workDir, 'data');
  const filesDir = path.join(o.workDir, 'files');
  const figures = emptyFigures();
  const expect = emptyExpectations(o.mode);
  let nextFile = 0;
  if (o.mode === 'import') generateFiles(filesDir, o.files ?? 500);
  else {
    // Something to annotate: a few articles from the same generator, imported before the kills.
    generateFiles(filesDir, 5);
    const library = openLibrary({ dataDir });
    await library.call('sources.importFiles', { paths: [filesDir] });
    library.close();
  }
  // For an import, kill moments are spread so the kills land all along it rather than the last run
  // finishing first: each picks a random moment within the time its share of the remaining files takes
  // (a share that leaves room for the runs still to come, so even the last kill lands mid-import).
  let msPerWrite = 0;
  for (let k = 0; k < o.kills; k++) {
    const share = o.mode === 'import' && msPerWrite > 0 ? (msPerWrite * ((o.files ?? 500) - nextFile)) / (o.kills - k + 1) : o.maxKillMs;
    const delay = 20 + Math.floor(Math.random() * Math.min(o.maxKillMs, share));
    const args = o.mode === 'import' ? ['import', dataDir, filesDir, String(nextFile)] : ['edit', dataDir, String(k + 1)];
    const run = await runChild(args, delay);
    nextFile = absorb(run.lines, expect, figures, nextFile);
    const writes = run.lines.length - 1;
    if (writes > 5) msPerWrite = msPerWrite ? (msPerWrite + delay / writes) / 2 : delay / writes;
    if (run.finished) {
      o.log?.(`kill ${k + 1}: the child finished before the kill; not counted`);
      break;
    }
    figures.kills++;
    const before = figures.corruptLibraries + figures.partialSources + figures.lostCommits;
    checkLibrary(dataDir, expect, figures);
    const found = figures.corruptLibraries + figures.partialSources + figures.lostCommits - before;
    o.log?.(`kill ${k + 1} after ${delay} ms: ${run.lines.length - 1} writes reported, ${figures.finalRows} rows, ${found ? `${found} PROBLEMS` : 'ok'}`);
  }
  if (o.finish && o.mode === 'import') {
    const run = await runChild(['import', dataDir, filesDir, String(nextFile)], null);
    absorb(run.lines, expect, figures, nextFile);
    checkLibrary(dataDir, expect, figures);
  }
  return figures;
}

export function formatFigures(label: string, f: CrashFigures): string {
  return `${label}: ${f.kills} kills, ${f.corruptLibraries} corrupt libraries, ${f.partialSources} partial sources, ${f.lostCommits} lost commits (${f.reportedCommits} commits reported, ${f.finalRows} rows at the end)`;
}
