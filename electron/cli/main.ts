import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createClient } from '../../shared/api/client';
import type { CollateClient } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { DATABASE_FILE, resolveDataDir } from '../app/data-dir';
import { type Library, openLibrary } from '../app/library';
import { createExtractPool, type ExtractPool } from '../services/extract-pool';
import { startHttpHost } from '../transport/http';
import { printSearch } from './search';
import { printStatements } from './statements';

/** The checkout this CLI runs from: found upwards, because it runs from electron/cli/ or from a bundle in dist/cli/. */
const repoRoot = (() => {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
})();

const HELP = `collate — the Collate research notebook from the command line

Usage: collate <command> [options]

Commands:
  serve [--port P] [--open]          Serve the app to your browser on 127.0.0.1 (port 0 picks a free one)
  import PATH... [--tag T] [--json]  Import files and folders (.txt .md .html .pdf .docx); --tag may repeat
  list [--limit N] [--json]          List the library, newest first
  check                              Check the library file for damage
  backup [FILE]                      Write an online backup (default: <data dir>/backups/)
  restore FILE                       Replace the library with a backup (the current one is kept aside)
  statements [--source ID] [--json]  List statements (all, or one source's) and that source's suggested quotes
  search QUERY [--json] [--recent]   Search everything: words, "phrases", prefix*, -word, OR, tag: speaker: outlet:
                                     before: after: is:statement relation:contradicts (--limit N per kind, default 20)
  export brief ID [-o FILE]          A brief as Markdown (to FILE, else to standard output)
  export source ID [-o FILE]         A source with its annotations as Markdown
  export annotations [--source ID | --tag T] --format jsonld [-o FILE]
                                     Annotations as W3C Web Annotation JSON-LD (the whole library by default)
  import-annotations FILE            Import W3C Web Annotations (JSON-LD) or a Hypothesis JSON export

Every command takes --data-dir D (else $COLLATE_DATA_DIR, else the app's own data folder).
Exit status: 0 on success, 1 on failure, 2 when some files of an import failed.`;

interface Ctx {
  dataDir: string;
  library: Library;
  client: CollateClient;
  out: (line: string) => void;
  err: (line: string) => void;
}

type Command = {
  options: NonNullable<ParseArgsConfig['options']>;
  positionals?: boolean;
  /** Parses files on worker threads (commands that import). */
  workers?: boolean;
  /** Runs with the library closed (restore replaces the file); ctx.library is then absent. */
  noLibrary?: boolean;
  run: (ctx: Ctx, values: Record<string, unknown>, positionals: string[]) => Promise<number>;
};

const commands: Record<string, Command> = {
  serve: {
    workers: true,
    options: { port: { type: 'string', default: '0' }, open: { type: 'boolean', default: false } },
    run: async ({ library, out, err }, values) => {
      const port = Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AppError('invalid_input', `--port must be a number from 0 to 65535, not "${String(values.port)}".`);
      const staticDir = await ensureRendererBuilt(err);
      const token = randomBytes(24).toString('base64url');
      const host = await startHttpHost({ library, staticDir, token, port });
      out(`Collate is serving ${library.dataDir} at ${host.url}`);
      if (values.open) openInBrowser(host.url);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await host.close();
      return 0;
    },
  },
  import: {
    workers: true,
    options: { tag: { type: 'string', multiple: true, default: [] }, json: { type: 'boolean', default: false } },
    positionals: true,
    run: async ({ library, client, out, err }, values, paths) => {
      if (paths.length === 0) throw new AppError('invalid_input', 'Name at least one file or folder to import.');
      const json = values.json as boolean;
      const live = !json && process.stderr.isTTY;
      const unsubscribe = library.events.subscribe((name, payload) => {
        if (name !== 'import.progress' || !live) return;
        const p = payload as { done: number; total: number; current: string | null; failed: number; finished: boolean };
        const current = p.current ? ` ${path.basename(p.current)}` : '';
        process.stderr.write(`\r\x1b[K[${p.done}/${p.total}] failed ${p.failed}${current}${p.finished ? '\n' : ''}`);
      });
      try {
        const report = await client.sources.importFiles({ paths, tags: values.tag as string[] });
        for (const r of report.results) {
          if (json) out(JSON.stringify(r));
          else if (r.status === 'imported') out(`imported   ${r.file} → #${r.id} ${r.title}`);
          else if (r.status === 'duplicate') out(`duplicate  ${r.file} → already #${r.duplicateOf?.id} ${r.duplicateOf?.title} (${r.duplicateOf?.reason})`);
          else if (r.status === 'updated') {
            const a = r.anchors;
            out(`updated    ${r.file} → #${r.id} ${r.title} (new text${a ? `; annotations ${a.exact} exact, ${a.moved} moved, ${a.fuzzy} fuzzy, ${a.orphan} orphaned` : ''})`);
          }
          else out(`failed     ${r.file}: ${r.error}`);
        }
        const failed = report.results.filter((r) => r.status === 'failed').length;
        const imported = report.results.filter((r) => r.status === 'imported').length;
        const updated = report.results.filter((r) => r.status === 'updated').length;
        if (!json) err(`${imported} imported, ${updated} updated, ${report.results.length - imported - updated - failed} duplicates, ${failed} failed.`);
        if (failed > 0) {
          err(`${failed} of ${report.results.length} files could not be imported.`);
          return 2;
        }
        return 0;
      } finally {
        unsubscribe();
      }
    },
  },
  list: {
    options: { json: { type: 'boolean', default: false }, limit: { type: 'string', default: '50' } },
    run: async ({ client, out }, values) => {
      const limit = Number(values.limit);
      const page = await client.sources.list({ limit: Number.isInteger(limit) ? limit : 50 });
      if (values.json) {
        for (const s of page.items) out(JSON.stringify(s));
      } else {
        if (page.total === 0) out('The library is empty. Add articles with: collate import FILE...');
        for (const s of page.items) out(`#${s.id}\t${s.importedAt.slice(0, 10)}\t${s.title}${s.outlet ? ` — ${s.outlet}` : ''}`);
        if (page.total > page.items.length) out(`(${page.items.length} of ${page.total}; use --limit to see more)`);
      }
      return 0;
    },
  },
  check: {
    options: {},
    run: async ({ client, out, err }) => {
      const result = await client.library.check({});
      if (result.ok) {
        out('The library is healthy.');
        return 0;
      }
      for (const p of result.problems) err(p);
      throw new AppError('database_corrupt', `The library has ${result.problems.length} problem(s); restore a backup.`);
    },
  },
  backup: {
    options: {},
    positionals: true,
    run: async ({ library, out }, _values, positionals) => {
      const { backupPath, writeBackup } = await import('../services/backup');
      const now = new Date().toISOString();
      const target = positionals[0] ? path.resolve(positionals[0]) : backupPath(library.dataDir, 'manual', now);
      if (positionals.length > 1) throw new AppError('invalid_input', 'Name at most one backup file.');
      if (fs.existsSync(target)) throw new AppError('conflict', `${target} already exists; name a new file.`);
      const result = writeBackup(library.db, target);
      out(`Backed up to ${result.path} (${(result.bytes / 1024).toFixed(0)} KB).`);
      return 0;
    },
  },
  restore: {
    options: {},
    positionals: true,
    noLibrary: true,
    run: async ({ dataDir, out }, _values, positionals) => {
      if (positionals.length !== 1) throw new AppError('invalid_input', 'Name the one backup file to restore: collate restore FILE.');
      const { restoreBackup } = await import('../services/backup');
      const result = restoreBackup(path.join(dataDir, DATABASE_FILE), positionals[0], new Date().toISOString());
      if (result.movedAside) out(`The library you had is kept at ${result.movedAside}.`);
      out(`Restored ${path.resolve(positionals[0])} as ${result.restored}.`);
      return 0;
    },
  },
  search: {
    options: { json: { type: 'boolean', default: false }, recent: { type: 'boolean', default: false }, limit: { type: 'string', default: '20' } },
    positionals: true,
    run: async ({ client, out }, values, words) => printSearch(client, values, words, out),
  },
  statements: {
    options: { source: { type: 'string' }, json: { type: 'boolean', default: false } },
    run: async ({ client, out }, values) => printStatements(client, values, out),
  },
  export: {
    options: { output: { type: 'string', short: 'o' }, source: { type: 'string' }, tag: { type: 'string' }, format: { type: 'string', default: 'jsonld' } },
    positionals: true,
    run: async ({ client, out, err }, values, positionals) => {
      const { runExport } = await import('./export-commands');
      return runExport(client, values, positionals, out, err);
    },
  },
  'import-annotations': {
    options: {},
    positionals: true,
    run: async ({ client, out }, _values, positionals) => {
      const { runImportAnnotations } = await import('./export-commands');
      return runImportAnnotations(client, positionals, out);
    },
  },
};

async function ensureRendererBuilt(err: (line: string) => void): Promise<string> {
  const dir = process.env.COLLATE_RENDERER_DIR || path.join(repoRoot, 'dist', 'renderer');
  if (fs.existsSync(path.join(dir, 'index.html'))) return dir;
  err('Building the interface (first run)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(repoRoot, 'build', 'vite.config.ts'), logLevel: 'warn' });
  return dir;
}

function openInBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]];
  spawn(cmd as string, args as string[], { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
}

export async function main(argv: string[], io = { out: (l: string) => console.log(l), err: (l: string) => console.error(l) }): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP);
    return name ? 0 : 1;
  }
  const command = commands[name];
  if (!command) {
    io.err(`collate: unknown command "${name}". Run collate --help to see the commands.`);
    return 1;
  }
  let library: Library | undefined;
  let pool: ExtractPool | null = null;
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...command.options, 'data-dir': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: command.positionals ?? false,
      strict: true,
    });
    if (values.help) {
      io.out(HELP);
      return 0;
    }
    const dataDir = resolveDataDir(values['data-dir'] as string | undefined);
    if (command.noLibrary) {
      const closed = new Proxy({} as Library & CollateClient, {
        get: () => {
          throw new AppError('internal', `collate ${name} runs with the library closed.`);
        },
      });
      return await command.run({ dataDir, library: closed, client: closed, ...io }, values, positionals);
    }
    pool = command.workers ? createExtractPool() : null;
    library = openLibrary({ dataDir, extractor: pool ?? undefined });
    const client = createClient((method, input) => library!.call(method, input));
    return await command.run({ dataDir, library, client, ...io }, values, positionals);
  } catch (e) {
    const message = e instanceof AppError ? e.message : e instanceof Error ? e.message.split('\n')[0] : String(e);
    io.err(`collate ${name}: ${message}`);
    return 1;
  } finally {
    library?.close();
    await pool?.close();
  }
}
