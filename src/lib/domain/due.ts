/**
 * The monthly loop: income that is due (a stream's pay days of the last month and the next two
 * weeks, not yet answered) and bills (a plan's occurrences, paid or not).
 * An income occurrence is answered by any live entry of its stream inside its window
 * (occurrences.ts `payDayWindow`) or by a skip; a bill occurrence by a payment naming it or by a
 * skip. Pure: the repository reads the rows, this decides.
 */
import { addDaysIso } from './dates';
import { firstDayOf, lastDayOf, monthOf } from './months';
import type {
  CurrencyCode,
  Entry,
  IsoDate,
  MinorUnits,
  MonthKey,
  Payment,
  Plan,
  Skip,
  Stream,
} from './model';
import {
  createdOn,
  MAX_WINDOW_REACH_DAYS,
  occurrenceKey,
  payDayWindow,
  planOccurrences,
  skippedKeys,
  streamOccurrences,
  streamPayDay,
} from './occurrences';

/** How far back an unanswered pay day stays on the list ("overdue items stay until answered"). */
export const DUE_LOOKBACK_DAYS = 31;
/** How far ahead the due list looks: the quieter "Coming up" group, never "Due now". */
export const COMING_UP_DAYS = 14;

/** The occurrences the due list considers on `today`: overdue, due today, coming up. */
export function dueRange(today: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: addDaysIso(today, -DUE_LOOKBACK_DAYS), to: addDaysIso(today, COMING_UP_DAYS) };
}

/**
 * Which group of the due list an occurrence due on `dueOn` belongs to on `today`: "now" when it
 * is due today or overdue, "soon" in the next `COMING_UP_DAYS` days, "later" beyond (the month
 * card lists it; the due list does not).
 */
export function dueWhen(dueOn: IsoDate, today: IsoDate): 'now' | 'soon' | 'later' {
  if (dueOn <= today) return 'now';
  return dueOn <= addDaysIso(today, COMING_UP_DAYS) ? 'soon' : 'later';
}

/**
 * The due dates whose payments and skips the loop reads on `today`: the due list's range and
 * the whole of today's month (the month card), whichever reaches further.
 */
export function loopOccurrenceRange(today: IsoDate): { from: IsoDate; to: IsoDate } {
  const due = dueRange(today);
  const month = monthOf(today);
  return {
    from: due.from < firstDayOf(month) ? due.from : firstDayOf(month),
    to: due.to > lastDayOf(month) ? due.to : lastDayOf(month),
  };
}

/**
 * The dates of entries needed to answer every pay day of the due list and of `month`: the
 * occurrences' range widened by the longest window (read per stream through [streamId+date]).
 */
export function loopEntryRange(today: IsoDate): { from: IsoDate; to: IsoDate } {
  const { from, to } = loopOccurrenceRange(today);
  return {
    from: addDaysIso(from, -MAX_WINDOW_REACH_DAYS),
    to: addDaysIso(to, MAX_WINDOW_REACH_DAYS),
  };
}

/** The least an entry needs for matching. */
export type EntryDate = Pick<Entry, 'streamId' | 'date' | 'deletedAt'>;

/** The live entry dates per stream, sorted. */
function datesByStream(entries: readonly EntryDate[]): Map<string, IsoDate[]> {
  const out = new Map<string, IsoDate[]>();
  for (const e of entries) {
    if (e.deletedAt !== null) continue;
    const list = out.get(e.streamId);
    if (list) list.push(e.date);
    else out.set(e.streamId, [e.date]);
  }
  // Stryker disable next-line MethodExpression: equivalent: the only reader, anyWithin, asks `some`, which no order changes
  for (const list of out.values()) list.sort();
  return out;
}

function anyWithin(dates: readonly IsoDate[] | undefined, from: IsoDate, to: IsoDate): boolean {
  return dates !== undefined && dates.some((d) => d >= from && d <= to);
}

export interface IncomeOccurrence {
  streamId: string;
  dueOn: IsoDate;
  amountMinor: MinorUnits;
  currency: CurrencyCode;
  /** An entry of the stream falls in its window. */
  matched: boolean;
  skipped: boolean;
  /**
   * Its window ended before the stream was added to Anyam: never shown as due (a stream added
   * today is not "late" for months it was not yet in the app), and not still expected.
   */
  beforeCreation: boolean;
}

/** The pay days' order, a consistent total order: oldest first; one day by stream id. */
export function compareIncome(a: IncomeOccurrence, b: IncomeOccurrence): number {
  if (a.dueOn < b.dueOn) return -1;
  if (a.dueOn > b.dueOn) return 1;
  return a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0;
}

/** Every pay day of the live, unarchived streams in [from, to] with whether it was answered. */
export function incomeOccurrences(
  streams: readonly Stream[],
  entries: readonly EntryDate[],
  skips: readonly Skip[],
  from: IsoDate,
  to: IsoDate,
): IncomeOccurrence[] {
  const dates = datesByStream(entries);
  const skipped = skippedKeys(skips);
  const out: IncomeOccurrence[] = [];
  for (const stream of streams) {
    if (stream.deletedAt !== null || stream.archived) continue;
    const payDay = streamPayDay(stream);
    if (payDay === null) continue;
    const created = createdOn(stream);
    for (const dueOn of streamOccurrences(stream, from, to)) {
      const window = payDayWindow(payDay, dueOn);
      out.push({
        streamId: stream.id,
        dueOn,
        amountMinor: stream.expected.amountMinor,
        currency: stream.currency,
        matched: anyWithin(dates.get(stream.id), window.from, window.to),
        skipped: skipped.has(occurrenceKey(stream.id, dueOn)),
        beforeCreation: window.to < created,
      });
    }
  }
  return out.sort(compareIncome);
}

export interface DueIncome extends IncomeOccurrence {
  /** Its day has passed. */
  overdue: boolean;
}

/**
 * The unanswered pay days the due list shows on `today`: overdue (up to `DUE_LOOKBACK_DAYS`),
 * due today, and coming up (the next `COMING_UP_DAYS`); `dueWhen` splits them.
 */
export function dueIncome(
  streams: readonly Stream[],
  entries: readonly EntryDate[],
  skips: readonly Skip[],
  today: IsoDate,
): DueIncome[] {
  const { from, to } = dueRange(today);
  return incomeOccurrences(streams, entries, skips, from, to)
    .filter((o) => !o.matched && !o.skipped && !o.beforeCreation)
    .map((o) => ({ ...o, overdue: o.dueOn < today }));
}

export interface BillOccurrence {
  planId: string;
  dueOn: IsoDate;
  amountMinor: MinorUnits;
  currency: CurrencyCode;
  /** The live payments naming this occurrence (normally one). */
  payments: Payment[];
  skipped: boolean;
}

/**
 * Every occurrence of the live plans in `month`, oldest first, with its payments. This is the one
 * definition of "this month's bills": month-glance.ts `monthGlance().billsMinor` totals it, and
 * every screen that shows this month's bills (the month card, Plans) reads that total.
 */
export function billsOfMonth(
  plans: readonly Plan[],
  payments: readonly Payment[],
  skips: readonly Skip[],
  month: MonthKey,
): BillOccurrence[] {
  return billsBetween(plans, payments, skips, firstDayOf(month), lastDayOf(month));
}

/** The bills' order, a consistent total order: oldest first; one day by plan id. */
export function compareBills(a: BillOccurrence, b: BillOccurrence): number {
  if (a.dueOn < b.dueOn) return -1;
  if (a.dueOn > b.dueOn) return 1;
  return a.planId < b.planId ? -1 : a.planId > b.planId ? 1 : 0;
}

/** Every occurrence of the live plans due in [from, to], oldest first, with its payments. */
export function billsBetween(
  plans: readonly Plan[],
  payments: readonly Payment[],
  skips: readonly Skip[],
  from: IsoDate,
  to: IsoDate,
): BillOccurrence[] {
  const paid = new Map<string, Payment[]>();
  for (const p of payments) {
    if (p.deletedAt !== null) continue;
    const key = occurrenceKey(p.planId, p.dueOn);
    const list = paid.get(key);
    if (list) list.push(p);
    else paid.set(key, [p]);
  }
  const skipped = skippedKeys(skips);
  const out: BillOccurrence[] = [];
  for (const plan of plans) {
    if (plan.deletedAt !== null) continue;
    for (const dueOn of planOccurrences(plan, from, to)) {
      const key = occurrenceKey(plan.id, dueOn);
      out.push({
        planId: plan.id,
        dueOn,
        amountMinor: plan.amountMinor,
        currency: plan.currency,
        payments: paid.get(key) ?? [],
        skipped: skipped.has(key),
      });
    }
  }
  return out.sort(compareBills);
}

/** A bill occurrence still to pay: neither paid nor skipped. */
export function isUnpaid(bill: BillOccurrence): boolean {
  return bill.payments.length === 0 && !bill.skipped;
}

export interface DueBill extends BillOccurrence {
  /** Its day has passed. */
  overdue: boolean;
}

/**
 * The unpaid, unskipped bills the due list shows on `today`: today's month's up to today (late
 * or due today), and those coming up in the next `COMING_UP_DAYS` (into next month near its
 * end). A bill of an earlier month is not listed: it belongs to a month the card no longer
 * shows, and a household that pays without ticking it off would be told every bill is late.
 * `dueWhen` splits them.
 */
export function dueBills(
  plans: readonly Plan[],
  payments: readonly Payment[],
  skips: readonly Skip[],
  today: IsoDate,
): DueBill[] {
  return billsBetween(plans, payments, skips, firstDayOf(monthOf(today)), dueRange(today).to)
    .filter(isUnpaid)
    .map((b) => ({ ...b, overdue: b.dueOn < today }));
}
