import type { MonthKey, Rollup } from '../../domain/model';
import { getDb } from '../database';
import { rebuildAllRollupsIn, ROLLUP_STORES, type ProgressListener } from './rollup-store';
import { writeTransaction } from './transaction';

export type { Progress, ProgressListener } from './rollup-store';

/** Every rollup row: (months × streams × currencies × statuses), what the dashboard reads. */
export async function listRollups(): Promise<Rollup[]> {
  return getDb().rollups.toArray();
}

/** Rollup rows of the months `from`…`to` inclusive, through the `month` index. */
export async function listRollupsBetween(from: MonthKey, to: MonthKey): Promise<Rollup[]> {
  return getDb().rollups.where('month').between(from, to, true, true).toArray();
}

/**
 * Recomputes every rollup row from the entries, reading them in chunks and reporting progress.
 * One transaction: writes from other views wait rather than interleave with a half-done total.
 */
export async function rebuildRollups(
  options: { onProgress?: ProgressListener; chunkSize?: number } = {},
): Promise<void> {
  await writeTransaction(ROLLUP_STORES, (db) =>
    rebuildAllRollupsIn(db, options.onProgress, options.chunkSize),
  );
}
