import { describe, expect, it } from 'vitest';
import {
  BACKUP_VERSION,
  TABLES_OF_VERSION,
  byId,
  serializeBackup,
} from '../../src/lib/db/backup/backup-format';
import { parseJsonSafely, validateBackup } from '../../src/lib/db/backup/backup-validate';
import type { JobProgress } from '../../src/lib/db/backup/cancel';
import { AnyamError, TABLE_NAMES, type BaseRecord } from '../../src/lib/domain/model';
import { MIGRATED_PLACE_ID, migratedPlace } from '../../src/lib/domain/places';
import { householdFactory } from '../factories';

/*
 * The rules of reading a backup (src/lib/db/backup/backup-validate.ts) that the malformed-file
 * corpus (tests/db/backup-bad-imports.test.ts) and backup-format.test.ts do not state: what each
 * refusal names in its details (a person copies them in the error report), the `sender` and
 * `changes` headers, the tables an older version did not know, and the progress it reports.
 */

const META = { exportedAt: '2026-03-01T10:00:00.000Z', app: { name: 'Anyam', version: '1.2.3' } };
const tables = householdFactory.build({ seed: 5, months: 2, entriesPerMonth: 4, debts: 2 });
const household = tables.settings[0]!.id;

function file(meta: object = {}): Record<string, unknown> {
  return JSON.parse(serializeBackup(tables, { ...META, ...meta })) as Record<string, unknown>;
}

async function errorOf(value: unknown): Promise<AnyamError> {
  try {
    await validateBackup(value);
  } catch (error) {
    if (error instanceof AnyamError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

const sorted = <T extends BaseRecord>(rows: readonly T[]): T[] => [...rows].sort(byId);

describe('a file of each version', () => {
  it('keeps every table it holds, row for row, and reads the tables it did not know as empty', async () => {
    for (const table of ['debts', 'repayments', 'funds', 'setAsides'] as const) {
      expect(tables[table].length, table).toBeGreaterThan(0);
    }
    for (let version = 3; version <= BACKUP_VERSION; version++) {
      const known = TABLES_OF_VERSION[version]!;
      const whole = file().tables as Record<string, unknown>;
      const value = {
        ...file(),
        version,
        tables: Object.fromEntries(known.map((t) => [t, whole[t]])),
      };
      const read = await validateBackup(value);
      expect(read.version).toBe(version);
      for (const table of TABLE_NAMES) {
        expect(read.tables[table], `${table} of version ${version}`).toEqual(
          known.includes(table) ? sorted(tables[table] as BaseRecord[]) : [],
        );
      }
    }
  });

  it('gives back the envelope: no changes and no sender for a whole household', async () => {
    const read = await validateBackup(file());
    expect(read).toMatchObject({
      format: 'anyam-backup',
      version: BACKUP_VERSION,
      exportedAt: META.exportedAt,
      app: META.app,
      changes: null,
      sender: null,
    });
  });
});

describe('refusing the envelope, naming what is wrong', () => {
  it.each([
    ['an array', []],
    ['null', null],
    ['a string', 'anyam'],
    ['a Date', new Date(0)],
  ])('is not an object: %s', async (_name, value) => {
    const error = await errorOf(value);
    expect([error.code, error.details]).toEqual([
      'backup/wrong-format',
      { reason: 'not-an-object' },
    ]);
  });

  it('reads an envelope without a prototype like any other', async () => {
    const value = Object.assign(Object.create(null) as object, file());
    expect((await validateBackup(value)).version).toBe(BACKUP_VERSION);
  });

  it('names the format, the version, the field, the time and the table', async () => {
    const cases: [Record<string, unknown>, string, Record<string, unknown>][] = [
      [{ format: 'other' }, 'backup/wrong-format', { reason: 'format', format: 'other' }],
      [{ version: '7' }, 'backup/wrong-format', { reason: 'version', version: '7' }],
      [{ version: 1.5 }, 'backup/wrong-format', { reason: 'version', version: 1.5 }],
      [{ version: 0 }, 'backup/wrong-format', { reason: 'version', version: 0 }],
      [
        { version: BACKUP_VERSION + 1 },
        'backup/future-version',
        { version: BACKUP_VERSION + 1, supported: BACKUP_VERSION },
      ],
      [{ extra: 1 }, 'backup/wrong-format', { reason: 'unknown-field', field: 'extra' }],
      [
        { exportedAt: '2026-03-01' },
        'backup/wrong-format',
        { reason: 'exportedAt', exportedAt: '2026-03-01' },
      ],
      [{ app: null }, 'backup/wrong-format', { reason: 'app' }],
      [{ app: { name: 'Anyam' } }, 'backup/wrong-format', { reason: 'app' }],
      [{ app: { version: '1' } }, 'backup/wrong-format', { reason: 'app' }],
      [{ app: { name: 1, version: '1' } }, 'backup/wrong-format', { reason: 'app' }],
      [{ tables: [] }, 'backup/wrong-format', { reason: 'tables' }],
    ];
    for (const [change, code, details] of cases) {
      const error = await errorOf({ ...file(), ...change });
      expect([error.code, error.details], JSON.stringify(change)).toEqual([code, details]);
    }
    const whole = file().tables as Record<string, unknown>;
    const { entries: _entries, ...withoutEntries } = whole;
    const tableCases: [Record<string, unknown>, string, Record<string, unknown>][] = [
      [
        { ...whole, rollups: [] },
        'backup/wrong-format',
        { reason: 'unknown-table', table: 'rollups' },
      ],
      [withoutEntries, 'backup/missing-table', { table: 'entries' }],
      [
        { ...whole, plans: {} },
        'backup/wrong-format',
        { reason: 'table-not-array', table: 'plans' },
      ],
    ];
    for (const [t, code, details] of tableCases) {
      const error = await errorOf({ ...file(), tables: t });
      expect([error.code, error.details]).toEqual([code, details]);
    }
  });
});

describe('the sender of a household file', () => {
  it('is read when it names a member or none, and null when the file has none', async () => {
    expect((await validateBackup(file())).sender).toBeNull();
    expect((await validateBackup(file({ sender: { memberId: null } }))).sender).toEqual({
      memberId: null,
    });
    const id = 'm'.repeat(100);
    expect((await validateBackup(file({ sender: { memberId: id } }))).sender).toEqual({
      memberId: id,
    });
  });

  it.each([
    ['an empty id', { memberId: '' }],
    ['an id past 100 characters', { memberId: 'm'.repeat(101) }],
    ['a number', { memberId: 7 }],
    ['no id', {}],
    ['another key', { memberId: null, name: 'x' }],
    ['not an object', ['m']],
  ])('is refused when it holds %s', async (_name, sender) => {
    const error = await errorOf({ ...file(), sender });
    expect([error.code, error.details]).toEqual(['backup/wrong-format', { reason: 'sender' }]);
  });
});

describe('the changes header of a changes-only file', () => {
  const since = '2026-02-01T00:00:00.000Z';

  it('is read with its date and household, and the household must be the file’s settings row', async () => {
    const read = await validateBackup(file({ changes: { since, household } }));
    expect(read.changes).toEqual({ since, household });
    const other = await errorOf(file({ changes: { since, household: 'h'.repeat(100) } }));
    expect([other.code, other.details]).toEqual([
      'backup/changes-incomplete',
      { missing: 'settings', household: 'h'.repeat(100) },
    ]);
  });

  it.each([
    ['another key', { since, household: 'h', more: 1 }],
    ['a date that is not a timestamp', { since: '2026-02-01', household: 'h' }],
    ['no household', { since }],
    ['an empty household', { since, household: '' }],
    ['a household past 100 characters', { since, household: 'h'.repeat(101) }],
    ['not an object', [since]],
  ])('is refused when it holds %s', async (_name, changes) => {
    const error = await errorOf({ ...file(), changes });
    expect([error.code, error.details]).toEqual(['backup/wrong-format', { reason: 'changes' }]);
  });
});

describe('a record that breaks its schema', () => {
  it('is named by table, index, id, field, its own code, the rule and what was received', async () => {
    const value = file();
    const entries = (value.tables as Record<string, Record<string, unknown>[]>).entries!;
    entries[1] = { ...entries[1]!, amountMinor: -5 };
    const error = await errorOf(value);
    expect(error.code).toBe('backup/invalid-record');
    expect(error.details).toMatchObject({
      table: 'entries',
      index: 1,
      id: entries[1].id,
      field: 'amountMinor',
      recordCode: 'entry/invalid-amount',
    });
    expect(error.details.rule).not.toBeNull();
    // What valibot received, as the text the message shows.
    expect(error.details.received).toBe('-5');
  });

  it('lists the schema’s issues when the record has the wrong shape', async () => {
    const value = file();
    const entries = (value.tables as Record<string, Record<string, unknown>[]>).entries!;
    entries[0] = { ...entries[0]!, note: 7 };
    const error = await errorOf(value);
    expect(error.details).toMatchObject({
      table: 'entries',
      index: 0,
      recordCode: 'entry/invalid',
    });
    expect((error.details.issues as unknown[]).length).toBeGreaterThan(0);
  });
});

describe('progress while validating', () => {
  it('reports 0, then after each full slice, then every row, all of the total', async () => {
    const total = TABLE_NAMES.reduce((n, t) => n + tables[t].length, 0);
    const reports: JobProgress[] = [];
    await validateBackup(file(), { sliceSize: 7, onProgress: (p) => reports.push(p) });
    const slices = Array.from({ length: Math.floor(total / 7) }, (_, i) => (i + 1) * 7);
    expect(reports).toEqual(
      [0, ...slices, total].map((done) => ({ phase: 'validating', done, total })),
    );
  });
});

describe('parsing untrusted JSON, the rules left', () => {
  it('reads −0 as 0', () => {
    const parsed = parseJsonSafely('{"amountMinor": -0, "list": [-0]}') as {
      amountMinor: number;
      list: number[];
    };
    expect(Object.is(parsed.amountMinor, 0)).toBe(true);
    expect(Object.is(parsed.list[0], 0)).toBe(true);
  });

  it('says what the parser found in bad JSON', () => {
    try {
      parseJsonSafely('{"a": }');
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as AnyamError).code).toBe('backup/not-json');
      const message = (error as AnyamError).details.message;
      expect(typeof message === 'string' && message.length > 0, String(message)).toBe(true);
    }
  });
});

describe('a file from before places (versions 1 and 2)', () => {
  /** The file an Anyam of that version wrote for `tables` (as tests/db/backup-places.test.ts). */
  function olderFile(version: 1 | 2, sample = false): Record<string, unknown> {
    const whole = file().tables as Record<string, Record<string, unknown>[]>;
    const known = TABLES_OF_VERSION[version]!;
    const out = Object.fromEntries(known.map((t) => [t, whole[t]!]));
    out.savings = whole.savings!.map(({ placeId: _placeId, ...s }) => ({ ...s, isSample: sample }));
    if (version === 1) out.streams = whole.streams!.map(({ payDay: _payDay, ...s }) => s);
    return { ...file(), version, tables: out };
  }

  it('reads as the database upgrade reads it: streams without a pay day, no payments or skips, the snapshots in one place', async () => {
    expect(tables.streams.some((s) => s.payDay !== null)).toBe(true);
    expect(tables.savings.length).toBeGreaterThan(0);
    const read = await validateBackup(olderFile(1));
    expect(read.tables.streams.map((s) => s.payDay)).toEqual(tables.streams.map(() => null));
    expect(read.tables.streams.map(({ payDay: _p, ...s }) => s)).toEqual(
      sorted(tables.streams).map(({ payDay: _p, ...s }) => s),
    );
    expect([read.tables.payments, read.tables.skips]).toEqual([[], []]);
    const place = migratedPlace(
      tables.savings.map((s) => ({ ...s, isSample: false })),
      tables.settings[0]!.baseCurrency,
    )!;
    expect(read.tables.places).toEqual([place]);
    expect(read.tables.savings).toEqual(
      sorted(tables.savings).map((s) => ({ ...s, isSample: false, placeId: MIGRATED_PLACE_ID })),
    );
    // Every other table as written.
    for (const table of ['members', 'entries', 'plans', 'rates', 'training', 'settings'] as const) {
      expect(read.tables[table], table).toEqual(sorted(tables[table] as BaseRecord[]));
    }
  });

  it('adds only the pay day a version-1 stream lacks: one it carries is kept', async () => {
    const value = olderFile(1);
    const whole = file().tables as Record<string, Record<string, unknown>[]>;
    const streams = (value.tables as Record<string, Record<string, unknown>[]>).streams!;
    const index = whole.streams!.findIndex((s) => s.payDay !== null);
    streams[index] = whole.streams![index]!;
    const read = await validateBackup(value);
    expect(read.tables.streams[index]!.payDay).toEqual(whole.streams![index]!.payDay);
    expect(read.tables.streams[index]!.payDay).not.toBeNull();
  });

  it('keeps a version-2 file’s pay days, payments and skips', async () => {
    const read = await validateBackup(olderFile(2));
    expect(read.tables.streams).toEqual(sorted(tables.streams));
    expect(read.tables.payments).toEqual(sorted(tables.payments));
    expect(read.tables.skips).toEqual(sorted(tables.skips));
    expect(read.tables.places.map((p) => p.id)).toEqual([MIGRATED_PLACE_ID]);
  });

  it('makes no place when there is no snapshot', async () => {
    const value = olderFile(2);
    (value.tables as Record<string, unknown>).savings = [];
    const read = await validateBackup(value);
    expect([read.tables.places, read.tables.savings]).toEqual([[], []]);
  });

  it('refuses a snapshot that is not an object as an invalid record, not a crash', async () => {
    const value = olderFile(2);
    const rows = value.tables as Record<string, unknown[]>;
    rows.savings = [...rows.savings!, null];
    const error = await errorOf(value);
    expect(error.code).toBe('backup/invalid-record');
    expect(error.details).toMatchObject({
      table: 'savings',
      index: rows.savings.length - 1,
      recordCode: 'saving/invalid',
      received: 'null',
    });
  });

  it('refuses a file whose only snapshot is not an object the same way', async () => {
    const value = olderFile(2);
    (value.tables as Record<string, unknown[]>).savings = [null];
    const error = await errorOf(value);
    expect([error.code, error.details]).toMatchObject([
      'backup/invalid-record',
      { table: 'savings', index: 0, recordCode: 'saving/invalid', received: 'null' },
    ]);
  });

  it('makes the place a sample only when every snapshot is one', async () => {
    expect((await validateBackup(olderFile(2, true))).tables.places[0]!.isSample).toBe(true);
    expect((await validateBackup(olderFile(2, false))).tables.places[0]!.isSample).toBe(false);
  });
});

describe('the record rules a changes-only file is spared', () => {
  it('checks an arrival’s rate in a whole backup only: a changes-only file need not carry the rates', async () => {
    const value = file();
    const rows = value.tables as Record<string, Record<string, unknown>[]>;
    const entries = rows.entries!;
    // A place in Swiss francs, a currency the household has no rate for.
    const place = {
      ...rows.places![0]!,
      id: '0a5e1c4e-6b7a-4c2d-9e8f-00000000c4f0',
      currency: 'CHF',
    };
    rows.places = [...rows.places!, place];
    const index = entries.findIndex((e) => e.status === 'received');
    const entry = entries[index]!;
    entries[index] = {
      ...entry,
      arrival: {
        on: entry.date,
        placeId: place.id,
        landedMinor: 100,
        landedCurrency: 'CHF',
        feeMinor: null,
        via: '',
      },
    };
    expect(tables.rates.some((r) => r.currency === 'CHF')).toBe(false);
    const whole = await errorOf(value);
    expect([whole.code, whole.details.recordCode]).toEqual([
      'backup/invalid-record',
      'entry/arrival-no-rate',
    ]);
    const changes = { since: '2026-02-01T00:00:00.000Z', household };
    const read = await validateBackup({ ...value, changes });
    expect(read.tables.entries.find((e) => e.id === entry.id)?.arrival?.landedCurrency).toBe('CHF');
  });
});

describe('a big file read without a progress listener', () => {
  it('is read all the same', async () => {
    const read = await validateBackup(file(), { sliceSize: 3 });
    expect(read.tables.entries).toEqual(sorted(tables.entries));
  });
});
