/**
 * The process the kill harness kills. It writes to a library and reports on
 * stdout each write as soon as its transaction has committed (stdout to a
 * pipe is synchronous on Linux and macOS, so a reported line is in the
 * parent's pipe before the next write starts). Lines:
 *   ready
 *   source <id> <file index>          (import mode)
 *   ann <id> / try-note <id> <value> / note <id> <value>
 *   brief <id> <value> / try-brief <id> <value> / brief-text <id> <value>
 * A "try-" line comes before the write, so the parent accepts either value for
 * an update that was in flight when the kill came.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createClient } from '../../shared/api/client';
import { openLibrary } from '../../electron/app/library';
import { insertBrief, updateBrief } from '../../electron/db/repos/briefs';

const [mode, dataDir, arg] = process.argv.slice(2);
const say = (line: string) => process.stdout.write(`${line}\n`);

async function importMode(filesDir: string, from: number): Promise<void> {
  const library = openLibrary({ dataDir });
  const client = createClient((m, i) => library.call(m, i));
  const files = fs.readdirSync(filesDir).sort();
  say('ready');
  for (let i = from; i < files.length; i++) {
    const report = await client.sources.importFiles({ paths: [path.join(filesDir, files[i])] });
    const r = report.results[0];
    if (r.status === 'imported') say(`source ${r.id} ${i}`);
    else if (r.status === 'duplicate') say(`source ${r.duplicateOf!.id} ${i}`);
    else throw new Error(`import failed: ${r.file}: ${r.error}`);
  }
  say('done');
  library.close();
}

async function editMode(seed: number): Promise<void> {
  let state = seed >>> 0 || 1;
  const rand = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 16) % n; // the high bits: the low bits of this generator repeat every few steps
  };
  const library = openLibrary({ dataDir });
  const client = createClient((m, i) => library.call(m, i));
  const db = library.db;
  const sources = (db.prepare('SELECT s.id, length(b.canonical_text) AS len FROM sources s JOIN source_bodies b ON b.source_id = s.id').all() as Array<{ id: number; len: number }>).filter(
    (s) => s.len > 40,
  );
  const annotations = (db.prepare('SELECT id FROM annotations WHERE deleted_at IS NULL').all() as Array<{ id: number }>).map((a) => a.id);
  const briefs = (db.prepare('SELECT id FROM briefs WHERE deleted_at IS NULL').all() as Array<{ id: number }>).map((b) => b.id);
  say('ready');
  for (let n = 0; ; n++) {
    const op = rand(4);
    const value = `v${seed}n${n}`;
    if (op === 0 || annotations.length === 0) {
      const s = sources[rand(sources.length)];
      const start = rand(s.len - 20);
      const a = await client.annotations.create({ sourceId: s.id, start, end: start + 5 + rand(15) });
      annotations.push(a.id);
      say(`ann ${a.id}`);
    } else if (op === 1) {
      const id = annotations[rand(annotations.length)];
      say(`try-note ${id} ${value}`);
      await client.annotations.update({ id, note: null, noteText: value });
      say(`note ${id} ${value}`);
    } else if (op === 2 || briefs.length === 0) {
      // Briefs through their repo in one transaction, as the briefs service does.
      const id = db.transaction(() => insertBrief(db, { title: `Brief ${value}`, content: '{"root":{"type":"root","children":[]}}', contentText: value }, new Date().toISOString())).immediate();
      briefs.push(id);
      say(`brief ${id} ${value}`);
    } else {
      const id = briefs[rand(briefs.length)];
      say(`try-brief ${id} ${value}`);
      db.transaction(() => updateBrief(db, id, { content: '{"root":{"type":"root","children":[]}}', contentText: value }, new Date().toISOString())).immediate();
      say(`brief-text ${id} ${value}`);
    }
  }
}

if (mode === 'import') await importMode(arg, Number(process.argv[5] ?? 0));
else if (mode === 'edit') await editMode(Number(arg));
else throw new Error(`unknown mode ${mode}`);
