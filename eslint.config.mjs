// ESLint for the browser code (web/frontend/src), run by `make lint`.
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['web/static/dist/**', 'node_modules/**', '.venv/**', 'build/**'] },
  js.configs.recommended,
  {
    files: ['web/frontend/src/**/*.js'],
    languageOptions: { ecmaVersion: 2020, sourceType: 'module', globals: globals.browser },
    rules: { 'no-unused-vars': ['error', { caughtErrors: 'none' }] },
  },
  {
    files: ['eslint.config.mjs'],
    languageOptions: { sourceType: 'module' },
  },
];
