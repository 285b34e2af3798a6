import { loopEntryRange, loopOccurrenceRange, type EntryDate } from '../../domain/due';
import type { IsoDate } from '../../domain/model';
import type { MonthlyLoopRows } from '../../domain/monthly-loop';
import { monthOf } from '../../domain/months';
import { streamPayDay } from '../../domain/occurrences';
import { readTransaction } from './transaction';
import { scheduleReaches } from '../../domain/debt-due';

/**
 * The rows the due list and the month card need on `today`, at one point in time: the small
 * tables whole, and through indexes only the month's rollups, the pay-day streams' entries
 * around the month ([streamId+date]), the payments and skips of the due list's and the month's
 * occurrences (`dueOn`, domain/due.ts `loopOccurrenceRange`) and the repayments of the debts
 * whose schedule reaches that range (`debtId`, domain/debt-due.ts `scheduleReaches`: the only
 * repayments the loop's instalments look at). Never all entries.
 *
 * Every read starts at once: the entries wait only for the streams and the repayments only for
 * the debts, each a few index reads (`getAll`) side by side, so the transaction takes two
 * round trips to IndexedDB rather than four, and no cursor.
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
      const streamsRead = db.streams.toArray();
      const debtsRead = db.debts.toArray();
      const [
        streams,
        lists,
        plans,
        rates,
        settings,
        rollups,
        payments,
        skips,
        groups,
        groupPayments,
        debts,
        repaid,
      ] = await Promise.all([
        streamsRead,
        // The pay-day streams' entries, each stream's through [streamId+date].
        streamsRead.then((all) =>
          Promise.all(
            all
              .filter((s) => s.deletedAt === null && !s.archived && streamPayDay(s) !== null)
              .map((s) =>
                db.entries
                  .where('[streamId+date]')
                  .between([s.id, range.from], [s.id, range.to], true, true)
                  .toArray(),
              ),
          ),
        ),
        db.plans.toArray(),
        db.rates.toArray(),
        db.settings.toArray(),
        db.rollups.where('month').equals(month).toArray(),
        db.payments.where('dueOn').between(occurrences.from, occurrences.to, true, true).toArray(),
        db.skips.where('dueOn').between(occurrences.from, occurrences.to, true, true).toArray(),
        db.groups.toArray(),
        db.groupPayments.toArray(),
        debtsRead,
        // The repayments of the live debts whose schedule reaches the range, debt by debt.
        debtsRead.then((all) =>
          Promise.all(
            all
              .filter(
                (d) =>
                  d.deletedAt === null &&
                  scheduleReaches(d.schedule, occurrences.from, occurrences.to),
              )
              .map((d) => db.repayments.where('debtId').equals(d.id).toArray()),
          ),
        ),
      ]);
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
        debts: debts.filter((d) => d.deletedAt === null),
        repayments: repaid.flat().filter((r) => r.deletedAt === null),
      };
    },
  );
}
