// Lint rules for the whole repository (ESLint flat config).
// Beyond the recommended sets, it enforces the boundaries the architecture relies on:
// the engine imports nothing from Electron, the DOM or SQLite, and the transformer engine
// (inference/, hull/) knows nothing about WebAssembly.
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Imports no file under src-engine/ may use: the engine runs in plain Node. */
const engineRestrictions = [
  {
    group: ['electron', 'electron/*', 'better-sqlite3', 'svelte', 'svelte/*'],
    message: 'src-engine runs in plain Node: no Electron, SQLite or UI imports.',
  },
];

/** Folders of src-engine that deal with C and WebAssembly. */
const wasmSide = ['wasm', 'c', 'machine', 'reference', 'native', 'ir'];

/** Extra restrictions for the transformer engine (src-engine/inference, src-engine/hull). */
const transformerRestrictions = [
  {
    regex: `^(\\.\\./)+(${wasmSide.join('|')})(/|$)`,
    message:
      'The transformer engine knows nothing about WebAssembly or C: ' +
      'take weights and tokens as data instead.',
  },
  {
    regex: `(^|/)src-engine/(${wasmSide.join('|')})(/|$)`,
    message: 'The transformer engine knows nothing about WebAssembly or C.',
  },
  {
    group: ['binaryen', '@webassemblyjs/*', '@yowasp/*'],
    message: 'The transformer engine knows nothing about WebAssembly or C.',
  },
];

export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'test-results/', 'playwright-report/'],
  },

  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,

  {
    plugins: { '@stylistic': stylistic },
    rules: {
      '@stylistic/max-len': ['error', { code: 110, ignoreUrls: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { disallowTypeAnnotations: false }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },

  // Node code: the engine, the main process, the CLI, scripts and configs.
  {
    files: ['**/*.{js,mjs,cjs,ts}'],
    ignores: ['src-renderer/**'],
    languageOptions: { globals: globals.node },
  },

  // Renderer: browser globals; .svelte files parse their scripts as TypeScript.
  {
    files: ['src-renderer/**/*.{ts,svelte}'],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        parser: tseslint.parser,
        extraFileExtensions: ['.svelte'],
        svelteConfig,
      },
    },
  },

  {
    files: ['src-engine/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: engineRestrictions }] },
  },
  {
    files: ['src-engine/inference/**/*.ts', 'src-engine/hull/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...engineRestrictions, ...transformerRestrictions] },
      ],
    },
  },
);
