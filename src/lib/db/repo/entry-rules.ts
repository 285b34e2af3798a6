import { todayIso, isValidIsoDate } from '../../domain/dates';
import { AnyamError, type Entry, type IsoDate } from '../../domain/model';

/**
 * The last date an entry may carry: one year from today. Pending payouts and planned income
 * may lie ahead, but a date further out is almost always a typo in the year.
 */
export function latestEntryDate(today: IsoDate = todayIso()): IsoDate {
  const sameDay = `${String(Number(today.slice(0, 4)) + 1).padStart(4, '0')}${today.slice(4)}`;
  // 29 February has no twin next year.
  return isValidIsoDate(sameDay) ? sameDay : `${sameDay.slice(0, 8)}28`;
}

export function assertDateNotTooFar(entry: Entry): void {
  const latest = latestEntryDate();
  if (entry.date > latest) throw new AnyamError('entry/date-too-far', { date: entry.date, latest });
}
