import type { BaseRecord } from '../../domain/model';
import { STORE_NAMES, type AnyamDatabase } from '../database';
import { entriesOfStream, rebuildAllRollupsIn, type ProgressListener } from './rollup-store';
import { writeTransaction } from './transaction';
import { removeSampleFundsIn } from './funds';
import { removeSampleDebtsIn } from './debts';

export interface SampleRemoval {
  /** Rows hard-deleted per table. */
  removed: Record<
    | 'settings'
    | 'members'
    | 'streams'
    | 'entries'
    | 'plans'
    | 'places'
    | 'savings'
    | 'rates'
    | 'training'
    | 'payments'
    | 'skips'
    | 'groups'
    | 'groupPayments'
    | 'debts'
    | 'repayments',
    number
  >;
  /** Sample members and streams kept because real records still refer to them. */
  kept: { members: number; streams: number };
}

type Flagged = BaseRecord & { isSample: boolean };

function sampleIds<T extends Flagged>(rows: readonly T[]): string[] {
  return rows.filter((row) => row.isSample === true).map((row) => row.id);
}

/**
 * Entries of the sample streams, found through the [streamId+date] index. Sample entries are
 * only ever made on sample streams, so this finds them all without reading the real history
 * (booleans are not IndexedDB keys, so `isSample` itself cannot be indexed).
 */
async function entriesOfStreams(db: AnyamDatabase, streamIds: readonly string[]) {
  const lists = await Promise.all(streamIds.map((id) => entriesOfStream(db, id).toArray()));
  return lists.flat();
}

/**
 * Hard-deletes every record of the "try a sample household" demo in one transaction and
 * rebuilds the rollups. Real records are never touched: a sample stream the user recorded a
 * real entry on, or a sample member a real record names, stays so that nothing real dangles.
 */
export async function removeSampleHousehold(
  options: { onProgress?: ProgressListener } = {},
): Promise<SampleRemoval> {
  return writeTransaction(STORE_NAMES, async (db) => {
    const [settings, members, streams, plans, places, savings, rates, training, payments, skips] =
      await Promise.all([
        db.settings.toArray(),
        db.members.toArray(),
        db.streams.toArray(),
        db.plans.toArray(),
        db.places.toArray(),
        db.savings.toArray(),
        db.rates.toArray(),
        db.training.toArray(),
        db.payments.toArray(),
        db.skips.toArray(),
      ]);
    const sampleStreamIds = sampleIds(streams);
    const streamEntries = await entriesOfStreams(db, sampleStreamIds);

    const keptStreams = new Set(streamEntries.filter((e) => !e.isSample).map((e) => e.streamId));
    const streamsLeft = streams.filter((s) => !s.isSample || keptStreams.has(s.id));
    const referencedMembers = new Set<string | null>([
      ...streamsLeft.map((s) => s.memberId),
      ...plans.filter((p) => !p.isSample).map((p) => p.memberId),
      ...training.filter((t) => !t.isSample).map((t) => t.memberId),
    ]);
    const memberIds = sampleIds(members).filter((id) => !referencedMembers.has(id));
    const streamIds = sampleStreamIds.filter((id) => !keptStreams.has(id));
    const entryIds = streamEntries.filter((e) => e.isSample).map((e) => e.id);
    // A sample place where a real balance was recorded stays, as a sample stream does.
    const keptPlaces = new Set(savings.filter((b) => !b.isSample).map((b) => b.placeId));
    const placeIds = sampleIds(places).filter((id) => !keptPlaces.has(id));

    const removed: SampleRemoval['removed'] = {
      settings: 0,
      members: memberIds.length,
      streams: streamIds.length,
      entries: entryIds.length,
      plans: 0,
      places: placeIds.length,
      savings: 0,
      rates: 0,
      training: 0,
      payments: 0,
      skips: 0,
      groups: 0,
      groupPayments: 0,
      debts: 0,
      repayments: 0,
    };
    const simple = { settings, plans, savings, rates, training, payments, skips } as const;
    for (const table of [
      'settings',
      'plans',
      'savings',
      'rates',
      'training',
      'payments',
      'skips',
    ] as const) {
      const ids = sampleIds<Flagged>(simple[table]);
      removed[table] = ids.length;
      await db.table(table).bulkDelete(ids);
    }
    // Savings groups and their rounds: the sample's go, real ones stay.
    for (const table of ['groups', 'groupPayments'] as const) {
      const ids = sampleIds<Flagged>(await db.table<Flagged>(table).toArray());
      removed[table] = ids.length;
      await db.table(table).bulkDelete(ids);
    }
    await db.places.bulkDelete(placeIds);
    await removeSampleFundsIn(db);
    Object.assign(removed, await removeSampleDebtsIn(db));
    await db.members.bulkDelete(memberIds);
    await db.streams.bulkDelete(streamIds);
    await db.entries.bulkDelete(entryIds);
    // Sample rates or a sample base currency may have converted real entries: rebuild all.
    await rebuildAllRollupsIn(db, options.onProgress);
    return {
      removed,
      kept: {
        members: sampleIds(members).length - memberIds.length,
        streams: keptStreams.size,
      },
    };
  });
}
