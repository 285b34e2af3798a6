import { getDb, type AnyamDatabase } from '../db/database';
import { isAnyamError } from '../domain/model';

/**
 * Whether this tab still speaks the schema on disk. When another tab opens a newer Anyam (or
 * deletes the data), this tab's connection is closed so the other can upgrade; from then on
 * only a reload helps, and the shell shows the translated "Anyam was updated — reload" banner
 * (`db_updated_banner`) instead of letting views fail one by one.
 */
export class DbStatus {
  #outdated = $state(false);
  #watching = false;

  /** True once only a reload helps. Reading it starts watching the shared database. */
  get outdated(): boolean {
    if (!this.#watching) this.watch();
    return this.#outdated;
  }

  /** Follows `db` (the shared database by default); returns the unsubscribe. */
  watch(db: AnyamDatabase = getDb()): () => void {
    this.#watching = true;
    return db.onOutdated(() => {
      this.#outdated = true;
    });
  }

  /**
   * Turns a failure seen anywhere (a live query, a write) into the banner when it means the
   * database was closed under us; other errors are left to their view.
   */
  noteError(error: unknown): void {
    if (isOutdatedError(error)) this.#outdated = true;
  }
}

export function isOutdatedError(error: unknown): boolean {
  if (isAnyamError(error)) return error.code === 'db/outdated';
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'DatabaseClosedError' || name === 'VersionError';
}

/** The app's one status; the shell reads `dbStatus.outdated` to show the reload banner. */
export const dbStatus = new DbStatus();
