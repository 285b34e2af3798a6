import type { Transaction } from 'dexie';
import { migratedPlace } from '../../domain/places';
import type { Migration } from './types';

/**
 * Savings places (schema version 3, after version 2's payments and skips).
 *
 * A household keeps money in several places (cash, a bank, an e-wallet, a savings group), each
 * with its own dated balances. `places` is a new table of tens of rows, read whole. Balances stay
 * in `savings` (a row gains `placeId`): the snapshots of earlier versions become the balances
 * of one place called "Savings", so the buffer they gave is unchanged (domain/savings.ts).
 */
export const v3: Migration = {
  version: 3,
  stores: {
    places: 'id',
  },
  async upgrade(tx: Transaction) {
    const savings = tx.table('savings');
    const snapshots = (await savings.toArray()) as {
      createdAt: string;
      updatedAt: string;
      currency: string;
      date: string;
      isSample?: boolean;
    }[];
    const settings = (await tx.table('settings').toArray()) as { baseCurrency?: string }[];
    const place = migratedPlace(snapshots, settings[0]?.baseCurrency ?? '');
    if (!place) return;
    await tx.table('places').add(place);
    // updatedAt is left alone: the move into a place is the upgrade's, not an edit that should
    // win a merge against the same snapshot on another phone.
    await savings.toCollection().modify((row: Record<string, unknown>) => {
      row.placeId = place.id;
    });
  },
};
