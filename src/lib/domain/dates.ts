/**
 * Local calendar dates as 'YYYY-MM-DD' strings. Arithmetic goes through UTC midnight so that
 * daylight-saving shifts of the device's zone can never move a date by a day.
 */
import { AnyamError, type IsoDate } from './model';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MIN_YEAR = 1900;
const MAX_YEAR = 2999;
const DAY_MS = 86_400_000;

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Strict 'YYYY-MM-DD' naming a real calendar day in 1900–2999. */
export function isValidIsoDate(s: string): boolean {
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

function fromUtcDate(d: Date): IsoDate {
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** Today on the device's own calendar (not UTC: 1 a.m. in Jakarta is still "today" there). */
export function todayIso(now: Date = new Date()): IsoDate {
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1, 2)}-${pad(now.getDate(), 2)}`;
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
  return fromUtcDate(new Date(isoDateToUtcMs(date) + days * DAY_MS));
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetweenIso(a: IsoDate, b: IsoDate): number {
  return Math.round((isoDateToUtcMs(b) - isoDateToUtcMs(a)) / DAY_MS);
}

/** Sort comparator; valid ISO dates order correctly as plain strings. */
export function compareIso(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}
