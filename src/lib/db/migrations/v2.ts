import type { Transaction } from 'dexie';
import type { Migration } from './types';

/**
 * The monthly loop: streams get a pay day (`payDay`, null until the household sets one), bills
 * get `payments`, and a "not this time" answer to a pay day or a bill is a row of `skips`.
 *
 * - payments `[planId+dueOn]`: has this occurrence of the plan been paid (paying twice is
 *   idempotent), and `where('planId')` from its first part; `dueOn`: the month's payments.
 * - skips `[sourceId+dueOn]`: was this occurrence skipped; `dueOn`: the skips of a date range.
 */
export const v2: Migration = {
  version: 2,
  stores: {
    payments: 'id, [planId+dueOn], dueOn',
    skips: 'id, [sourceId+dueOn], dueOn',
  },
  async upgrade(tx: Transaction) {
    await tx
      .table('streams')
      .toCollection()
      .modify((stream: Record<string, unknown>) => {
        stream.payDay = null;
      });
  },
};
