/**
 * Pending on the dashboard (issue 22, item 6): one figure per period, each from one function
 * (pending.ts pendingInPeriod) for one period, and the figures per period add up to the rollups'
 * pending of exactly that period, on any day (random "today" that favours the 1st, a month's last
 * day, 29 February and 31 December).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDashboard, type DashboardInput } from '../../src/lib/domain/dashboard';
import type { Rollup, Stream } from '../../src/lib/domain/model';
import { addMonths, monthOf } from '../../src/lib/domain/months';
import { completeMonth, monthSoFar } from '../../src/lib/domain/periods';
import { pendingByPeriod, pendingInPeriod } from '../../src/lib/domain/pending';
import { makeStream } from './analytics-fixtures';
import { PINNED_TODAY, todayArb } from '../factories/today';

const STREAMS: Stream[] = [
  makeStream({ id: 's0', kind: 'formal', memberId: 'm0' }),
  makeStream({ id: 's1', kind: 'microtask', memberId: 'm1' }),
  makeStream({ id: 's2', kind: 'informal', memberId: 'm1' }),
];

function rollup(
  streamId: string,
  month: string,
  status: 'received' | 'pending',
  baseMinor: number,
  missingRateCount = 0,
): Rollup {
  const s = STREAMS.find((x) => x.id === streamId)!;
  return {
    key: `${streamId}|${month}|${s.currency}|${status}`,
    streamId,
    memberId: s.memberId,
    month,
    currency: s.currency,
    status,
    amountMinor: baseMinor,
    baseMinor,
    missingRateCount,
    paidMinutes: 0,
    unpaidMinutes: 0,
    count: 1 + missingRateCount,
  };
}

function input(rollups: Rollup[], today: string, memberId: string | null = null): DashboardInput {
  return {
    rollups,
    streams: STREAMS,
    plans: [],
    savings: [],
    rates: [],
    training: [],
    baseCurrency: STREAMS[0]!.currency,
    today,
    memberId,
  };
}

/** Rollup rows (one per stream, month and status) from 30 months before today to 2 after. */
const householdArb = (today: string) =>
  fc
    .array(
      fc.record({
        stream: fc.constantFrom('s0', 's1', 's2'),
        offset: fc.integer({ min: -30, max: 2 }),
        status: fc.constantFrom('received' as const, 'pending' as const),
        baseMinor: fc.integer({ min: 0, max: 5_000_000 }),
        missing: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3 })),
      }),
      { maxLength: 60 },
    )
    .map((rows) => {
      const byKey = new Map<string, Rollup>();
      for (const r of rows) {
        const month = addMonths(monthOf(today), r.offset);
        const row = rollup(r.stream, month, r.status, r.baseMinor, r.missing);
        byKey.set(row.key, row);
      }
      return [...byKey.values()];
    });

const sumPending = (rows: Rollup[], months: readonly string[], member: string | null) =>
  rows
    .filter(
      (r) =>
        r.status === 'pending' &&
        months.includes(r.month) &&
        (member === null || r.memberId === member),
    )
    .reduce((a, r) => a + r.baseMinor, 0);

describe('pending per period', () => {
  it('the in-progress card and the pending list show one figure per period, from pendingInPeriod', () => {
    const today = PINNED_TODAY;
    const last = addMonths(monthOf(today), -1);
    const rows = [
      rollup('s0', last, 'pending', 46_560),
      rollup('s0', monthOf(today), 'received', 600_000),
      rollup('s1', addMonths(last, -3), 'pending', 1_000),
    ];
    const d = computeDashboard(input(rows, today));
    // The month-so-far figure the in-progress card shows IS the first entry of the pending list:
    // one object, computed once.
    expect(d.inProgress.pending).toBe(d.pending[0]);
    expect(d.pending[0]).toEqual(pendingInPeriod(rows, monthSoFar(today)));
    expect(d.pending[0]!.totalMinor).toBe(0);
    expect(d.pending[1]).toEqual(pendingInPeriod(rows, completeMonth(today)));
    expect(d.pending[1]!.totalMinor).toBe(46_560);
    expect(d.pending[2]!.totalMinor).toBe(1_000);
    // Every period once, none overlapping.
    const months = d.pending.flatMap((p) => p.period.months);
    expect(new Set(months).size).toBe(months.length);
  });

  it('sums, per period, to the rollups’ pending of that period, on any day (300 runs)', () => {
    fc.assert(
      fc.property(
        todayArb.chain((today) =>
          fc.tuple(
            fc.constant(today),
            householdArb(today),
            fc.constantFrom<string | null>(null, 'm0', 'm1'),
          ),
        ),
        ([today, rows, member]) => {
          const d = computeDashboard(input(rows, today, member));
          expect(d.inProgress.pending).toBe(d.pending[0]);
          expect(d.pending[0]!.period.kind).toBe('month-so-far');
          expect(d.pending[1]!.period.kind).toBe('complete-month');
          const seen = new Set<string>();
          for (const p of d.pending) {
            for (const mo of p.period.months) {
              expect(seen.has(mo)).toBe(false);
              seen.add(mo);
              expect(mo <= monthOf(today)).toBe(true);
            }
            // Each figure is the rollups' pending of exactly its period's months.
            expect(p.totalMinor).toBe(sumPending(rows, p.period.months, member));
            // ...and what the one function says for that period.
            const counts =
              member === null
                ? undefined
                : (id: string) => STREAMS.find((s) => s.id === id)!.memberId === member;
            expect(p).toEqual(pendingInPeriod(rows, p.period, counts));
          }
          // Together they hold every pending row up to today's month: nothing dropped.
          const upToToday = rows.filter((r) => r.month <= monthOf(today)).map((r) => r.month);
          expect(d.pending.reduce((a, p) => a + p.totalMinor, 0)).toBe(
            sumPending(rows, [...new Set(upToToday)], member),
          );
          // The same list as pendingByPeriod reads for the dashboard's streams.
          expect(d.pending).toEqual(
            pendingByPeriod(rows, today, (id) =>
              member === null ? true : STREAMS.find((s) => s.id === id)!.memberId === member,
            ),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
