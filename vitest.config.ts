import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { ISOLATED_DB_FILES } from './tests/db/isolated';

export default defineConfig({
  define: { __ANYAM_VERSION__: '"test"', __ANYAM_BUILD_ID__: '"test"' },
  plugins: [svelte(), svelteTesting()],
  test: {
    // Playwright's files live in tests/e2e and must not be collected here. No `include` at the
    // root: each project inherits the root's (`extends: true`) and would add it to its own.
    projects: [
      // The unit tests share one module graph per worker instead of a fresh one per file: on 2
      // cores this halves their CPU (245 s → 124 s, docs/testing.md "What the suite costs"). They
      // hold no state between files (no module mocks, no database; the clock is pinned again by
      // each file's setup), and they pass in any file order (`--sequence.shuffle.files`).
      {
        extends: true,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], isolate: false },
      },
      // The db tests share a graph too: each test opens a database of its own under a new name
      // (tests/db/helpers.ts), so fake-indexeddb's global factory carries nothing from one file
      // to the next that it does not carry from one test to the next. They pass in any file
      // order (`--project db --sequence.shuffle.files`). The files that mock, stub, fake timers
      // or change the time zone stay isolated (tests/db/isolated.ts).
      {
        extends: true,
        test: {
          name: 'db',
          include: ['tests/db/**/*.test.ts'],
          exclude: [...ISOLATED_DB_FILES],
          isolate: false,
        },
      },
      // A rendered page (jsdom, Svelte's runtime) is state a file must not inherit: the
      // components keep a fresh module graph per file.
      {
        extends: true,
        test: {
          name: 'isolated',
          include: ['tests/components/**/*.test.ts', ...ISOLATED_DB_FILES],
        },
      },
    ],
    environment: 'node',
    // Every test runs on the pinned day, not the machine's (tests/setup/pinned-clock.ts), and a
    // component test waits for the page as long as a loaded machine needs (patient-queries.ts).
    setupFiles: ['tests/setup/pinned-clock.ts', 'tests/setup/patient-queries.ts'],
    // One worker per core. Vitest's default is cores − 1, which on CI's 2-core machine is a single
    // worker: the whole suite ran file after file while the second core waited. The main process
    // only collects results; the cost is in the workers (docs/testing.md "What the suite costs").
    maxWorkers: availableParallelism(),
    testTimeout: 60_000,
    // Seeding a database of 12,000 entries took over 10 s on a loaded machine (issue 13): a
    // hook waits as long as a slow machine needs; speed is measured by `npm run bench`.
    hookTimeout: 120_000,
  },
});
