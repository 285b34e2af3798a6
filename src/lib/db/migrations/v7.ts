import type { Migration } from './types';

/**
 * Savings groups (schema version 7; versions 4 to 6 are other features', and Dexie allows the
 * gap). `groups` holds a few rows, read whole; `groupPayments` holds one row per contribution
 * paid, round skipped or pot received, read whole per household or through `[groupId+round]`
 * when a round is answered (so a double tap stays one row). No existing row changes.
 */
export const v7: Migration = {
  version: 7,
  stores: {
    groups: 'id',
    groupPayments: 'id, [groupId+round], dueOn',
  },
};
