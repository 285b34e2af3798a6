import {
  AnyamError,
  type BaseRecord,
  type IsoDate,
  type MinorUnits,
  type Place,
  type Saving,
} from '../../domain/model';
import { checkBalance } from '../../domain/places';
import { validateRecord } from '../../domain/schema';
import { getDb, type AnyamDatabase } from '../database';
import { baseFields, definedOnly, nowIso, requireLive, restoreIn, softDeleteIn } from './record';
import { writeTransaction } from './transaction';

/** A dated balance of a place; its currency is the place's. */
export interface SavingInput extends Partial<BaseRecord> {
  placeId: string;
  date: IsoDate;
  amountMinor: MinorUnits;
  note?: string;
  isSample?: boolean;
}

export type SavingPatch = Partial<Pick<Saving, 'date' | 'amountMinor' | 'note'>>;

const SAVING_STORES = ['savings', 'places'] as const;

async function livePlace(db: AnyamDatabase, placeId: string): Promise<Place> {
  const place = await db.places.get(placeId);
  if (!place || place.deletedAt !== null) throw new AnyamError('saving/unknown-place', { placeId });
  return place;
}

function checked(saving: Saving, place: Place): Saving {
  const valid = validateRecord('savings', saving);
  checkBalance(place.kind, valid.amountMinor);
  return valid;
}

export async function addSaving(input: SavingInput): Promise<Saving> {
  return writeTransaction(SAVING_STORES, async (db) => {
    const place = await livePlace(db, input.placeId);
    const saving = checked(
      {
        ...baseFields(input),
        placeId: place.id,
        date: input.date,
        amountMinor: input.amountMinor,
        currency: place.currency,
        note: input.note ?? '',
        isSample: input.isSample ?? false,
      },
      place,
    );
    await db.savings.add(saving);
    return saving;
  });
}

export async function updateSaving(id: string, patch: SavingPatch): Promise<Saving> {
  return writeTransaction(SAVING_STORES, async (db) => {
    const before = await requireLive(db.savings, id, 'saving/not-found');
    const place = await livePlace(db, before.placeId);
    const after = checked({ ...before, ...definedOnly(patch), updatedAt: nowIso() }, place);
    await db.savings.put(after);
    return after;
  });
}

export async function deleteSaving(id: string): Promise<Saving> {
  return writeTransaction(['savings'], (db) => softDeleteIn(db.savings, id, 'saving/not-found'));
}

export async function restoreSaving(id: string): Promise<Saving> {
  return writeTransaction(SAVING_STORES, async (db) => {
    const row = await db.savings.get(id);
    if (row) await livePlace(db, row.placeId);
    return restoreIn(db.savings, id, 'saving/not-found');
  });
}

/** Live balances of every place, oldest first (read through the `date` index). */
export async function listSavings(): Promise<Saving[]> {
  const rows = await getDb().savings.orderBy('date').toArray();
  return rows.filter((s) => s.deletedAt === null);
}

/** The most recent live balance of any place. */
export async function latestSaving(): Promise<Saving | undefined> {
  return getDb()
    .savings.orderBy('date')
    .reverse()
    .filter((s) => s.deletedAt === null)
    .first();
}
