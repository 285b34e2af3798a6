import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../../src/lib/domain/dates';
import {
  incomeStatement,
  statementMonths,
  variationWords,
  type StatementMonths,
} from '../../src/lib/domain/income-statement';
import type { Entry, Stream } from '../../src/lib/domain/model';
import { monthTotals } from '../../src/lib/domain/month-totals';
import { monthOf } from '../../src/lib/domain/months';
import { makeEntry, makeRate, makeStream } from './analytics-fixtures';
import { PINNED_TODAY, todayArb } from '../factories/today';

const rates = [makeRate('USD', '2025-01-01', '16000'), makeRate('PHP', '2026-06-01', '280.5')];

function streamsOf(n: number): Stream[] {
  return Array.from({ length: n }, (_, i) =>
    makeStream({
      id: `s${i}`,
      kind: i === 0 ? 'formal' : 'microtask',
      memberId: i % 2 === 0 ? 'm1' : 'm2',
      currency: ['IDR', 'USD', 'PHP'][i % 3]!,
    }),
  );
}

const householdArb = fc.record({
  today: todayArb,
  months: fc.constantFrom<StatementMonths>(3, 6, 12),
  streamCount: fc.integer({ min: 1, max: 4 }),
  member: fc.constantFrom<string | null>(null, 'm1', 'm2'),
  entries: fc.array(
    fc.record({
      pick: fc.nat(),
      back: fc.integer({ min: -20, max: 420 }),
      amount: fc.integer({ min: 0, max: 5_000_000 }),
      pending: fc.boolean(),
      deleted: fc.boolean(),
    }),
    { maxLength: 40 },
  ),
});

/** Population CV of the months that count, written out as the score defines it. */
function bruteCv(totals: number[], counted: boolean[]): number {
  const xs = totals.filter((_, i) => counted[i]);
  if (xs.length < 3) return NaN;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  if (!(mean > 0)) return NaN;
  return Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length) / mean;
}

describe('income statement', () => {
  it('covers the last 3, 6 or 12 complete months, oldest first', () => {
    expect(statementMonths(PINNED_TODAY, 3)).toEqual(['2026-08', '2026-09', '2026-10']);
    expect(statementMonths('2027-01-01', 12)[0]).toBe('2026-01');
    expect(statementMonths('2027-01-01', 12).at(-1)).toBe('2026-12');
  });

  it('reads how much income varies with the score’s thresholds', () => {
    expect(variationWords(0.1)).toBe('steady');
    expect(variationWords(0.2)).toBe('varies');
    expect(variationWords(0.45)).toBe('varies-a-lot');
  });

  it('sums received income per source and month, and leaves out what no rate converts', () => {
    const [salary, gig] = [
      makeStream({ id: 'salary', kind: 'formal', name: 'Salary' }),
      makeStream({ id: 'microtask', kind: 'microtask', name: 'Gig', currency: 'EUR' }),
    ];
    const entries: Entry[] = [
      makeEntry(salary, '2026-08-25', 300_000),
      makeEntry(salary, '2026-09-25', 300_000),
      makeEntry(salary, '2026-10-25', 240_000),
      makeEntry(salary, '2026-10-26', 999, { status: 'pending' }),
      makeEntry(salary, '2026-11-02', 777), // the month in progress: not in the statement
      makeEntry(gig, '2026-09-03', 5_000), // no EUR rate
    ];
    const s = incomeStatement({
      entries,
      streams: [salary, gig],
      rates,
      baseCurrency: 'IDR',
      today: PINNED_TODAY,
      months: 3,
      memberId: null,
    });
    expect(s.monthTotals).toEqual([300_000, 300_000, 240_000]);
    expect(s.totalMinor).toBe(840_000);
    expect(s.averageMinor).toBe(280_000);
    expect(s.lowest).toEqual({ month: '2026-10', amountMinor: 240_000 });
    expect(s.monthsWithIncome).toBe(3);
    expect(s.largest).toEqual({ streamId: 'salary', name: 'Salary', share: 1 });
    expect(s.missingPerMonth).toEqual([0, 1, 0]);
    // September is left out of the window (a missing rate), as the score does: 2 months count.
    expect(s.stability).toBeNull();
  });

  it('takes the per-entry amount it is given (what landed, net of fees)', () => {
    const salary = makeStream({ id: 'salary', kind: 'formal' });
    const entries = ['2026-08-25', '2026-09-25', '2026-10-25'].map((d) =>
      makeEntry(salary, d, 100_000),
    );
    const s = incomeStatement({
      entries,
      streams: [salary],
      rates,
      baseCurrency: 'IDR',
      today: PINNED_TODAY,
      months: 3,
      memberId: null,
      amountOf: (e) => e.amountMinor - 1_000,
    });
    expect(s.monthTotals).toEqual([99_000, 99_000, 99_000]);
    expect(s.stability).toEqual({ cv: 0, score: 1, words: 'steady' });
  });

  it('holds for any household (property)', () => {
    fc.assert(
      fc.property(householdArb, (h) => {
        const streams = streamsOf(h.streamCount);
        const entries = h.entries.map((x) =>
          makeEntry(streams[x.pick % streams.length]!, addDaysIso(h.today, -x.back), x.amount, {
            status: x.pending ? 'pending' : 'received',
            deletedAt: x.deleted && x.amount % 5 === 0 ? '2026-01-01T00:00:00.000Z' : null,
          }),
        );
        const s = incomeStatement({
          entries,
          streams,
          rates,
          baseCurrency: 'IDR',
          today: h.today,
          months: h.months,
          memberId: h.member,
        });
        expect(s.months).toHaveLength(h.months);
        expect(s.months.at(-1)! < monthOf(h.today)).toBe(true);
        // The months add up to the total; each month is the sum of its sources.
        expect(s.monthTotals.reduce((a, b) => a + b, 0)).toBe(s.totalMinor);
        s.months.forEach((_, c) =>
          expect(s.sources.reduce((a, src) => a + src.perMonth[c]!, 0)).toBe(s.monthTotals[c]),
        );
        expect(s.sources.reduce((a, src) => a + src.totalMinor, 0)).toBe(s.totalMinor);
        // Each month equals month-totals.ts over the same records.
        const mine = new Set(
          streams.filter((x) => h.member === null || x.memberId === h.member).map((x) => x.id),
        );
        const counted: boolean[] = [];
        s.months.forEach((month, c) => {
          const of = entries.filter(
            (e) =>
              e.deletedAt === null &&
              mine.has(e.streamId) &&
              e.status === 'received' &&
              monthOf(e.date) === month,
          );
          const t = monthTotals(of, 'IDR', rates);
          expect(s.monthTotals[c]).toBe(t.receivedMinor);
          expect(s.missingPerMonth[c]).toBe(t.missingRateCount);
          counted.push(t.missingRateCount === 0);
        });
        // The lowest month is the minimum (its first month); months with income counted.
        const min = Math.min(...s.monthTotals);
        expect(s.lowest.amountMinor).toBe(min);
        expect(s.lowest.month).toBe(s.months[s.monthTotals.indexOf(min)]);
        expect(s.monthsWithIncome).toBe(s.monthTotals.filter((t) => t > 0).length);
        expect(s.averageMinor).toBe(Math.round(s.totalMinor / h.months));
        // The largest source's share.
        if (s.totalMinor > 0) {
          const top = Math.max(...s.sources.map((x) => x.totalMinor));
          expect(s.largest!.share).toBeCloseTo(top / s.totalMinor, 12);
          expect(s.largest!.share).toBeGreaterThan(0);
          expect(s.largest!.share).toBeLessThanOrEqual(1);
        } else expect(s.largest).toBeNull();
        // Stability: the score's CV over the months from the first with any entry.
        const live = entries.filter((e) => e.deletedAt === null && mine.has(e.streamId));
        const first = live.reduce<string | null>(
          (a, e) => (a === null || monthOf(e.date) < a ? monthOf(e.date) : a),
          null,
        );
        const inWindow = s.months.map((m, c) => counted[c]! && first !== null && m >= first);
        const cv = bruteCv(s.monthTotals, inWindow);
        if (Number.isNaN(cv)) expect(s.stability).toBeNull();
        else {
          expect(s.stability!.cv).toBeCloseTo(cv, 9);
          expect(s.stability!.score).toBeCloseTo(1 - Math.min(cv / 0.6, 1), 9);
        }
      }),
      { numRuns: 300 },
    );
  });
});
