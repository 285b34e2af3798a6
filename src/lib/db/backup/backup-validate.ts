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
import { checkBalance, migratedPlace } from '../../domain/places';
import { todayIso } from '../../domain/dates';
import { assertRecordRules, RECORD_RULES } from '../../domain/record-rules';
import { validateRecord } from '../../domain/schema';
import { timestampSchema } from '../../domain/schema-fields';
import { assertTotalsWithinLimit, planTotalsOf, totalsOf } from '../../domain/totals';
import * as v from 'valibot';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  TABLES_OF_VERSION,
  type BackupChanges,
  type BackupFile,
  type BackupSender,
} from './backup-format';
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
  if (!Array.isArray(savings) || !savings.every(isPlainObject)) return tables;
  const base =
    Array.isArray(settings) &&
    isPlainObject(settings[0]) &&
    typeof settings[0].baseCurrency === 'string'
      ? settings[0].baseCurrency
      : '';
  const snapshots = savings.map((s) => ({
    createdAt: String(s.createdAt),
    updatedAt: String(s.updatedAt),
    currency: String(s.currency),
    date: String(s.date),
    isSample: s.isSample === true,
  }));
  const place = migratedPlace(snapshots, base);
  // Keys in the order of the current schema: placeId right after the common fields.
  const placed = savings.map((s) => (place ? { ...s, placeId: place.id } : s));
  const out: Record<string, unknown> = {};
  for (const [key, rows] of Object.entries(tables)) {
    if (key === 'savings') out.places = place ? [place] : [];
    out[key] = key === 'savings' ? placed : rows;
  }
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
  checkRecordRules(typed);
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
      recordCode: isAnyamError(error) ? error.code : 'invalid',
      // What the check found (valibot's issue type, and what it received) for the message.
      rule: details.reason ?? null,
      received: details.received ?? null,
      issues: details.issues ?? [],
    });
  }
}

interface Reference {
  table: TableName;
  field: 'memberId' | 'streamId' | 'planId' | 'sourceId' | 'placeId';
  target: 'members' | 'streams' | 'plans' | 'places';
  nullable: boolean;
  /** Only rows for which this holds name the target (skips name a stream or a plan). */
  when?: (row: Record<string, unknown>) => boolean;
}

const REFERENCES: readonly Reference[] = [
  { table: 'streams', field: 'memberId', target: 'members', nullable: false },
  { table: 'entries', field: 'streamId', target: 'streams', nullable: false },
  { table: 'entries', field: 'memberId', target: 'members', nullable: false },
  { table: 'plans', field: 'memberId', target: 'members', nullable: true },
  { table: 'training', field: 'memberId', target: 'members', nullable: false },
  { table: 'savings', field: 'placeId', target: 'places', nullable: false },
  { table: 'payments', field: 'planId', target: 'plans', nullable: false },
  {
    table: 'skips',
    field: 'sourceId',
    target: 'streams',
    nullable: false,
    when: (row) => row.kind === 'stream',
  },
  {
    table: 'skips',
    field: 'sourceId',
    target: 'plans',
    nullable: false,
    when: (row) => row.kind === 'plan',
  },
];

/**
 * Every member and stream a record names is in the file (deleted ones count: a deleted stream
 * keeps its deleted entries). A whole backup is the household, and a changes-only file carries
 * the members and streams its records name, so nothing may point outside the file.
 */
function checkReferences(tables: HouseholdTables): void {
  const ids = {
    members: new Set(tables.members.map((m) => m.id)),
    streams: new Set(tables.streams.map((s) => s.id)),
    plans: new Set(tables.plans.map((p) => p.id)),
    places: new Set(tables.places.map((p) => p.id)),
  };
  for (const ref of REFERENCES) {
    const rows = tables[ref.table] as unknown as Record<string, unknown>[];
    rows.forEach((row, index) => {
      if (ref.when && !ref.when(row)) return;
      const targetId = row[ref.field];
      if (targetId === null && ref.nullable) return;
      if (typeof targetId !== 'string' || !ids[ref.target].has(targetId)) {
        throw new AnyamError('backup/dangling-reference', {
          table: ref.table,
          index,
          id: row.id,
          field: ref.field,
          target: ref.target,
          targetId,
        });
      }
    });
  }
}

/**
 * A changes-only file must carry what its records need on the other phone: the household's
 * settings row (the one `changes.household` names), and every member, stream, plan and place a
 * carried record names, whether or not the receiver has it (exportHouseholdFile always writes
 * them). Else `backup/changes-incomplete` (details: `missing`: 'settings' or the table missing a
 * record, and for a record the `table`, `index`, `id`, `field` and `targetId` naming it), and
 * nothing is merged.
 */
function checkCarried(tables: HouseholdTables, changes: BackupChanges): void {
  if (tables.settings[0]?.id !== changes.household) {
    throw new AnyamError('backup/changes-incomplete', {
      missing: 'settings',
      household: changes.household,
    });
  }
  try {
    checkReferences(tables);
  } catch (error) {
    if (!isAnyamError(error) || error.code !== 'backup/dangling-reference') throw error;
    throw new AnyamError('backup/changes-incomplete', {
      ...error.details,
      missing: error.details.target,
    });
  }
}

/** A negative balance (a debt) only in a place of kind "other", as the repository requires. */
function checkBalances(tables: HouseholdTables): void {
  const kinds = new Map(tables.places.map((p) => [p.id, p.kind]));
  tables.savings.forEach((saving, index) => {
    try {
      checkBalance(kinds.get(saving.placeId) ?? 'other', saving.amountMinor);
    } catch (error) {
      throw new AnyamError('backup/invalid-record', {
        table: 'savings',
        index,
        id: saving.id,
        field: 'amountMinor',
        recordCode: isAnyamError(error) ? error.code : 'invalid',
        issues: [],
      });
    }
  });
}

/**
 * The rules beyond the schemas that the forms and the CSV import keep (domain/record-rules.ts):
 * Replace and Merge refuse a file that breaks one, so every path accepts the same records.
 */
function checkRecordRules(tables: HouseholdTables): void {
  const context = { today: todayIso(), streams: new Map(tables.streams.map((s) => [s.id, s])) };
  for (const table of TABLE_NAMES) {
    if (!RECORD_RULES[table]) continue;
    (tables[table] as unknown as BaseRecord[]).forEach((row, index) => {
      try {
        assertRecordRules(table, row, context);
      } catch (error) {
        if (!isAnyamError(error)) throw error;
        throw new AnyamError('backup/invalid-record', {
          table,
          index,
          id: row.id,
          field: error.details.field ?? null,
          recordCode: error.code,
          issues: [],
        });
      }
    });
  }
}

/**
 * A file whose own totals could not be added up exactly is refused before anything is written
 * (money/total-too-large); the write checks the totals again after a merge (restore.ts).
 */
function checkTotals(tables: HouseholdTables): void {
  const base = tables.settings[0]?.baseCurrency ?? '';
  try {
    assertTotalsWithinLimit(
      null,
      totalsOf(tables.entries.filter((e) => e.deletedAt === null)),
      base,
    );
    assertTotalsWithinLimit(null, planTotalsOf(tables.plans), base);
  } catch (error) {
    if (!isAnyamError(error)) throw error;
    throw new AnyamError('backup/total-too-large', error.details);
  }
}
