/**
 * Everything the due list and the month card show, from the rows the repository read for
 * `today` (repo/due.ts `readMonthlyLoop`).
 */
import type { RateRecordLike } from './base-amount';
import { dueIncome, type DueIncome, type EntryDate } from './due';
import type { IsoDate, Payment, Plan, Rollup, Skip, Stream } from './model';
import { monthGlance, type MonthGlance } from './month-glance';
import { monthOf } from './months';

export interface MonthlyLoopRows {
  streams: readonly Stream[];
  plans: readonly Plan[];
  rates: readonly RateRecordLike[];
  baseCurrency: string;
  /** Entries of the pay-day streams in due.ts `loopEntryRange(today)`. */
  entries: readonly EntryDate[];
  /** Rollup rows of today's month. */
  rollups: readonly Rollup[];
  /** Payments of occurrences due in today's month. */
  payments: readonly Payment[];
  /** Skips of occurrences in the due range and in today's month. */
  skips: readonly Skip[];
}

export interface MonthlyLoop {
  today: IsoDate;
  due: DueIncome[];
  glance: MonthGlance;
}

export function monthlyLoop(rows: MonthlyLoopRows, today: IsoDate): MonthlyLoop {
  return {
    today,
    due: dueIncome(rows.streams, rows.entries, rows.skips, today),
    glance: monthGlance({ month: monthOf(today), ...rows }),
  };
}
