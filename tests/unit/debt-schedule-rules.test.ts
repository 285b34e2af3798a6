// Issue 28 (mutation round): a debt's instalments (debt-schedule.ts): which fall in a range, the
// first one's default date, and the two ways of giving a schedule.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../../src/lib/domain/dates';
import type { DebtSchedule } from '../../src/lib/domain/debt-model';
import {
  defaultFirstDue,
  instalmentDate,
  instalments,
  instalmentsBetween,
  scheduleOfCount,
  scheduleOfEach,
} from '../../src/lib/domain/debt-schedule';

const monthly: DebtSchedule = {
  count: 4,
  amountMinor: 300,
  cadence: 'monthly',
  firstDue: '2026-02-10',
};

describe('the instalments due in a range', () => {
  it('include an instalment on the range’s first and on its last day', () => {
    expect(instalmentsBetween(1_000, monthly, '2026-03-10', '2026-04-10')).toEqual([
      { index: 1, dueOn: '2026-03-10', amountMinor: 300 },
      { index: 2, dueOn: '2026-04-10', amountMinor: 300 },
    ]);
    expect(instalmentsBetween(1_000, monthly, '2026-03-11', '2026-04-09')).toEqual([]);
  });

  it('are none for a range that ends before the first instalment, or on its eve', () => {
    expect(instalmentsBetween(1_000, monthly, '2025-01-01', '2026-02-09')).toEqual([]);
    expect(instalmentsBetween(1_000, monthly, '2025-01-01', '2026-02-10')).toHaveLength(1);
  });

  it('are exactly the schedule’s instalments inside the range (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 200 }),
        fc.constantFrom<'monthly' | 'weekly'>('monthly', 'weekly'),
        (start, span, cadence) => {
          const schedule = { ...monthly, cadence };
          const from = addDaysIso('2026-01-01', start);
          const to = addDaysIso(from, span);
          const inside = instalments(1_000, schedule).filter(
            (i) => i.dueOn >= from && i.dueOn <= to,
          );
          expect(instalmentsBetween(1_000, schedule, from, to)).toEqual(inside);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the dates and the two ways of giving a schedule', () => {
  it('the first instalment is by default a month, or a week, after the loan', () => {
    expect(defaultFirstDue('2026-01-31', 'monthly')).toBe('2026-02-28');
    expect(defaultFirstDue('2026-12-29', 'weekly')).toBe('2027-01-05');
    expect(instalmentDate('2026-01-31', 'weekly', 0)).toBe('2026-01-31');
    expect(instalmentDate('2026-01-31', 'monthly', 2)).toBe('2026-03-31');
  });

  it('by count: ⌊amount ÷ count⌋ each; by amount each: ⌈amount ÷ each⌉ instalments', () => {
    expect(scheduleOfCount(1_000, 3, 'weekly', '2026-02-01')).toEqual({
      count: 3,
      amountMinor: 333,
      cadence: 'weekly',
      firstDue: '2026-02-01',
    });
    expect(scheduleOfEach(1_000, 300, 'monthly', '2026-02-01')).toEqual({
      count: 4,
      amountMinor: 300,
      cadence: 'monthly',
      firstDue: '2026-02-01',
    });
    expect(scheduleOfEach(900, 300, 'monthly', '2026-02-01').count).toBe(3);
  });
});
