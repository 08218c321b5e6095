// electron-builder's configuration (CommonJS: package.json says "type": "module").
// Packaging needs the renderer and Electron bundles (npm run build) and
// better-sqlite3 built for Electron (build/scripts/native-electron.mjs) first.
// The deb target also needs package.json "homepage" and "author" (with an email).
/* eslint-disable @typescript-eslint/no-require-imports -- electron-builder loads its config as CommonJS. */
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');

/** The NODE_MODULE_VERSION of the installed Electron: the native module's folder is named after it. */
function electronAbi() {
  try {
    return fs.readFileSync(require.resolve('electron/abi_version', { paths: [root] }), 'utf8').trim();
  } catch {
    const { version } = require(require.resolve('electron/package.json', { paths: [root] }));
    return String(require(require.resolve('node-abi', { paths: [root] })).getAbi(version, 'electron'));
  }
}

const sqliteForElectron = `build/native/electron-${electronAbi()}/better_sqlite3.node`;

// .md and .html files can be opened with Collate (which imports them). On
// macOS and Linux this only adds Collate to "Open with"; Windows' NSIS
// association would make Collate the default for every .html file, taking it
// from the browser, so Windows gets none.
const fileAssociations = [
  { ext: ['md', 'markdown'], name: 'Markdown document', description: 'Markdown document', mimeType: 'text/markdown', role: 'Viewer', rank: 'Alternate' },
  { ext: ['html', 'htm'], name: 'Web page', description: 'Saved web page', mimeType: 'text/html', role: 'Viewer', rank: 'Alternate' },
];

/** @type {import('app-builder-lib').Configuration} */
module.exports = {
  appId: 'org.collate.app',
  productName: 'Collate',
  copyright: 'Copyright © Collate contributors',
  directories: { output: 'release', buildResources: 'build/icons' },
  files: [
    'dist/**',
    '!dist/**/*.map',
    // The command line's own bundle (build/scripts/cli-bundle.mjs) is not part of the app.
    '!dist/cli/**',
    'package.json',
    sqliteForElectron,
    // The app loads its own Electron build through nativeBinding: Node's build and the C sources are dead weight.
    '!node_modules/better-sqlite3/{build,deps,src}/**',
  ],
  // A .node file cannot be loaded from inside app.asar; electron/main/paths.ts looks in app.asar.unpacked.
  asarUnpack: ['build/native/**/*.node'],
  // electron-builder would rebuild node_modules/better-sqlite3 in place for Electron, breaking tests and the CLI.
  npmRebuild: false,
  nodeGypRebuild: false,
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    // The renderer is served from app://, never file://.
    grantFileProtocolExtraPrivileges: false,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    // Not "collate": that is the CLI's name (package.json "bin"), and the deb links its executable into /usr/bin.
    executableName: 'collate-desktop',
    synopsis: 'Offline-first research notebook',
    description: 'Import articles, annotate statements, cross-reference who said what, export briefs as Markdown.',
    icon: 'build/icons/icon.png',
    fileAssociations,
  },
  mac: {
    target: [{ target: 'dmg', arch: ['universal'] }],
    category: 'public.app-category.productivity',
    icon: 'build/icons/icon.png',
    hardenedRuntime: true,
    // native-electron.mjs --for-package builds one x64+arm64 (lipo) file, identical in both halves of the universal app.
    x64ArchFiles: '**/build/native/**/*.node',
    fileAssociations,
  },
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'build/icons/icon.png',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    // A researcher's library lives in the data folder: uninstalling the app must not take it.
    deleteAppDataOnUninstall: false,
  },
};
