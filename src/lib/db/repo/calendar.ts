import { calendarRange } from '../../domain/calendar-due';
import type { EntryDate } from '../../domain/due';
import type { Debt, Repayment } from '../../domain/debt-model';
import type { Group, GroupPayment } from '../../domain/group-model';
import type { Fund, IsoDate, Payment, Plan, Skip, Stream } from '../../domain/model';
import { addDaysIso } from '../../domain/dates';
import { MAX_WINDOW_REACH_DAYS, streamPayDay } from '../../domain/occurrences';
import { readTransaction } from './transaction';

/**
 * What the calendar export needs on `today`, at one point in time: streams and plans whole, the
 * pay-day streams' entries around the next 3 months ([streamId+date], widened by the longest
 * pay-day window), the payments and skips of the occurrences in those months (`dueOn`), and the
 * debts, savings groups and funds with their rows (tens of rows: read whole).
 */
export async function readCalendarRows(today: IsoDate): Promise<{
  streams: Stream[];
  plans: Plan[];
  entries: EntryDate[];
  payments: Payment[];
  skips: Skip[];
  debts: Debt[];
  repayments: Repayment[];
  groups: Group[];
  groupPayments: GroupPayment[];
  funds: Fund[];
}> {
  const { from, to } = calendarRange(today);
  const entryFrom = addDaysIso(from, -MAX_WINDOW_REACH_DAYS);
  const entryTo = addDaysIso(to, MAX_WINDOW_REACH_DAYS);
  const stores = [
    ...['streams', 'plans', 'entries', 'payments', 'skips'],
    ...['debts', 'repayments', 'groups', 'groupPayments', 'funds'],
  ] as const;
  return readTransaction(stores, async (db) => {
    const [streams, plans, payments, skips, debts, repayments, groups, groupPayments, funds] =
      await Promise.all([
        db.streams.toArray(),
        db.plans.toArray(),
        db.payments.where('dueOn').between(from, to, true, true).toArray(),
        db.skips.where('dueOn').between(from, to, true, true).toArray(),
        db.debts.toArray(),
        db.repayments.toArray(),
        db.groups.toArray(),
        db.groupPayments.toArray(),
        db.funds.toArray(),
      ]);
    const alive = <T extends { deletedAt: string | null }>(rows: T[]) =>
      rows.filter((r) => r.deletedAt === null);
    const live = streams.filter((s) => s.deletedAt === null);
    const withPayDay = live.filter((s) => !s.archived && streamPayDay(s) !== null);
    const lists = await Promise.all(
      withPayDay.map((s) =>
        db.entries
          .where('[streamId+date]')
          .between([s.id, entryFrom], [s.id, entryTo], true, true)
          .toArray(),
      ),
    );
    return {
      streams: live,
      plans: plans.filter((p) => p.deletedAt === null),
      entries: lists
        .flat()
        .map((e) => ({ streamId: e.streamId, date: e.date, deletedAt: e.deletedAt })),
      payments: payments.filter((p) => p.deletedAt === null),
      skips: skips.filter((s) => s.deletedAt === null),
      debts: alive(debts),
      repayments: alive(repayments),
      groups: alive(groups),
      groupPayments: alive(groupPayments),
      funds: alive(funds),
    };
  });
}
