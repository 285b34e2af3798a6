// Issue 28 (mutation round): the calendar export leaves out an instalment already repaid
// (calendar-due.ts). calendar-due-kinds.test.ts shows it too, but computes its export when the
// file loads, outside any test, where a mutation run's per-test coverage cannot credit it.
import { describe, expect, it } from 'vitest';
import { dueForCalendar } from '../../src/lib/domain/calendar-due';
import { OWED } from '../fixtures/owed-records';

const { today, paylater, repaid } = OWED;
const base = { streams: [], plans: [], entries: [], payments: [], skips: [], today };

describe('the instalments in the calendar export', () => {
  it('leave out the one repaid, and list it again once its repayment is deleted', () => {
    const dates = (repayments: (typeof repaid)[]) =>
      dueForCalendar({ ...base, debts: [paylater], repayments })
        .filter((d) => d.kind === 'instalment')
        .map((d) => d.date);
    expect(dates([repaid])).toEqual(['2027-01-15', '2027-02-15']);
    expect(dates([{ ...repaid, deletedAt: '2026-12-05T00:00:00.000Z' }])).toEqual([
      '2026-12-15',
      '2027-01-15',
      '2027-02-15',
    ]);
    expect(dates([])).toEqual(['2026-12-15', '2027-01-15', '2027-02-15']);
  });
});
