/**
 * A stream's usual amount: one definition, used by quick add's chip ("Usual: IDR 5,200,000")
 * and by the far-from-usual warning (domain/outlier.ts), so the form can never show two
 * "usual" amounts.
 *
 * Why this definition: what a stream actually paid lately says best what it pays next, and what
 * a slip of the thumb should be measured against. So the usual amount is the median of the
 * stream's entries of the last 6 months (in its currency): a median ignores the one odd payout
 * (a bonus, a short week) that a mean would drag along. With fewer than 3 such entries, a
 * median says nothing yet, and the expected amount the household typed for the stream stands in
 * for it. With neither there is no usual amount (no chip, no warning).
 */
import { addDaysIso } from './dates';
import type { IsoDate, MinorUnits } from './model';
import { scaleMinor, sumMinor } from './money-math';
import { isoDate } from './units';

/** Fewer entries than this in the window: the expected amount stands in for the median. */
export const USUAL_MIN_ENTRIES = 3;
/** The window the usual amount is taken from, in months. */
export const USUAL_WINDOW_MONTHS = 6;

export interface AmountOnDate {
  date: IsoDate;
  amountMinor: MinorUnits;
}

export interface UsualAmount {
  amountMinor: MinorUnits;
  /** `recent`: the median of the window's entries; `expected`: the stream's expected amount. */
  basis: 'recent' | 'expected';
}

/** The first day of the window ending on `today`: 6 calendar months back (the day after). */
export function usualWindowStart(today: IsoDate): IsoDate {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - USUAL_WINDOW_MONTHS;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  // The same day 6 months back, clamped to that month's length (31 Aug → 28/29 Feb).
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const sameDay = `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, days)).padStart(2, '0')}`;
  return addDaysIso(isoDate(sameDay), 1);
}

/** The median of integer amounts (the mean of the middle two for an even count, rounded). */
export function medianMinor(amounts: readonly MinorUnits[]): MinorUnits {
  const sorted = [...amounts].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[mid]!
    : scaleMinor(sumMinor([sorted[mid - 1]!, sorted[mid]!]), 1 / 2, Math.round);
}

/**
 * The usual amount on `today` from `history` (the stream's live entries in one currency; those
 * outside the window ending on `today` are ignored) and `expectedMinor` (the stream's expected
 * amount in that same currency, 0 or null for none). Null when nothing is usual yet.
 */
export function usualAmount(
  history: readonly AmountOnDate[],
  today: IsoDate,
  expectedMinor: MinorUnits | null = null,
): UsualAmount | null {
  const from = usualWindowStart(today);
  const recent = history.filter((e) => e.date >= from && e.date <= today).map((e) => e.amountMinor);
  if (recent.length >= USUAL_MIN_ENTRIES) {
    return { amountMinor: medianMinor(recent), basis: 'recent' };
  }
  if (expectedMinor !== null && expectedMinor > 0) {
    return { amountMinor: expectedMinor, basis: 'expected' };
  }
  return null;
}
