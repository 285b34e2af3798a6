import { listEntriesBetween } from '../db/repo/entries';
import { outlierOf, outlierWindowStart, type Outlier } from '../domain/outlier';
import type { CurrencyCode, IsoDate, MinorUnits } from '../domain/model';

/**
 * Whether an amount about to be saved is far from what its stream usually pays (domain/outlier):
 * reads only the stream's last 6 months before `date`, through the `[streamId+date]` index.
 * `exceptId` leaves out the entry being edited, which must not vouch for itself.
 */
export async function outlierOfEntry(entry: {
  streamId: string;
  currency: CurrencyCode;
  amountMinor: MinorUnits;
  date: IsoDate;
  exceptId?: string;
}): Promise<Outlier | null> {
  const history = await listEntriesBetween(outlierWindowStart(entry.date), entry.date, {
    streamId: entry.streamId,
  });
  return outlierOf(
    entry.amountMinor,
    history.filter((e) => e.currency === entry.currency && e.id !== entry.exceptId),
    entry.date,
  );
}
