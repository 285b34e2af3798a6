import type { BaseRecord, CurrencyCode, Place, PlaceKind } from '../../domain/model';
import { compareIso } from '../../domain/dates';
import { checkBalance } from '../../domain/places';
import { validateRecord } from '../../domain/schema';
import { getDb } from '../database';
import {
  baseFields,
  definedOnly,
  listSmall,
  nowIso,
  requireLive,
  restoreIn,
  softDeleteIn,
} from './record';
import { writeTransaction } from './transaction';

export interface PlaceInput extends Partial<BaseRecord> {
  name: string;
  kind: PlaceKind;
  currency: CurrencyCode;
  isSample?: boolean;
}

export type PlacePatch = Partial<Pick<Place, 'name' | 'kind' | 'currency'>>;

const PLACE_STORES = ['places', 'savings'] as const;

export async function addPlace(input: PlaceInput): Promise<Place> {
  const place = validateRecord('places', {
    ...baseFields(input),
    name: input.name,
    kind: input.kind,
    currency: input.currency,
    isSample: input.isSample ?? false,
  });
  return writeTransaction(['places'], async (db) => {
    await db.places.add(place);
    return place;
  });
}

/**
 * Renames a place or changes its kind or currency. A kind other than 'other' refuses to stand
 * over a negative balance; a new currency applies to the balances entered from now on (the old
 * ones keep the currency they were counted in).
 */
export async function updatePlace(id: string, patch: PlacePatch): Promise<Place> {
  return writeTransaction(PLACE_STORES, async (db) => {
    const before = await requireLive(db.places, id, 'place/not-found');
    const after = validateRecord('places', {
      ...before,
      ...definedOnly(patch),
      updatedAt: nowIso(),
    });
    if (after.kind !== before.kind) {
      const balances = await db.savings
        .filter((s) => s.placeId === id && s.deletedAt === null)
        .toArray();
      for (const b of balances) checkBalance(after.kind, b.amountMinor);
    }
    await db.places.put(after);
    return after;
  });
}

/**
 * Soft-deletes a place and its live balances with one timestamp, so that `restorePlace` brings
 * back exactly those (a deleted place's money no longer counts in the buffer).
 */
export async function deletePlace(id: string): Promise<Place> {
  return writeTransaction(PLACE_STORES, async (db) => {
    return softDeleteIn(db.places, id, 'place/not-found', {
      then: (_, __, now) =>
        db.savings
          .filter((s) => s.placeId === id && s.deletedAt === null)
          .modify({ deletedAt: now, updatedAt: now }),
    });
  });
}

export async function restorePlace(id: string): Promise<Place> {
  return writeTransaction(PLACE_STORES, async (db) => {
    return restoreIn(db.places, id, 'place/not-found', {
      then: (_, before, now) =>
        db.savings
          .filter((s) => s.placeId === id && s.deletedAt === before.deletedAt)
          .modify({ deletedAt: null, updatedAt: now }),
    });
  });
}

/**
 * The order places are listed in, a consistent total order: the one added first (earliest
 * `createdAt`) first. Two added in one millisecond compare equal (0), so the stable sort keeps the
 * table's id order.
 */
export function comparePlaces(a: Place, b: Place): number {
  return compareIso(a.createdAt, b.createdAt);
}

/** Live places in the order they were added. */
export async function listPlaces(): Promise<Place[]> {
  const rows = await listSmall(getDb().places);
  return rows.sort(comparePlaces);
}
