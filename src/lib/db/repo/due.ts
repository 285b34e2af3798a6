import { loopEntryRange, loopOccurrenceRange, type EntryDate } from '../../domain/due';
import type { IsoDate } from '../../domain/model';
import type { MonthlyLoopRows } from '../../domain/monthly-loop';
import { monthOf } from '../../domain/months';
import { streamPayDay } from '../../domain/occurrences';
import { readTransaction } from './transaction';
import { liveDebtsIn } from './debts';

/**
 * The rows the due list and the month card need on `today`, at one point in time: the small
 * tables whole, and through indexes only the month's rollups, the pay-day streams' entries
 * around the month ([streamId+date]) and the payments and skips of the due list's and the month's
 * occurrences (`dueOn`, domain/due.ts `loopOccurrenceRange`). Never all
 * entries.
 */
export async function readMonthlyLoop(today: IsoDate): Promise<MonthlyLoopRows> {
  const month = monthOf(today);
  const range = loopEntryRange(today);
  // Payments and skips of the due list's occurrences and of the month's (loopOccurrenceRange).
  const occurrences = loopOccurrenceRange(today);
  return readTransaction(
    [
      'streams',
      'plans',
      'rates',
      'settings',
      'entries',
      'rollups',
      'payments',
      'skips',
      'groups',
      'groupPayments',
      'debts',
      'repayments',
    ],
    async (db) => {
      const [groups, groupPayments] = await Promise.all([
        db.groups.toArray(),
        db.groupPayments.toArray(),
      ]);
      const [streams, plans, rates, settings, rollups, payments, skips, debts] = await Promise.all([
        db.streams.toArray(),
        db.plans.toArray(),
        db.rates.toArray(),
        db.settings.toArray(),
        db.rollups.where('month').equals(month).toArray(),
        db.payments.where('dueOn').between(occurrences.from, occurrences.to, true, true).toArray(),
        db.skips.where('dueOn').between(occurrences.from, occurrences.to, true, true).toArray(),
        db.debts.toArray(),
      ]);
      const withPayDay = streams.filter(
        (s) => s.deletedAt === null && !s.archived && streamPayDay(s) !== null,
      );
      const lists = await Promise.all(
        withPayDay.map((s) =>
          db.entries
            .where('[streamId+date]')
            .between([s.id, range.from], [s.id, range.to], true, true)
            .toArray(),
        ),
      );
      const entries: EntryDate[] = lists.flat().map((e) => ({
        streamId: e.streamId,
        date: e.date,
        deletedAt: e.deletedAt,
      }));
      return {
        streams: streams.filter((s) => s.deletedAt === null),
        plans: plans.filter((p) => p.deletedAt === null),
        rates: rates.filter((r) => r.deletedAt === null),
        baseCurrency: settings[0]?.baseCurrency || 'IDR',
        entries,
        rollups,
        payments: payments.filter((p) => p.deletedAt === null),
        skips: skips.filter((s) => s.deletedAt === null),
        groups: groups.filter((g) => g.deletedAt === null),
        groupPayments: groupPayments.filter((p) => p.deletedAt === null),
        ...(await liveDebtsIn(db, debts)),
      };
    },
  );
}
