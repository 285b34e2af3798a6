import { addDaysIso } from '../../domain/dates';
import { AnyamError, type IsoDate, type Skip, type SkipKind } from '../../domain/model';
import { validateRecord } from '../../domain/schema';
import { getDb } from '../database';
import { baseFields, softDeleteIn } from './record';
import { writeTransaction } from './transaction';

/**
 * "Not this time" for one occurrence of a stream's pay day or of a plan. Skipping an occurrence
 * already skipped returns the skip it has. The stream or plan must be live
 * (`skip/unknown-source`).
 */
export async function skipOccurrence(
  kind: SkipKind,
  sourceId: string,
  dueOn: IsoDate,
): Promise<Skip> {
  return writeTransaction(['skips', 'streams', 'plans', 'debts'], async (db) => {
    const source =
      kind === 'stream'
        ? await db.streams.get(sourceId)
        : kind === 'plan'
          ? await db.plans.get(sourceId)
          : await db.debts.get(sourceId);
    if (!source || source.deletedAt !== null) {
      throw new AnyamError('skip/unknown-source', { kind, sourceId });
    }
    const skip = validateRecord('skips', {
      ...baseFields(),
      kind,
      sourceId,
      dueOn,
      isSample: false,
    });
    const rows = await db.skips.where('[sourceId+dueOn]').equals([sourceId, dueOn]).toArray();
    const existing = rows.find((s) => s.deletedAt === null);
    if (existing) return existing;
    await db.skips.add(skip);
    return skip;
  });
}

/** Undo of a skip: the occurrence is due again. */
export async function unskipOccurrence(id: string): Promise<Skip> {
  return writeTransaction(['skips'], (db) => softDeleteIn(db.skips, id, 'skip/not-found'));
}

/** Live skips of occurrences due in [from, to], through the `dueOn` index. */
export async function listSkipsDue(from: IsoDate, to: IsoDate): Promise<Skip[]> {
  const rows = await getDb().skips.where('dueOn').between(from, to, true, true).toArray();
  return rows.filter((s) => s.deletedAt === null);
}

/** How far ahead the funds' "not this time" answers are read: past any fund a household plans. */
export const SKIPS_AHEAD_DAYS = 800;

/** The "not this time" answers from `today` to SKIPS_AHEAD_DAYS ahead (the funds' own read). */
export function listSkipsAhead(today: IsoDate): Promise<Skip[]> {
  return listSkipsDue(today, addDaysIso(today, SKIPS_AHEAD_DAYS));
}
