// Mutation testing of one file on a loaded machine (docs/testing.md, "Mutation testing"): the
// unit tests only, or the test files named in MUTATION_TESTS (comma-separated globs), and
// fast-check without shrinking (tests/setup/mutation-fast-check.ts).
import { mergeConfig } from 'vitest/config';
import base from './vitest.config.ts';

const include = process.env.MUTATION_TESTS?.split(',') ?? ['tests/unit/**/*.test.ts'];

// mergeConfig concatenates arrays: `include` is replaced, not added to the whole suite's.
// The whole suite's projects are dropped: a mutation run names its own test files.
const { projects: _projects, ...test } = base.test ?? {};

export default mergeConfig(
  { ...base, test: { ...test, include } },
  { test: { setupFiles: ['tests/setup/mutation-fast-check.ts'] } },
);
