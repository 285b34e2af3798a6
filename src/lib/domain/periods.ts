/**
 * The periods a figure can cover, and nothing else. Every card names the period its figures
 * read ("December so far", "Sep–Nov 2026"), and a figure shown on two screens is computed for
 * one of these periods by one function, so two cards can never disagree about what "this month"
 * or "lately" means.
 *
 * - `month-so-far`: the month `today` falls in, from its 1st to today. It is never complete and
 *   never enters a resilience window (a half month would look like a dip).
 * - `complete-month`: one calendar month that has ended (the default: the one before today's).
 * - `complete-months`: the last `count` complete months before today's month (the comparison
 *   window of pay, the stress test's months).
 * - `since`: from a first month (a plan's first due month) to today's month, today's month
 *   included so far. Nothing is judged for a month before the first.
 */
import { addMonths, firstDayOf, lastDayOf, monthOf, monthRange } from './months';
import type { IsoDate, MonthKey } from './model';

export type PeriodKind = 'month-so-far' | 'complete-month' | 'complete-months' | 'since';

export interface Period {
  kind: PeriodKind;
  /** The months the period touches, oldest first (never empty). */
  months: MonthKey[];
  /** First and last day the period covers (`to` is today for a period that runs to today). */
  from: IsoDate;
  to: IsoDate;
  /** Whether every month of the period has ended. */
  complete: boolean;
}

/** Months the pay comparison and the stress test read. */
export const RECENT_COMPLETE_MONTHS = 3;

/** The month `today` falls in, from its 1st to today. */
export function monthSoFar(today: IsoDate): Period {
  const month = monthOf(today);
  return {
    kind: 'month-so-far',
    months: [month],
    from: firstDayOf(month),
    to: today,
    complete: false,
  };
}

/** One complete month: `month` when given (it must have ended), else the one before today's. */
export function completeMonth(today: IsoDate, month?: MonthKey): Period {
  const m = month ?? addMonths(monthOf(today), -1);
  if (m >= monthOf(today)) throw new RangeError(`${m} has not ended on ${today}`);
  return {
    kind: 'complete-month',
    months: [m],
    from: firstDayOf(m),
    to: lastDayOf(m),
    complete: true,
  };
}

/**
 * The last `count` complete months up to `until` (default: the month before today's). `until`
 * lets a dashboard read "as of" an earlier month; it must have ended.
 */
export function completeMonths(
  today: IsoDate,
  count: number = RECENT_COMPLETE_MONTHS,
  until?: MonthKey,
): Period {
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`count ${count}`);
  const last = until ?? addMonths(monthOf(today), -1);
  if (last >= monthOf(today)) throw new RangeError(`${last} has not ended on ${today}`);
  const first = addMonths(last, 1 - count);
  return {
    kind: 'complete-months',
    months: monthRange(first, last),
    from: firstDayOf(first),
    to: lastDayOf(last),
    complete: true,
  };
}

/**
 * From `first` (a plan's first due month) to today's month so far. Null when `first` is after
 * today's month: nothing of it can be judged yet.
 */
export function sinceMonth(first: MonthKey, today: IsoDate): Period | null {
  const current = monthOf(today);
  if (first > current) return null;
  return {
    kind: 'since',
    months: monthRange(first, current),
    from: firstDayOf(first),
    to: today,
    complete: false,
  };
}

/**
 * `period` with the months before `first` left out (a plan judged only from its first due
 * month); null when nothing is left.
 */
export function clipFrom(period: Period, first: MonthKey): Period | null {
  const months = period.months.filter((m) => m >= first);
  if (months.length === 0) return null;
  // Stryker disable next-line ConditionalExpression: a period's `from` is always the 1st of its first month, so the copy built below equals `period`
  if (months.length === period.months.length) return period;
  return { ...period, months, from: firstDayOf(months[0]!) };
}

/** Whether a date falls inside the period. */
export function inPeriod(period: Period, date: IsoDate): boolean {
  return date >= period.from && date <= period.to;
}

/** Whether a month is one of the period's. */
export function periodHasMonth(period: Period, month: MonthKey): boolean {
  return period.months.includes(month);
}

/**
 * What a label says, without words: a single month (so far or complete), or a range of months.
 * The UI turns it into "December so far", "November 2026", "Sep–Nov 2026" (ui/period-label.ts).
 */
export type PeriodLabel =
  | { kind: 'so-far'; month: MonthKey }
  | { kind: 'month'; month: MonthKey }
  | { kind: 'range'; from: MonthKey; to: MonthKey; toSoFar: boolean };

export function periodLabel(period: Period): PeriodLabel {
  const first = period.months[0]!;
  const last = period.months[period.months.length - 1]!;
  if (period.months.length === 1) {
    return period.complete ? { kind: 'month', month: first } : { kind: 'so-far', month: first };
  }
  return { kind: 'range', from: first, to: last, toSoFar: !period.complete };
}
