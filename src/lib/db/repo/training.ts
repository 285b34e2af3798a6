import {
  AnyamError,
  type BaseRecord,
  type CurrencyCode,
  type IsoDate,
  type MinorUnits,
  type Training,
} from '../../domain/model';
import { validateRecord } from '../../domain/schema';
import { getDb, type AnyamDatabase } from '../database';
import {
  baseFields,
  definedOnly,
  nowIso,
  requireDeleted,
  requireLive,
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

async function assertLiveMember(db: AnyamDatabase, memberId: string): Promise<void> {
  const member = await db.members.get(memberId);
  if (!member || member.deletedAt !== null) {
    throw new AnyamError('training/unknown-member', { memberId });
  }
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
  return writeTransaction(['training', 'members'], async (db) => {
    const before = await requireDeleted(db.training, id, 'training/not-found');
    await assertLiveMember(db, before.memberId);
    const restored = { ...before, deletedAt: null, updatedAt: nowIso() };
    await db.training.put(restored);
    return restored;
  });
}

/** Live training records, newest first, of one member or of everyone. */
export async function listTraining(options: { memberId?: string } = {}): Promise<Training[]> {
  const table = getDb().training;
  const rows =
    options.memberId === undefined
      ? await table.toArray()
      : await table.where('memberId').equals(options.memberId).toArray();
  return rows
    .filter((t) => t.deletedAt === null)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}
