/**
 * What the phone's calendar is given (ical.ts): the next 3 months of dated items still to come,
 * each with a stable UID: a stream's pay days not yet answered and a plan's bills not yet paid
 * (due.ts decides both), a debt's instalments neither repaid nor skipped (debt-due.ts), a savings
 * group's rounds not yet paid and my pot not yet received (groups-loop.ts), and each fund's date
 * (funds.ts). One definition each: the due list and the month card read the same functions.
 */
import { addDaysIso, compareIso } from './dates';
import { billsBetween, incomeOccurrences, isUnpaid, type EntryDate } from './due';
import { instalmentOccurrences, isUnpaidInstalment } from './debt-due';
import type { Debt, Repayment } from './debt-model';
import { fundDateItems } from './funds';
import type { Group, GroupPayment } from './group-model';
import { groupPotsBetween, groupRoundsBetween } from './groups-loop';
import type { CurrencyCode, Fund, IsoDate, MinorUnits, Payment, Plan, Skip, Stream } from './model';
import { addMonths, daysInMonth, monthOf } from './months';

/** How far ahead the calendar export reaches. */
export const CALENDAR_MONTHS = 3;

/**
 * 'instalment' is one we pay, 'instalment-in' one owed to us; 'contribution' a group's round,
 * 'pot' my turn to take the pot; 'fund' a fund's date (its target as the amount).
 */
export type CalendarKind =
  'income' | 'bill' | 'instalment' | 'instalment-in' | 'contribution' | 'pot' | 'fund';

export interface CalendarDue {
  kind: CalendarKind;
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
  debts?: readonly Debt[];
  repayments?: readonly Repayment[];
  groups?: readonly Group[];
  groupPayments?: readonly GroupPayment[];
  funds?: readonly Fund[];
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
  // Stryker disable next-line ArrayDeclaration: an invented element in place of an omitted list is no live debt (its `deletedAt` is undefined, not null)
  const debts = input.debts ?? [];
  // Stryker disable next-line ArrayDeclaration: an invented element in place of an omitted list is no live repayment: its `debtId` is no debt's
  for (const i of instalmentOccurrences(debts, input.repayments ?? [], input.skips, from, to)) {
    if (!isUnpaidInstalment(i)) continue;
    out.push({
      kind: i.direction === 'we-owe' ? 'instalment' : 'instalment-in',
      sourceId: i.debtId,
      date: i.dueOn,
      amountMinor: i.amountMinor,
      currency: i.currency,
    });
  }
  // Stryker disable next-line ArrayDeclaration: an invented element in place of an omitted list is no live group (its `deletedAt` is undefined, not null)
  const groups = input.groups ?? [];
  // Stryker disable next-line ArrayDeclaration: an invented element in place of an omitted list is no live payment (its `deletedAt` is undefined, not null)
  const groupPayments = input.groupPayments ?? [];
  for (const r of groupRoundsBetween(groups, groupPayments, from, to)) {
    if (r.paid || r.skipped) continue;
    out.push({
      kind: 'contribution',
      sourceId: r.groupId,
      date: r.dueOn,
      amountMinor: r.amountMinor,
      currency: r.currency,
    });
  }
  for (const p of groupPotsBetween(groups, groupPayments, from, to)) {
    if (p.received) continue;
    out.push({
      kind: 'pot',
      sourceId: p.groupId,
      date: p.dueOn,
      amountMinor: p.amountMinor,
      currency: p.currency,
    });
  }
  // Stryker disable next-line ArrayDeclaration: an invented element in place of an omitted list is no live fund (its `deletedAt` is undefined, not null)
  for (const f of fundDateItems(input.funds ?? [], from, to)) {
    out.push({
      kind: 'fund',
      sourceId: f.fundId,
      date: f.date,
      amountMinor: f.targetMinor,
      currency: f.currency,
    });
  }
  return out.sort((a, b) => compareIso(a.date, b.date));
}
