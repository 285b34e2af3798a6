import { AnyamError } from '../../domain/model';
import { getDb, type AnyamDatabase, type StoreName } from '../database';
import { isQuotaExceeded, requestPersistenceOnFirstSave, storageFullError } from '../storage';
import { dropScoreSnapshot } from '../score-snapshot-write';

/**
 * Runs `scope` in one read-write transaction over `stores`. Whatever `scope` throws aborts the
 * transaction, so a rejected write leaves every table as it was; nothing in here may catch a
 * Dexie error and carry on. Errors leave as `AnyamError`s with a code views can translate.
 *
 * Inside `scope`, await only Dexie calls or helpers that always reach one: awaiting a promise
 * that settles without touching Dexie (an async helper's early return, a timer, fetch) drops
 * Dexie's transaction zone, and the transaction commits before the scope is done
 * (PrematureCommitError).
 */
export async function writeTransaction<T>(
  stores: readonly StoreName[],
  scope: (db: AnyamDatabase) => Promise<T>,
): Promise<T> {
  const db = getDb();
  // The last score's snapshot never outlives a change: dropped before the write (a tab that
  // closes mid-write leaves none) and after it (a dashboard that kept one meanwhile drew the
  // tables before this write).
  dropScoreSnapshot();
  let result: T;
  try {
    result = await db.transaction('rw', [...stores], () => scope(db));
  } catch (error) {
    throw repoError(db, error);
  } finally {
    dropScoreSnapshot();
  }
  requestPersistenceOnFirstSave();
  return result;
}

/** Reads several tables at one point in time. */
export async function readTransaction<T>(
  stores: readonly StoreName[],
  scope: (db: AnyamDatabase) => Promise<T>,
): Promise<T> {
  const db = getDb();
  try {
    return await db.transaction('r', [...stores], () => scope(db));
  } catch (error) {
    throw repoError(db, error);
  }
}

/** The typed error for a failure of `db`; marks the database outdated when it was closed on us. */
export function repoError(db: AnyamDatabase, error: unknown): unknown {
  // Stryker disable next-line ConditionalExpression: an AnyamError keeps its cause in `details`, has no quota name or code and is named AnyamError, so every line below returns it unchanged too
  if (error instanceof AnyamError) return error;
  if (isQuotaExceeded(error)) return storageFullError(error);
  const name = (error as { name?: unknown } | null)?.name;
  // Closed: another tab upgraded or deleted the database. VersionError: this tab's code is older
  // than the schema on disk (an old cached page). Either way only a reload helps.
  if (name === 'DatabaseClosedError' || name === 'VersionError') {
    db.markOutdated();
    return new AnyamError('db/outdated', { cause: error });
  }
  if (name === 'ConstraintError' || name === 'BulkError') {
    return new AnyamError('db/constraint', { cause: error });
  }
  return error;
}
