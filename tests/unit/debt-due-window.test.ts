/**
 * The monthly loop computes only the instalments of its window (debt-due.ts `instalmentsWithin`)
 * and reads only the repayments of debts whose schedule reaches it (`scheduleReaches`): both must
 * give exactly what the whole schedule gives (debt-schedule.ts `instalmentsBetween`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../../src/lib/domain/dates';
import type { DebtSchedule } from '../../src/lib/domain/debt-model';
import { instalmentsWithin, scheduleReaches } from '../../src/lib/domain/debt-due';
import { instalmentsBetween } from '../../src/lib/domain/debt-schedule';

const RUNS = { numRuns: 300 };
// Days from 2020-01-01: month ends, 29 February and year ends all come up.
const dayArb = fc.integer({ min: 0, max: 4_000 }).map((n) => addDaysIso('2020-01-01', n));
const scheduleArb = fc
  .record({
    count: fc.integer({ min: 1, max: 600 }),
    each: fc.integer({ min: 1, max: 1_000_000 }),
    cadence: fc.constantFrom('monthly' as const, 'weekly' as const),
    // The 28th–31st often: the month-end clamp is where a shortcut would go wrong.
    firstDue: fc.oneof(
      dayArb,
      fc
        .tuple(fc.integer({ min: 2020, max: 2030 }), fc.integer({ min: 1, max: 12 }))
        .chain(([y, m]) =>
          fc
            .integer({ min: 28, max: 31 })
            .map((d) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)
            .filter((iso) => new Date(`${iso}T00:00:00Z`).getUTCDate() === Number(iso.slice(8))),
        ),
    ),
    extra: fc.integer({ min: 1, max: 1_000 }),
  })
  .map(({ count, each, cadence, firstDue, extra }) => {
    const schedule: DebtSchedule = { count, amountMinor: each, cadence, firstDue };
    return { schedule, amountMinor: (count - 1) * each + extra };
  });
const windowArb = fc
  .tuple(dayArb, fc.integer({ min: -5, max: 200 }))
  .map(([from, len]) => ({ from, to: addDaysIso(from, len) }));

describe('the loop’s instalment window', () => {
  it('instalmentsWithin gives exactly instalmentsBetween, dates, indexes and amounts', () => {
    fc.assert(
      fc.property(scheduleArb, windowArb, ({ schedule, amountMinor }, { from, to }) => {
        expect(instalmentsWithin(amountMinor, schedule, from, to)).toEqual(
          instalmentsBetween(amountMinor, schedule, from, to),
        );
      }),
      RUNS,
    );
  });

  it('a window starting after the schedule began, on a month end, keeps the clamped dates', () => {
    const schedule: DebtSchedule = {
      count: 12,
      amountMinor: 100,
      cadence: 'monthly',
      firstDue: '2026-01-31',
    };
    expect(instalmentsWithin(1_150, schedule, '2026-02-01', '2026-04-30')).toEqual([
      { index: 1, dueOn: '2026-02-28', amountMinor: 100 },
      { index: 2, dueOn: '2026-03-31', amountMinor: 100 },
      { index: 3, dueOn: '2026-04-30', amountMinor: 100 },
    ]);
    // The last instalment takes what remains.
    expect(instalmentsWithin(1_150, schedule, '2026-12-01', '2027-06-01')).toEqual([
      { index: 11, dueOn: '2026-12-31', amountMinor: 50 },
    ]);
  });

  it('scheduleReaches is true whenever an instalment falls in the window (its repayments are read)', () => {
    fc.assert(
      fc.property(scheduleArb, windowArb, ({ schedule, amountMinor }, { from, to }) => {
        const some = instalmentsBetween(amountMinor, schedule, from, to).length > 0;
        if (some) expect(scheduleReaches(schedule, from, to)).toBe(true);
        // And false when the whole schedule lies outside it.
        const all = instalmentsBetween(amountMinor, schedule, '0000-01-01', '9999-12-31');
        if (all.at(-1)!.dueOn < from || all[0]!.dueOn > to) {
          expect(scheduleReaches(schedule, from, to)).toBe(false);
        }
      }),
      RUNS,
    );
    expect(scheduleReaches(null, '2026-01-01', '2026-12-31')).toBe(false);
  });
});
