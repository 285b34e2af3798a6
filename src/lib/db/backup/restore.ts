/**
 * Restore: read a chosen file into a validated backup and its summary (nothing written), then,
 * once the user has chosen, write it with Replace or Merge in ONE read-write transaction over
 * every table. Rollups are rebuilt inside that same transaction, so the household and its
 * derived totals commit together or not at all: a failure, a Cancel or a closed tab leaves the
 * database exactly as it was (IndexedDB discards a transaction that never committed).
 */
import {
  AnyamError,
  TABLE_NAMES,
  type BaseRecord,
  type Settings,
  type TableName,
  type Timestamp,
} from '../../domain/model';
import { assertTotalsWithinLimit, planTotalsOf } from '../../domain/totals';
import { STORE_NAMES, type AnyamDatabase } from '../database';
import { entriesOfStream, rebuildAllRollupsIn } from '../repo/rollup-store';
import { readTransaction, writeTransaction } from '../repo/transaction';
import { summarizeBackup, type BackupFile, type BackupSummary } from './backup-format';
import { parseJsonSafely, validateBackup } from './backup-validate';
import { throwIfCancelled, type JobProgressListener } from './cancel';
import { decryptBackupEnvelope, envelopeIterations, isEncryptedEnvelope } from './crypto';
import { alignEntry, mergeRows, mergeSettings, sameRecord, winner } from './merge';
import { claimsGzip, gunzip, isGzip } from './gzip';
import { assertSize, decodeUtf8, readBytes, type FileInput } from './read-input';

export interface PreparedRestore {
  summary: BackupSummary;
  backup: BackupFile;
}

export interface ReadBackupOptions {
  /** Needed for an encrypted file; without it such a file fails with backup/passphrase-required. */
  passphrase?: string;
  /** Households (settings ids) this phone has merged files of, besides its own. */
  knownHouseholds?: readonly string[];
  onProgress?: JobProgressListener;
  signal?: AbortSignal;
}

async function fileText(input: FileInput): Promise<{ text: string; compressed: boolean }> {
  assertSize(input, 'backup');
  let bytes = await readBytes(input);
  if (bytes === null) return { text: (input as string).replace(/^\uFEFF/, ''), compressed: false };
  const compressed = isGzip(bytes);
  if (compressed) {
    bytes = await gunzip(bytes as Uint8Array<ArrayBuffer>);
    // Some chat apps and mail clients compress an attachment that already was.
    if (isGzip(bytes)) throw new AnyamError('backup/double-compressed');
  } else if (typeof input !== 'string' && claimsGzip(input)) {
    throw new AnyamError('backup/not-gzip');
  }
  const text = decodeUtf8(bytes);
  // Binary junk (a photo, a zip) or a file saved in another encoding: not our JSON.
  if (typeof text !== 'string') throw new AnyamError('backup/not-json', { ...text });
  return { text, compressed };
}

/**
 * A changes-only file holds no history: it may only join the household it came from, whose
 * settings row id it names. `known` lists the households this phone has merged files of (two
 * phones set up apart keep their own settings ids until each has received the other's file).
 */
async function checkHousehold(backup: BackupFile, known: readonly string[]): Promise<void> {
  if (!backup.changes) return;
  const local = await readTransaction(['settings'], (db) => db.settings.toArray());
  const here = local[0]?.id ?? null;
  const household = backup.changes.household;
  if (here === null || (household !== here && !known.includes(household))) {
    throw new AnyamError('backup/other-household', {
      household,
      local: here,
      householdName: backup.tables.settings[0]?.householdName ?? null,
    });
  }
}

/**
 * Reads and checks a backup file without writing anything. Errors: backup/too-large,
 * backup/not-json, backup/unsafe-key, backup/wrong-format, backup/future-version,
 * backup/missing-table, backup/invalid-record, backup/duplicate-id, backup/dangling-reference,
 * backup/passphrase-required (details.iterations), backup/wrong-passphrase, backup/corrupted,
 * backup/gzip-damaged, backup/double-compressed, backup/not-gzip, backup/other-household,
 * import/cancelled.
 */
export async function readBackupFile(
  input: FileInput,
  options: ReadBackupOptions = {},
): Promise<PreparedRestore> {
  options.onProgress?.({ phase: 'reading', done: 0, total: 1 });
  const file = await fileText(input);
  let parsed = parseJsonSafely(file.text);
  const encrypted = isEncryptedEnvelope(parsed);
  if (encrypted) {
    if (options.passphrase === undefined || options.passphrase === '') {
      throw new AnyamError('backup/passphrase-required', {
        iterations: envelopeIterations(parsed),
      });
    }
    parsed = parseJsonSafely(await decryptBackupEnvelope(parsed, options.passphrase));
    throwIfCancelled(options.signal);
  }
  options.onProgress?.({ phase: 'reading', done: 1, total: 1 });
  const backup = await validateBackup(parsed, {
    onProgress: options.onProgress,
    signal: options.signal,
  });
  await checkHousehold(backup, options.knownHouseholds ?? []);
  return { backup, summary: summarizeBackup(backup, encrypted, file.compressed) };
}

export type RestoreMode = 'replace' | 'merge';

export interface RestoreOptions {
  onProgress?: JobProgressListener;
  /** Checked between chunks inside the transaction: an abort rolls everything back. */
  signal?: AbortSignal;
  chunkSize?: number;
}

export interface RestoreResult {
  mode: RestoreMode;
  /** Writes per table (added or replaced rows); for Replace, every row of the backup. */
  written: Record<TableName, number>;
  /**
   * The oldest `updatedAt` among the rows the merge wrote (null when none): this phone's next
   * changes-only file starts there, so records received from a third phone travel on.
   */
  oldestWritten: Timestamp | null;
}

const CHUNK = 5_000;

function emptyCounts(): Record<TableName, number> {
  return Object.fromEntries(TABLE_NAMES.map((t) => [t, 0])) as Record<TableName, number>;
}

/**
 * Writes a prepared backup. Replace: every table becomes the backup's. Merge: records matched
 * by id, the newer `updatedAt` wins (merge.ts). Either way rollups are rebuilt from the result,
 * reported as phase 'rollups'.
 */
export async function applyRestore(
  prepared: PreparedRestore,
  mode: RestoreMode,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  // Replacing the household with a file of its recent changes would lose everything else.
  if (mode === 'replace' && prepared.backup.changes) {
    throw new AnyamError('backup/partial-replace');
  }
  const write = mode === 'replace' ? replaceIn : mergeIn;
  return writeTransaction(STORE_NAMES, async (db) => {
    const oldest = { at: null as Timestamp | null };
    const plansBefore = planTotalsOf(await db.plans.toArray());
    const written = await write(db, prepared.backup, options, oldest);
    throwIfCancelled(options.signal);
    // Refuses (money/total-too-large) a result whose totals could not be added up exactly.
    await rebuildAllRollupsIn(db, (p) => options.onProgress?.({ phase: 'rollups', ...p }));
    assertTotalsWithinLimit(plansBefore, planTotalsOf(await db.plans.toArray()), '');
    throwIfCancelled(options.signal);
    return { mode, written, oldestWritten: oldest.at };
  });
}

function table(db: AnyamDatabase, name: TableName) {
  return db.table<BaseRecord, string>(name);
}

interface Oldest {
  at: Timestamp | null;
}

function noteOldest(oldest: Oldest, rows: readonly BaseRecord[]): void {
  for (const row of rows)
    if (oldest.at === null || row.updatedAt < oldest.at) oldest.at = row.updatedAt;
}

async function replaceIn(
  db: AnyamDatabase,
  backup: BackupFile,
  options: RestoreOptions,
  oldest: Oldest,
): Promise<Record<TableName, number>> {
  const chunkSize = options.chunkSize ?? CHUNK;
  const written = emptyCounts();
  const total = TABLE_NAMES.reduce((n, t) => n + backup.tables[t].length, 0);
  let done = 0;
  for (const name of STORE_NAMES) await db.table(name).clear();
  for (const name of TABLE_NAMES) {
    const rows = backup.tables[name] as BaseRecord[];
    for (let start = 0; start < rows.length; start += chunkSize) {
      const chunk = rows.slice(start, start + chunkSize);
      await table(db, name).bulkAdd(chunk);
      noteOldest(oldest, chunk);
      done += chunk.length;
      options.onProgress?.({ phase: 'writing', done, total });
      throwIfCancelled(options.signal);
    }
    written[name] = rows.length;
  }
  return written;
}

async function mergeIn(
  db: AnyamDatabase,
  backup: BackupFile,
  options: RestoreOptions,
  oldest: Oldest,
): Promise<Record<TableName, number>> {
  const chunkSize = options.chunkSize ?? CHUNK;
  const written = emptyCounts();
  const total = TABLE_NAMES.reduce((n, t) => n + backup.tables[t].length, 0);
  let done = 0;

  // The small tables (tens of rows) are merged whole in memory.
  const localStreams = new Map((await db.streams.toArray()).map((s) => [s.id, s]));
  for (const name of TABLE_NAMES) {
    if (name === 'entries') continue;
    const local = await table(db, name).toArray();
    const incoming = backup.tables[name] as BaseRecord[];
    const merged: BaseRecord[] =
      name === 'settings'
        ? mergeSettings(local as Settings[], incoming as Settings[])
        : mergeRows(local, incoming);
    const before = new Map(local.map((row) => [row.id, row]));
    const changed = merged.filter((row) => {
      const mine = before.get(row.id);
      return !mine || !sameRecord(mine, row);
    });
    const keep = new Set(merged.map((row) => row.id));
    // Only settings can lose a row: the losing settings row of another id.
    await table(db, name).bulkDelete(local.filter((row) => !keep.has(row.id)).map((r) => r.id));
    await table(db, name).bulkPut(changed);
    noteOldest(oldest, changed);
    written[name] = changed.length;
    done += incoming.length;
    options.onProgress?.({ phase: 'writing', done, total });
  }
  const streams = new Map((await db.streams.toArray()).map((s) => [s.id, s]));
  const incomingStreams = new Map(backup.tables.streams.map((s) => [s.id, s]));
  /** Deletion times of a stream this merge undid (one side deleted it, the other's is newer). */
  const revived = new Map<string, Set<string>>();
  for (const [id, stream] of streams) {
    if (stream.deletedAt !== null) continue;
    const times = new Set<string>();
    for (const side of [localStreams.get(id), incomingStreams.get(id)]) {
      if (side?.deletedAt) times.add(side.deletedAt);
    }
    if (times.size > 0) revived.set(id, times);
  }

  // Entries can be 100,000 rows: only the incoming ones and their local twins are read.
  const incoming = backup.tables.entries;
  for (let start = 0; start < incoming.length; start += chunkSize) {
    const chunk = incoming.slice(start, start + chunkSize);
    const local = await db.entries.bulkGet(chunk.map((e) => e.id));
    const puts = [];
    for (let i = 0; i < chunk.length; i++) {
      const mine = local[i];
      const theirs = chunk[i]!;
      const merged = mine ? winner(mine, theirs) : theirs;
      const aligned = alignEntry(
        merged,
        streams.get(merged.streamId),
        revived.get(merged.streamId),
      );
      if (!mine || !sameRecord(mine, aligned)) puts.push(aligned);
    }
    await db.entries.bulkPut(puts);
    noteOldest(oldest, puts);
    written.entries += puts.length;
    done += chunk.length;
    options.onProgress?.({ phase: 'writing', done, total });
    throwIfCancelled(options.signal);
  }

  // Local entries the file did not carry still follow their stream if it moved or was deleted.
  for (const stream of streams.values()) {
    const before = localStreams.get(stream.id);
    if (!before || (before.memberId === stream.memberId && before.deletedAt === stream.deletedAt)) {
      continue;
    }
    const rows = await entriesOfStream(db, stream.id).toArray();
    const times = revived.get(stream.id);
    const puts = rows.map((e) => alignEntry(e, stream, times)).filter((e, i) => e !== rows[i]);
    await db.entries.bulkPut(puts);
    written.entries += puts.length;
  }
  return written;
}
