/**
 * "This month so far" is shown on three screens: the Entries view's month total, the
 * dashboard's in-progress card and the month card of the monthly loop. Each reads the same
 * records (entries, or the rollups kept equal to them), so for any household and any day the
 * received and pending figures of the month must be the same numbers (issue 22: every figure
 * shown twice is one truth). Pending has one function for a period (pending.ts); received is
 * checked here against all three.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDashboard } from '../../src/lib/domain/dashboard';
import { monthGlance } from '../../src/lib/domain/month-glance';
import { monthTotals } from '../../src/lib/domain/month-totals';
import { addMonths, daysInMonth, monthOf } from '../../src/lib/domain/months';
import { rollupsFromEntries } from '../../src/lib/domain/rollup';
import type { Entry, Stream } from '../../src/lib/domain/model';
import { makeEntry, makeRate, makeStream } from './analytics-fixtures';
import { todayArb } from '../factories/today';

const STREAMS: Stream[] = [
  makeStream({ id: 'salary', kind: 'formal', memberId: 'a' }),
  makeStream({ id: 'tasks', kind: 'microtask', memberId: 'b', currency: 'USD' }),
  makeStream({ id: 'stall', kind: 'informal', memberId: 'b' }),
];

const entryArb = (today: string) =>
  fc
    .record({
      stream: fc.constantFrom(...STREAMS),
      monthsBack: fc.integer({ min: 0, max: 2 }),
      day: fc.integer({ min: 1, max: 31 }),
      amountMinor: fc.integer({ min: 1, max: 50_000_000 }),
      pending: fc.boolean(),
      deleted: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    })
    .map(({ stream, monthsBack, day, amountMinor, pending, deleted }): Entry => {
      const month = addMonths(monthOf(today), -monthsBack);
      const d = Math.min(day, daysInMonth(month));
      // Entries of this month fall on or before today, as the repository requires.
      const date =
        monthsBack === 0 && `${month}-${String(d).padStart(2, '0')}` > today
          ? today
          : `${month}-${String(d).padStart(2, '0')}`;
      return makeEntry(stream, date, amountMinor, {
        status: pending ? 'pending' : 'received',
        deletedAt: deleted ? '2026-01-01T00:00:00.000Z' : null,
      });
    });

const householdArb = todayArb.chain((today) =>
  fc.record({
    today: fc.constant(today),
    entries: fc.array(entryArb(today), { maxLength: 40 }),
    // No USD rate at all (those entries are counted apart, never as zero), one in force for the
    // whole window, or one from this month's 1st only.
    rate: fc.constantFrom('none', 'old', 'this-month'),
  }),
);

describe('this month so far is one truth on every screen', () => {
  it('the Entries total, the dashboard and the month card give the same received and pending', () => {
    fc.assert(
      fc.property(householdArb, ({ today, entries, rate }) => {
        const from =
          rate === 'old' ? `${addMonths(monthOf(today), -3)}-01` : `${monthOf(today)}-01`;
        const rates = rate === 'none' ? [] : [makeRate('USD', from, '16000.5')];
        const live = entries.filter((e) => e.deletedAt === null);
        const month = monthOf(today);
        const rollups = rollupsFromEntries(entries, rates, 'IDR');

        const entriesView = monthTotals(
          live.filter((e) => monthOf(e.date) === month),
          'IDR',
          rates,
        );
        const dash = computeDashboard({
          rollups,
          streams: STREAMS,
          plans: [],
          savings: [],
          rates,
          training: [],
          baseCurrency: 'IDR',
          today,
          memberId: null,
        });
        const glance = monthGlance({
          month,
          streams: STREAMS,
          plans: [],
          entries: [],
          rollups,
          payments: [],
          skips: [],
          rates,
          baseCurrency: 'IDR',
        });

        expect(dash.inProgress.receivedMinor).toBe(entriesView.receivedMinor);
        expect(glance.receivedMinor).toBe(entriesView.receivedMinor);
        expect(dash.inProgress.pending.totalMinor).toBe(entriesView.pendingMinor);
        const missingPending = live.filter(
          (e) => monthOf(e.date) === month && e.status === 'pending' && e.currency === 'USD',
        );
        if (rates.length === 0) {
          expect(dash.inProgress.pending.missingRateCount).toBe(missingPending.length);
        }
      }),
      { numRuns: 300 },
    );
  });
});
