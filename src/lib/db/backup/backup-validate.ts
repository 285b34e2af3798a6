/**
 * Reading a backup's text into a `BackupFile` that is safe to write: every record passes its
 * valibot schema, ids are unique, and every reference points at a record in the same file.
 * Pure (no Dexie); async only to give the event loop a turn between slices of a big file.
 */
import {
  AnyamError,
  isAnyamError,
  TABLE_NAMES,
  type BaseRecord,
  type HouseholdTables,
  type TableName,
} from '../../domain/model';
import { migratedPlace } from '../../domain/places';
import { validateRecord } from '../../domain/schema';
import { timestampSchema } from '../../domain/schema-fields';
import * as v from 'valibot';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  TABLES_OF_VERSION,
  type BackupChanges,
  type BackupFile,
  type BackupSender,
} from './backup-format';
import {
  checkBalances,
  checkCarried,
  checkRecordRules,
  checkReferences,
  checkTotals,
} from './backup-record-checks';
import { checkSetAsides } from './backup-fund-checks';
import { throwIfCancelled, yieldToEventLoop, type JobProgressListener } from './cancel';

/**
 * Keys that could reach an object's prototype if a later step ever copied the parsed object
 * with assignment or a naive deep merge. No field of ours is called that, so a file holding one
 * was crafted, and is refused whole.
 */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * JSON.parse with the unsafe-key guard; `prefix/not-json` with the position for bad JSON.
 * A `-0` (which JSON.stringify never writes, so a file holding one was edited by hand) is read
 * as 0: it is the same amount, and −0 is never stored (Object.is(-0, 0) is false, so it would
 * make a merge see a change where there is none).
 */
export function parseJsonSafely(text: string, prefix: 'backup' = 'backup'): unknown {
  try {
    return JSON.parse(text, (key, value: unknown) => {
      if (UNSAFE_KEYS.has(key)) throw new AnyamError(`${prefix}/unsafe-key`, { key });
      if (value === 0) return 0;
      return value;
    });
  } catch (error) {
    if (isAnyamError(error)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new AnyamError(`${prefix}/not-json`, { message });
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function wrongFormat(reason: string, details: Record<string, unknown> = {}): AnyamError {
  return new AnyamError('backup/wrong-format', { reason, ...details });
}

const TOP_LEVEL_KEYS = new Set([
  'format',
  'version',
  'exportedAt',
  'app',
  'changes',
  'sender',
  'tables',
]);

/** The `sender` of a household file (whose phone made it), or null when the file has none. */
function readSender(value: unknown): BackupSender | null {
  if (value === undefined) return null;
  if (
    !isPlainObject(value) ||
    Object.keys(value).some((key) => key !== 'memberId') ||
    !(
      value.memberId === null ||
      (typeof value.memberId === 'string' &&
        value.memberId.length > 0 &&
        value.memberId.length <= 100)
    )
  ) {
    throw wrongFormat('sender');
  }
  return { memberId: value.memberId };
}

/** The `changes` header of a partial file, or null for a whole household. */
function readChanges(value: unknown): BackupChanges | null {
  if (value === undefined) return null;
  if (
    !isPlainObject(value) ||
    Object.keys(value).some((key) => key !== 'since' && key !== 'household') ||
    !v.is(timestampSchema, value.since) ||
    typeof value.household !== 'string' ||
    value.household.length === 0 ||
    value.household.length > 100
  ) {
    throw wrongFormat('changes');
  }
  return { since: value.since, household: value.household };
}

/** Checks the envelope around the tables; the version first, since a newer file may differ. */
function checkEnvelope(value: unknown): Record<string, unknown> {
  if (!isPlainObject(value)) throw wrongFormat('not-an-object');
  if (value.format !== BACKUP_FORMAT) throw wrongFormat('format', { format: value.format });
  const version = value.version;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    throw wrongFormat('version', { version });
  }
  if (version > BACKUP_VERSION) {
    throw new AnyamError('backup/future-version', { version, supported: BACKUP_VERSION });
  }
  const unknownKey = Object.keys(value).find((key) => !TOP_LEVEL_KEYS.has(key));
  if (unknownKey !== undefined) throw wrongFormat('unknown-field', { field: unknownKey });
  if (!v.is(timestampSchema, value.exportedAt)) {
    throw wrongFormat('exportedAt', { exportedAt: value.exportedAt });
  }
  const app = value.app;
  if (!isPlainObject(app) || typeof app.name !== 'string' || typeof app.version !== 'string') {
    throw wrongFormat('app');
  }
  readChanges(value.changes);
  readSender(value.sender);
  if (!isPlainObject(value.tables)) throw wrongFormat('tables');
  const tables = value.tables;
  const expected: readonly string[] = TABLES_OF_VERSION[version] ?? TABLE_NAMES;
  const unknownTable = Object.keys(tables).find((key) => !expected.includes(key));
  if (unknownTable !== undefined) throw wrongFormat('unknown-table', { table: unknownTable });
  for (const table of expected) {
    if (!(table in tables)) throw new AnyamError('backup/missing-table', { table });
    if (!Array.isArray(tables[table])) throw wrongFormat('table-not-array', { table });
  }
  let upgraded: Record<string, unknown> = tables;
  if (version < 2) upgraded = fromVersion1(upgraded);
  if (version < 3) upgraded = fromVersion2(upgraded);
  if (version < 4) upgraded = { ...upgraded, debts: [], repayments: [] };
  if (version < 6) upgraded = { ...upgraded, funds: [], setAsides: [] };
  if (version < 7) upgraded = { ...upgraded, groups: [], groupPayments: [] };
  return upgraded === tables ? value : { ...value, tables: upgraded };
}

/**
 * A version-1 file as version 2 reads it: no payments and no skips yet, and streams without a
 * known pay day (exactly what the schema-2 upgrade does to a version-1 database).
 */
function fromVersion1(tables: Record<string, unknown>): Record<string, unknown> {
  const streams = (tables.streams as unknown[]).map((row) =>
    isPlainObject(row) && !('payDay' in row) ? { ...row, payDay: null } : row,
  );
  return { ...tables, streams, payments: [], skips: [] };
}

/**
 * A version-1 or version-2 file knew no places: its savings snapshots become balances of one
 * place, "Savings", exactly as the database upgrade to schema version 3 does (domain/places.ts),
 * so a file restored or merged gives what the phone that made it now holds. (Such a file that
 * names a `places` table has already been refused as an unknown table.)
 */
function fromVersion2(tables: Record<string, unknown>): Record<string, unknown> {
  const savings = tables.savings;
  const settings = tables.settings;
  if (!Array.isArray(savings)) return tables;
  // Stryker disable all: migratedPlace reads the base currency only when its latest snapshot has no currency, and it is given at least one snapshot, each currency a string: `base` is never read
  const base =
    Array.isArray(settings) &&
    isPlainObject(settings[0]) &&
    typeof settings[0].baseCurrency === 'string'
      ? settings[0].baseCurrency
      : '';
  // Stryker restore all
  // A row that is not an object is refused at its index when the rows are validated; the others
  // still get their place (returning the tables without places made the count of rows throw).
  const snapshots = savings.filter(isPlainObject).map((s) => ({
    createdAt: String(s.createdAt),
    updatedAt: String(s.updatedAt),
    currency: String(s.currency),
    date: String(s.date),
    isSample: s.isSample === true,
  }));
  const place = migratedPlace(snapshots, base);
  // Keys in the order of the current schema: placeId right after the common fields.
  const placed = savings.map((s: unknown) =>
    place && isPlainObject(s) ? { ...s, placeId: place.id } : s,
  );
  const out: Record<string, unknown> = {};
  for (const [key, rows] of Object.entries(tables)) {
    // Stryker disable next-line EqualityOperator: each assignment writes the same list, and the order of the keys is not read (validateBackup walks TABLE_NAMES)
    if (key === 'savings') out.places = place ? [place] : [];
    out[key] = key === 'savings' ? placed : rows;
  }
  // Stryker disable next-line ArrayDeclaration: checkEnvelope refused a file without its savings table (backup/missing-table), so the list is never written
  if (!('savings' in tables)) out.places = [];
  return out;
}

export interface ValidateOptions {
  onProgress?: JobProgressListener;
  signal?: AbortSignal;
  /** Records checked between two turns of the event loop. */
  sliceSize?: number;
}

/** Records per slice: valibot checks ~100k entries/s on a slow phone, so ~20 ms a slice. */
const SLICE = 2_000;

/**
 * The validated backup, or an AnyamError naming the first problem: backup/wrong-format,
 * backup/future-version, backup/missing-table, backup/invalid-record (details: table, index,
 * id, field, recordCode — the record's own code such as 'entry/invalid-date'),
 * backup/duplicate-id, backup/dangling-reference (table, index, id, field, target, targetId),
 * backup/changes-incomplete (a changes-only file without a record it must carry).
 */
export async function validateBackup(
  value: unknown,
  options: ValidateOptions = {},
): Promise<BackupFile> {
  const envelope = checkEnvelope(value);
  const rawTables = envelope.tables as Record<TableName, unknown[]>;
  const sliceSize = options.sliceSize ?? SLICE;
  const total = TABLE_NAMES.reduce((n, table) => n + rawTables[table].length, 0);
  const tables = {} as Record<TableName, BaseRecord[]>;
  let done = 0;
  options.onProgress?.({ phase: 'validating', done, total });

  for (const table of TABLE_NAMES) {
    const raw = rawTables[table];
    // Stryker disable next-line ArrayDeclaration: the loop below fills every index from 0 in order, so an array grown as it goes ends the same
    const rows: BaseRecord[] = new Array<BaseRecord>(raw.length);
    const seen = new Set<string>();
    for (let index = 0; index < raw.length; index++) {
      const row = validRow(table, raw[index], index);
      if (seen.has(row.id))
        throw new AnyamError('backup/duplicate-id', { table, index, id: row.id });
      seen.add(row.id);
      rows[index] = row;
      done++;
      if (done % sliceSize === 0) {
        options.onProgress?.({ phase: 'validating', done, total });
        await yieldToEventLoop();
        throwIfCancelled(options.signal);
      }
    }
    tables[table] = rows;
  }

  const typed = tables as unknown as HouseholdTables;
  if (typed.settings.length > 1) {
    throw new AnyamError('backup/invalid-record', {
      table: 'settings',
      index: 1,
      id: typed.settings[1]!.id,
      reason: 'more-than-one-settings',
    });
  }
  const changes = readChanges(envelope.changes);
  if (changes) checkCarried(typed, changes);
  checkReferences(typed);
  checkBalances(typed);
  checkSetAsides(typed, changes);
  checkRecordRules(typed, changes === null);
  checkTotals(typed);
  options.onProgress?.({ phase: 'validating', done: total, total });
  const app = envelope.app as { name: string; version: string };
  return {
    format: BACKUP_FORMAT,
    version: envelope.version as number,
    exportedAt: envelope.exportedAt as string,
    app: { name: app.name, version: app.version },
    changes,
    sender: readSender(envelope.sender),
    tables: typed,
  };
}

function validRow(table: TableName, raw: unknown, index: number): BaseRecord {
  try {
    return validateRecord(table, raw);
  } catch (error) {
    const details = isAnyamError(error) ? error.details : {};
    throw new AnyamError('backup/invalid-record', {
      table,
      index,
      id: isPlainObject(raw) ? raw.id : undefined,
      field: details.field ?? null,
      // Stryker disable next-line StringLiteral: validateRecord throws only AnyamErrors, so this fallback is never read
      recordCode: isAnyamError(error) ? error.code : 'invalid',
      // What the check found (valibot's issue type, and what it received) for the message.
      rule: details.reason ?? null,
      received: details.received ?? null,
      // Stryker disable next-line ArrayDeclaration: validateRecord's refusal always lists its issues, so this fallback is never read
      issues: details.issues ?? [],
    });
  }
}
