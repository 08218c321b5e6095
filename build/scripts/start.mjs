#!/usr/bin/env node
// npm start: the desktop app from this checkout. Arguments after `--` go to
// the app (e.g. npm start -- --data-dir /tmp/library).
//
// The steps that need the internet the first time (Electron runtime, then
// better-sqlite3 for Electron) come before the build, so an offline first
// launch fails in seconds with one sentence rather than after a full build.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const electronDir = path.join(root, 'node_modules', 'electron');

const NO_ELECTRON =
  "Collate's desktop shell needs the Electron runtime, which is downloaded on first launch, and the download failed (no internet?). " +
  'The browser version works without it: npm run serve';

const NETWORK_FAILURE = /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|getaddrinfo|socket hang up|certificate/i;

/** The Electron executable, as node_modules/electron/index.js finds it, or null when it is not downloaded yet. */
function electronBinary() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const relative = fs.readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronDir, 'dist');
  const binary = path.join(distDir, relative);
  return fs.existsSync(binary) ? binary : null;
}

function ensureElectron() {
  const existing = electronBinary();
  if (existing) return existing;
  console.log('Downloading the Electron runtime (first launch only)…');
  // Its output (a stack trace when offline) is not shown: one sentence says what matters.
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { cwd: electronDir, encoding: 'utf8' });
  const binary = result.status === 0 ? electronBinary() : null;
  if (binary) return binary;
  const output = `${result.stdout ?? ''}\n${result.stderr ?? ''}`;
  if (NETWORK_FAILURE.test(output)) {
    console.error(NO_ELECTRON);
  } else {
    const reason = output.split('\n').find((line) => /error/i.test(line))?.trim() ?? `install.js exited with ${result.status}`;
    console.error(`Collate's desktop shell needs the Electron runtime, and installing it failed (${reason}). The browser version works without it: npm run serve`);
  }
  process.exit(1);
}

// The app serves dist/renderer: a renderer build redirected elsewhere (see build/vite.config.ts) would not be the one it shows.
const buildEnv = { ...process.env };
delete buildEnv.COLLATE_RENDERER_DIR;

/** Runs a Node script of ours with its output shown; stops `npm start` with its exit code if it fails. */
function runStep(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: buildEnv });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const binary = ensureElectron();
runStep([path.join(root, 'build', 'scripts', 'native-electron.mjs')]);
runStep([path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'build/vite.config.ts', '--logLevel', 'warn']);
runStep([path.join(root, 'build', 'scripts', 'build-electron.mjs')]);

const env = { ...process.env };
// Set, it would make the Electron binary behave as plain Node.
delete env.ELECTRON_RUN_AS_NODE;
const appArgs = process.argv.slice(2);
if (appArgs[0] === '--') appArgs.shift();
const app = spawn(binary, [root, ...appArgs], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
app.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
