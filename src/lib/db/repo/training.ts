import {
  type BaseRecord,
  type CurrencyCode,
  type IsoDate,
  type MinorUnits,
  type Training,
} from '../../domain/model';
import { compareIso } from '../../domain/dates';
import { validateRecord } from '../../domain/schema';
import { getDb, type AnyamDatabase } from '../database';
import {
  baseFields,
  definedOnly,
  nowIso,
  requireLive,
  requireLiveMember,
  restoreIn,
  softDeleteIn,
} from './record';
import { writeTransaction } from './transaction';

export interface TrainingInput extends Partial<BaseRecord> {
  memberId: string;
  title: string;
  date: IsoDate;
  hours?: number;
  costMinor?: MinorUnits;
  currency: CurrencyCode;
  note?: string;
  isSample?: boolean;
}

export type TrainingPatch = Partial<
  Pick<Training, 'memberId' | 'title' | 'date' | 'hours' | 'costMinor' | 'currency' | 'note'>
>;

function checked(training: Training): Training {
  return validateRecord('training', training);
}

function assertLiveMember(db: AnyamDatabase, memberId: string): Promise<void> {
  return requireLiveMember(db.members, memberId, 'training/unknown-member');
}

export async function addTraining(input: TrainingInput): Promise<Training> {
  const training = checked({
    ...baseFields(input),
    memberId: input.memberId,
    title: input.title,
    date: input.date,
    hours: input.hours ?? 0,
    costMinor: input.costMinor ?? 0,
    currency: input.currency,
    note: input.note ?? '',
    isSample: input.isSample ?? false,
  });
  return writeTransaction(['training', 'members'], async (db) => {
    await assertLiveMember(db, training.memberId);
    await db.training.add(training);
    return training;
  });
}

export async function updateTraining(id: string, patch: TrainingPatch): Promise<Training> {
  return writeTransaction(['training', 'members'], async (db) => {
    const before = await requireLive(db.training, id, 'training/not-found');
    const after = checked({ ...before, ...definedOnly(patch), updatedAt: nowIso() });
    if (after.memberId !== before.memberId) await assertLiveMember(db, after.memberId);
    await db.training.put(after);
    return after;
  });
}

export async function deleteTraining(id: string): Promise<Training> {
  return writeTransaction(['training'], (db) =>
    softDeleteIn(db.training, id, 'training/not-found'),
  );
}

/** Undoes `deleteTraining`; the member must still be live. */
export async function restoreTraining(id: string): Promise<Training> {
  return writeTransaction(['training', 'members'], (db) =>
    restoreIn(db.training, id, 'training/not-found', {
      check: (before) => assertLiveMember(db, before.memberId),
    }),
  );
}

/**
 * The order training records are listed in, a consistent total order: the newest date first.
 * Records of one date compare equal (0), so the stable sort keeps the id order they are read in
 * (the table's, or the member index's, which orders one member's records by id).
 */
export function compareTraining(a: Training, b: Training): number {
  return compareIso(b.date, a.date);
}

/** Live training records, newest first, of one member or of everyone. */
export async function listTraining(options: { memberId?: string } = {}): Promise<Training[]> {
  const table = getDb().training;
  const rows =
    options.memberId === undefined
      ? await table.toArray()
      : await table.where('memberId').equals(options.memberId).toArray();
  return rows.filter((t) => t.deletedAt === null).sort(compareTraining);
}
