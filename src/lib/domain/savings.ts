/**
 * The household's liquid buffer as of a month: the latest savings snapshot dated on or before the
 * month's last day, converted to the base currency at the rate of the snapshot's own date.
 */
import { baseMinorOrNull, type RateRecordLike } from './base-amount';
import { lastDayOf } from './months';
import type { CurrencyCode, IsoDate, MonthKey, Saving } from './model';

export interface SavingsInForce {
  savingId: string;
  date: IsoDate;
  /** Base minor units, or null when the snapshot's currency had no rate on its date. */
  amountMinor: number | null;
}

/** Live snapshots oldest first; on the same date the later-updated one wins (it sorts last). */
function snapshotsByDate(savings: readonly Saving[]): Saving[] {
  return savings
    .filter((s) => s.deletedAt === null)
    .sort((a, b) =>
      a.date !== b.date
        ? a.date < b.date
          ? -1
          : 1
        : a.updatedAt < b.updatedAt
          ? -1
          : a.updatedAt > b.updatedAt
            ? 1
            : 0,
    );
}

/**
 * For each month (ascending), the snapshot in force at its end, or null before the first one.
 * One sweep over the sorted snapshots; each snapshot is converted once.
 */
export function savingsAtMonthEnds(
  savings: readonly Saving[],
  months: readonly MonthKey[],
  baseCurrency: CurrencyCode,
  rates: readonly RateRecordLike[],
): (SavingsInForce | null)[] {
  const sorted = snapshotsByDate(savings);
  const out: (SavingsInForce | null)[] = [];
  let next = 0;
  let current: SavingsInForce | null = null;
  for (const month of months) {
    const end = lastDayOf(month);
    while (next < sorted.length && sorted[next]!.date <= end) {
      const s = sorted[next++]!;
      current = {
        savingId: s.id,
        date: s.date,
        amountMinor: baseMinorOrNull(s.amountMinor, s.currency, baseCurrency, s.date, rates),
      };
    }
    out.push(current);
  }
  return out;
}

/** The snapshot in force at the end of `month`, or null when none is dated by then. */
export function savingsAtMonthEnd(
  savings: readonly Saving[],
  month: MonthKey,
  baseCurrency: CurrencyCode,
  rates: readonly RateRecordLike[],
): SavingsInForce | null {
  return savingsAtMonthEnds(savings, [month], baseCurrency, rates)[0] ?? null;
}
