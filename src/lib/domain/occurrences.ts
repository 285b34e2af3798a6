/**
 * Occurrences: the dates a stream's pay day or a plan falls on, as pure functions of the record
 * and a date range, in the device's local calendar (date-fns on local-midnight dates, see
 * dates.ts). What was answered is stored (an entry, a payment, a skip); what is due is computed.
 *
 * Month ends: a pay day or a plan due on the 31st falls on the last day of a shorter month
 * (30 April, 28 or 29 February), and a yearly plan due on 29 February falls on 28 February in a
 * common year. Each occurrence is computed from the anchor, never from the previous occurrence,
 * so 31 January → 28 February → 31 March (not 28 March).
 */
import {
  addDays,
  addMonths,
  addYears,
  differenceInCalendarDays,
  differenceInCalendarMonths,
  differenceInCalendarYears,
  getDaysInMonth,
  getISODay,
} from 'date-fns';
import { addDaysIso, fromLocalDate, toLocalDate, todayIso } from './dates';
import type { IsoDate, PayDay, Plan, Skip, Stream } from './model';

/** The pay day of a stream when it fits the stream's cadence (irregular and daily have none). */
export function streamPayDay(stream: Pick<Stream, 'payDay' | 'expected'>): PayDay | null {
  const payDay = stream.payDay;
  return payDay !== null && payDay.cadence === stream.expected.cadence ? payDay : null;
}

/** Every date in [from, to] (both included) a pay day falls on, oldest first. */
export function payDayOccurrences(payDay: PayDay, from: IsoDate, to: IsoDate): IsoDate[] {
  if (to < from) return [];
  const start = toLocalDate(from);
  const end = toLocalDate(to);
  const out: IsoDate[] = [];
  switch (payDay.cadence) {
    case 'monthly': {
      const months = differenceInCalendarMonths(end, start);
      for (let k = 0; k <= months; k++) {
        const first = addMonths(new Date(start.getFullYear(), start.getMonth(), 1), k);
        const day = Math.min(payDay.day, getDaysInMonth(first));
        const date = fromLocalDate(new Date(first.getFullYear(), first.getMonth(), day));
        if (date >= from && date <= to) out.push(date);
      }
      return out;
    }
    case 'weekly': {
      let d = addDays(start, (payDay.weekday - getISODay(start) + 7) % 7);
      while (d <= end) {
        out.push(fromLocalDate(d));
        d = addDays(d, 7);
      }
      return out;
    }
    case 'biweekly': {
      const anchor = toLocalDate(payDay.anchor);
      const k = Math.ceil(differenceInCalendarDays(start, anchor) / 14);
      let d = addDays(anchor, 14 * k);
      while (d <= end) {
        out.push(fromLocalDate(d));
        d = addDays(d, 14);
      }
      return out;
    }
  }
}

/** The occurrences of a stream's pay day in [from, to], within its start and end dates. */
export function streamOccurrences(
  stream: Pick<Stream, 'payDay' | 'expected' | 'startedOn' | 'endedOn'>,
  from: IsoDate,
  to: IsoDate,
): IsoDate[] {
  const payDay = streamPayDay(stream);
  if (payDay === null) return [];
  const lo = stream.startedOn !== null && stream.startedOn > from ? stream.startedOn : from;
  const hi = stream.endedOn !== null && stream.endedOn < to ? stream.endedOn : to;
  return payDayOccurrences(payDay, lo, hi);
}

/**
 * The days an entry answers the pay day `dueOn`: from halfway since the previous pay day to
 * just before halfway to the next. Consecutive windows tile the calendar, so an entry answers
 * exactly one occurrence; a salary paid two days early or a week late still answers its month.
 */
export function payDayWindow(payDay: PayDay, dueOn: IsoDate): { from: IsoDate; to: IsoDate } {
  const before = payDayOccurrences(payDay, addDaysIso(dueOn, -35), addDaysIso(dueOn, -1));
  const after = payDayOccurrences(payDay, addDaysIso(dueOn, 1), addDaysIso(dueOn, 35));
  const gapBefore = differenceInCalendarDays(toLocalDate(dueOn), toLocalDate(before.at(-1)!));
  const gapAfter = differenceInCalendarDays(toLocalDate(after[0]!), toLocalDate(dueOn));
  return {
    from: addDaysIso(dueOn, -Math.floor(gapBefore / 2)),
    to: addDaysIso(dueOn, Math.ceil(gapAfter / 2) - 1),
  };
}

/** The most days a pay-day window reaches past its occurrence (half of a 31-day month). */
export const MAX_WINDOW_REACH_DAYS = 16;

/**
 * Every date in [from, to] a plan falls due, counted from its `dueOn`: monthly on that day of
 * the month, weekly on that weekday, yearly on that day of the year, once on `dueOn` itself.
 * Nothing falls before `dueOn`.
 */
export function planOccurrences(
  plan: Pick<Plan, 'cadence' | 'dueOn'>,
  from: IsoDate,
  to: IsoDate,
): IsoDate[] {
  if (to < from) return [];
  if (plan.cadence === 'once') return plan.dueOn >= from && plan.dueOn <= to ? [plan.dueOn] : [];
  const anchor = toLocalDate(plan.dueOn);
  const start = toLocalDate(from);
  const step = (k: number): Date =>
    plan.cadence === 'monthly'
      ? addMonths(anchor, k)
      : plan.cadence === 'yearly'
        ? addYears(anchor, k)
        : addDays(anchor, 7 * k);
  // The first k that can reach `from`, less one for the month-end clamp.
  const skip =
    plan.cadence === 'monthly'
      ? differenceInCalendarMonths(start, anchor) - 1
      : plan.cadence === 'yearly'
        ? differenceInCalendarYears(start, anchor) - 1
        : Math.floor(differenceInCalendarDays(start, anchor) / 7);
  const out: IsoDate[] = [];
  for (let k = Math.max(0, skip); ; k++) {
    const date = fromLocalDate(step(k));
    if (date > to) break;
    if (date >= from) out.push(date);
  }
  return out;
}

/** Key of an answered or skipped occurrence. */
export function occurrenceKey(sourceId: string, dueOn: IsoDate): string {
  return `${sourceId}|${dueOn}`;
}

/** The keys of the live skips, for lookups. */
export function skippedKeys(skips: readonly Skip[]): Set<string> {
  const out = new Set<string>();
  for (const s of skips) if (s.deletedAt === null) out.add(occurrenceKey(s.sourceId, s.dueOn));
  return out;
}

/** The local calendar date a record was created on. */
export function createdOn(record: { createdAt: string }): IsoDate {
  return todayIso(new Date(record.createdAt));
}
