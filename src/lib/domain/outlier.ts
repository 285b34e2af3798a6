/**
 * "Are you sure?" for a slip of the thumb: an amount far from what a stream usually pays.
 * The usual amount is usual-amount.ts's, the very one quick add's chip shows: the median of the
 * stream's entries of the last 6 months, or its expected amount while fewer than 3 entries say
 * what is usual. Nothing usual (no history, no expected amount) never warns.
 */
import type { IsoDate, MinorUnits } from './model';
import {
  medianMinor,
  USUAL_MIN_ENTRIES,
  USUAL_WINDOW_MONTHS,
  usualAmount,
  usualWindowStart,
  type AmountOnDate,
  type UsualAmount,
} from './usual-amount';

export { medianMinor, type AmountOnDate };

/** How far from the usual amount, either way, before the form asks. */
export const OUTLIER_FACTOR = 10;
/** Fewer entries than this in the window: the expected amount is the usual one. */
export const OUTLIER_MIN_ENTRIES = USUAL_MIN_ENTRIES;
/** The window the usual amount is taken from, in months. */
export const OUTLIER_WINDOW_MONTHS = USUAL_WINDOW_MONTHS;
/** The first day of the window ending on `today`. */
export const outlierWindowStart = usualWindowStart;

export interface Outlier {
  /** The stream's usual amount (usual-amount.ts), in minor units. */
  usualMinor: MinorUnits;
  /** amount ÷ usual (above 1 for too much, below 1 for too little). */
  ratio: number;
  direction: 'over' | 'under';
}

/** Whether `amountMinor` is more than 10× or less than 1/10 of `usual`; null when not. */
export function outlierFrom(amountMinor: MinorUnits, usual: UsualAmount | null): Outlier | null {
  if (usual === null) return null;
  const usualMinor = usual.amountMinor;
  // A stream that usually pays nothing has no scale to compare with.
  if (usualMinor <= 0 || amountMinor < 0) return null;
  const ratio = amountMinor / usualMinor;
  if (ratio > OUTLIER_FACTOR) return { usualMinor, ratio, direction: 'over' };
  if (ratio < 1 / OUTLIER_FACTOR) return { usualMinor, ratio, direction: 'under' };
  return null;
}

/**
 * Whether `amountMinor` is far from the stream's usual amount on `today`, from `history` (the
 * stream's live entries in the amount's currency) and its expected amount in that currency.
 */
export function outlierOf(
  amountMinor: MinorUnits,
  history: readonly AmountOnDate[],
  today: IsoDate,
  expectedMinor: MinorUnits | null = null,
): Outlier | null {
  return outlierFrom(amountMinor, usualAmount(history, today, expectedMinor));
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
