/**
 * How much history the "over time" charts show. Ten years of months are 120 bars on a 390 px
 * phone — 3 px each, unreadable — and drawing them is most of a cold load, so the charts open
 * on the last two years and the whole history is one choice away.
 */
import type { DashboardData, DashboardSeries } from './dashboard';
import type { MonthKey } from './model';
import { monthIndex, monthKeyAt } from './months';

/** Months of history a chart can show; `null` is all of it. */
export type HistoryRange = number | null;

export const HISTORY_RANGES: readonly HistoryRange[] = [12, 24, 60, null];
export const DEFAULT_HISTORY_RANGE: HistoryRange = 24;

function lastOf<T>(values: readonly T[], count: number): T[] {
  return values.slice(Math.max(0, values.length - count));
}

function lastOfEach<T>(record: Record<string, T[]>, count: number): Record<string, T[]> {
  const out: Record<string, T[]> = {};
  for (const [key, values] of Object.entries(record)) out[key] = lastOf(values, count);
  return out;
}

/**
 * The dashboard with its month series (and contributions over time) cut to the last `months`
 * months up to `asOf`. The score, shares, forecast and every figure of the window are unchanged:
 * only what the time charts draw is shorter.
 */
export function withHistoryRange(dash: DashboardData, months: HistoryRange): DashboardData {
  const s = dash.series;
  if (months === null || s.months.length <= months) return dash;
  const series: DashboardSeries = {
    months: lastOf(s.months, months),
    score: lastOf(s.score, months),
    diversification: lastOf(s.diversification, months),
    stability: lastOf(s.stability, months),
    coverage: lastOf(s.coverage, months),
    buffer: lastOf(s.buffer, months),
    incomeTotal: lastOf(s.incomeTotal, months),
    incomeByKind: lastOfEach(s.incomeByKind, months),
    incomeByStream: lastOfEach(s.incomeByStream, months),
    pendingTotal: lastOf(s.pendingTotal, months),
    flagged: lastOf(s.flagged, months),
  };
  return {
    ...dash,
    series,
    contributions: {
      ...dash.contributions,
      overTime: lastOfEach(dash.contributions.overTime, months),
    },
  };
}

/**
 * The months the dashboard can be viewed as of, newest first: from the last complete month back to
 * the first month of history (only the last complete month when there is no history yet).
 */
export function asOfMonthsBetween(
  historyStart: MonthKey | null,
  lastComplete: MonthKey,
): MonthKey[] {
  if (!historyStart) return [lastComplete];
  const out: MonthKey[] = [];
  const first = Math.min(monthIndex(historyStart), monthIndex(lastComplete));
  for (let i = monthIndex(lastComplete); i >= first; i--) out.push(monthKeyAt(i));
  return out;
}
