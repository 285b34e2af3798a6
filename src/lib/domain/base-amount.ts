/**
 * Conversion to the base currency that reports a missing rate as `null` instead of throwing, for
 * the analytics that must list what they could not convert ("never silently counted as zero").
 */
import { rateInForce, toBaseMinor, type RateLike } from './money-math';
import type { CurrencyCode, IsoDate, MinorUnits } from './model';

/** A stored rate may carry a soft-delete mark; plain `RateLike`s (tests, imports) need not. */
export type RateRecordLike = RateLike & { deletedAt?: string | null };

/** The rates that are in use: soft-deleted ones never convert anything. */
export function liveRates<T extends RateRecordLike>(rates: readonly T[]): T[] {
  return rates.filter((r) => r.deletedAt == null);
}

/**
 * `amountMinor` in base-currency minor units with the rate in force on `date` (money.ts does the
 * integer arithmetic and the single rounding), or null when no rate is in force on that date, or
 * when there is no base currency yet ('').
 */
export function baseMinorOrNull(
  amountMinor: MinorUnits,
  currency: CurrencyCode,
  baseCurrency: CurrencyCode,
  date: IsoDate,
  rates: readonly RateLike[],
): MinorUnits | null {
  if (currency === baseCurrency) return amountMinor;
  // No base currency yet (before settings exist): no rate applies, not even a stored one.
  if (baseCurrency === '') return null;
  const rate = rateInForce(rates, currency, date);
  if (rate === null) return null;
  // Hand money.ts only the rate already found, so it does not search the list a second time.
  return toBaseMinor(amountMinor, currency, baseCurrency, date, [rate]);
}
