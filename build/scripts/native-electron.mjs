#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into build/native/electron-<abi>/,
// from a copy of the package, so node_modules/better-sqlite3/build stays the
// Node build that tests, the CLI and the browser host load.
//
//   node build/scripts/native-electron.mjs [--arch x64|arm64|universal | --for-package] [--force]
//
// --for-package builds what build/electron-builder.config.cjs packages on this
// platform: one x64+arm64 file for the universal macOS app, else this machine's arch.
//
// Needs the internet once (Electron's headers) and a C++ toolchain.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(path.join(root, 'package.json'));
const HEADERS_URL = 'https://electronjs.org/headers';

/** Electron major → NODE_MODULE_VERSION (from node-abi's registry), for when neither node-abi nor electron/abi_version is at hand. */
const KNOWN_ABIS = { 37: '136', 38: '139', 39: '140', 40: '143', 41: '145', 42: '146', 43: '148', 44: '149', 45: '150', 46: '154' };

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** node_modules/electron's abi_version, node-abi and our table must agree; a guess here would ship a build that cannot load. */
export function electronAbi(version) {
  const answers = new Map();
  try {
    answers.set('electron/abi_version', fs.readFileSync(require.resolve('electron/abi_version'), 'utf8').trim());
  } catch {
    // Older electron packages do not ship it.
  }
  try {
    answers.set('node-abi', String(require('node-abi').getAbi(version, 'electron')));
  } catch {
    // Not installed, or too old to know this Electron.
  }
  const major = Number(version.split('.')[0]);
  if (!answers.size && KNOWN_ABIS[major]) answers.set('table', KNOWN_ABIS[major]);
  const distinct = new Set(answers.values());
  if (distinct.size !== 1) {
    const seen = [...answers].map(([from, abi]) => `${from}: ${abi}`).join(', ') || 'no source knows it';
    throw new Error(`Cannot tell which ABI Electron ${version} uses (${seen}).`);
  }
  return [...distinct][0];
}

/** npm's own node-gyp (beside npm-cli.js, or in the Node install), else the project's. */
function findNodeGyp() {
  const execDir = path.dirname(process.execPath);
  const candidates = [
    process.env.npm_execpath && path.join(path.dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    path.join(execDir, '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    path.join(execDir, 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ].filter(Boolean);
  try {
    candidates.push(require.resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    // Not installed in the project; npm's copy is enough.
  }
  return candidates.find((file) => fs.existsSync(file)) ?? null;
}

/**
 * npm passes its config to scripts as npm_config_* variables, and node-gyp
 * obeys them over its own defaults: this machine's nodedir=/usr would compile
 * against Node's headers and report success. Only proxy and CA settings stay.
 */
function buildEnvironment() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|target_arch|arch|runtime|disturl|dist_url|devdir|build_from_source)$/i.test(key)) delete env[key];
  }
  return env;
}

/** The module version a built addon registers under: node_register_module_v<N> is in its symbol table on every platform. */
export function registeredAbis(file) {
  const bytes = fs.readFileSync(file).toString('latin1');
  return [...new Set([...bytes.matchAll(/node_register_module_v(\d+)/g)].map((m) => m[1]))];
}

function configuredAbi(buildDir) {
  const text = fs.readFileSync(path.join(buildDir, 'config.gypi'), 'utf8');
  return /"node_module_version"\s*:\s*(\d+)/.exec(text)?.[1] ?? null;
}

class BuildError extends Error {}

function run(nodeGyp, args, cwd, log) {
  const result = spawnSync(process.execPath, [nodeGyp, ...args], { cwd, env: buildEnvironment(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  fs.appendFileSync(log, `\n$ node-gyp ${args.join(' ')}\n${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}\n`);
  return result.status === 0;
}

function buildForArch({ nodeGyp, electronVersion, abi, arch, log }) {
  const devdir = path.join(os.homedir(), '.electron-gyp');
  const common = [`--target=${electronVersion}`, `--arch=${arch}`, `--dist-url=${HEADERS_URL}`, '--runtime=electron', `--devdir=${devdir}`];
  if (!run(nodeGyp, ['install', ...common], root, log)) {
    throw new BuildError(`Electron ${electronVersion}'s headers could not be downloaded from ${HEADERS_URL} (no internet?)`);
  }
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'collate-sqlite-electron-'));
  try {
    const source = path.dirname(require.resolve('better-sqlite3/package.json'));
    fs.cpSync(source, work, { recursive: true, filter: (file) => path.relative(source, file).split(path.sep)[0] !== 'build' });
    if (!run(nodeGyp, ['rebuild', ...common, '--release', `--jobs=${os.availableParallelism()}`], work, log)) {
      throw new BuildError('compiling it failed (is a C++ toolchain installed?)');
    }
    const configured = configuredAbi(path.join(work, 'build'));
    const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
    const registered = registeredAbis(built);
    if (configured !== abi || registered.join() !== abi) {
      throw new BuildError(`the result is for ABI ${configured ?? '?'} (registers ${registered.join(', ') || 'nothing'}), not ${abi}, so it was not installed`);
    }
    const kept = path.join(os.tmpdir(), `collate-better_sqlite3-${abi}-${arch}-${process.pid}.node`);
    fs.copyFileSync(built, kept);
    return kept;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function parseArgs(argv) {
  const options = { arch: process.arch, force: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--force') options.force = true;
    else if (argv[i] === '--for-package') options.arch = process.platform === 'darwin' ? 'universal' : process.arch;
    else if (argv[i] === '--arch') options.arch = argv[++i];
    else if (argv[i].startsWith('--arch=')) options.arch = argv[i].slice('--arch='.length);
    else throw new BuildError(`unknown option ${argv[i]}`);
  }
  if (options.arch === 'universal' && process.platform !== 'darwin') throw new BuildError('--arch universal is for macOS only');
  return options;
}

function main() {
  const electronVersion = readJson(require.resolve('electron/package.json')).version;
  const sqliteVersion = readJson(require.resolve('better-sqlite3/package.json')).version;
  const abi = electronAbi(electronVersion);
  const what = `better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (ABI ${abi})`;
  const outDir = path.join(root, 'build', 'native', `electron-${abi}`);
  const target = path.join(outDir, 'better_sqlite3.node');
  const infoFile = path.join(outDir, 'build-info.json');
  const log = path.join(root, 'build', 'native', `electron-${abi}.log`);
  let logStarted = false;

  try {
    const options = parseArgs(process.argv.slice(2));
    const info = { betterSqlite3: sqliteVersion, electron: electronVersion, abi, platform: process.platform, arch: options.arch };
    if (!options.force && fs.existsSync(target) && fs.existsSync(infoFile)) {
      const current = readJson(infoFile);
      if (JSON.stringify(current) === JSON.stringify(info) && registeredAbis(target).join() === abi) {
        console.log(`${what} is up to date: ${path.relative(root, target)}`);
        return 0;
      }
    }
    const nodeGyp = findNodeGyp();
    if (!nodeGyp) throw new BuildError('node-gyp was not found (it comes with npm)');
    fs.mkdirSync(path.dirname(log), { recursive: true });
    fs.writeFileSync(log, `${what}, ${process.platform}-${options.arch}, node-gyp ${nodeGyp}\n`);
    logStarted = true;

    const arches = options.arch === 'universal' ? ['x64', 'arm64'] : [options.arch];
    const parts = arches.map((arch) => buildForArch({ nodeGyp, electronVersion, abi, arch, log }));
    fs.mkdirSync(outDir, { recursive: true });
    const staged = `${target}.tmp`;
    if (parts.length > 1) {
      const lipo = spawnSync('lipo', ['-create', '-output', staged, ...parts], { encoding: 'utf8' });
      if (lipo.status !== 0) throw new BuildError(`lipo could not merge the x64 and arm64 builds: ${lipo.stderr}`);
    } else {
      fs.copyFileSync(parts[0], staged);
    }
    for (const part of parts) fs.rmSync(part, { force: true });
    // Renamed into place only once whole and verified: a half-written addon crashes the app at launch.
    fs.renameSync(staged, target);
    fs.writeFileSync(infoFile, `${JSON.stringify(info, null, 2)}\n`);
    console.log(`Built ${what}: ${path.relative(root, target)}`);
    return 0;
  } catch (err) {
    const reason = err instanceof BuildError ? err.message : `${err instanceof Error ? err.message : err}`;
    const details = logStarted ? ` Details: ${path.relative(root, log)}.` : '';
    console.error(`Could not build ${what}: ${reason}. Node's build in node_modules is untouched.${details}`);
    return 1;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
