import { listEntriesBetween } from '../db/repo/entries';
import { outlierFrom, type Outlier } from '../domain/outlier';
import { usualAmount, usualWindowStart, type UsualAmount } from '../domain/usual-amount';
import type { CurrencyCode, IsoDate, MinorUnits } from '../domain/model';

/** What the usual amount of a stream on a date is read from. */
export interface UsualQuery {
  streamId: string;
  currency: CurrencyCode;
  date: IsoDate;
  /** The stream's expected amount when `currency` is the stream's own (0 for none). */
  expectedMinor: MinorUnits;
  /** The entry being edited, which must not vouch for itself. */
  exceptId?: string;
}

/**
 * The stream's usual amount on `date` (domain/usual-amount): the one quick add's chip shows and
 * the far-from-usual warning compares with. Reads only the stream's last 6 months before `date`,
 * through the `[streamId+date]` index.
 */
export async function usualAmountOf(query: UsualQuery): Promise<UsualAmount | null> {
  const history = await listEntriesBetween(usualWindowStart(query.date), query.date, {
    streamId: query.streamId,
  });
  return usualAmount(
    history.filter((e) => e.currency === query.currency && e.id !== query.exceptId),
    query.date,
    query.expectedMinor,
  );
}

/** Whether an amount about to be saved is far from what its stream usually pays. */
export async function outlierOfEntry(
  entry: UsualQuery & { amountMinor: MinorUnits },
): Promise<Outlier | null> {
  return outlierFrom(entry.amountMinor, await usualAmountOf(entry));
}
