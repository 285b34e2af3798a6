// `npx stryker run stryker.unit.config.mjs --mutate <file>`: one file against tests/unit only, or
// against the test files in MUTATION_TESTS (docs/testing.md, "Mutation testing"). A mutant these
// tests kill is killed by the full suite too, so the score is a lower bound of the full run's.
import base from './stryker.config.mjs';

export default {
  ...base,
  vitest: { configFile: 'vitest.unit.config.ts' },
  incrementalFile: 'reports/mutation/stryker-incremental-unit.json',
  dryRunTimeoutMinutes: 30,
};
