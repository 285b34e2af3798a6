/**
 * What the phone's calendar is given (ical.ts): the next 3 months of dated items still to come,
 * each with a stable UID. Today that is a stream's pay days not yet answered and a plan's bills
 * not yet paid (due.ts decides both); instalments, group contributions and fund dates add their
 * own `CalendarDue` rows to the list with a kind of their own.
 */
import { addDaysIso } from './dates';
import { billsBetween, incomeOccurrences, isUnpaid, type EntryDate } from './due';
import type { CurrencyCode, IsoDate, MinorUnits, Payment, Plan, Skip, Stream } from './model';
import { addMonths, daysInMonth, monthOf } from './months';

/** How far ahead the calendar export reaches. */
export const CALENDAR_MONTHS = 3;

export interface CalendarDue {
  /** 'income', 'bill', or a later kind ('instalment', 'contribution', 'fund'). */
  kind: string;
  /** The stream, plan or other record the date belongs to. */
  sourceId: string;
  date: IsoDate;
  amountMinor: MinorUnits;
  currency: CurrencyCode;
}

/** From today to the day before the same day `CALENDAR_MONTHS` months on (clamped to its month). */
export function calendarRange(today: IsoDate): { from: IsoDate; to: IsoDate } {
  const month = addMonths(monthOf(today), CALENDAR_MONTHS);
  const day = Math.min(Number(today.slice(8, 10)), daysInMonth(month));
  return { from: today, to: addDaysIso(`${month}-${String(day).padStart(2, '0')}`, -1) };
}

/**
 * The same item always gets the same UID (its kind, record and due date), so a calendar that
 * imports a second export updates the event instead of duplicating it.
 */
export function calendarUid(due: Pick<CalendarDue, 'kind' | 'sourceId' | 'date'>): string {
  return `${due.kind}-${due.sourceId}-${due.date.replace(/-/g, '')}@anyam.app`;
}

export function dueForCalendar(input: {
  streams: readonly Stream[];
  plans: readonly Plan[];
  entries: readonly EntryDate[];
  payments: readonly Payment[];
  skips: readonly Skip[];
  today: IsoDate;
}): CalendarDue[] {
  const { from, to } = calendarRange(input.today);
  const out: CalendarDue[] = [];
  for (const o of incomeOccurrences(input.streams, input.entries, input.skips, from, to)) {
    if (o.matched || o.skipped || o.beforeCreation) continue;
    out.push({
      kind: 'income',
      sourceId: o.streamId,
      date: o.dueOn,
      amountMinor: o.amountMinor,
      currency: o.currency,
    });
  }
  for (const b of billsBetween(input.plans, input.payments, input.skips, from, to)) {
    if (!isUnpaid(b)) continue;
    out.push({
      kind: 'bill',
      sourceId: b.planId,
      date: b.dueOn,
      amountMinor: b.amountMinor,
      currency: b.currency,
    });
  }
  return out.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : 0));
}
