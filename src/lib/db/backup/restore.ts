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
  type TableName,
  type Timestamp,
} from '../../domain/model';
import { assertSetAsidesWithinEntries } from '../repo/funds';
import { assertTotalsWithinLimit, planTotalsOf } from '../../domain/totals';
import { STORE_NAMES, type AnyamDatabase } from '../database';
import { rebuildAllRollupsIn } from '../repo/rollup-store';
import { readTransaction, writeTransaction } from '../repo/transaction';
import { summarizeBackup, type BackupFile, type BackupSummary } from './backup-format';
import { parseJsonSafely, validateBackup } from './backup-validate';
import { throwIfCancelled, type JobProgressListener } from './cancel';
import { decryptBackupEnvelope, envelopeIterations, isEncryptedEnvelope } from './crypto';
import { readMergePlan } from './merge-plan-read';
import { claimsGzip, gunzip, isGzip } from './gzip';
import { assertSize, decodeUtf8, notTextError, readBytes, type FileInput } from './read-input';

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
  if (typeof text !== 'string') throw notTextError('backup', text, 'not-json');
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
      // Stryker disable next-line OptionalChaining: validateBackup refuses a changes-only file without its settings row (backup/changes-incomplete)
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
  // Stryker disable next-line ArrayDeclaration: a household id is a settings row's UUID, so no id equals the mutant's one string
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
    // Stryker disable next-line StringLiteral: plans have no base amount, so the base-currency check that names this currency never throws
    assertTotalsWithinLimit(plansBefore, planTotalsOf(await db.plans.toArray()), '');
    await assertSetAsidesWithinEntries(db);
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

/** Writes the file's tables inside the open transaction; returns the rows written per table. */
type TableWrite = (
  db: AnyamDatabase,
  backup: BackupFile,
  options: RestoreOptions,
  oldest: Oldest,
) => Promise<Record<TableName, number>>;

function noteOldest(oldest: Oldest, rows: readonly BaseRecord[]): void {
  for (const row of rows)
    if (oldest.at === null || row.updatedAt < oldest.at) oldest.at = row.updatedAt;
}

const replaceIn: TableWrite = async (db, backup, options, oldest) => {
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
};

/**
 * Merge: the plan (merge-plan.ts, the preview's own) read inside this transaction, then written
 * in chunks, the progress reported and Cancel checked after each.
 */
const mergeIn: TableWrite = async (db, backup, options, oldest) => {
  const chunkSize = options.chunkSize ?? CHUNK;
  const plan = await readMergePlan(db, backup, {
    signal: options.signal,
    chunkSize,
    // Reading and comparing is the first half of the work, writing the second.
    onProgress: (p) => options.onProgress?.({ phase: 'writing', done: p.done, total: p.total * 2 }),
  });
  const written = emptyCounts();
  const total = TABLE_NAMES.reduce((n, t) => n + backup.tables[t].length, 0);
  const puts = TABLE_NAMES.reduce((n, t) => n + plan.puts[t].length, 0);
  let done = 0;
  // With nothing to write, the writing half is done as soon as it starts.
  const report = () =>
    options.onProgress?.({
      phase: 'writing',
      done: total + Math.round((puts === 0 ? 1 : done / puts) * total),
      total: total * 2,
    });
  // Only settings can lose a row: this phone's settings row of another id, when the file's won.
  await db.settings.bulkDelete(plan.deleteSettings);
  for (const name of TABLE_NAMES) {
    const rows = plan.puts[name];
    for (let start = 0; start < rows.length; start += chunkSize) {
      const chunk = rows.slice(start, start + chunkSize);
      await table(db, name).bulkPut(chunk.map((r) => r.after));
      // Rows carried by the file: this phone's next changes-only file starts no later.
      noteOldest(
        oldest,
        chunk.filter((r) => r.fromFile).map((r) => r.after),
      );
      done += chunk.length;
      report();
      throwIfCancelled(options.signal);
    }
    written[name] = rows.length;
  }
  report();
  return written;
};
