/**
 * The household's totals, and the rule that keeps every sum the app computes an exact integer:
 * a write may not raise a total past MAX_TOTAL_MINOR (money.ts). Totals come from the rollup
 * rows (months × streams), never from a read of every entry.
 */
import { AnyamError, type CurrencyCode } from './model';
import { MAX_TOTAL_MINOR } from './money';

export interface Totals {
  /** Sum of amountMinor per currency. */
  byCurrency: ReadonlyMap<CurrencyCode, number>;
  /** Sum of the base-currency amounts (entries with no rate add nothing). */
  base: number;
}

interface Summable {
  currency: CurrencyCode;
  amountMinor: number;
  baseMinor?: number;
}

export function totalsOf(rows: Iterable<Summable>): Totals {
  const byCurrency = new Map<CurrencyCode, number>();
  let base = 0;
  for (const row of rows) {
    byCurrency.set(row.currency, (byCurrency.get(row.currency) ?? 0) + row.amountMinor);
    base += row.baseMinor ?? 0;
  }
  return { byCurrency, base };
}

/**
 * Throws money/total-too-large (details: currency, limit) when a total of `after` is past the
 * limit and higher than it was `before`. A household already past the limit (written by an
 * older Anyam) can still delete or lower amounts; it can never grow further. When several are,
 * it names the first currency in code order, whatever order the rows came in: one file brings
 * one refusal however its import is cut into chunks.
 */
export function assertTotalsWithinLimit(
  before: Totals | null,
  after: Totals,
  baseCurrency: CurrencyCode,
): void {
  for (const currency of [...after.byCurrency.keys()].sort()) {
    const total = after.byCurrency.get(currency)!;
    if (total > MAX_TOTAL_MINOR && total > (before?.byCurrency.get(currency) ?? 0)) {
      throw new AnyamError('money/total-too-large', { currency, limit: MAX_TOTAL_MINOR });
    }
  }
  if (after.base > MAX_TOTAL_MINOR && after.base > (before?.base ?? 0)) {
    throw new AnyamError('money/total-too-large', {
      currency: baseCurrency,
      limit: MAX_TOTAL_MINOR,
      base: true,
    });
  }
}

/** Totals of the live plans per currency (plans have no base amount). */
export function planTotalsOf(
  plans: Iterable<{ currency: CurrencyCode; amountMinor: number; deletedAt: string | null }>,
): Totals {
  return totalsOf([...plans].filter((p) => p.deletedAt === null));
}
