// Lint, including the layering rules of ARCHITECTURE.md: shared/ is pure
// TypeScript; renderer/ never reaches Node, Electron or electron/; only
// electron/main and electron/preload import 'electron'.
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = fileURLToPath(new URL('..', import.meta.url));
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const restrict = (paths, patterns, message) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: paths.map((name) => ({ name, message })),
      patterns: patterns.map((group) => ({ group: [group], message })),
    },
  ],
});

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'build/native/**'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    settings: { root },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(
      [...nodeBuiltins, 'electron', 'better-sqlite3', 'react', 'react-dom', 'lexical'],
      ['electron/*', '@lexical/*', 'react-dom/*', '**/electron/**', '**/renderer/**'],
      'shared/ is pure TypeScript used by both sides: no Node, DOM, Electron, React or Lexical.',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: restrict(
      [...nodeBuiltins, 'electron', 'better-sqlite3'],
      ['electron/*', '**/electron/**'],
      'The renderer never touches Node or Electron; it calls the contract through window.collate or the HTTP bridge.',
    ),
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: restrict(
      ['electron'],
      ['electron/*', '**/renderer/**'],
      "Only electron/main and electron/preload import 'electron'; the rest must run under plain Node.",
    ),
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: restrict([], ['**/renderer/**'], 'electron/ never imports renderer/.'),
  },
);
