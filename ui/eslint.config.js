import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';

export default ts.config(
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser } },
  },
  {
    rules: {
      // User text is always rendered as text.
      'svelte/no-at-html-tags': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@tauri-apps/*'],
              message: 'Import Tauri only in src/lib/backend/ (the one IPC seam).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/lib/backend/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    ignores: ['dist/', 'node_modules/', 'src/lib/backend/generated/'],
  },
);
