import { AnyamError, type Entry, type Rate } from '../../domain/model';
import { entryFrom, liveStream, type EntryInput } from './entries';
import { rateFrom, type RateInput } from './rates';
import { rebuildCurrencyRollupsIn, ROLLUP_STORES } from './rollup-store';
import { writeTransaction } from './transaction';

/**
 * An entry in a foreign currency and the rate it was missing, saved together (quick add's rate
 * prompt): both or neither, in one read-write transaction. The currency's rollups are rebuilt
 * once from the earlier of the two dates, which counts the new entry with its rate.
 *
 * The rebuild is the last await on purpose: after an awaited helper that is itself async, Dexie
 * may no longer see its transaction (PrematureCommitError), so nothing may follow it.
 */
export async function addEntryWithRate(
  input: EntryInput,
  rateInput: RateInput,
): Promise<{ entry: Entry; rate: Rate }> {
  const rate = rateFrom(rateInput);
  return writeTransaction([...ROLLUP_STORES, 'streams'], async (db) => {
    const entry = entryFrom(input, await liveStream(db, input.streamId));
    // The single rebuild below covers the rate's currency only.
    if (entry.currency !== rate.currency) {
      throw new AnyamError('rate/invalid-currency', { currency: rate.currency });
    }
    await db.rates.add(rate);
    await db.entries.add(entry);
    const from = rate.date < entry.date ? rate.date : entry.date;
    await rebuildCurrencyRollupsIn(db, rate.currency, from);
    return { entry, rate };
  });
}
