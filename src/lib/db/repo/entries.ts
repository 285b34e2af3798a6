import {
  AnyamError,
  type CurrencyCode,
  type Entry,
  type EntryStatus,
  type IsoDate,
  type MinorUnits,
  type MonthKey,
  type Stream,
  type Timestamp,
} from '../../domain/model';
import { firstDayOf, lastDayOf } from '../../domain/months';
import { validateRecord } from '../../domain/schema';
import { getDb, type AnyamDatabase } from '../database';
import { assertEntryRules } from './entry-rules';
import { rateFrom, type RateInput } from './rates';
import { baseFields, definedOnly, nowIso, requireDeleted, requireLive } from './record';
import {
  applyRollupDeltas,
  deltaOf,
  loadConversion,
  rebuildCurrencyRollupsIn,
  REBUILD_CHUNK,
  ROLLUP_STORES,
  type ProgressListener,
} from './rollup-store';
import { writeTransaction } from './transaction';
import { assertEntryKeepsSetAsides } from './fund-entry-guard';

/** What a form or an import gives; the rest is filled in (memberId always from the stream). */
export interface EntryInput {
  streamId: string;
  date: IsoDate;
  amountMinor: MinorUnits;
  /** Defaults to the stream's currency. */
  currency?: CurrencyCode;
  status?: EntryStatus;
  paidMinutes?: number;
  unpaidMinutes?: number;
  note?: string;
  isSample?: boolean;
  /** Kept when an import or the sample household brings them. */
  id?: string;
  createdAt?: Timestamp;
  updatedAt?: Timestamp;
  deletedAt?: Timestamp | null;
}

export type EntryPatch = Partial<
  Pick<
    Entry,
    | 'streamId'
    | 'date'
    | 'amountMinor'
    | 'currency'
    | 'status'
    | 'paidMinutes'
    | 'unpaidMinutes'
    | 'note'
  >
>;

/** What an entry's write reads and writes; a transaction that nests one names these too. */
export const ENTRY_STORES = [...ROLLUP_STORES, 'streams', 'setAsides'] as const;

export async function liveStream(db: AnyamDatabase, streamId: string): Promise<Stream> {
  const stream = await db.streams.get(streamId);
  if (!stream || stream.deletedAt !== null) {
    throw new AnyamError('entry/unknown-stream', { streamId });
  }
  return stream;
}

/** A checked entry record of `input` on `stream` (not written). */
export function entryFrom(input: EntryInput, stream: Stream): Entry {
  const record = {
    ...baseFields(input),
    streamId: input.streamId,
    memberId: stream.memberId,
    date: input.date,
    amountMinor: input.amountMinor,
    currency: input.currency ?? stream.currency,
    status: input.status ?? 'received',
    paidMinutes: input.paidMinutes ?? 0,
    unpaidMinutes: input.unpaidMinutes ?? 0,
    note: input.note ?? '',
    isSample: input.isSample ?? false,
  };
  return checked(record, stream);
}

function checked(entry: Entry, stream: Stream): Entry {
  const valid = validateRecord('entries', entry);
  assertEntryRules(valid, stream);
  return valid;
}

/**
 * Adds one entry. With `rate` (quick add's rate prompt: the rate the entry's currency was
 * missing), the rate is written too: both or neither, in the one read-write transaction, and the
 * currency's rollups are rebuilt once from the earlier of the two dates, which counts the new
 * entry with its rate. That rebuild is the last await on purpose: after an awaited helper that is
 * itself async, Dexie may no longer see its transaction (PrematureCommitError).
 */
export async function addEntry(input: EntryInput, rate: RateInput | null = null): Promise<Entry> {
  const newRate = rate ? rateFrom(rate) : null;
  return writeTransaction(ENTRY_STORES, async (db) => {
    const entry = entryFrom(input, await liveStream(db, input.streamId));
    if (!newRate) {
      const conversion = await loadConversion(db);
      await db.entries.add(entry);
      await applyRollupDeltas(db, [deltaOf(entry, 1, conversion)]);
      return entry;
    }
    // The single rebuild below covers the rate's currency only.
    if (entry.currency !== newRate.currency) {
      throw new AnyamError('rate/invalid-currency', { currency: newRate.currency });
    }
    await db.rates.add(newRate);
    await db.entries.add(entry);
    const from = newRate.date < entry.date ? newRate.date : entry.date;
    await rebuildCurrencyRollupsIn(db, newRate.currency, from);
    return entry;
  });
}

/**
 * Adds many entries (import, the sample household) in one transaction: all or none. Rows are
 * written in chunks so that `onProgress` can move a progress bar; rollups are updated once at
 * the end. Callers with very large files call this once per slice of the file.
 */
export async function addEntries(
  inputs: readonly EntryInput[],
  options: { onProgress?: ProgressListener; chunkSize?: number } = {},
): Promise<Entry[]> {
  const chunkSize = options.chunkSize ?? REBUILD_CHUNK;
  return writeTransaction(ENTRY_STORES, async (db) => {
    const streamIds = [...new Set(inputs.map((input) => input.streamId))];
    const streams = new Map<string, Stream>();
    (await db.streams.bulkGet(streamIds)).forEach((stream) => {
      if (stream && stream.deletedAt === null) streams.set(stream.id, stream);
    });
    const entries = inputs.map((input, index) => {
      const stream = streams.get(input.streamId);
      if (!stream)
        throw new AnyamError('entry/unknown-stream', { streamId: input.streamId, index });
      try {
        return entryFrom(input, stream);
      } catch (error) {
        if (error instanceof AnyamError) error.details.index ??= index;
        throw error;
      }
    });
    const conversion = await loadConversion(db);
    for (let start = 0; start < entries.length; start += chunkSize) {
      await db.entries.bulkAdd(entries.slice(start, start + chunkSize));
      options.onProgress?.({
        done: Math.min(start + chunkSize, entries.length),
        total: entries.length,
      });
    }
    await applyRollupDeltas(
      db,
      entries.map((entry) => deltaOf(entry, 1, conversion)),
    );
    return entries;
  });
}

export async function updateEntry(id: string, patch: EntryPatch): Promise<Entry> {
  return writeTransaction(ENTRY_STORES, async (db) => {
    const before = await requireLive(db.entries, id, 'entry/not-found');
    const streamId = patch.streamId ?? before.streamId;
    const stream = await liveStream(db, streamId);
    const after = checked(
      { ...before, ...definedOnly(patch), memberId: stream.memberId, updatedAt: nowIso() },
      stream,
    );
    await assertEntryKeepsSetAsides(db, after);
    const conversion = await loadConversion(db);
    await db.entries.put(after);
    await applyRollupDeltas(db, [deltaOf(before, -1, conversion), deltaOf(after, 1, conversion)]);
    return after;
  });
}

/** Soft-deletes entries (undo with `restoreEntries`); returns the deleted rows. */
export async function deleteEntries(ids: readonly string[]): Promise<Entry[]> {
  return writeTransaction(ENTRY_STORES, async (db) => {
    const now = nowIso();
    const before = await Promise.all(
      [...new Set(ids)].map((id) => requireLive(db.entries, id, 'entry/not-found')),
    );
    const after = before.map((entry) => ({ ...entry, deletedAt: now, updatedAt: now }));
    const conversion = await loadConversion(db);
    await db.entries.bulkPut(after);
    await applyRollupDeltas(
      db,
      before.map((entry) => deltaOf(entry, -1, conversion)),
    );
    return after;
  });
}

export async function deleteEntry(id: string): Promise<Entry> {
  const [deleted] = await deleteEntries([id]);
  return deleted!;
}

/** Undoes a soft delete; the entry's stream must still be live. */
export async function restoreEntries(ids: readonly string[]): Promise<Entry[]> {
  return writeTransaction(ENTRY_STORES, async (db) => {
    const now = nowIso();
    const before = await Promise.all(
      [...new Set(ids)].map((id) => requireDeleted(db.entries, id, 'entry/not-found')),
    );
    for (const entry of before) await liveStream(db, entry.streamId);
    const after = before.map((entry) => ({ ...entry, deletedAt: null, updatedAt: now }));
    const conversion = await loadConversion(db);
    await db.entries.bulkPut(after);
    await applyRollupDeltas(
      db,
      after.map((entry) => deltaOf(entry, 1, conversion)),
    );
    return after;
  });
}

export async function restoreEntry(id: string): Promise<Entry> {
  const [restored] = await restoreEntries([id]);
  return restored!;
}

// ---- reads: always through an index range, never a scan of every entry ----

export interface EntryFilter {
  streamId?: string;
  memberId?: string;
  status?: EntryStatus;
}

export async function getEntry(id: string): Promise<Entry | undefined> {
  return getDb().entries.get(id);
}

/** Live entries dated `from`…`to` (inclusive), newest first, optionally of one stream or member. */
export async function listEntriesBetween(
  from: IsoDate,
  to: IsoDate,
  filter: EntryFilter = {},
): Promise<Entry[]> {
  const entries = getDb().entries;
  const collection = filter.streamId
    ? entries
        .where('[streamId+date]')
        .between([filter.streamId, from], [filter.streamId, to], true, true)
    : filter.memberId
      ? entries
          .where('[memberId+date]')
          .between([filter.memberId, from], [filter.memberId, to], true, true)
      : entries.where('date').between(from, to, true, true);
  const rows = await collection.reverse().toArray();
  return rows.filter(
    (entry) =>
      entry.deletedAt === null &&
      (filter.memberId === undefined || entry.memberId === filter.memberId) &&
      (filter.status === undefined || entry.status === filter.status),
  );
}

/** Live entries of one month, newest first. */
export async function listEntriesOfMonth(
  month: MonthKey,
  filter: EntryFilter = {},
): Promise<Entry[]> {
  return listEntriesBetween(firstDayOf(month), lastDayOf(month), filter);
}

/**
 * Soft-deleted entries, most recently deleted first: the `deletedAt` index holds only these,
 * since live rows have null there and null is not an IndexedDB key.
 */
export async function listDeletedEntries(limit = 200): Promise<Entry[]> {
  return getDb().entries.orderBy('deletedAt').reverse().limit(limit).toArray();
}

/** Every stored entry, deleted ones included (a count, not a read). */
export async function countEntries(): Promise<number> {
  return getDb().entries.count();
}

/** Whether any entry was written (added, edited, deleted) at or after `since`: one index probe. */
export async function hasEntriesChangedSince(since: string): Promise<boolean> {
  return (await getDb().entries.where('updatedAt').aboveOrEqual(since).limit(1).count()) > 0;
}
