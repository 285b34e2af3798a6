import js from '@eslint/js';
import globals from 'globals';
import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';
import { layersPlugin } from './scripts/layers.mjs';

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'dist-*',
      'src/paraglide',
      'test-results',
      'playwright-report',
      'bench/results.json',
      'reports',
      '.stryker-tmp*',
      '**/*.d.mts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...svelte.configs['flat/recommended'],
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // IndexedDB code is all promises: a forgotten await is a lost write.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // Flags every Map or Date built inside a $derived as if it were shared state; ours are
      // temporaries that never outlive the computation.
      'svelte/prefer-svelte-reactivity': 'off',
      // TypeScript already checks names, including the build-time constants in src/env.d.ts.
      'no-undef': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The layers (scripts/layers.mjs, docs/design-notes.md): every import points down.
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    plugins: { anyam: layersPlugin },
    rules: { 'anyam/imports': 'error' },
  },
);
