import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from '../shared/security/csp';

const root = fileURLToPath(new URL('../renderer', import.meta.url));
const outDir = fileURLToPath(new URL('../dist/renderer', import.meta.url));

/** The same CSP the browser host sends as a header, in the page itself, so Electron's file load enforces it too. */
function cspMeta(): Plugin {
  return {
    name: 'collate-csp',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
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
