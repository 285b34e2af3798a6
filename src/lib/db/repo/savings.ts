import type { BaseRecord, CurrencyCode, IsoDate, MinorUnits, Saving } from '../../domain/model';
import { validateRecord } from '../../domain/schema';
import { getDb } from '../database';
import { baseFields, definedOnly, nowIso, requireLive, restoreIn, softDeleteIn } from './record';
import { writeTransaction } from './transaction';

export interface SavingInput extends Partial<BaseRecord> {
  date: IsoDate;
  amountMinor: MinorUnits;
  currency: CurrencyCode;
  note?: string;
  isSample?: boolean;
}

export type SavingPatch = Partial<Pick<Saving, 'date' | 'amountMinor' | 'currency' | 'note'>>;

function checked(saving: Saving): Saving {
  return validateRecord('savings', saving);
}

export async function addSaving(input: SavingInput): Promise<Saving> {
  const saving = checked({
    ...baseFields(input),
    date: input.date,
    amountMinor: input.amountMinor,
    currency: input.currency,
    note: input.note ?? '',
    isSample: input.isSample ?? false,
  });
  return writeTransaction(['savings'], async (db) => {
    await db.savings.add(saving);
    return saving;
  });
}

export async function updateSaving(id: string, patch: SavingPatch): Promise<Saving> {
  return writeTransaction(['savings'], async (db) => {
    const before = await requireLive(db.savings, id, 'saving/not-found');
    const after = checked({ ...before, ...definedOnly(patch), updatedAt: nowIso() });
    await db.savings.put(after);
    return after;
  });
}

export async function deleteSaving(id: string): Promise<Saving> {
  return writeTransaction(['savings'], (db) => softDeleteIn(db.savings, id, 'saving/not-found'));
}

export async function restoreSaving(id: string): Promise<Saving> {
  return writeTransaction(['savings'], (db) => restoreIn(db.savings, id, 'saving/not-found'));
}

/** Live snapshots, oldest first (read through the `date` index). */
export async function listSavings(): Promise<Saving[]> {
  const rows = await getDb().savings.orderBy('date').toArray();
  return rows.filter((s) => s.deletedAt === null);
}

/** The most recent live snapshot: the buffer the resilience score uses. */
export async function latestSaving(): Promise<Saving | undefined> {
  return getDb()
    .savings.orderBy('date')
    .reverse()
    .filter((s) => s.deletedAt === null)
    .first();
}
