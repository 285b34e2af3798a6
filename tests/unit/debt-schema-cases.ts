import type { SchemaTable } from '../../src/lib/domain/schema';

/**
 * The bad-input rules of issue 25 a debt's or a repayment's schema keeps, as schema.test.ts's
 * [table, field path, value, code] cases (the valid debt there has a monthly schedule).
 */
export const DEBT_CASES: [SchemaTable, string, unknown, string][] = [
  ['debts', 'amountMinor', 0, 'debt/invalid-amount'],
  ['debts', 'amountMinor', -500, 'debt/invalid-amount'],
  ['debts', 'schedule.count', 0, 'debt/invalid-count'],
  ['debts', 'schedule.count', 601, 'debt/invalid-count'],
  ['debts', 'schedule.count', 2.5, 'debt/invalid-count'],
  ['debts', 'schedule.amountMinor', 0, 'debt/invalid-amount'],
  ['debts', 'schedule.firstDue', '1999-01-01', 'debt/due-before-date'],
  ['debts', 'schedule.firstDue', '2026-02-30', 'debt/invalid-date'],
  ['debts', 'schedule.amountMinor', 999_999_999, 'debt/schedule-too-long'],
  ['debts', 'counterparty', '   ', 'debt/empty-name'],
  ['debts', 'kind', 'loan-shark', 'debt/invalid'],
  ['debts', 'direction', 'both', 'debt/invalid'],
  ['debts', 'forgivenOn', '1999-01-01', 'debt/invalid-date'],
  ['repayments', 'amountMinor', 0, 'repayment/invalid-amount'],
  ['repayments', 'amountMinor', -1, 'repayment/invalid-amount'],
  ['repayments', 'date', '2026-13-01', 'repayment/invalid-date'],
];
