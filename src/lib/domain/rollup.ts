/**
 * Entries → rollup rows (one per stream, month, currency and status), the only income data the
 * dashboard reads. The db layer applies `entryDelta` inside the entry's own transaction; a rebuild
 * (or a rate change) recomputes everything with `rollupsFromEntries`.
 */
import { baseMinorOrNull, liveRates, type RateRecordLike } from './base-amount';
import { addMinor, scaleMinor } from './money-math';
import { monthOf } from './months';
import { minor } from './units';
import type { CurrencyCode, Entry, EntryStatus, MinorUnits, MonthKey, Rollup } from './model';

/** The primary key of a rollup row. */
export function rollupKey(
  streamId: string,
  month: MonthKey,
  currency: CurrencyCode,
  status: EntryStatus,
): string {
  return `${streamId}|${month}|${currency}|${status}`;
}

/** What one entry adds to (sign 1) or removes from (sign −1) its rollup row. */
export type RollupDelta = Rollup;

/**
 * The increments an entry makes to its rollup row. `baseMinor` is the entry converted with the
 * rate in force on its date, or null when there was none: then it counts as a missing rate and
 * adds nothing to `baseMinor` (never a silent zero: `missingRateCount` says so).
 */
export function entryDelta(entry: Entry, baseMinor: MinorUnits | null, sign: 1 | -1): RollupDelta {
  const month = monthOf(entry.date);
  return {
    key: rollupKey(entry.streamId, month, entry.currency, entry.status),
    streamId: entry.streamId,
    memberId: entry.memberId,
    month,
    currency: entry.currency,
    status: entry.status,
    amountMinor: scaleMinor(entry.amountMinor, sign, Math.round),
    baseMinor: scaleMinor(baseMinor ?? minor(0), sign, Math.round),
    missingRateCount: baseMinor === null ? sign : 0,
    paidMinutes: sign * entry.paidMinutes,
    unpaidMinutes: sign * entry.unpaidMinutes,
    count: sign,
  };
}

/**
 * The row after applying `delta` to `row` (undefined when the row does not exist yet), or null
 * when its count drops to 0 and the row must be deleted. Never mutates `row`.
 */
export function rollupWithDelta(row: Rollup | undefined, delta: RollupDelta): Rollup | null {
  const count = (row?.count ?? 0) + delta.count;
  if (count <= 0) return null;
  return {
    key: delta.key,
    streamId: delta.streamId,
    // A stream belongs to one member; the latest entry's member wins if it was ever reassigned.
    // Stryker disable next-line OptionalChaining: a removal from no row has count ≤ 0 and returned null above, so `row` exists here
    memberId: delta.count > 0 ? delta.memberId : (row?.memberId ?? delta.memberId),
    month: delta.month,
    currency: delta.currency,
    status: delta.status,
    amountMinor: addMinor(row?.amountMinor ?? minor(0), delta.amountMinor),
    baseMinor: addMinor(row?.baseMinor ?? minor(0), delta.baseMinor),
    missingRateCount: (row?.missingRateCount ?? 0) + delta.missingRateCount,
    paidMinutes: (row?.paidMinutes ?? 0) + delta.paidMinutes,
    unpaidMinutes: (row?.unpaidMinutes ?? 0) + delta.unpaidMinutes,
    count,
  };
}

/** An entry as stored, with its base amount (null: no rate in force on its date). */
export interface ConvertedEntry {
  entry: Entry;
  baseMinor: MinorUnits | null;
}

/**
 * The deltas of one write: create (previous null), edit (both) or delete (next null, or next
 * soft-deleted). A soft-deleted entry never counts, so restoring one adds it back. Apply each
 * with `rollupWithDelta` in the entry's own transaction.
 */
export function entryChangeDeltas(
  previous: ConvertedEntry | null,
  next: ConvertedEntry | null,
): RollupDelta[] {
  const deltas: RollupDelta[] = [];
  if (previous && previous.entry.deletedAt === null) {
    deltas.push(entryDelta(previous.entry, previous.baseMinor, -1));
  }
  if (next && next.entry.deletedAt === null) {
    deltas.push(entryDelta(next.entry, next.baseMinor, 1));
  }
  return deltas;
}

/** The entry's amount in base-currency minor units at the rate in force on its date, or null. */
export function entryBaseMinor(
  entry: Pick<Entry, 'amountMinor' | 'currency' | 'date'>,
  rates: readonly RateRecordLike[],
  baseCurrency: CurrencyCode,
): MinorUnits | null {
  return baseMinorOrNull(entry.amountMinor, entry.currency, baseCurrency, entry.date, rates);
}

/**
 * Every rollup row, recomputed from the entries (soft-deleted entries ignored), sorted by key.
 * Used by the rebuild and by tests as the truth the incremental path must agree with.
 */
export function rollupsFromEntries(
  entries: readonly Entry[],
  rates: readonly RateRecordLike[],
  baseCurrency: CurrencyCode,
): Rollup[] {
  const live = liveRates(rates);
  const rows = new Map<string, Rollup>();
  for (const entry of entries) {
    if (entry.deletedAt !== null) continue;
    const delta = entryDelta(entry, entryBaseMinor(entry, live, baseCurrency), 1);
    const next = rollupWithDelta(rows.get(delta.key), delta);
    if (next === null) rows.delete(delta.key);
    else rows.set(delta.key, next);
  }
  return [...rows.values()].sort(compareRollups);
}

/** The rows' order, a consistent total order: by key, as strings compare; one row per key. */
export function compareRollups(a: Rollup, b: Rollup): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

export {
  monthlyIncome,
  flaggedMonthsOf,
  type MonthlyIncome,
  type MonthlySeries,
  type FlaggedMonth,
} from './rollup-series';
