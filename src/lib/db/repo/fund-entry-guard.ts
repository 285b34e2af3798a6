import { AnyamError, type Entry } from '../../domain/model';
import type { AnyamDatabase } from '../database';

/**
 * An edited entry must still hold the money set aside from it (funds): an amount below it, a
 * received entry made pending, or another currency is refused ('entry/below-set-aside', field
 * amount) and nothing is written. Inside the entry's write transaction (over `setAsides`).
 */
export async function assertEntryKeepsSetAsides(db: AnyamDatabase, entry: Entry): Promise<void> {
  const rows = await db.setAsides.where('entryId').equals(entry.id).toArray();
  const held = rows.filter((s) => s.deletedAt === null).reduce((n, s) => n + s.amountMinor, 0);
  if (held === 0) return;
  if (
    entry.status !== 'received' ||
    entry.currency !== rows[0]!.currency ||
    entry.amountMinor < held
  )
    throw new AnyamError('entry/below-set-aside', {
      field: 'amount',
      leftMinor: held,
      currency: rows[0]!.currency,
    });
}
