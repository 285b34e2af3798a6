import type { Migration } from './types';

/**
 * Funds for the big dates (schema version 6): `funds` (tens of rows, read whole) and
 * `setAsides`, the money set aside for them. `fundId` lists a fund's set-asides, `entryId` what
 * was already set aside from one received entry (the refusal to set aside more than it received).
 * Existing rows are untouched: a household starts with no fund.
 */
export const v6: Migration = {
  version: 6,
  stores: {
    funds: 'id',
    setAsides: 'id, fundId, entryId',
  },
};
