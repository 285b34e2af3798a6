/**
 * Local calendar dates as 'YYYY-MM-DD' strings at the domain's boundary. Calendar arithmetic
 * goes through date-fns on a `Date` at local midnight: date-fns moves by calendar days and months
 * (setDate/setMonth), so a daylight-saving shift of the device's zone never moves a date by a
 * day, and month ends and leap years are its job, not ours.
 */
import { addDays, differenceInCalendarDays } from 'date-fns';
import { AnyamError, type IsoDate } from './model';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Strict 'YYYY-MM-DD' naming a real calendar day in 1900–2999. Not through date-fns: every
 * record of an import or a backup passes here, and date-fns' getDaysInMonth made it three times
 * slower (measured; docs/design-notes.md). tests/unit/dates.test.ts checks it against date-fns.
 */
export function isValidIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The date as a `Date` at local midnight, for date-fns. */
export function toLocalDate(date: IsoDate): Date {
  if (!isValidIsoDate(date)) throw new AnyamError('date/invalid', { date });
  return new Date(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
  );
}

/** The local calendar date of a `Date` (not UTC: 1 a.m. in Jakarta is still "today" there). */
export function fromLocalDate(d: Date): IsoDate {
  const date = `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1, 2)}-${pad(d.getDate(), 2)}`;
  // Also brands it: a Date outside 1900–2999 (or an Invalid Date) names no day Anyam stores.
  if (!isValidIsoDate(date)) throw new AnyamError('date/invalid', { date });
  return date;
}

/** Today on the device's own calendar. */
export function todayIso(now: Date = new Date()): IsoDate {
  return fromLocalDate(now);
}

/** UTC midnight of the date, in ms; a stable day number for differences and sorting. */
export function isoDateToUtcMs(date: IsoDate): number {
  if (!isValidIsoDate(date)) throw new AnyamError('date/invalid', { date });
  return Date.UTC(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
  );
}

export function addDaysIso(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new AnyamError('date/invalid', { date, days });
  return fromLocalDate(addDays(toLocalDate(date), days));
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetweenIso(a: IsoDate, b: IsoDate): number {
  return differenceInCalendarDays(toLocalDate(b), toLocalDate(a));
}

/** Sort comparator; valid ISO dates order correctly as plain strings. */
export function compareIso(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}
