import { addDaysIso } from '../../domain/dates';
import type { EntryDate } from '../../domain/due';
import type { Debt, Repayment } from '../../domain/debt-model';
import type { Group, GroupPayment } from '../../domain/group-model';
import type { IsoDate, Payment, Skip } from '../../domain/model';
import { MAX_WINDOW_REACH_DAYS, streamPayDay } from '../../domain/occurrences';
import { PROJECTION_DAYS } from '../../domain/projection';
import { readTransaction } from './transaction';

/** The rows of the projection window the household's small tables do not hold. */
export interface ProjectionRows {
  payments: Payment[];
  skips: Skip[];
  /** The pay-day streams' entries around the window: what answers a pay day. */
  entries: EntryDate[];
  /** Debts and savings groups with their rows (tens of rows: read whole). */
  debts: Debt[];
  repayments: Repayment[];
  groups: Group[];
  groupPayments: GroupPayment[];
}

/**
 * Through indexes only: the payments and skips of occurrences due in the next 60 days
 * (`dueOn`) and the pay-day streams' entries from the longest window before them to the longest
 * after ([streamId+date]), and the debts and groups whole. Never all entries.
 */
export async function readProjectionRows(today: IsoDate): Promise<ProjectionRows> {
  const to = addDaysIso(today, PROJECTION_DAYS - 1);
  const entriesFrom = addDaysIso(today, -MAX_WINDOW_REACH_DAYS);
  const entriesTo = addDaysIso(to, MAX_WINDOW_REACH_DAYS);
  const stores = [
    ...['streams', 'entries', 'payments', 'skips'],
    ...['debts', 'repayments', 'groups', 'groupPayments'],
  ] as const;
  return readTransaction(stores, async (db) => {
    const [streams, payments, skips, debts, repayments, groups, groupPayments] = await Promise.all([
      db.streams.toArray(),
      db.payments.where('dueOn').between(today, to, true, true).toArray(),
      db.skips.where('dueOn').between(today, to, true, true).toArray(),
      db.debts.toArray(),
      db.repayments.toArray(),
      db.groups.toArray(),
      db.groupPayments.toArray(),
    ]);
    const alive = <T extends { deletedAt: string | null }>(rows: T[]) =>
      rows.filter((r) => r.deletedAt === null);
    const withPayDay = streams.filter(
      (s) => s.deletedAt === null && !s.archived && streamPayDay(s) !== null,
    );
    const lists = await Promise.all(
      withPayDay.map((s) =>
        db.entries
          .where('[streamId+date]')
          .between([s.id, entriesFrom], [s.id, entriesTo], true, true)
          .toArray(),
      ),
    );
    return {
      payments: payments.filter((p) => p.deletedAt === null),
      skips: skips.filter((s) => s.deletedAt === null),
      entries: lists
        .flat()
        .map((e) => ({ streamId: e.streamId, date: e.date, deletedAt: e.deletedAt })),
      debts: alive(debts),
      repayments: alive(repayments),
      groups: alive(groups),
      groupPayments: alive(groupPayments),
    };
  });
}
