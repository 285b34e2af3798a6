/**
 * Exact arithmetic on integer minor units: sums, differences, scaling with an explicit rounding,
 * and conversion between currencies through one BigInt fraction. A sum or a difference of
 * `MinorUnits` is a plain `number` to TypeScript; these helpers give it back its unit after
 * checking it is still a safe integer, so no caller needs a cast.
 */
import { AnyamError, type MinorUnits } from './model';
import { currencyExponent, isValidRateValue, MAX_MINOR } from './money';
import { minor } from './units';

const MAX_MINOR_BIG = BigInt(MAX_MINOR);

/** The sum of `amounts` (0 when empty); money/invalid if it leaves the safe integers. */
export function sumMinor(amounts: Iterable<MinorUnits>): MinorUnits {
  let total = 0;
  for (const amount of amounts) total += amount;
  return minor(total);
}

/** a + b. */
export function addMinor(a: MinorUnits, b: MinorUnits): MinorUnits {
  return minor(a + b);
}

/** a − b (negative when b is larger: a shortfall). */
export function subMinor(a: MinorUnits, b: MinorUnits): MinorUnits {
  return minor(a - b);
}

/**
 * `amount × factor` rounded to whole minor units by `rounding` (Math.round, Math.floor,
 * Math.ceil or Math.trunc): the caller says which way a fraction of a sen goes.
 */
export function scaleMinor(
  amount: MinorUnits,
  factor: number,
  rounding: (x: number) => number,
): MinorUnits {
  // + 0 turns a rounded −0 into 0, which is what gets stored.
  return minor(rounding(amount * factor) + 0);
}

/** value: base-currency MAJOR units per 1 MAJOR unit of `currency`, e.g. '16250.5'. */
export interface RateLike {
  currency: string;
  date: string;
  value: string;
}

/**
 * The latest rate of `currency` dated on or before `date`; among rates of the same date the last
 * one in the array wins. Soft-deleted rows (a truthy `deletedAt`) are never in force.
 */
export function rateInForce<T extends RateLike>(
  rates: readonly T[],
  currency: string,
  date: string,
): T | null {
  let best: T | null = null;
  for (const rate of rates) {
    if (rate.currency !== currency || rate.date > date) continue;
    if ((rate as { deletedAt?: unknown }).deletedAt) continue;
    if (best === null || rate.date >= best.date) best = rate;
  }
  return best;
}

/**
 * amountMinor of `fromCurrency` -> minor units of `toCurrency`, where rateValue is `toCurrency`
 * major units per `fromCurrency` major unit. Computed as one exact fraction and rounded once,
 * half away from zero, so -0.5 and 0.5 round symmetrically. Results above MAX_MINOR are
 * money/too-large: they could not be stored or summed safely.
 */
export function convertMinor(
  amountMinor: number,
  fromCurrency: string,
  toCurrency: string,
  rateValue: string,
): MinorUnits {
  minor(amountMinor);
  if (!isValidRateValue(rateValue))
    throw new AnyamError('rate/invalid-value', { value: rateValue });
  const shiftBy = currencyExponent(toCurrency) - currencyExponent(fromCurrency);
  const [intPart = '', fracPart = ''] = rateValue.split('.');
  const scale = shiftBy - fracPart.length;

  let numerator = BigInt(amountMinor) * BigInt(intPart + fracPart);
  let denominator = 1n;
  if (scale >= 0) numerator *= 10n ** BigInt(scale);
  else denominator = 10n ** BigInt(-scale);

  const negative = numerator < 0n;
  const abs = negative ? -numerator : numerator;
  let quotient = abs / denominator;
  if ((abs % denominator) * 2n >= denominator) quotient += 1n;
  if (quotient > MAX_MINOR_BIG) {
    throw new AnyamError('money/too-large', { amountMinor, fromCurrency, toCurrency });
  }
  return minor(negative && quotient !== 0n ? -Number(quotient) : Number(quotient));
}

/** The amount in base currency with the rate in force on `date`; rate/missing when none. */
export function toBaseMinor(
  amountMinor: MinorUnits,
  currency: string,
  baseCurrency: string,
  date: string,
  rates: readonly RateLike[],
): MinorUnits {
  if (currency === baseCurrency) return amountMinor;
  const rate = rateInForce(rates, currency, date);
  if (!rate) throw new AnyamError('rate/missing', { currency, date });
  return convertMinor(amountMinor, currency, baseCurrency, rate.value);
}
