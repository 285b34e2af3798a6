/**
 * A debt's instalments: their dates and amounts, as pure functions of the schedule.
 *
 * Dates (date-fns on local-midnight dates, like occurrences.ts): instalment k falls k months (or
 * k weeks) after the first, counted from the first, never from the previous one, so a first
 * instalment on 31 January gives 28 (or 29) February, 31 March, 30 April; weekly instalments
 * run on across a new year like any other week.
 *
 * Amounts — the remainder rule: every instalment is the schedule's amount except the last, which
 * takes what remains of the debt, `amount − (count − 1) × each`. They add up to the amount
 * exactly, whatever it is (no centavo or đồng lost); a schedule is only valid while that last
 * instalment stays above zero (debt-schedule.ts `scheduleFits`). A schedule given as a number of
 * instalments takes `each = ⌊amount ÷ count⌋`, so the last is the largest, by less than `count`
 * minor units (₫1,000,000 in 6: five of ₫166,666 and one of ₫166,670).
 */
import { addMonths, addWeeks } from 'date-fns';
import type { DebtCadence, DebtSchedule } from './debt-model';
import { fromLocalDate, toLocalDate } from './dates';
import type { IsoDate, MinorUnits } from './model';

export interface Instalment {
  /** 0-based place in the schedule. */
  index: number;
  dueOn: IsoDate;
  amountMinor: MinorUnits;
}

/** The date of instalment `index` (0 is the first). */
export function instalmentDate(firstDue: IsoDate, cadence: DebtCadence, index: number): IsoDate {
  const first = toLocalDate(firstDue);
  return fromLocalDate(cadence === 'monthly' ? addMonths(first, index) : addWeeks(first, index));
}

/** The amount of each instalment by the remainder rule above; sums to `amountMinor` exactly. */
export function instalmentAmounts(amountMinor: number, schedule: DebtSchedule): MinorUnits[] {
  const { count, amountMinor: each } = schedule;
  const out: number[] = [];
  for (let i = 0; i < count - 1; i++) out.push(each);
  out.push(amountMinor - (count - 1) * each);
  return out;
}

/** Every instalment, oldest first. */
export function instalments(amountMinor: number, schedule: DebtSchedule): Instalment[] {
  return instalmentAmounts(amountMinor, schedule).map((amount, index) => ({
    index,
    dueOn: instalmentDate(schedule.firstDue, schedule.cadence, index),
    amountMinor: amount,
  }));
}

/** The instalments due in [from, to], oldest first. */
export function instalmentsBetween(
  amountMinor: number,
  schedule: DebtSchedule,
  from: IsoDate,
  to: IsoDate,
): Instalment[] {
  if (to < schedule.firstDue) return [];
  return instalments(amountMinor, schedule).filter((i) => i.dueOn >= from && i.dueOn <= to);
}

/** A schedule given as a number of instalments: `each = ⌊amount ÷ count⌋` (see above). */
export function scheduleOfCount(
  amountMinor: number,
  count: number,
  cadence: DebtCadence,
  firstDue: IsoDate,
): DebtSchedule {
  return { count, amountMinor: Math.floor(amountMinor / count), cadence, firstDue };
}

/** A schedule given as an amount each time: as many as it takes, `⌈amount ÷ each⌉`. */
export function scheduleOfEach(
  amountMinor: number,
  each: number,
  cadence: DebtCadence,
  firstDue: IsoDate,
): DebtSchedule {
  return { count: Math.ceil(amountMinor / each), amountMinor: each, cadence, firstDue };
}

/** The first instalment's default date: one month (or week) after the loan. */
export function defaultFirstDue(date: IsoDate, cadence: DebtCadence): IsoDate {
  return instalmentDate(date, cadence, 1);
}
