import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appLayout, electronSqliteRelativePath } from '../../electron/main/paths';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(path.join(root, 'package.json'));

interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string; buildResources: string };
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  electronFuses: Record<string, boolean>;
  linux: { target: string[]; icon: string; fileAssociations: Array<{ ext: string | string[] }> };
  mac: { target: Array<{ target: string; arch: string[] }>; icon: string; x64ArchFiles: string; fileAssociations: Array<{ ext: string | string[] }> };
  win: { target: Array<{ target: string }>; icon: string };
}

const config = require('./build/electron-builder.config.cjs') as BuilderConfig;
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string; name: string };
const abi = readFileSync(require.resolve('electron/abi_version'), 'utf8').trim();
// The matcher electron-builder itself uses for files and asarUnpack.
const { minimatch } = createRequire(require.resolve('app-builder-lib'))('minimatch') as { minimatch: (p: string, pattern: string, o?: object) => boolean };

function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function included(file: string): boolean {
  let keep = false;
  for (const pattern of config.files) {
    if (pattern.startsWith('!')) {
      if (minimatch(file, pattern.slice(1), { dot: true })) keep = false;
    } else if (minimatch(file, pattern, { dot: true })) keep = true;
  }
  return keep;
}

describe('the electron-builder configuration', () => {
  it("matches electron-builder's own JSON schema", () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const valid = validate(config);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('names the app and targets AppImage + deb, a universal dmg and an NSIS installer', () => {
    expect(config.appId).toBe('org.collate.app');
    expect(config.productName).toBe('Collate');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['universal'] }]);
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
  });

  it('sets the Electron fuses that close Node-level back doors', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('offers to open .md and .html files', () => {
    for (const associations of [config.linux.fileAssociations, config.mac.fileAssociations]) {
      const exts = associations.flatMap((a) => a.ext);
      expect(exts).toEqual(expect.arrayContaining(['md', 'html']));
    }
  });

  it('packages the built app: the main entry, the preload, every worker, the renderer', async () => {
    expect(packageJson.main).toBe('dist/electron/main.js');
    // The build writes each worker as <name>.js beside main.js, where electron/app/workers.ts starts it.
    const { WORKERS } = await import('../../build/scripts/node-bundle.mjs');
    expect(WORKERS).toEqual(expect.arrayContaining(['electron/services/extract-worker.ts', 'electron/app/maintenance-worker.ts']));
    for (const worker of WORKERS) expect(existsSync(path.join(root, worker)), worker).toBe(true);
    const workers = WORKERS.map((w) => `dist/electron/${path.basename(w, '.ts')}.js`);
    for (const file of [packageJson.main, 'dist/electron/preload.cjs', ...workers, 'dist/renderer/index.html', 'package.json']) {
      expect(included(file), file).toBe(true);
    }
    expect(included('dist/electron/main.js.map')).toBe(false);
    const layout = appLayout({ appPath: '/app', isPackaged: false, abi });
    expect(path.relative('/app', layout.preload).split(path.sep).join('/')).toBe('dist/electron/preload.cjs');
    expect(readFileSync(path.join(root, 'build/scripts/build-electron.mjs'), 'utf8')).toMatch(/'main\.js'[\s\S]*'preload\.cjs'[\s\S]*of WORKERS/);
  });

  it('ships the Electron build of better-sqlite3 unpacked, where the main process looks for it, and never rebuilds node_modules', () => {
    const relative = electronSqliteRelativePath(abi);
    expect(included(relative)).toBe(true);
    expect(config.asarUnpack.some((pattern) => minimatch(relative, pattern))).toBe(true);
    expect(minimatch(`Collate.app/Contents/Resources/app.asar.unpacked/${relative}`, config.mac.x64ArchFiles, { matchBase: true })).toBe(true);
    const packaged = appLayout({ appPath: path.join('/opt', 'Collate', 'resources', 'app.asar'), isPackaged: true, abi });
    expect(packaged.sqliteBinding).toBe(path.join('/opt', 'Collate', 'resources', 'app.asar.unpacked', ...relative.split('/')));
    expect(config.npmRebuild).toBe(false);
    expect(included('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(false);
  });

  it('refers only to files that exist (the icon is a PNG of at least 512×512)', () => {
    for (const icon of new Set([config.linux.icon, config.mac.icon, config.win.icon])) {
      expect(existsSync(path.join(root, icon)), icon).toBe(true);
      const { width, height } = pngSize(path.join(root, icon));
      expect(width).toBeGreaterThanOrEqual(512);
      expect(height).toBe(width);
    }
    expect(existsSync(path.join(root, config.directories.buildResources))).toBe(true);
  });
});

describe('the Electron build of better-sqlite3', () => {
  const script = import(pathToFileURL(path.join(root, 'build/scripts/native-electron.mjs')).href) as Promise<{
    electronAbi(version: string): string;
    registeredAbis(file: string): string[];
  }>;

  it('knows which ABI the installed Electron needs', async () => {
    const { electronAbi } = await script;
    const { version } = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string };
    expect(electronAbi(version)).toBe(abi);
  });

  it("reads an addon's ABI from the binary itself (here Node's build, which stays Node's)", async () => {
    const { registeredAbis } = await script;
    const nodeBuild = path.join(path.dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
    expect(registeredAbis(nodeBuild)).toEqual([process.versions.modules]);
  });
});
