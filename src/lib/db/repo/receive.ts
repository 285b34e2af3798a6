import { AnyamError, type Entry, type IsoDate } from '../../domain/model';
import { payDayWindow, streamPayDay } from '../../domain/occurrences';
import { addEntry, ENTRY_STORES } from './entries';
import { writeTransaction } from './transaction';

/**
 * "Received": logs the stream's expected amount on the pay day, unless an entry already answers
 * that pay day (then nothing is written and null comes back: two taps make one entry).
 */
export async function receiveDue(streamId: string, dueOn: IsoDate): Promise<Entry | null> {
  return writeTransaction(ENTRY_STORES, async (db) => {
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
