import { dueRange, loopEntryRange, type EntryDate } from '../../domain/due';
import { AnyamError, type Entry, type IsoDate } from '../../domain/model';
import type { MonthlyLoopRows } from '../../domain/monthly-loop';
import { firstDayOf, lastDayOf, monthOf } from '../../domain/months';
import { payDayWindow, streamPayDay } from '../../domain/occurrences';
import { addEntry } from './entries';
import { ROLLUP_STORES } from './rollup-store';
import { readTransaction, writeTransaction } from './transaction';

/**
 * The rows the due list and the month card need on `today`, at one point in time: the small
 * tables whole, and through indexes only the month's rollups, the pay-day streams' entries
 * around the month ([streamId+date]) and the month's payments and skips (`dueOn`). Never all
 * entries.
 */
export async function readMonthlyLoop(today: IsoDate): Promise<MonthlyLoopRows> {
  const month = monthOf(today);
  const range = loopEntryRange(today);
  const due = dueRange(today);
  const skipFrom = due.from < firstDayOf(month) ? due.from : firstDayOf(month);
  const skipTo = due.to > lastDayOf(month) ? due.to : lastDayOf(month);
  return readTransaction(
    ['streams', 'plans', 'rates', 'settings', 'entries', 'rollups', 'payments', 'skips'],
    async (db) => {
      const [streams, plans, rates, settings, rollups, payments, skips] = await Promise.all([
        db.streams.toArray(),
        db.plans.toArray(),
        db.rates.toArray(),
        db.settings.toArray(),
        db.rollups.where('month').equals(month).toArray(),
        db.payments.where('dueOn').between(firstDayOf(month), lastDayOf(month), true, true).toArray(),
        db.skips.where('dueOn').between(skipFrom, skipTo, true, true).toArray(),
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
      };
    },
  );
}

/**
 * "Received": logs the stream's expected amount on the pay day, unless an entry already answers
 * that pay day (then nothing is written and null comes back: two taps make one entry).
 */
export async function receiveDue(streamId: string, dueOn: IsoDate): Promise<Entry | null> {
  return writeTransaction([...ROLLUP_STORES, 'streams'], async (db) => {
    const stream = await db.streams.get(streamId);
    const payDay = stream && stream.deletedAt === null ? streamPayDay(stream) : null;
    if (!stream || payDay === null) throw new AnyamError('entry/unknown-stream', { streamId });
    const window = payDayWindow(payDay, dueOn);
    const answered = await db.entries
      .where('[streamId+date]')
      .between([streamId, window.from], [streamId, window.to], true, true)
      .filter((e) => e.deletedAt === null)
      .count();
    if (answered > 0) return null;
    return addEntry({ streamId, date: dueOn, amountMinor: stream.expected.amountMinor });
  });
}
