/**
 * The exchange rates a sample household carries: approximate market rates over its three rate
 * periods, written as a person would write them.
 */
import type { IsoDate } from './model';

/** US dollars per unit over the sample's three rate periods (approximate market rates, 2025–26). */
const USD_PER_UNIT: Readonly<Record<string, readonly [number, number, number]>> = {
  USD: [1, 1, 1],
  IDR: [1 / 15_850, 1 / 16_240, 1 / 16_410],
  PHP: [1 / 56.4, 1 / 57.85, 1 / 58.3],
  VND: [1 / 24_850, 1 / 25_410, 1 / 26_120],
};

/**
 * A rate written as a person would write it: whole units when one unit is worth a hundred or
 * more ("25410"), two decimals from 1 ("58.30" → "58.3"), four significant digits below 1
 * ("0.6395"), never exponent notation.
 */
export function sensibleRate(value: number): string {
  const decimals =
    value >= 100 ? 0 : value >= 1 ? 2 : Math.max(2, 3 - Math.floor(Math.log10(value)));
  const text = value.toFixed(decimals);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/**
 * The rates the sample needs in the household's own base currency: one for each of `needed`
 * that is not the base. For a base currency outside this table the months stay flagged until the
 * person adds rates, which is what Anyam does for any currency without a rate.
 */
export function sampleRates(
  baseCurrency: string,
  needed: readonly string[],
  dates: readonly IsoDate[],
): { currency: string; date: IsoDate; value: string }[] {
  const baseRates = USD_PER_UNIT[baseCurrency];
  if (!baseRates) return [];
  const out: { currency: string; date: IsoDate; value: string }[] = [];
  for (const currency of needed) {
    if (currency === baseCurrency) continue;
    dates.forEach((date, i) => {
      const value = USD_PER_UNIT[currency]![i]! / baseRates[i]!;
      out.push({ currency, date, value: sensibleRate(value) });
    });
  }
  return out;
}
