// Mutation runs only (vitest.unit.config.ts): a property that fails has killed its mutant, so
// fast-check stops at the first counterexample instead of shrinking it, which could take longer
// than the mutant's timeout on a loaded machine.
import fc from 'fast-check';
import { beforeEach } from 'vitest';
import { clearMoneyCaches } from '../../src/lib/domain/money';

fc.configureGlobal({ ...fc.readConfigureGlobal(), endOnFailure: true });

// money.ts keeps each locale's separators, symbols and formatters in module-level caches: left
// filled, a mutant in the code that fills them is run by whichever test came first and read
// cached by the rest. Each test computes its own, so each test that reads them is counted.
beforeEach(() => clearMoneyCaches());
