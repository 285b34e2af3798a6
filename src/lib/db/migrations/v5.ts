import type { Migration } from './types';

/**
 * Payouts that arrive (schema version 5, issue 26; version 4 is another branch's).
 *
 * An entry gains an optional `arrival` (model.ts `Arrival`: the day it landed, the place, the
 * amount that landed, the fees, the service in between). Absent means "not recorded", so no row
 * is rewritten: every existing entry reads exactly as before.
 *
 * `[status+date]`: the pending payouts, oldest first, for "Arrived" on the dashboard, without
 * reading every entry (pending ones are few; received ones are most of the table).
 */
export const v5: Migration = {
  version: 5,
  stores: {
    entries:
      'id, date, [streamId+date], [memberId+date], [currency+date], updatedAt, deletedAt, [status+date]',
  },
};
