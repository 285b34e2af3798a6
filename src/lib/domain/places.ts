/**
 * Savings places: the rules of a balance, and the one place that schema version 3 (and a
 * version-1 backup) makes of the single savings snapshots that came before.
 */
import { compareIso } from './dates';
import { AnyamError, type MinorUnits, type Place, type PlaceKind } from './model';
import { parseMoney } from './money';
import { scaleMinor } from './money-math';
import { currencyCode } from './units';

/**
 * The id of the place "Savings" that the upgrade makes. Fixed, not random: two phones of one
 * household upgrade apart, and their backups then merge into one place instead of two.
 */
export const MIGRATED_PLACE_ID = '5a71e0b0-0000-4000-8000-000000000003';
export const MIGRATED_PLACE_NAME = 'Savings';

/** Only a place of kind 'other' (a debt, a loan) may be below zero. */
export function checkBalance(kind: PlaceKind, amountMinor: MinorUnits): void {
  if (amountMinor < 0 && kind !== 'other')
    throw new AnyamError('saving/negative-balance', { field: 'amount', kind });
}

interface SnapshotLike {
  createdAt: string;
  currency: string;
  date: string;
  updatedAt: string;
  isSample?: boolean;
}

/**
 * The place that holds every snapshot of a household from before places: named "Savings", in
 * the currency of its latest snapshot (else the base currency), of kind 'other' (nothing is
 * known of where the money is), dated like the oldest snapshot so that any edit made later on
 * either phone wins a merge. Null when there is no snapshot.
 */
export function migratedPlace(
  snapshots: readonly SnapshotLike[],
  baseCurrency: string,
): Place | null {
  if (snapshots.length === 0) return null;
  const byDate = [...snapshots].sort((a, b) => compareIso(a.date, b.date));
  const created = snapshots.reduce(
    (min, s) => (s.createdAt < min ? s.createdAt : min),
    snapshots[0]!.createdAt,
  );
  return {
    id: MIGRATED_PLACE_ID,
    createdAt: created,
    updatedAt: created,
    deletedAt: null,
    name: MIGRATED_PLACE_NAME,
    kind: 'other',
    // Stryker disable next-line OptionalChaining: `byDate` has a snapshot: none returned null above
    currency: currencyCode(byDate[byDate.length - 1]?.currency ?? baseCurrency),
    isSample: snapshots.every((s) => s.isSample === true),
  };
}

/**
 * A balance as typed: money as parseMoney reads it, with a leading minus for a debt ("-250.000").
 * Whether the place may hold a debt is `checkBalance`'s rule, checked when it is saved.
 */
export function parseBalance(input: string, currency: string, locale: string): MinorUnits {
  const trimmed = input.trim();
  const negative = /^[-\u2212]/.test(trimmed);
  const minor = parseMoney(negative ? trimmed.slice(1) : trimmed, currency, locale);
  return negative && minor !== 0 ? scaleMinor(minor, -1, Math.round) : minor;
}
