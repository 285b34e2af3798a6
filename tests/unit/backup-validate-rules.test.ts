import { describe, expect, it } from 'vitest';
import {
  BACKUP_VERSION,
  TABLES_OF_VERSION,
  byId,
  serializeBackup,
} from '../../src/lib/db/backup/backup-format';
import {
  checkBalances,
  checkCarried,
  checkRecordRules,
  checkReferences,
  checkTotals,
} from '../../src/lib/db/backup/backup-record-checks';
import { checkSetAsides } from '../../src/lib/db/backup/backup-fund-checks';
import { parseJsonSafely, validateBackup } from '../../src/lib/db/backup/backup-validate';
import type { JobProgress } from '../../src/lib/db/backup/cancel';
import {
  AnyamError,
  TABLE_NAMES,
  type BaseRecord,
  type HouseholdTables,
} from '../../src/lib/domain/model';
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

/*
 * The checks of a file's records as a whole (backup-record-checks.ts, backup-fund-checks.ts,
 * backup-debt-checks.ts), called one by one on a household's tables: each refusal names the
 * table, the row, the field and what it points at, as the error report shows them.
 */
type Rows = Record<string, Record<string, unknown>[]>;
/** A deep copy of the household's tables, to break one record in. */
const copy = (): HouseholdTables => structuredClone(tables);
const rowsOf = (t: HouseholdTables) => t as unknown as Rows;
const UNKNOWN = '0a5e1c4e-6b7a-4c2d-9e8f-0000000000ff';
const refusalOf = (f: () => void): AnyamError => {
  try {
    f();
  } catch (error) {
    if (error instanceof AnyamError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

/** A live skip of `kind` naming `sourceId`, added at the end of the skips. */
function withSkip(t: HouseholdTables, kind: string, sourceId: unknown): number {
  const skip = { ...tables.skips[0]!, id: UNKNOWN, kind, sourceId };
  rowsOf(t).skips!.push(skip);
  return t.skips.length - 1;
}

describe('every record names records of the file', () => {
  const references: [string, string, string][] = [
    ['streams', 'memberId', 'members'],
    ['entries', 'streamId', 'streams'],
    ['entries', 'memberId', 'members'],
    ['plans', 'memberId', 'members'],
    ['training', 'memberId', 'members'],
    ['savings', 'placeId', 'places'],
    ['payments', 'planId', 'plans'],
    ['groupPayments', 'groupId', 'groups'],
    ['repayments', 'debtId', 'debts'],
  ];

  it.each(references)(
    'refuses a row of %s whose %s names no %s, naming it',
    (table, field, target) => {
      const t = copy();
      const rows = rowsOf(t)[table]!;
      expect(rows.length).toBeGreaterThan(0);
      const index = rows.length - 1;
      rows[index] = { ...rows[index]!, [field]: UNKNOWN };
      const details = { table, index, id: rows[index].id, field, target, targetId: UNKNOWN };
      const error = refusalOf(() => checkReferences(t));
      expect([error.code, error.details]).toEqual(['backup/dangling-reference', details]);
      // A changes-only file names the same row as one it failed to carry.
      const changes = { since: '2026-02-01T00:00:00.000Z', household };
      const carried = refusalOf(() => checkCarried(t, changes));
      expect([carried.code, carried.details]).toEqual([
        'backup/changes-incomplete',
        { ...details, missing: target },
      ]);
    },
  );

  it('refuses an empty reference except a plan’s member (a plan of the whole household)', () => {
    const plans = copy();
    rowsOf(plans).plans![0]!.memberId = null;
    expect(() => checkReferences(plans)).not.toThrow();
    const entries = copy();
    rowsOf(entries).entries![0]!.memberId = null;
    expect(refusalOf(() => checkReferences(entries)).details).toMatchObject({
      table: 'entries',
      index: 0,
      field: 'memberId',
      targetId: null,
    });
  });

  it('counts deleted records as in the file', () => {
    const t = copy();
    for (const table of ['members', 'streams', 'plans', 'places', 'groups', 'debts']) {
      for (const row of rowsOf(t)[table]!) row.deletedAt = '2026-03-01T00:00:00.000Z';
    }
    expect(() => checkReferences(t)).not.toThrow();
  });

  it.each([
    ['stream', 'streams', 'plans'],
    ['plan', 'plans', 'streams'],
    ['debt', 'debts', 'plans'],
  ])('reads a skip of a %s as naming one of the %s', (kind, target, other) => {
    const t = copy();
    const id = rowsOf(t)[target]![0]!.id;
    withSkip(t, kind, id);
    expect(() => checkReferences(t)).not.toThrow();
    const wrong = copy();
    const index = withSkip(wrong, kind, rowsOf(wrong)[other]![0]!.id);
    expect(refusalOf(() => checkReferences(wrong)).details).toMatchObject({
      table: 'skips',
      index,
      field: 'sourceId',
      target,
    });
  });

  it('needs the settings row the changes header names, and none other', () => {
    const changes = { since: '2026-02-01T00:00:00.000Z', household };
    expect(() => checkCarried(copy(), changes)).not.toThrow();
    const none = copy();
    none.settings = [];
    const error = refusalOf(() => checkCarried(none, changes));
    expect([error.code, error.details]).toEqual([
      'backup/changes-incomplete',
      { missing: 'settings', household },
    ]);
  });

  it('lets a fault that is no refusal through as it is', () => {
    const t = copy() as Partial<HouseholdTables>;
    delete t.groups;
    const changes = { since: '2026-02-01T00:00:00.000Z', household };
    expect(() => checkCarried(t as HouseholdTables, changes)).toThrow(TypeError);
  });
});

describe('balances and repayments', () => {
  it('refuses a negative balance outside a place of kind "other", naming the row', () => {
    const t = copy();
    const index = t.savings.length - 1;
    rowsOf(t).savings![index]!.amountMinor = -1;
    const error = refusalOf(() => checkBalances(t));
    expect([error.code, error.details]).toEqual([
      'backup/invalid-record',
      {
        table: 'savings',
        index,
        id: t.savings[index]!.id,
        field: 'amountMinor',
        recordCode: 'saving/negative-balance',
        issues: [],
      },
    ]);
    rowsOf(t).places![0]!.kind = 'other';
    expect(() => checkBalances(t)).not.toThrow();
    // A balance of a place the file lacks is read as "other": the references check names it.
    rowsOf(t).places![0]!.kind = 'bank';
    rowsOf(t).savings![index]!.placeId = UNKNOWN;
    expect(() => checkBalances(t)).not.toThrow();
  });

  it('refuses a repayment past what was left of its debt, naming what was left', () => {
    const t = copy();
    const debt = t.debts.find((d) => d.deletedAt === null)!;
    const paid = t.repayments.filter((r) => r.debtId === debt.id && r.deletedAt === null);
    const sum = paid.reduce((s, r) => s + r.amountMinor, 0);
    const last = {
      ...(paid[0] ?? t.repayments[0]!),
      id: UNKNOWN,
      debtId: debt.id,
      date: '2099-01-01',
      amountMinor: debt.amountMinor - sum,
    };
    t.repayments.push(last);
    expect(() => checkBalances(t)).not.toThrow();
    t.repayments[t.repayments.length - 1] = { ...last, amountMinor: last.amountMinor + 1 };
    const error = refusalOf(() => checkBalances(t));
    expect([error.code, error.details]).toEqual([
      'backup/invalid-record',
      {
        table: 'repayments',
        index: t.repayments.length - 1,
        id: UNKNOWN,
        field: 'amountMinor',
        recordCode: 'repayment/more-than-left',
        left: debt.amountMinor - sum,
        currency: debt.currency,
        issues: [],
      },
    ]);
  });
});

describe('the record rules and the totals of a file', () => {
  it('names the row, the field and the rule a record breaks', () => {
    const t = copy();
    const index = 1;
    const other = t.members.find((m) => m.id !== t.entries[index]!.memberId)!;
    rowsOf(t).entries![index]!.memberId = other.id;
    const error = refusalOf(() => checkRecordRules(t));
    expect([error.code, error.details]).toEqual([
      'backup/invalid-record',
      {
        table: 'entries',
        index,
        id: t.entries[index]!.id,
        field: 'memberId',
        recordCode: 'entry/member-mismatch',
        issues: [],
      },
    ]);
  });

  it('refuses a date more than a year after today', () => {
    const t = copy();
    rowsOf(t).entries![0]!.date = '2999-01-01';
    expect(refusalOf(() => checkRecordRules(t, false)).details).toMatchObject({
      table: 'entries',
      index: 0,
      field: 'date',
      recordCode: 'entry/date-too-far',
    });
  });

  it('refuses live entries or plans whose totals cannot be added exactly, not deleted ones', () => {
    const huge = 600_000_000_000_000;
    const t = copy();
    const [a, b] = t.entries.filter(
      (e) => e.deletedAt === null && e.currency === t.settings[0]!.baseCurrency,
    );
    rowsOf(t).entries!.find((e) => e.id === a!.id)!.amountMinor = huge;
    rowsOf(t).entries!.find((e) => e.id === b!.id)!.amountMinor = huge;
    const error = refusalOf(() => checkTotals(t));
    expect(error.code).toBe('backup/total-too-large');
    expect(error.details).not.toEqual({});
    rowsOf(t).entries!.find((e) => e.id === b!.id)!.deletedAt = '2026-03-01T00:00:00.000Z';
    expect(() => checkTotals(t)).not.toThrow();

    const plans = copy();
    for (const p of rowsOf(plans).plans!) Object.assign(p, { amountMinor: huge, currency: 'IDR' });
    expect(plans.plans.length).toBeGreaterThan(1);
    expect(refusalOf(() => checkTotals(plans)).code).toBe('backup/total-too-large');
  });
});

describe('set-asides', () => {
  /** The household with its last set-aside taken from a received entry of its currency. */
  const withEntry = () => {
    const t = copy();
    const index = t.setAsides.length - 1;
    const saved = rowsOf(t).setAsides![index]!;
    const entry = rowsOf(t).entries!.find(
      (e) =>
        e.status === 'received' &&
        e.deletedAt === null &&
        e.currency === saved.currency &&
        (e.amountMinor as number) >= (saved.amountMinor as number),
    )!;
    saved.entryId = entry.id;
    expect(() => checkSetAsides(t, null)).not.toThrow();
    return { t, index, saved, entry };
  };

  it('name a fund of the file: a dangling reference, or in a changes-only file one not carried', () => {
    const t = copy();
    const index = t.setAsides.length - 1;
    rowsOf(t).setAsides![index]!.fundId = UNKNOWN;
    const details = {
      table: 'setAsides',
      index,
      id: t.setAsides[index]!.id,
      field: 'fundId',
      target: 'funds',
      missing: 'funds',
      targetId: UNKNOWN,
    };
    const whole = refusalOf(() => checkSetAsides(t, null));
    expect([whole.code, whole.details]).toEqual(['backup/dangling-reference', details]);
    const changes = { since: '2026-02-01T00:00:00.000Z', household };
    const part = refusalOf(() => checkSetAsides(t, changes));
    expect([part.code, part.details]).toEqual(['backup/changes-incomplete', details]);
  });

  it('are in their fund’s currency, and a live one in its entry’s', () => {
    const { t, index, saved, entry } = withEntry();
    const fund = rowsOf(t).funds!.find((f) => f.id === saved.fundId)!;
    const otherCurrency = saved.currency === 'EUR' ? 'JPY' : 'EUR';
    fund.currency = otherCurrency;
    // The first set-aside of the fund is named.
    const first = t.setAsides.findIndex((s) => s.fundId === saved.fundId);
    const error = refusalOf(() => checkSetAsides(t, null));
    expect([error.code, error.details]).toEqual([
      'backup/invalid-record',
      {
        table: 'setAsides',
        index: first,
        id: t.setAsides[first]!.id,
        field: 'currency',
        recordCode: 'set-aside/other-currency',
        issues: [],
      },
    ]);
    fund.currency = saved.currency;
    entry.currency = otherCurrency;
    expect(refusalOf(() => checkSetAsides(t, null)).details).toMatchObject({
      index,
      field: 'currency',
      recordCode: 'set-aside/other-currency',
    });
    // Deleted, it no longer holds money of the entry; without its entry in the file, it is kept.
    saved.deletedAt = '2026-03-01T00:00:00.000Z';
    expect(() => checkSetAsides(t, null)).not.toThrow();
    saved.deletedAt = null;
    saved.entryId = UNKNOWN;
    expect(() => checkSetAsides(t, null)).not.toThrow();
  });

  it('from one live entry add up to at most what it received', () => {
    const { t, index, saved, entry } = withEntry();
    // A second set-aside from the same entry, so that only their sum is too much.
    const second: Record<string, unknown> = { ...saved, id: UNKNOWN, amountMinor: 1 };
    rowsOf(t).setAsides!.push(second);
    const held = (saved.amountMinor as number) + 1;
    entry.amountMinor = held;
    expect(() => checkSetAsides(t, null)).not.toThrow();
    entry.amountMinor = held - 1;
    const error = refusalOf(() => checkSetAsides(t, null));
    expect([error.code, error.details]).toEqual([
      'backup/invalid-record',
      {
        table: 'setAsides',
        index,
        id: saved.id,
        field: 'amountMinor',
        recordCode: 'set-aside/more-than-received',
        issues: [],
      },
    ]);
    // A deleted entry holds nothing back, and a deleted set-aside holds nothing.
    entry.deletedAt = '2026-03-01T00:00:00.000Z';
    expect(() => checkSetAsides(t, null)).not.toThrow();
    entry.deletedAt = null;
    second.deletedAt = '2026-03-01T00:00:00.000Z';
    expect(() => checkSetAsides(t, null)).not.toThrow();
  });

  it('name a live set-aside of the entry they over-hold, never a deleted one listed before it', () => {
    const { t, index, saved, entry } = withEntry();
    // A deleted set-aside of the same entry, first in the table: it holds nothing, so it is
    // not the row the person is sent to.
    const gone = { ...saved, id: UNKNOWN, deletedAt: '2026-03-01T00:00:00.000Z' };
    rowsOf(t).setAsides!.unshift(gone);
    entry.amountMinor = (saved.amountMinor as number) - 1;
    expect(refusalOf(() => checkSetAsides(t, null)).details).toMatchObject({
      index: index + 1,
      id: saved.id,
      recordCode: 'set-aside/more-than-received',
    });
  });
});
