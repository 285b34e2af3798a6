/**
 * Everything the due list and the month card show, from the rows the repository read for
 * `today` (repo/due.ts `readMonthlyLoop`).
 *
 * The due list has two groups: "Due now" (due today or overdue: answer it) and "Coming up" (the
 * next due.ts `COMING_UP_DAYS` days: shown quietly, nothing invites paying early). A bill due
 * later this month is in neither; the month card lists it.
 */
import type { RateRecordLike } from './base-amount';
import { dueBills, dueIncome, dueWhen, type DueBill, type DueIncome, type EntryDate } from './due';
import type { CurrencyCode, IsoDate, Payment, Plan, Rollup, Skip, Stream } from './model';
import { monthGlance, type MonthGlance } from './month-glance';
import { monthOf } from './months';
import { monthSoFar, type Period } from './periods';
import type { Group, GroupPayment } from './group-model';
import { groupsDue, type GroupsDue } from './groups-loop';
import type { Debt, Repayment } from './debt-model';
import {
  dueInstalments,
  glanceWithInstalments,
  instalmentsOfMonth,
  type DueInstalment,
  type MonthInstalments,
} from './debt-due';

export interface MonthlyLoopRows {
  streams: readonly Stream[];
  plans: readonly Plan[];
  rates: readonly RateRecordLike[];
  baseCurrency: CurrencyCode;
  /** Entries of the pay-day streams in due.ts `loopEntryRange(today)`. */
  entries: readonly EntryDate[];
  /** Rollup rows of today's month. */
  rollups: readonly Rollup[];
  /** Payments of occurrences due in due.ts `loopOccurrenceRange(today)`. */
  payments: readonly Payment[];
  /** Skips of occurrences in due.ts `loopOccurrenceRange(today)`. */
  skips: readonly Skip[];
  /** The live savings groups and their live rows (few: read whole). */
  groups?: readonly Group[];
  groupPayments?: readonly GroupPayment[];
  /** The debts and their repayments (debt-due.ts); none when absent. */
  debts?: readonly Debt[];
  repayments?: readonly Repayment[];
}

/** One line of the due list: an unanswered pay day or an unpaid bill. */
export type DueItem = ({ kind: 'income' } & DueIncome) | ({ kind: 'bill' } & DueBill);

export interface MonthlyLoop {
  today: IsoDate;
  /** Today's month so far: the period the month card names. */
  period: Period;
  /** Every unanswered pay day of the due list's range (both groups). */
  due: DueIncome[];
  /** Due today or overdue, oldest first. */
  dueNow: DueItem[];
  /** Due in the next `COMING_UP_DAYS` days, soonest first. */
  comingUp: DueItem[];
  glance: MonthGlance;
  /** The savings groups' contributions and pots the due list shows (groups-loop.ts). */
  groups: GroupsDue;
  /** Unpaid instalments due now (today or overdue) and coming up, as the two groups above. */
  instalmentsNow: DueInstalment[];
  instalmentsSoon: DueInstalment[];
  /** This month's instalments we owe (the month card). */
  instalments: MonthInstalments;
}

function itemKey(item: DueItem): string {
  return item.kind === 'income' ? item.streamId : item.planId;
}

/**
 * The due list's order, a consistent total order (what `Array.prototype.sort` requires for the
 * same answer on every engine): by date; on one day income before bills, since what comes in
 * pays what goes out; then by stream or plan id.
 */
export function compareDueItems(a: DueItem, b: DueItem): number {
  if (a.dueOn < b.dueOn) return -1;
  if (a.dueOn > b.dueOn) return 1;
  if (a.kind !== b.kind) return a.kind === 'income' ? -1 : 1;
  return itemKey(a) < itemKey(b) ? -1 : itemKey(a) > itemKey(b) ? 1 : 0;
}

export function monthlyLoop(rows: MonthlyLoopRows, today: IsoDate): MonthlyLoop {
  const due = dueIncome(rows.streams, rows.entries, rows.skips, today);
  const items: DueItem[] = [
    ...due.map((d) => ({ kind: 'income' as const, ...d })),
    ...dueBills(rows.plans, rows.payments, rows.skips, today).map((b) => ({
      kind: 'bill' as const,
      ...b,
    })),
  ].sort(compareDueItems);
  const [debts, repayments] = [rows.debts ?? [], rows.repayments ?? []];
  const owed = dueInstalments(debts, repayments, rows.skips, today);
  const month = monthOf(today);
  const instalments = instalmentsOfMonth(
    debts,
    repayments,
    rows.skips,
    month,
    rows.rates,
    rows.baseCurrency,
  );
  return {
    today,
    period: monthSoFar(today),
    due,
    dueNow: items.filter((i) => dueWhen(i.dueOn, today) === 'now'),
    comingUp: items.filter((i) => dueWhen(i.dueOn, today) === 'soon'),
    glance: glanceWithInstalments(monthGlance({ month, ...rows }), instalments),
    // Stryker disable next-line ArrayDeclaration: an invented element in place of an omitted list is no live group or payment (its deletedAt is undefined, not null), so nothing is due from it
    groups: groupsDue(rows.groups ?? [], rows.groupPayments ?? [], today),
    instalmentsNow: owed.filter((i) => dueWhen(i.dueOn, today) === 'now'),
    instalmentsSoon: owed.filter((i) => dueWhen(i.dueOn, today) === 'soon'),
    instalments,
  };
}
