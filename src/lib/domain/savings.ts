/**
 * The household's liquid buffer as of a month: for each savings place, its latest balance dated
 * on or before the month's last day, converted to the base currency at the rate in force on that
 * balance's date; the buffer is their sum. A balance whose currency has no rate on its date makes
 * the whole sum unknown (flagged like any missing rate), never counted as 0.
 * A household whose savings sit in one place gets exactly what the single-snapshot rule gave.
 */
import { baseMinorOrNull, type RateRecordLike } from './base-amount';
import { lastDayOf } from './months';
import type { CurrencyCode, IsoDate, MonthKey, Place, Saving } from './model';

export interface SavingsInForce {
  /** The most recent of the balances summed (what "savings as of" refers to). */
  savingId: string;
  date: IsoDate;
  /** Base minor units, or null when a balance in force had no rate on its date. */
  amountMinor: number | null;
  /** How many places have a balance in force. */
  places?: number;
}

/**
 * The order of balances, a consistent total order: oldest date first; on one date the one
 * updated later sorts last, so it is the one in force.
 */
export function compareBalances(a: Saving, b: Saving): number {
  if (a.date < b.date) return -1;
  if (a.date > b.date) return 1;
  return a.updatedAt < b.updatedAt ? -1 : a.updatedAt > b.updatedAt ? 1 : 0;
}

/** Live balances oldest first; on the same date the later-updated one wins (it sorts last). */
function balancesByDate(savings: readonly Saving[]): Saving[] {
  return savings.filter((s) => s.deletedAt === null).sort(compareBalances);
}

/**
 * For each month (ascending), the buffer in force at its end, or null before the first balance.
 * One sweep over the sorted balances; each balance is converted once.
 */
export function savingsAtMonthEnds(
  savings: readonly Saving[],
  months: readonly MonthKey[],
  baseCurrency: CurrencyCode,
  rates: readonly RateRecordLike[],
): (SavingsInForce | null)[] {
  const sorted = balancesByDate(savings);
  const out: (SavingsInForce | null)[] = [];
  // Per place, its latest balance so far, converted (null: no rate).
  const latest = new Map<string, number | null>();
  let next = 0;
  let newest: Saving | null = null;
  for (const month of months) {
    const end = lastDayOf(month);
    // Stryker disable next-line BooleanLiteral: true only recomputes the same sum from the same balances
    let changed = false;
    while (next < sorted.length && sorted[next]!.date <= end) {
      const s = sorted[next++]!;
      latest.set(
        s.placeId,
        baseMinorOrNull(s.amountMinor, s.currency, baseCurrency, s.date, rates),
      );
      newest = s;
      changed = true;
    }
    if (newest === null) {
      out.push(null);
      continue;
    }
    // A month with no new balance reuses the last result; recomputing it gives the same values.
    // out.length is 0 only in the first month, where a balance in force means one was just read.
    // Stryker disable next-line EqualityOperator,BlockStatement: recomputing instead of reusing gives the same values
    if (!changed && out.length > 0) {
      out.push(out[out.length - 1]!);
      continue;
    }
    let sum: number | null = 0;
    for (const amount of latest.values())
      sum = amount === null || sum === null ? null : sum + amount;
    out.push({ savingId: newest.id, date: newest.date, amountMinor: sum, places: latest.size });
  }
  return out;
}

/** The buffer in force at the end of `month`, or null when no balance is dated by then. */
export function savingsAtMonthEnd(
  savings: readonly Saving[],
  month: MonthKey,
  baseCurrency: CurrencyCode,
  rates: readonly RateRecordLike[],
): SavingsInForce | null {
  return savingsAtMonthEnds(savings, [month], baseCurrency, rates)[0] ?? null;
}

export interface PlaceBalance {
  place: Place;
  /** Its balances dated on or before `asOf`, newest first (the first is the one in force). */
  balances: Saving[];
  /** The balance in force in base minor units; null without a balance or without a rate. */
  baseMinor: number | null;
  /** True when a balance is in force but its currency had no rate on its date. */
  missingRate: boolean;
}

/** Each live place with its balances up to `asOf`, for the savings view (places in order given). */
export function balancesByPlace(
  places: readonly Place[],
  savings: readonly Saving[],
  asOf: IsoDate,
  baseCurrency: CurrencyCode,
  rates: readonly RateRecordLike[],
): PlaceBalance[] {
  const sorted = balancesByDate(savings)
    .filter((s) => s.date <= asOf)
    .reverse();
  return places
    .filter((p) => p.deletedAt === null)
    .map((place) => {
      const balances = sorted.filter((s) => s.placeId === place.id);
      const latest = balances[0];
      const baseMinor = latest
        ? baseMinorOrNull(latest.amountMinor, latest.currency, baseCurrency, latest.date, rates)
        : null;
      return {
        place,
        balances,
        baseMinor,
        missingRate: latest !== undefined && baseMinor === null,
      };
    });
}
