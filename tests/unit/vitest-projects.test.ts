import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ISOLATED_DB_FILES, LEAKING_STATE } from '../db/isolated';

// The db test files share one module graph per worker (vitest.config.ts, project 'db'): a file
// that mocks a module, stubs a global, fakes timers or changes the time zone would hand that
// state to whichever file runs next in its worker, and fail it only in some orders.
const dbFiles = readdirSync('tests/db')
  .filter((name) => name.endsWith('.test.ts'))
  .map((name) => `tests/db/${name}`);

describe('the db test files that share a module graph', () => {
  it('hold no state that leaks into the next file', () => {
    const leaking = dbFiles.filter(
      (file) => !ISOLATED_DB_FILES.includes(file) && LEAKING_STATE.test(readFileSync(file, 'utf8')),
    );
    expect(leaking, 'add these to tests/db/isolated.ts').toEqual([]);
  });

  it('are all the others: every file kept isolated exists and needs to be', () => {
    for (const file of ISOLATED_DB_FILES) {
      expect(existsSync(file), file).toBe(true);
      expect(LEAKING_STATE.test(readFileSync(file, 'utf8')), file).toBe(true);
    }
  });
});
