import {
  type BaseRecord,
  type CurrencyCode,
  type ExpectedIncome,
  type IsoDate,
  type PayDay,
  type Stream,
  type StreamKind,
} from '../../domain/model';
import { DEFAULT_DAYS_PER_WEEK } from '../../domain/months';
import { validateRecord } from '../../domain/schema';
import { getDb, type AnyamDatabase } from '../database';
import {
  baseFields,
  definedOnly,
  listSmall,
  nowIso,
  requireLive,
  requireLiveMember,
  restoreIn,
  softDeleteIn,
} from './record';
import {
  entriesOfStream,
  rebuildStreamRollupsIn,
  rollupsOfStream,
  ROLLUP_STORES,
} from './rollup-store';
import { writeTransaction } from './transaction';
import { compareStreams } from './list-orders';

export { compareStreams };

export interface StreamInput extends Partial<BaseRecord> {
  memberId: string;
  name: string;
  kind: StreamKind;
  currency: CurrencyCode;
  platform?: string;
  expected?: Partial<ExpectedIncome>;
  startedOn?: IsoDate | null;
  endedOn?: IsoDate | null;
  payDay?: PayDay | null;
  archived?: boolean;
  isSample?: boolean;
}

export type StreamPatch = Partial<
  Pick<
    Stream,
    | 'memberId'
    | 'name'
    | 'kind'
    | 'platform'
    | 'currency'
    | 'expected'
    | 'startedOn'
    | 'endedOn'
    | 'payDay'
    | 'archived'
  >
>;

const STREAM_STORES = [...ROLLUP_STORES, 'streams', 'members'] as const;

function checked(stream: Stream): Stream {
  return validateRecord('streams', stream);
}

function assertLiveMember(db: AnyamDatabase, memberId: string): Promise<void> {
  return requireLiveMember(db.members, memberId, 'stream/unknown-member');
}

export async function addStream(input: StreamInput): Promise<Stream> {
  const stream = checked({
    ...baseFields(input),
    memberId: input.memberId,
    name: input.name,
    kind: input.kind,
    platform: input.platform ?? '',
    currency: input.currency,
    expected: {
      amountMinor: input.expected?.amountMinor ?? 0,
      cadence: input.expected?.cadence ?? 'irregular',
      daysPerWeek: input.expected?.daysPerWeek ?? DEFAULT_DAYS_PER_WEEK,
    },
    startedOn: input.startedOn ?? null,
    endedOn: input.endedOn ?? null,
    payDay: input.payDay ?? null,
    archived: input.archived ?? false,
    isSample: input.isSample ?? false,
  });
  return writeTransaction(['streams', 'members'], async (db) => {
    await assertLiveMember(db, stream.memberId);
    await db.streams.add(stream);
    return stream;
  });
}

/**
 * Edits a stream. Entries take their member from their stream, so moving a stream to another
 * member moves its entries and rollup rows too, in the same transaction. A new currency only
 * changes the default for new entries: recorded amounts keep the currency they were paid in.
 */
export async function updateStream(id: string, patch: StreamPatch): Promise<Stream> {
  return writeTransaction(STREAM_STORES, async (db) => {
    const before = await requireLive(db.streams, id, 'stream/not-found');
    const now = nowIso();
    const merged = { ...before, ...definedOnly(patch), updatedAt: now };
    // A new cadence without a new pay day drops the old one, which belonged to the old rhythm.
    if (patch.payDay === undefined && merged.expected.cadence !== before.expected.cadence) {
      merged.payDay = null;
    }
    const after = checked(merged);
    if (after.memberId !== before.memberId) {
      await assertLiveMember(db, after.memberId);
      await entriesOfStream(db, id).modify({ memberId: after.memberId, updatedAt: now });
      await db.streams.put(after);
      await rebuildStreamRollupsIn(db, id);
    } else {
      await db.streams.put(after);
    }
    return after;
  });
}

/**
 * Soft-deletes a stream and its live entries with the same timestamp, so that `restoreStream`
 * brings back exactly those (not entries deleted one by one before). Its rollup rows go.
 */
export async function deleteStream(id: string): Promise<Stream> {
  return writeTransaction(STREAM_STORES, async (db) => {
    return softDeleteIn(db.streams, id, 'stream/not-found', {
      then: async (_, __, now) => {
        await entriesOfStream(db, id)
          .filter((entry) => entry.deletedAt === null)
          .modify({ deletedAt: now, updatedAt: now });
        await rollupsOfStream(db, id).delete();
      },
    });
  });
}

/** Undoes `deleteStream`; its member must still be live. */
export async function restoreStream(id: string): Promise<Stream> {
  return writeTransaction(STREAM_STORES, async (db) => {
    return restoreIn(db.streams, id, 'stream/not-found', {
      check: (before) => assertLiveMember(db, before.memberId),
      then: async (_, before, now) => {
        await entriesOfStream(db, id)
          .filter((entry) => entry.deletedAt === before.deletedAt)
          .modify({ deletedAt: null, updatedAt: now });
        await rebuildStreamRollupsIn(db, id);
      },
    });
  });
}

export async function getStream(id: string): Promise<Stream | undefined> {
  return getDb().streams.get(id);
}

/** Streams in the order they were added; deleted ones only when asked for. */
export async function listStreams(
  options: { includeDeleted?: boolean; memberId?: string } = {},
): Promise<Stream[]> {
  const db = getDb();
  const rows =
    options.memberId === undefined
      ? await listSmall(db.streams, options.includeDeleted)
      : (await db.streams.where('memberId').equals(options.memberId).toArray()).filter(
          (s) => options.includeDeleted || s.deletedAt === null,
        );
  return rows.sort(compareStreams);
}
