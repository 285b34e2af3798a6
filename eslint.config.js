import js from '@eslint/js';
import globals from 'globals';
import svelte from 'eslint-plugin-svelte';
import tseslint from 'typescript-eslint';

/** ARCHITECTURE.md's boundaries: who may import whom. */
const boundary = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

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
      '.stryker-tmp',
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
    files: ['src/lib/domain/**'],
    rules: boundary([
      {
        group: ['svelte', 'svelte/*', 'dexie', 'chart.js', 'chart.js/*'],
        message: 'domain is pure TypeScript.',
      },
      {
        group: [
          '**/db/**',
          '**/state/**',
          '**/charts/**',
          '**/views/**',
          '**/components/**',
          '**/pwa/**',
        ],
        message: 'domain imports only domain.',
      },
    ]),
  },
  {
    files: ['src/lib/db/**'],
    rules: boundary([
      { group: ['svelte', 'svelte/*', 'chart.js', 'chart.js/*'], message: 'db holds no UI code.' },
      {
        group: ['**/state/**', '**/charts/**', '**/views/**', '**/components/**'],
        message: 'db imports only domain.',
      },
    ]),
  },
  {
    files: ['src/lib/charts/**'],
    rules: boundary([
      {
        group: ['dexie', '**/db/**', '**/views/**', '**/components/**'],
        message: 'charts turn domain data into Chart.js configs.',
      },
    ]),
  },
  {
    files: ['src/lib/**', 'src/components/**', 'src/views/**'],
    rules: boundary([{ group: ['**/views/**'], message: 'only App.svelte imports views.' }]),
  },
);
