import { describe, expect, it } from 'vitest';
import { computeDashboard, type DashboardInput } from '../../src/lib/domain/dashboard';
import {
  asOfMonthsBetween,
  DEFAULT_HISTORY_RANGE,
  HISTORY_RANGES,
  withHistoryRange,
} from '../../src/lib/domain/dashboard-range';
import type { Rollup, Stream } from '../../src/lib/domain/model';
import { monthIndex, monthKeyAt } from '../../src/lib/domain/months';
import { makeStream } from './analytics-fixtures';

/** Five years of one salary and one stall, as rollups. */
function fiveYears(): DashboardInput {
  const streams: Stream[] = [
    makeStream({ id: 'salary', kind: 'formal', memberId: 'm1', currency: 'IDR' }),
    makeStream({ id: 'stall', kind: 'informal', memberId: 'm1', currency: 'IDR' }),
  ];
  const rollups: Rollup[] = [];
  for (let i = monthIndex('2021-01'); i <= monthIndex('2025-12'); i++) {
    const month = monthKeyAt(i);
    streams.forEach((s, k) => {
      const amountMinor = (k + 1) * 1_000_000 + i;
      rollups.push({
        key: `${s.id}|${month}|IDR|received`,
        streamId: s.id,
        memberId: s.memberId,
        month,
        currency: 'IDR',
        status: 'received',
        amountMinor,
        baseMinor: amountMinor,
        missingRateCount: 0,
        paidMinutes: 0,
        unpaidMinutes: 0,
        count: 1,
      });
    });
  }
  return {
    rollups,
    streams,
    plans: [],
    savings: [],
    rates: [],
    training: [],
    baseCurrency: 'IDR',
    today: '2026-01-15',
    stress: null,
  };
}

describe('withHistoryRange', () => {
  const dash = computeDashboard(fiveYears());

  it('opens on two years, and offers the whole history', () => {
    expect(DEFAULT_HISTORY_RANGE).toBe(24);
    expect(HISTORY_RANGES).toContain(null);
    expect(dash.series.months).toHaveLength(60);
  });

  it('cuts every month series, and each contribution over time, to the last months', () => {
    const cut = withHistoryRange(dash, 24);
    expect(cut.series.months[0]).toBe('2024-01');
    expect(cut.series.months.at(-1)).toBe('2025-12');
    // Every array of the series, named or keyed by kind or stream, walked from the uncut series:
    // a field added later and forgotten by withHistoryRange fails this loop.
    const cutSeries = cut.series as unknown as Record<string, unknown>;
    for (const [name, whole] of Object.entries(dash.series)) {
      const arraysOf = (v: unknown): unknown[][] =>
        Array.isArray(v) ? [v] : Object.values((v ?? {}) as Record<string, unknown[]>);
      const wholeArrays = arraysOf(whole);
      const cutArrays = arraysOf(cutSeries[name]);
      expect(cutArrays, name).toHaveLength(wholeArrays.length);
      wholeArrays.forEach((w, i) => expect(cutArrays[i], name).toEqual(w.slice(-24)));
    }
    for (const [id, values] of Object.entries(cut.contributions.overTime)) {
      expect(values).toEqual(dash.contributions.overTime[id]!.slice(-24));
    }
  });

  it('leaves the score, shares, forecast and the month shown as they are', () => {
    const cut = withHistoryRange(dash, 12);
    expect(cut.resilience).toBe(dash.resilience);
    expect(cut.shares).toBe(dash.shares);
    expect(cut.forecast).toBe(dash.forecast);
    expect(cut.contributions.now).toBe(dash.contributions.now);
    expect(cut.asOf).toBe(dash.asOf);
    expect(cut.series.incomeTotal.at(-1)).toBe(dash.series.incomeTotal.at(-1));
  });

  it('returns the dashboard unchanged for the whole history or a shorter one', () => {
    expect(withHistoryRange(dash, null)).toBe(dash);
    expect(withHistoryRange(dash, 60)).toBe(dash);
    expect(withHistoryRange(dash, 120)).toBe(dash);
  });
});

describe('asOfMonthsBetween', () => {
  it('lists the last complete month back to the first month of history, newest first', () => {
    expect(asOfMonthsBetween('2025-10', '2026-01')).toEqual([
      '2026-01',
      '2025-12',
      '2025-11',
      '2025-10',
    ]);
  });
  it('is the last complete month alone without history, or with history starting after it', () => {
    expect(asOfMonthsBetween(null, '2026-01')).toEqual(['2026-01']);
    expect(asOfMonthsBetween('2026-03', '2026-01')).toEqual(['2026-01']);
  });
});
