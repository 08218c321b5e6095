import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from '../shared/security/csp';

const root = fileURLToPath(new URL('../renderer', import.meta.url));
// COLLATE_RENDERER_DIR lets parallel checkouts and test runs build side by side; `collate serve` reads the same variable.
const outDir = process.env.COLLATE_RENDERER_DIR || fileURLToPath(new URL('../dist/renderer', import.meta.url));

/** The CSP in the page itself too, so it holds even if a header were lost (frame-ancestors aside: header only). */
function cspMeta(): Plugin {
  return {
    name: 'collate-csp',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}

export default defineConfig({
  root,
  base: './',
  plugins: [react(), cspMeta()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    // No inline module-preload polyfill: the CSP forbids inline script.
    modulePreload: { polyfill: false },
  },
});
