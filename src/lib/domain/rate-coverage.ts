/**
 * Which entries of a foreign currency an exchange rate covers. A rate is in force from its date
 * until the next rate of the same currency (money.ts rateInForce), so the entries no rate covers
 * are exactly those dated before the currency's first rate, and a rate dated D converts the
 * entries from D up to (not including) the next later rate.
 *
 * Entry dates come in as one currency's live entry dates, sorted ascending (the repository reads
 * them from the [currency+date] index); rate dates as that currency's live rates.
 */
import type { IsoDate } from './model';

/** The entries of one currency that no rate converts. */
export interface Uncovered {
  count: number;
  /** The first and last uncovered entry dates; null when count is 0. */
  earliest: IsoDate | null;
  latest: IsoDate | null;
  /** The currency's first rate date, which the uncovered entries all precede; null when none. */
  firstRate: IsoDate | null;
}

/** Index of the first date in sorted `dates` that is >= `date` (binary search). */
function lowerBound(dates: readonly IsoDate[], date: IsoDate): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid]! < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function minDate(dates: readonly IsoDate[]): IsoDate | null {
  let min: IsoDate | null = null;
  for (const d of dates) if (min === null || d < min) min = d;
  return min;
}

/** The entries (sorted dates) dated before every rate: those with no rate in force. */
export function uncoveredEntries(
  entryDates: readonly IsoDate[],
  rateDates: readonly IsoDate[],
): Uncovered {
  const firstRate = minDate(rateDates);
  const count = firstRate === null ? entryDates.length : lowerBound(entryDates, firstRate);
  return {
    count,
    earliest: count > 0 ? entryDates[0]! : null,
    latest: count > 0 ? entryDates[count - 1]! : null,
    firstRate,
  };
}

/** The earliest entry no rate covers, or null when every entry has a rate. */
export function earliestUncovered(
  entryDates: readonly IsoDate[],
  rateDates: readonly IsoDate[],
): IsoDate | null {
  return uncoveredEntries(entryDates, rateDates).earliest;
}

/**
 * How many entries a rate dated `date` converts, given the currency's OTHER live rates (leave the
 * rate being edited out of `otherRateDates`): the entries from `date` until the next later rate.
 * A rate on the same date as another one is counted as the one in force.
 */
export function entriesConverted(
  entryDates: readonly IsoDate[],
  otherRateDates: readonly IsoDate[],
  date: IsoDate,
): number {
  let next: IsoDate | null = null;
  for (const d of otherRateDates) if (d > date && (next === null || d < next)) next = d;
  const from = lowerBound(entryDates, date);
  const to = next === null ? entryDates.length : lowerBound(entryDates, next);
  return Math.max(to - from, 0);
}

/** "Add rate" starts on the earliest uncovered entry, so that it covers it; else on today. */
export function defaultRateDate(
  entryDates: readonly IsoDate[],
  rateDates: readonly IsoDate[],
  today: IsoDate,
): IsoDate {
  return earliestUncovered(entryDates, rateDates) ?? today;
}

/**
 * The date a rate typed in quick add is stored from: the new entry's own date, or an earlier
 * uncovered entry's date, so that one rate covers every entry still waiting for one.
 */
export function promptRateDate(
  entryDate: IsoDate,
  entryDates: readonly IsoDate[],
  rateDates: readonly IsoDate[],
): IsoDate {
  const earliest = earliestUncovered(entryDates, rateDates);
  return earliest !== null && earliest < entryDate ? earliest : entryDate;
}

/** How many entries dated before `date` no rate covers. */
export function uncoveredBefore(
  entryDates: readonly IsoDate[],
  rateDates: readonly IsoDate[],
  date: IsoDate,
): number {
  const first = minDate(rateDates);
  return lowerBound(entryDates, first !== null && first < date ? first : date);
}
