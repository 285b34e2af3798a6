import { markPhase } from './phase-mark';
import { getDb } from './database';

/**
 * Opens the shared database now (issue 29: the data starts first). Called from the entry
 * chunk's first task on a returning visit, while the shell and the view's code still load, so
 * that the view's first reads find IndexedDB open instead of waiting for it. A failure is not
 * reported here: the first query meets it again and the view says so. Settles once the open
 * has succeeded or failed.
 */
export function openEarly(): Promise<void> {
  markPhase('data-layer');
  const db = getDb();
  if (db.isOpen()) return Promise.resolve();
  return db.open().then(
    () => markPhase('db-open'),
    () => undefined,
  );
}
