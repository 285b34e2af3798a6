/**
 * More rules of resilience.ts that resilience-rules.test.ts leaves unstated (docs/testing.md,
 * "Mutation testing", third round): the reasons at their edges, a window of one month, the
 * stream a what-if changes, steady streams and the series in a household of several streams,
 * and the stress test's figures for a stream other than the first.
 */
import { describe, expect, it } from 'vitest';
import type { StreamKind } from '../../src/lib/domain/model';
import { monthRange } from '../../src/lib/domain/months';
import {
  firstMeasuredColumn,
  resilienceAtColumn,
  resilienceContext,
  resilienceSeries,
  scoreAtColumn,
  stressTestAtColumn,
  type ResilienceContext,
} from '../../src/lib/domain/resilience';

interface Grid {
  kinds: StreamKind[];
  income: number[][];
  /** Months (columns) with an entry without rate, on the first stream. */
  flagged?: number[];
  historyStart?: number;
  essential?: number;
  savings?: number;
}

function ctxOf(g: Grid): ResilienceContext {
  const width = g.income[0]!.length;
  const months = monthRange('2025-01', '2026-12').slice(0, width);
  const flagged = new Set(g.flagged ?? []);
  return resilienceContext({
    months,
    streams: g.kinds.map((kind, i) => ({ id: `s${i}`, kind })),
    income: g.income.map((line) => Float64Array.from(line)),
    missing: g.income.map((line, r) =>
      Int32Array.from(line, (_, c) => (r === 0 && flagged.has(c) ? 1 : 0)),
    ),
    historyStart: g.historyStart ?? 0,
    essential: months.map(() => g.essential ?? 1_000),
    savings: months.map(() =>
      g.savings === undefined
        ? null
        : { savingId: 'v', date: '2025-01-01', amountMinor: g.savings },
    ),
  });
}

const steady = (n: number, x = 1_000): number[] => Array.from({ length: n }, () => x);

describe('reasons at their edges', () => {
  it('no income in the counted months asks for income even when another month lacks a rate', () => {
    const r = resilienceAtColumn(
      ctxOf({ kinds: ['informal'], income: [steady(4, 0)], flagged: [0] }),
      3,
    );
    expect(r.components.diversification.reason).toBe('needs-income');
    expect(r.components.coverage).toEqual({ value: 0, reason: null });
  });

  it('stability with exactly 3 counted months and no income asks for income, not history', () => {
    const r = resilienceAtColumn(ctxOf({ kinds: ['informal'], income: [steady(3, 0)] }), 2);
    expect(r.components.stability).toEqual({ value: null, reason: 'needs-income' });
  });
});

describe('the window and the inputs', () => {
  it('in the month history starts, W is that one month', () => {
    const ctx = ctxOf({ kinds: ['formal'], income: [[0, 0, 500, 500]], historyStart: 2 });
    expect(resilienceAtColumn(ctx, 2).window).toEqual({
      from: '2025-03',
      to: '2025-03',
      months: ['2025-03'],
      flaggedMonths: [],
    });
    expect(stressTestAtColumn(ctx, 2, 0, 100).windowFrom).toBe('2025-03');
  });

  it('steady streams are read at the month asked, stream by stream', () => {
    // s0 formal (steady from its first month), s1 informal: steady once it has 3 months.
    const ctx = ctxOf({ kinds: ['formal', 'informal'], income: [steady(4, 700), steady(4, 300)] });
    expect(resilienceAtColumn(ctx, 1).inputs.stableStreamIds).toEqual(['s0']);
    expect(resilienceAtColumn(ctx, 2).inputs.stableStreamIds).toEqual(['s0', 's1']);
    expect(resilienceAtColumn(ctx, 3).inputs.stableStreamIds).toEqual(['s0', 's1']);
  });
});

describe('a what-if changes the stream it names', () => {
  it('any stream, not only the first: the score with stream 1 stopped is the score without it', () => {
    const both = ctxOf({
      kinds: ['formal', 'informal', 'support'],
      income: [steady(4, 700), [100, 900, 50, 400], steady(4, 200)],
      savings: 1_000,
    });
    const without = ctxOf({
      kinds: ['formal', 'informal', 'support'],
      income: [steady(4, 700), steady(4, 0), steady(4, 200)],
      savings: 1_000,
    });
    expect(scoreAtColumn(both, 3, { row: 1, factor: 0 })).toEqual(scoreAtColumn(without, 3));
    expect(scoreAtColumn(both, 3, { row: 1, factor: 0 })).not.toEqual(scoreAtColumn(both, 3));
  });

  it("the stress test reads the named stream's own mean over W, and counts the months left out", () => {
    const ctx = ctxOf({
      kinds: ['formal', 'informal'],
      income: [steady(5, 700), [0, 400, 200, 600, 400]],
      flagged: [1],
    });
    const t = stressTestAtColumn(ctx, 4, 1, 100);
    expect(t.streamId).toBe('s1');
    // Months 0, 2, 3, 4 count (month 1 lacks a rate): (0 + 200 + 600 + 400) / 4.
    expect(t.streamMeanMinor).toBe(300);
    expect(t.flaggedMonths).toBe(1);
    expect(
      stressTestAtColumn(ctxOf({ kinds: ['formal'], income: [steady(5)] }), 4, 0, 100)
        .flaggedMonths,
    ).toBe(0);
  });
});

describe('the stress test buffer', () => {
  it('essentials are asked for first even when no month of W counts', () => {
    const ctx = ctxOf({
      kinds: ['informal'],
      income: [steady(3)],
      historyStart: -1,
      essential: 0,
      savings: 500,
    });
    expect(stressTestAtColumn(ctx, 2, 0, 100).bufferReason).toBe('needs-essentials');
  });

  it('income left exactly at E: savings, even none, last for ever', () => {
    const ctx = ctxOf({
      kinds: ['formal', 'informal'],
      income: [steady(4, 600), steady(4, 400)],
      essential: 600,
      savings: 0,
    });
    const t = stressTestAtColumn(ctx, 3, 1, 100);
    expect(t.shortfallMinor).toBe(0);
    expect(t.bufferLastsMonths).toBe(Infinity);
  });
});

describe('the series', () => {
  it('is, month by month, the score and components of each month, several streams and fractions alike', () => {
    const ctx = ctxOf({
      kinds: ['informal', 'support'],
      income: [
        [310.5, 220.25, 400, 150, 380],
        [90, 0, 120.75, 60, 45],
      ],
      savings: 2_500,
    });
    const series = resilienceSeries(ctx, 0, 4);
    series.months.forEach((month, c) => {
      const r = resilienceAtColumn(ctx, c);
      expect(month).toBe(r.month);
      expect(series.score[c]).toBe(r.score);
      expect(series.stability[c]).toBe(r.components.stability.value);
      expect(series.diversification[c]).toBe(r.components.diversification.value);
    });
    expect(series.stability.slice(2).every((s) => s !== null)).toBe(true);
    // A household of one stream too.
    const one = ctxOf({ kinds: ['informal'], income: [[100, 120, 90, 110]] });
    expect(resilienceSeries(one, 0, 3).stability[3]).toBe(
      resilienceAtColumn(one, 3).components.stability.value,
    );
  });

  it('a month with no component known has no score (null, never NaN)', () => {
    const ctx = ctxOf({ kinds: ['informal'], income: [steady(3)], historyStart: -1, essential: 0 });
    expect(resilienceSeries(ctx, 0, 2).score).toEqual([null, null, null]);
  });
});

describe('the first measured month', () => {
  it('may be the last column asked', () => {
    const ctx = ctxOf({ kinds: ['formal'], income: [steady(4)] });
    expect(firstMeasuredColumn(ctx, 0, 2)).toBe(2);
    expect(firstMeasuredColumn(ctx, 0, 1)).toBe(-1);
  });
});
