import type { Migration } from './types';

/**
 * Debts and loans (schema version 4): `debts` (tens of rows, read whole) and `repayments`, read
 * per debt and by the dates the monthly loop asks for. Existing rows are untouched: the new
 * tables start empty, and skips gain a kind ('debt') without any stored row changing.
 */
export const v4: Migration = {
  version: 4,
  stores: {
    debts: 'id',
    repayments: 'id, debtId, dueOn, [debtId+dueOn]',
  },
};
