/**
 * What reached the household of one entry, in the base currency: the one function every
 * "received" figure comes from (Pay per hour on money received, what a payout loses, the income
 * statement's "received, net of fees where known").
 *
 * The rule (docs/resilience.md, "Money received"):
 * - an entry whose arrival says the amount that landed (`arrival.landedMinor`, in the place's
 *   currency): that amount, converted with the rate in force on the day it landed. The landed
 *   amount is what the place shows, so every fee is already out of it: fees are not taken again;
 * - else the entry's own amount at the rate in force on the day it was earned (the dated rate
 *   every other figure uses), minus the fees its arrival names (`arrival.feeMinor`, in the
 *   entry's currency), when they are known;
 * - null when the rate needed is missing (never a silent zero).
 * Pure: integer minor units, one rounding per conversion (money-math.ts).
 */
import { baseMinorOrNull } from './base-amount';
import type { RateLike } from './money-math';
import type { CurrencyCode, Entry, MinorUnits } from './model';
import { minor } from './units';

export function receivedBaseMinor(
  entry: Pick<Entry, 'amountMinor' | 'currency' | 'date' | 'arrival'>,
  rates: readonly RateLike[],
  baseCurrency: CurrencyCode,
): MinorUnits | null {
  const arrival = entry.arrival;
  if (arrival && arrival.landedMinor !== null && arrival.landedCurrency !== null) {
    return baseMinorOrNull(
      arrival.landedMinor,
      arrival.landedCurrency,
      baseCurrency,
      arrival.on,
      rates,
    );
  }
  const net = minor(Math.max(0, entry.amountMinor - (arrival?.feeMinor ?? 0)));
  return baseMinorOrNull(net, entry.currency, baseCurrency, entry.date, rates);
}

/** Whether `receivedBaseMinor` of the entry comes from the amount that landed. */
export function isLandedKnown(entry: Pick<Entry, 'arrival'>): boolean {
  return entry.arrival != null && entry.arrival.landedMinor !== null;
}
