// Mutation runs only (vitest.unit.config.ts): a property that fails has killed its mutant, so
// fast-check stops at the first counterexample instead of shrinking it, which could take longer
// than the mutant's timeout on a loaded machine.
import fc from 'fast-check';

fc.configureGlobal({ ...fc.readConfigureGlobal(), endOnFailure: true });
