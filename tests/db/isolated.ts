/**
 * The db test files that keep a module graph of their own (vitest.config.ts, project
 * 'isolated'): each mocks a module, stubs a global, fakes timers, spies on a module's function,
 * changes the time zone or runs in jsdom: state the other db files (project 'db', one shared graph per worker)
 * must not inherit. `tests/unit/vitest-projects.test.ts` keeps this list complete.
 */
export const ISOLATED_DB_FILES: readonly string[] = [
  'backup-merge',
  'csv-import',
  'early-open-script',
  'entries-rules',
  'household-file',
  'monthly-loop',
  'refusals',
  'repo-record',
  'score-snapshot-dropped',
  'start-household',
  'storage',
  'warm-database',
].map((name) => `tests/db/${name}.test.ts`);

/**
 * What makes a test file's state leak into the next one that shares its module graph (or, for
 * an environment of its own, jsdom, what it must not share).
 */
export const LEAKING_STATE =
  /\bvi\.(mock|doMock|stubGlobal|stubEnv|useFakeTimers|spyOn)\(|process\.env\.TZ|@vitest-environment/;
