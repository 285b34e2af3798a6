// Mutation testing of one file on a loaded machine (docs/testing.md, "Mutation testing"): the
// unit tests only, or the test files named in MUTATION_TESTS (comma-separated globs), and
// fast-check without shrinking (tests/setup/mutation-fast-check.ts).
import { mergeConfig } from 'vitest/config';
import base from './vitest.config';

const include = process.env.MUTATION_TESTS?.split(',') ?? ['tests/unit/**/*.test.ts'];

export default mergeConfig(base, {
  test: { include, setupFiles: ['tests/setup/mutation-fast-check.ts'] },
});
