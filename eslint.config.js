// Lint: the recommended rules, plus type-aware rules that catch promises nobody awaits.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { ladder } from './scripts/ladder.js';

// What the browser scripts use of the page's globals (listed, rather than a package of them).
const BROWSER = Object.fromEntries(
  [
    'DOMParser',
    'Event',
    'EventSource',
    'FormData',
    'URLSearchParams',
    'clearTimeout',
    'confirm',
    'document',
    'fetch',
    'location',
    'navigator',
    'setTimeout',
    'window',
  ].map((name) => [name, 'readonly']),
);

export default tseslint.config(
  { ignores: ['node_modules/', 'lib/', 'dist/', '.newsletter/', '.cache/', 'bin/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-control-regex': 'off',
    },
  },
  // The ladder of src/ (scripts/ladder.js): an import that runs up a rung, or sideways, fails lint.
  { files: ['src/**/*.ts'], plugins: { ladder }, rules: { 'ladder/no-upward-import': 'error' } },
  // The studio's and the editor's browser scripts: classic scripts, run in the page.
  { files: ['src/**/browser/*.js'], languageOptions: { sourceType: 'script', globals: BROWSER } },
);
