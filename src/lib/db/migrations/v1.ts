import type { Migration } from './types';

/**
 * The first schema.
 *
 * Entries carry most of the indexes because they are the only table that grows large:
 * - `date`, `[streamId+date]`, `[memberId+date]`: a month's list, whole or filtered, read by range.
 *   Dexie serves `where('streamId')` / `where('memberId')` from the compound indexes' first part,
 *   so no separate single-field index is paid for on every write.
 * - `[currency+date]`: the entries a rate change affects (one currency, from a date on).
 * - `updatedAt`: merges and "recently edited".
 * - `deletedAt`: null is not a valid IndexedDB key, so live rows are simply absent from this index
 *   and it lists exactly the trash. Live rows are found through the other indexes and filtered on
 *   `deletedAt === null` in memory.
 *
 * Rollups are keyed by `${streamId}|${month}|${currency}|${status}`; `month` serves the dashboard,
 * `[streamId+month+currency]` a stream's history (and `where('streamId')`), `[currency+month]` the
 * rebuild after a rate change (and `where('currency')`).
 *
 * The other tables hold tens of rows: they are read whole and need no index beyond what is listed.
 */
export const v1: Migration = {
  version: 1,
  stores: {
    settings: 'id',
    members: 'id',
    streams: 'id, memberId',
    entries: 'id, date, [streamId+date], [memberId+date], [currency+date], updatedAt, deletedAt',
    rollups: 'key, month, [streamId+month+currency], [currency+month]',
    plans: 'id',
    savings: 'id, date',
    rates: 'id, [currency+date]',
    training: 'id, memberId',
  },
};
