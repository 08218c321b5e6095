import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createClient } from '../../shared/api/client';
import type { CollateClient } from '../../shared/api/contract';
import { AppError } from '../../shared/api/errors';
import { resolveDataDir } from '../app/data-dir';
import { type Library, openLibrary } from '../app/library';
import { startHttpHost } from '../transport/http';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const HELP = `collate — the Collate research notebook from the command line

Usage: collate <command> [options]

Commands:
  serve [--port P] [--open]          Serve the app to your browser on 127.0.0.1 (port 0 picks a free one)
  import PATH... [--tag T] [--json]  Import files and folders (.txt .md .html .pdf .docx); --tag may repeat
  list [--limit N] [--json]          List the library, newest first
  check                              Check the library file for damage
  backup [FILE]                      Write an online backup (default: <data dir>/backups/)

Every command takes --data-dir D (else $COLLATE_DATA_DIR, else the app's own data folder).
Exit status: 0 on success, 1 on failure, 2 when some files of an import failed.`;

interface Ctx {
  library: Library;
  client: CollateClient;
  out: (line: string) => void;
  err: (line: string) => void;
}

type Command = {
  options: NonNullable<ParseArgsConfig['options']>;
  positionals?: boolean;
  run: (ctx: Ctx, values: Record<string, unknown>, positionals: string[]) => Promise<number>;
};

const commands: Record<string, Command> = {
  serve: {
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
          else out(`failed     ${r.file}: ${r.error}`);
        }
        const failed = report.results.filter((r) => r.status === 'failed').length;
        const imported = report.results.filter((r) => r.status === 'imported').length;
        if (!json) err(`${imported} imported, ${report.results.length - imported - failed} duplicates, ${failed} failed.`);
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
      const { backupDatabase } = await import('../services/library');
      const result = await backupDatabase(library.db, library.dataDir, new Date().toISOString(), positionals[0]);
      out(`Backed up to ${result.path} (${(result.bytes / 1024).toFixed(0)} KB).`);
      return 0;
    },
  },
};

async function ensureRendererBuilt(err: (line: string) => void): Promise<string> {
  const dir = path.join(repoRoot, 'dist', 'renderer');
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
    library = openLibrary({ dataDir: resolveDataDir(values['data-dir'] as string | undefined) });
    const client = createClient((method, input) => library!.call(method, input));
    return await command.run({ library, client, ...io }, values, positionals);
  } catch (e) {
    const message = e instanceof AppError ? e.message : e instanceof Error ? e.message.split('\n')[0] : String(e);
    io.err(`collate ${name}: ${message}`);
    return 1;
  } finally {
    library?.close();
  }
}
