/**
 * Month keys 'YYYY-MM', month ranges and cadence → monthly amounts.
 *
 * Hot loops (the dashboard recomputes the score per stream per month) work on *month indexes*
 * (year × 12 + month − 1): plain integers that add, subtract and index arrays without parsing
 * a date. Keys are only made at the edges. Month-index arithmetic and the days of a month stay
 * integer arithmetic: date-fns would build Dates per rollup row and per plan-month, and the
 * analytics figure got slower when it did (docs/design-notes.md). Calendar arithmetic on days
 * (occurrences, adding days) goes through date-fns in dates.ts and occurrences.ts.
 */
import { isValidIsoDate } from './dates';
import {
  AnyamError,
  type IsoDate,
  type MonthKey,
  type PlanCadence,
  type StreamCadence,
} from './model';

/** Weeks per month on average: 52 weeks / 12 months (not 4, which loses a month a year). */
export const WEEKS_PER_MONTH = 52 / 12;
/** Days worked per week when a daily stream does not say (a five-day week). */
export const DEFAULT_DAYS_PER_WEEK = 5;

const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonthKey(value: unknown): value is MonthKey {
  return typeof value === 'string' && MONTH_KEY.test(value);
}

/** `month` when it is a month key (checked, which also brands it); date/invalid otherwise. */
function checked(month: string): MonthKey {
  if (!isMonthKey(month)) throw new AnyamError('date/invalid', { month });
  return month;
}

/** `date` when it is a calendar date (checked, which also brands it); date/invalid otherwise. */
function checkedDate(date: string): IsoDate {
  if (!isValidIsoDate(date)) throw new AnyamError('date/invalid', { date });
  return date;
}

/** The month key of a date: '2025-03-14' → '2025-03'. */
export function monthOf(date: IsoDate): MonthKey {
  return checked(date.slice(0, 7));
}

/** Month key → month index (year × 12 + month − 1), so that months are consecutive integers. */
export function monthIndex(month: MonthKey): number {
  // Digit arithmetic instead of slice + Number: called once per rollup row, and allocating two
  // substrings per row shows up when the dashboard reads thousands of rows.
  const year =
    (month.charCodeAt(0) - 48) * 1000 +
    (month.charCodeAt(1) - 48) * 100 +
    (month.charCodeAt(2) - 48) * 10 +
    (month.charCodeAt(3) - 48);
  const mm = (month.charCodeAt(5) - 48) * 10 + (month.charCodeAt(6) - 48);
  return year * 12 + mm - 1;
}

/** Month index → month key. */
export function monthKeyAt(index: number): MonthKey {
  const year = Math.floor(index / 12);
  const mm = index - year * 12 + 1;
  return checked(`${String(year).padStart(4, '0')}-${mm < 10 ? '0' : ''}${mm}`);
}

/** The month `count` months after `month` (negative counts go back). */
export function addMonths(month: MonthKey, count: number): MonthKey {
  return monthKeyAt(monthIndex(month) + count);
}

/** How many months `to` is after `from` (negative when before). */
export function monthsBetween(from: MonthKey, to: MonthKey): number {
  return monthIndex(to) - monthIndex(from);
}

/** Every month from `from` to `to`, both included; empty when `to` is before `from`. */
export function monthRange(from: MonthKey, to: MonthKey): MonthKey[] {
  const start = monthIndex(from);
  const end = monthIndex(to);
  const out: MonthKey[] = [];
  for (let i = start; i <= end; i++) out.push(monthKeyAt(i));
  return out;
}

/** The later of two month keys (keys sort as strings). */
export function laterMonth(a: MonthKey, b: MonthKey): MonthKey {
  return a >= b ? a : b;
}

/** The earlier of two month keys. */
export function earlierMonth(a: MonthKey, b: MonthKey): MonthKey {
  return a <= b ? a : b;
}

/**
 * Days in a month. Plain arithmetic, not date-fns' getDaysInMonth: the dashboard asks once per
 * plan per month of history, and building two Dates per call made the analytics figure slower
 * (measured; docs/design-notes.md). tests/unit/months.test.ts checks it against date-fns.
 */
export function daysInMonth(month: MonthKey): number {
  const year = Number(month.slice(0, 4));
  const mm = Number(month.slice(5, 7));
  if (mm === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return mm === 4 || mm === 6 || mm === 9 || mm === 11 ? 30 : 31;
}

/** The first day of a month, 'YYYY-MM-01'. */
export function firstDayOf(month: MonthKey): IsoDate {
  return checkedDate(`${month}-01`);
}

/** The last day of a month, e.g. '2024-02-29'. */
export function lastDayOf(month: MonthKey): IsoDate {
  return checkedDate(`${month}-${String(daysInMonth(month)).padStart(2, '0')}`);
}

/** The month `today` falls in: it is still "in progress" and never enters a resilience window. */
export function inProgressMonth(today: IsoDate): MonthKey {
  return monthOf(today);
}

/**
 * The last complete month before `today`'s month: the default month the dashboard shows,
 * because a half month would look like a dip.
 */
export function lastCompleteMonth(today: IsoDate): MonthKey {
  return addMonths(monthOf(today), -1);
}

/** Every cadence a stream or a plan can have. */
export type Cadence = StreamCadence | PlanCadence;
/** Cadences that repeat at a fixed rhythm and so have a monthly equivalent. */
export type RecurringCadence = 'monthly' | 'biweekly' | 'weekly' | 'daily' | 'yearly';

export function isRecurringCadence(cadence: Cadence): cadence is RecurringCadence {
  return cadence !== 'once' && cadence !== 'irregular';
}

/**
 * How many times a month a recurring amount falls, on average over a year:
 * weekly 52/12, biweekly 26/12, daily (days worked per week) × 52/12, yearly 1/12.
 */
export function monthlyFactor(
  cadence: RecurringCadence,
  daysPerWeek: number = DEFAULT_DAYS_PER_WEEK,
): number {
  switch (cadence) {
    case 'monthly':
      return 1;
    case 'weekly':
      return 52 / 12;
    case 'biweekly':
      return 26 / 12;
    case 'daily':
      return (daysPerWeek * 52) / 12;
    case 'yearly':
      return 1 / 12;
  }
}

export interface CadenceOptions {
  /** Days worked per week for the `daily` cadence (default 5). */
  daysPerWeek?: number;
  /** The due date of a `once` amount: it falls wholly in that date's month. */
  dueOn?: IsoDate | null;
}

/**
 * The amount that falls in `month` for an amount repeating at `cadence`, in the same unit
 * (fractional minor units: round only for display). `once` counts wholly in its due month and
 * 0 elsewhere; `irregular` has no rhythm and returns null (estimate it from history instead).
 */
export function amountInMonth(
  amount: number,
  cadence: Cadence,
  month: MonthKey,
  options: CadenceOptions = {},
): number | null {
  if (cadence === 'irregular') return null;
  if (cadence === 'once') {
    return options.dueOn != null && monthOf(options.dueOn) === month ? amount : 0;
  }
  return amount * monthlyFactor(cadence, options.daysPerWeek ?? DEFAULT_DAYS_PER_WEEK);
}
