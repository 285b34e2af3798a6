/**
 * Pending income (earned, not paid out yet) per period: the one function every pending figure on
 * the dashboard comes from. A figure is always of one period ("December so far", "November
 * 2026", "Jan – Oct 2026") and each period's pending is shown once, so two cards can no longer
 * show "pending ₱0.00" (this month) above "₱465.60 pending" (last month's) without saying which
 * is which.
 */
import { addMonths, monthIndex, monthOf } from './months';
import type { IsoDate, MonthKey, Rollup } from './model';
import { completeMonth, completeMonths, monthSoFar, type Period } from './periods';

export interface PendingInPeriod {
  period: Period;
  /** Pending income of the period in base minor units (entries with a rate only). */
  totalMinor: number;
  /** Pending entries of the period with no rate in force on their date (not in totalMinor). */
  missingRateCount: number;
}

/** Which rollup rows count: by default every row; the dashboard passes its live, filtered streams. */
export type StreamFilter = (streamId: string) => boolean;

const EVERY_STREAM: StreamFilter = () => true;

/** Pending income of `period`: the sum of the pending rollup rows of its months. */
export function pendingInPeriod(
  rollups: readonly Rollup[],
  period: Period,
  counts: StreamFilter = EVERY_STREAM,
): PendingInPeriod {
  const months = new Set<MonthKey>(period.months);
  let totalMinor = 0;
  let missingRateCount = 0;
  for (const r of rollups) {
    if (r.status !== 'pending' || r.count <= 0 || !months.has(r.month) || !counts(r.streamId)) {
      continue;
    }
    totalMinor += r.baseMinor;
    missingRateCount += r.missingRateCount;
  }
  return { period, totalMinor, missingRateCount };
}

/**
 * The periods pending is shown for on `today`: this month so far, the last complete month and,
 * when some pending is older, the complete months from the first of those to the month before
 * the last complete one. Newest first. Pending dated after today's month is in none of them.
 */
export function pendingPeriods(
  rollups: readonly Rollup[],
  today: IsoDate,
  counts: StreamFilter = EVERY_STREAM,
): Period[] {
  const lastComplete = addMonths(monthOf(today), -1);
  const periods = [monthSoFar(today), completeMonth(today)];
  let oldest: MonthKey | null = null;
  for (const r of rollups) {
    if (r.status !== 'pending' || r.count <= 0 || r.month >= lastComplete) continue;
    if (!counts(r.streamId)) continue;
    if (oldest === null || r.month < oldest) oldest = r.month;
  }
  if (oldest !== null) {
    const until = addMonths(lastComplete, -1);
    const count = monthIndex(until) - monthIndex(oldest) + 1;
    periods.push(completeMonths(today, count, until));
  }
  return periods;
}

/** Pending per period on `today` (pendingPeriods), each from pendingInPeriod. */
export function pendingByPeriod(
  rollups: readonly Rollup[],
  today: IsoDate,
  counts: StreamFilter = EVERY_STREAM,
): PendingInPeriod[] {
  return pendingPeriods(rollups, today, counts).map((p) => pendingInPeriod(rollups, p, counts));
}
