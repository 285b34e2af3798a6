/**
 * "Are you sure?" for a slip of the thumb: an amount far from what a stream usually pays.
 * The usual amount is the median of the stream's entries (same currency) of the last 6 months:
 * a median ignores the one odd payout that a mean would drag along. Too little history (fewer
 * than 3 entries) never warns, since one or two payouts say nothing about what is usual.
 */
import { addDaysIso } from './dates';
import type { IsoDate, MinorUnits } from './model';

/** How far from the usual amount, either way, before the form asks. */
export const OUTLIER_FACTOR = 10;
/** Fewer entries than this in the window never warn. */
export const OUTLIER_MIN_ENTRIES = 3;
/** The window the usual amount is taken from, in months. */
export const OUTLIER_WINDOW_MONTHS = 6;

export interface AmountOnDate {
  date: IsoDate;
  amountMinor: MinorUnits;
}

export interface Outlier {
  /** The stream's usual amount: the median of the window, in minor units. */
  usualMinor: MinorUnits;
  /** amount ÷ usual (above 1 for too much, below 1 for too little). */
  ratio: number;
  direction: 'over' | 'under';
}

/** The first day of the window ending on `today`: 6 calendar months back (the day after). */
export function outlierWindowStart(today: IsoDate): IsoDate {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - OUTLIER_WINDOW_MONTHS;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  // The same day 6 months back, clamped to that month's length (31 Aug → 28/29 Feb).
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const sameDay = `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, days)).padStart(2, '0')}`;
  return addDaysIso(sameDay, 1);
}

/** The median of integer amounts (the mean of the middle two for an even count, rounded). */
export function medianMinor(amounts: readonly MinorUnits[]): MinorUnits {
  const sorted = [...amounts].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

/**
 * Whether `amountMinor` is more than 10× or less than 1/10 of the stream's usual amount, from
 * `history` (the stream's live entries in the amount's currency; any dates, those outside the
 * window ending on `today` are ignored). Null when it is not, or when nothing is usual yet.
 */
export function outlierOf(
  amountMinor: MinorUnits,
  history: readonly AmountOnDate[],
  today: IsoDate,
): Outlier | null {
  const from = outlierWindowStart(today);
  const recent = history.filter((e) => e.date >= from && e.date <= today).map((e) => e.amountMinor);
  if (recent.length < OUTLIER_MIN_ENTRIES) return null;
  const usualMinor = medianMinor(recent);
  // A stream that usually pays nothing has no scale to compare with.
  if (usualMinor <= 0 || amountMinor < 0) return null;
  const ratio = amountMinor / usualMinor;
  if (ratio > OUTLIER_FACTOR) return { usualMinor, ratio, direction: 'over' };
  if (ratio < 1 / OUTLIER_FACTOR) return { usualMinor, ratio, direction: 'under' };
  return null;
}

/** The ratio as people say it: "about 40 times", "about 1/25". Never less than 2. */
export function roundedFactor(outlier: Outlier): number {
  const factor = outlier.direction === 'over' ? outlier.ratio : 1 / outlier.ratio;
  if (!Number.isFinite(factor)) return Infinity;
  // Two significant figures: 40, 250, 1,300 — "about" means no one needs 41.7.
  const digits = Math.max(0, Math.floor(Math.log10(factor)) - 1);
  const step = 10 ** digits;
  return Math.max(2, Math.round(factor / step) * step);
}
