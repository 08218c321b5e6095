// esbuild settings shared by every Node-side bundle: the Electron main process
// and its import worker (build-electron.mjs) and the collate CLI (cli-bundle.mjs).

/**
 * Loaded from node_modules at run time instead of bundled:
 * - electron: provided by the runtime;
 * - better-sqlite3: a native module, loaded through `nativeBinding`;
 * - jsdom: reads files beside its own sources (browser/default-stylesheet.css) at load time;
 * - pdfjs-dist: starts its worker from pdf.worker.mjs beside pdf.mjs.
 * Both of the last two crash when bundled (checked: mammoth, linkedom,
 * dompurify, readability, markdown-it, yaml, chardet, iconv-lite, zod and
 * Lexical bundle and run fine).
 */
export const NOT_BUNDLED = ['electron', 'better-sqlite3', 'jsdom', 'pdfjs-dist'];

/** Worker modules, each written as <name>.js beside the bundle that starts it (electron/app/workers.ts). */
export const WORKERS = ['electron/services/extract-worker.ts', 'electron/app/maintenance-worker.ts'];

/** Bundled CommonJS dependencies still call require() and read __dirname; an ES module has neither. */
const NODE_GLOBALS_BANNER = [
  "import { createRequire as __collateCreateRequire } from 'node:module';",
  "import { fileURLToPath as __collateFileURLToPath } from 'node:url';",
  "import { dirname as __collateDirname } from 'node:path';",
  'const require = __collateCreateRequire(import.meta.url);',
  'const __filename = __collateFileURLToPath(import.meta.url);',
  'const __dirname = __collateDirname(__filename);',
].join('\n');

/** One ES module bundle for Node; callers add entryPoints/outfile and their target. */
export function nodeBundle(root, { target, external = [] }) {
  return {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target,
    external: [...NOT_BUNDLED, ...external],
    banner: { js: NODE_GLOBALS_BANNER },
    define: { 'process.env.NODE_ENV': '"production"' },
    sourcemap: true,
    logLevel: 'warning',
    metafile: true,
  };
}
