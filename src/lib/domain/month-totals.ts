/**
 * A month's entries summed once in the base currency (each converted with the rate in force on
 * its own date), with the amounts per currency beside it and the entries no rate converts
 * counted apart: never left out silently, never counted as zero.
 */
import { baseMinorOrNull, liveRates, type RateRecordLike } from './base-amount';
import type { CurrencyCode, Entry } from './model';

export interface CurrencyTotal {
  currency: CurrencyCode;
  receivedMinor: number;
  pendingMinor: number;
}

export interface MonthTotals {
  /** In the base currency, over the entries that convert. */
  receivedMinor: number;
  pendingMinor: number;
  /** Entries with no rate in force on their date (left out of the two sums above). */
  missingRateCount: number;
  /** Per currency, base currency first, then by code. */
  byCurrency: CurrencyTotal[];
}

type EntryLike = Pick<Entry, 'amountMinor' | 'currency' | 'date' | 'status'>;

/** The currencies' order, a consistent total order: `base` first, then the others by code. */
export function compareCurrencies(a: CurrencyCode, b: CurrencyCode, base: CurrencyCode): number {
  const ra = a === base ? 0 : 1;
  const rb = b === base ? 0 : 1;
  if (ra !== rb) return ra - rb;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function monthTotals(
  entries: readonly EntryLike[],
  baseCurrency: CurrencyCode,
  rates: readonly RateRecordLike[],
): MonthTotals {
  const live = liveRates(rates);
  const totals: MonthTotals = {
    receivedMinor: 0,
    pendingMinor: 0,
    missingRateCount: 0,
    // Stryker disable next-line ArrayDeclaration: byCurrency is replaced by the sorted list below before it is returned
    byCurrency: [],
  };
  const byCurrency = new Map<CurrencyCode, CurrencyTotal>();
  for (const e of entries) {
    let own = byCurrency.get(e.currency);
    if (!own) {
      own = { currency: e.currency, receivedMinor: 0, pendingMinor: 0 };
      byCurrency.set(e.currency, own);
    }
    const base = baseMinorOrNull(e.amountMinor, e.currency, baseCurrency, e.date, live);
    if (e.status === 'received') own.receivedMinor += e.amountMinor;
    else own.pendingMinor += e.amountMinor;
    if (base === null) totals.missingRateCount += 1;
    else if (e.status === 'received') totals.receivedMinor += base;
    else totals.pendingMinor += base;
  }
  totals.byCurrency = [...byCurrency.values()].sort((a, b) =>
    compareCurrencies(a.currency, b.currency, baseCurrency),
  );
  return totals;
}
