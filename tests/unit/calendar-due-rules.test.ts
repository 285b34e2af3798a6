// Issue 28 (mutation round): the calendar export leaves out an instalment already repaid
// (calendar-due.ts). calendar-due-kinds.test.ts shows it too, but computes its export when the
// file loads, outside any test, where a mutation run's per-test coverage cannot credit it.
import { describe, expect, it } from 'vitest';
import { dueForCalendar } from '../../src/lib/domain/calendar-due';
import { OWED, lentToTita } from '../fixtures/owed-records';

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

describe('the direction of an instalment in the calendar export', () => {
  it('is money going out for a debt we owe and coming in for one owed to us', () => {
    const kinds = dueForCalendar({ ...base, debts: [paylater, lentToTita(2)], repayments: [] }).map(
      (d) => `${d.sourceId} ${d.kind}`,
    );
    expect(new Set(kinds)).toEqual(new Set(['paylater instalment', 'lent instalment-in']));
  });
});
