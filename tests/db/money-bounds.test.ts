import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  applyRestore,
  checkCsv,
  exportBackup,
  guessMapping,
  importCsv,
  readBackupFile,
} from '../../src/lib/db/backup';
import { serializeBackup } from '../../src/lib/db/backup/backup-format';
import { useDatabase, type AnyamDatabase } from '../../src/lib/db/database';
import {
  addEntry,
  addPlan,
  addRate,
  addStream,
  deleteEntries,
  updateEntry,
  type EntryInput,
} from '../../src/lib/db/repo';
import type { HouseholdTables } from '../../src/lib/domain/model';
import { MAX_MINOR, MAX_TOTAL_MINOR, parseMoney } from '../../src/lib/domain/money';
import { errorOf } from '../refusal';
import { checksumTables } from './checksum';
import { codeOf, dropDatabase, freshDatabase, seedBasics, type Basics } from './helpers';

/*
 * Defect 1 of issue 13: quick add 9999999999999.99 ten times into one IDR stream and the sums
 * passed 2^53, so formatMoney threw and the dashboard died. Now no write, import or restore may
 * raise a total past MAX_TOTAL_MINOR, and what is refused changes nothing.
 */
const BIGGEST = parseMoney('9999999999999.99', 'IDR', 'en');

let db: AnyamDatabase;
let h: Basics;

beforeEach(async () => {
  db = freshDatabase('bounds');
  h = await seedBasics();
});
afterEach(() => dropDatabase(db));

const entryOf = (amountMinor: number, over: Partial<EntryInput> = {}): EntryInput => ({
  streamId: h.idr.id,
  date: '2025-06-01',
  amountMinor,
  ...over,
});

/** A CSV of date, stream, amount and currency columns, checked as the import screen would. */
function checkedCsv(text: string) {
  return checkCsv(text, {
    mapping: guessMapping(['date', 'stream', 'amount', 'currency']),
    dateFormat: 'YYYY-MM-DD',
    decimalSeparator: '.',
  });
}

describe('the money bounds', () => {
  it('keeps every total nine times below 2^53', () => {
    expect(MAX_MINOR).toBeLessThanOrEqual(MAX_TOTAL_MINOR);
    expect(MAX_TOTAL_MINOR * 9).toBeLessThan(Number.MAX_SAFE_INTEGER);
    expect(BIGGEST).toBe(999_999_999_999_999);
  });

  it('refuses the second quick add of 9999999999999.99 and changes nothing', async () => {
    await addEntry(entryOf(BIGGEST));
    const before = await checksumTables(db);
    for (let i = 0; i < 9; i++) {
      expect(await codeOf(addEntry(entryOf(BIGGEST)))).toBe('money/total-too-large');
    }
    expect(await checksumTables(db)).toEqual(before);
    const total = (await db.rollups.toArray()).reduce((n, r) => n + r.amountMinor, 0);
    expect(Number.isSafeInteger(total)).toBe(true);
  });

  it('refuses an edit or a rate that would raise a total, but always lets amounts go down', async () => {
    const entry = await addEntry(entryOf(MAX_TOTAL_MINOR / 2));
    await addEntry(entryOf(MAX_TOTAL_MINOR / 2));
    const before = await checksumTables(db);
    expect(await codeOf(updateEntry(entry.id, { amountMinor: MAX_TOTAL_MINOR / 2 + 1 }))).toBe(
      'money/total-too-large',
    );
    expect(await checksumTables(db)).toEqual(before);
    await updateEntry(entry.id, { amountMinor: 1 });
    await deleteEntries([entry.id]);

    // The base-currency total: a rate that makes USD entries worth too much is refused, even
    // when each entry alone converts to less than the limit.
    await addEntry(entryOf(1_000_000_000, { streamId: h.usd.id, date: '2025-08-01' }));
    await addEntry(entryOf(1_000_000_000, { streamId: h.usd.id, date: '2025-08-02' }));
    const withUsd = await checksumTables(db);
    expect(await codeOf(addRate({ currency: 'USD', date: '2025-07-15', value: '900000' }))).toBe(
      'money/total-too-large',
    );
    expect(await checksumTables(db)).toEqual(withUsd);
  });

  it('refuses plans whose total in one currency would pass the limit', async () => {
    const plan = {
      name: 'Rumah',
      category: 'other' as const,
      amountMinor: MAX_MINOR,
      currency: 'IDR',
      cadence: 'once' as const,
      dueOn: '2026-01-01',
    };
    await addPlan(plan);
    const before = await checksumTables(db);
    expect(await codeOf(addPlan(plan))).toBe('money/total-too-large');
    expect(await checksumTables(db)).toEqual(before);
  });

  it('refuses a backup file of 20 such entries before anything is written', async () => {
    const file = (await exportBackup()).text;
    const tables = (JSON.parse(file) as { tables: HouseholdTables }).tables;
    const template = (await addEntry(entryOf(1))).id;
    const one = (await db.entries.get(template))!;
    await deleteEntries([template]);
    tables.entries = Array.from({ length: 20 }, (_, i) => ({
      ...one,
      id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      amountMinor: BIGGEST,
    }));
    const text = serializeBackup(tables, {
      exportedAt: '2026-01-01T00:00:00.000Z',
      app: { name: 'Anyam', version: 'test' },
    });
    expect(await codeOf(readBackupFile(text))).toBe('backup/total-too-large');
  });

  it('refuses a merge whose result passes the limit, and changes nothing', async () => {
    // The other phone took a copy before this one logged a very large amount.
    const file = (await exportBackup()).text;
    await addEntry(entryOf(MAX_TOTAL_MINOR - 10));
    const mine = await checksumTables(db);
    // The other phone: the same household with one more entry of its own.
    const other = freshDatabase('bounds-other');
    try {
      await applyRestore(await readBackupFile(file), 'replace');
      await addEntry(entryOf(100));
      const theirs = (await exportBackup()).text;
      useDatabase(db);
      expect(await codeOf(applyRestore(await readBackupFile(theirs), 'merge'))).toBe(
        'money/total-too-large',
      );
      expect(await checksumTables(db)).toEqual(mine);
    } finally {
      await dropDatabase(other);
    }
  });

  it('refuses a CSV import that would pass the limit, and changes nothing', async () => {
    await addEntry(entryOf(MAX_TOTAL_MINOR - 100));
    const before = await checksumTables(db);
    const text =
      'date,stream,amount,currency\n2025-06-02,Warung,1.00,IDR\n2025-06-03,Warung,1.00,IDR\n';
    const report = await checkedCsv(text);
    expect(report.errors).toEqual([]);
    expect(await codeOf(importCsv(report))).toBe('money/total-too-large');
    expect(await checksumTables(db)).toEqual(before);
  });

  it('refuses one CSV file the same way however its import is cut into chunks', async () => {
    // Two totals pass the limit: IDR on the file's first row, EUR (no rate, so no base) on its
    // second. A check per chunk would name IDR; the one check at the end names the first in code order.
    const eur = await addStream({
      memberId: h.member.id,
      name: 'Euro work',
      kind: 'microtask',
      currency: 'EUR',
    });
    await addEntry(entryOf(MAX_TOTAL_MINOR - 100));
    await addEntry(entryOf(MAX_TOTAL_MINOR - 100, { streamId: eur.id }));
    const before = await checksumTables(db);
    const text =
      'date,stream,amount,currency\n2025-06-02,Warung,5.00,IDR\n2025-06-03,Euro work,5.00,EUR\n';
    const report = await checkedCsv(text);
    expect(report.errors).toEqual([]);
    const refused = async (chunkSize?: number) => {
      const e = await errorOf(importCsv(report, {}, { chunkSize }));
      return { code: e.code, details: e.details };
    };
    const whole = {
      code: 'money/total-too-large',
      details: { currency: 'EUR', limit: MAX_TOTAL_MINOR },
    };
    expect(await refused()).toEqual(whole);
    expect(await refused(1)).toEqual(whole);
    expect(await checksumTables(db)).toEqual(before);
  });
});
