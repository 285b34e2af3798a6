import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBackupFile } from '../../src/lib/db/backup';
import { serializeBackup, TABLES_OF_VERSION } from '../../src/lib/db/backup/backup-format';
import type { TableName } from '../../src/lib/domain/model';
import type { AnyamDatabase } from '../../src/lib/db/database';
import {
  addEntry,
  addFund,
  deleteFund,
  deleteSetAside,
  listFunds,
  restoreFund,
  setAside,
  updateEntry,
  updateFund,
} from '../../src/lib/db/repo';
import { exportBackup } from '../../src/lib/db/backup';
import type { Entry, Fund, HouseholdTables } from '../../src/lib/domain/model';
import { PINNED_TODAY } from '../pinned-day';
import { errorOf } from '../refusal';
import { codeOf, dropDatabase, freshDatabase, seedBasics, type Basics } from './helpers';

let db: AnyamDatabase;
let basics: Basics;
let fund: Fund;
let entry: Entry;

beforeEach(async () => {
  db = freshDatabase('funds');
  basics = await seedBasics();
  entry = await addEntry({ streamId: basics.idr.id, date: '2026-11-20', amountMinor: 1_000_000 });
  fund = await addFund({
    name: 'Lebaran 2027',
    targetMinor: 6_000_000,
    currency: 'IDR',
    dueOn: '2027-03-10',
  });
});
afterEach(() => dropDatabase(db));

async function snapshot() {
  return { funds: await db.funds.toArray(), setAsides: await db.setAsides.toArray() };
}

describe('funds: bad input is refused and nothing is written', () => {
  it('refuses a date in the past and a target of 0 or below', async () => {
    const before = await snapshot();
    const add = (targetMinor: number, dueOn: string) =>
      codeOf(addFund({ name: 'Tết', targetMinor, currency: 'IDR', dueOn }));
    expect(await add(1, '2026-11-23')).toBe('fund/date-in-past');
    expect(await add(0, '2027-01-01')).toBe('fund/invalid-target');
    expect(await add(-5, '2027-01-01')).toBe('fund/invalid-target');
    expect(await add(1, PINNED_TODAY)).toBe('resolved');
    expect(await codeOf(updateFund(fund.id, { dueOn: '2026-01-01' }))).toBe('fund/date-in-past');
    expect(await codeOf(updateFund(fund.id, { targetMinor: 0 }))).toBe('fund/invalid-target');
    expect((await snapshot()).setAsides).toEqual(before.setAsides);
    expect((await db.funds.get(fund.id))!).toEqual(fund);
  });

  it('refuses setting aside more than the entry still holds, counting what was set aside', async () => {
    await setAside({ fundId: fund.id, entryId: entry.id, amountMinor: 600_000 });
    const before = await snapshot();
    const over = setAside({ fundId: fund.id, entryId: entry.id, amountMinor: 400_001 });
    expect(await codeOf(over)).toBe('set-aside/more-than-received');
    expect(await snapshot()).toEqual(before);
    // Exactly what is left is fine; a pending entry or another currency is not.
    await setAside({ fundId: fund.id, entryId: entry.id, amountMinor: 400_000 });
    const pending = await addEntry({
      streamId: basics.idr.id,
      date: '2026-11-21',
      amountMinor: 10,
      status: 'pending',
    });
    expect(await codeOf(setAside({ fundId: fund.id, entryId: pending.id, amountMinor: 1 }))).toBe(
      'set-aside/not-received',
    );
    const usd = await addEntry({ streamId: basics.usd.id, date: '2026-11-21', amountMinor: 500 });
    expect(await codeOf(setAside({ fundId: fund.id, entryId: usd.id, amountMinor: 1 }))).toBe(
      'set-aside/other-currency',
    );
  });

  it('keeps an edited entry at least as large as what was set aside from it', async () => {
    await setAside({ fundId: fund.id, entryId: entry.id, amountMinor: 600_000 });
    expect(await codeOf(updateEntry(entry.id, { amountMinor: 599_999 }))).toBe(
      'entry/below-set-aside',
    );
    expect(await codeOf(updateEntry(entry.id, { status: 'pending' }))).toBe(
      'entry/below-set-aside',
    );
    expect((await db.entries.get(entry.id))!.amountMinor).toBe(1_000_000);
    expect(await codeOf(updateEntry(entry.id, { amountMinor: 600_000 }))).toBe('resolved');
  });

  it('Undo takes money back; deleting a fund takes its set-asides, restoring brings them', async () => {
    const row = await setAside({ fundId: fund.id, entryId: entry.id, amountMinor: 300_000 });
    await deleteSetAside(row.id);
    expect((await db.setAsides.get(row.id))!.deletedAt).not.toBeNull();
    const again = await setAside({ fundId: fund.id, entryId: entry.id, amountMinor: 1_000_000 });
    await deleteFund(fund.id);
    expect(await listFunds()).toEqual([]);
    expect((await db.setAsides.get(again.id))!.deletedAt).not.toBeNull();
    await restoreFund(fund.id);
    expect((await db.setAsides.get(again.id))!.deletedAt).toBeNull();
    // The set-aside taken back earlier stays taken back.
    expect((await db.setAsides.get(row.id))!.deletedAt).not.toBeNull();
  });
});

describe('funds in backups', () => {
  async function tables(): Promise<HouseholdTables> {
    return (JSON.parse((await exportBackup()).text) as { tables: HouseholdTables }).tables;
  }
  const META = { exportedAt: '2026-11-24T02:00:00.000Z', app: { name: 'Anyam', version: 't' } };

  it('refuses a file that sets aside more than an entry received, or with a target of 0', async () => {
    await setAside({ fundId: fund.id, entryId: entry.id, amountMinor: 900_000 });
    const t = await tables();
    expect(await codeOf(readBackupFile(serializeBackup(t, META)))).toBe('resolved');
    const over = { ...t, setAsides: [{ ...t.setAsides[0]!, amountMinor: 1_000_001 }] };
    const refused = readBackupFile(serializeBackup(over, META));
    expect(await codeOf(refused)).toBe('backup/invalid-record');
    await refused.catch((e: { details: Record<string, unknown> }) =>
      expect(e.details).toMatchObject({
        table: 'setAsides',
        recordCode: 'set-aside/more-than-received',
      }),
    );
    const zero = { ...t, funds: [{ ...t.funds[0]!, targetMinor: 0 }] };
    await readBackupFile(serializeBackup(zero, META)).catch(
      (e: { details: Record<string, unknown> }) =>
        expect(e.details).toMatchObject({ table: 'funds', recordCode: 'fund/invalid-target' }),
    );
    const dangling = { ...t, funds: [] };
    expect(await codeOf(readBackupFile(serializeBackup(dangling, META)))).toBe(
      'backup/dangling-reference',
    );
  });

  it('reads a version-3 file (before funds) as a household without funds', async () => {
    const t = await tables();
    const { funds: _f, setAsides: _s, ...older } = t;
    // A version-3 file holds exactly the tables of version 3 (none of the later ones).
    const file = JSON.parse(serializeBackup(t, META)) as {
      version: number;
      tables: Record<string, unknown>;
    };
    file.version = 3;
    for (const table of Object.keys(file.tables)) {
      if (!TABLES_OF_VERSION[3]!.includes(table as TableName)) delete file.tables[table];
    }
    const text = JSON.stringify(file);
    const prepared = await readBackupFile(text);
    expect(prepared.backup.tables.funds).toEqual([]);
    expect(prepared.backup.tables.setAsides).toEqual([]);
    expect(prepared.backup.tables.entries).toEqual(older.entries);
  });
});

describe('funds in CSV', () => {
  it('exports each set-aside with its fund, and a fund with nothing set aside once', async () => {
    const { exportFundsCsv } = await import('../../src/lib/db/backup');
    await setAside({ fundId: fund.id, entryId: entry.id, amountMinor: 250_050 });
    await addFund({ name: 'Sekolah', targetMinor: 100_000, currency: 'IDR', dueOn: '2027-07-01' });
    const csv = await exportFundsCsv(new Date('2026-11-24T02:00:00Z'));
    expect(csv.rows).toBe(2);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toEqual([
      'fund,target,fund_currency,fund_date,set_aside_date,set_aside,currency,from_entry',
      `Lebaran 2027,60000.00,IDR,2027-03-10,${PINNED_TODAY},2500.50,IDR,${entry.id}`,
      'Sekolah,1000.00,IDR,2027-07-01,,,,',
    ]);
  });
});

describe('an edited entry keeps what was set aside from it (fund-entry-guard)', () => {
  it('frees an entry whose set-asides were all taken back, and one that never had any', async () => {
    const row = await setAside({ fundId: fund.id, entryId: entry.id, amountMinor: 600_000 });
    await deleteSetAside(row.id);
    expect(await codeOf(updateEntry(entry.id, { amountMinor: 1 }))).toBe('resolved');
    expect(await codeOf(updateEntry(entry.id, { status: 'pending' }))).toBe('resolved');
    const plain = await addEntry({ streamId: basics.idr.id, date: '2026-11-21', amountMinor: 5 });
    expect(await codeOf(updateEntry(plain.id, { status: 'pending' }))).toBe('resolved');
  });

  it('counts only live set-asides: what was taken back does not hold the amount', async () => {
    const gone = await setAside({ fundId: fund.id, entryId: entry.id, amountMinor: 700_000 });
    await deleteSetAside(gone.id);
    await setAside({ fundId: fund.id, entryId: entry.id, amountMinor: 200_000 });
    expect(await codeOf(updateEntry(entry.id, { amountMinor: 200_000 }))).toBe('resolved');
    expect(await codeOf(updateEntry(entry.id, { amountMinor: 199_999 }))).toBe(
      'entry/below-set-aside',
    );
  });

  it('refuses moving a held entry into another currency, naming the amount held and its currency', async () => {
    await setAside({ fundId: fund.id, entryId: entry.id, amountMinor: 600_000 });
    // 1,000,000 cents is above what is held: only the currency refuses.
    const refusal = await errorOf(updateEntry(entry.id, { currency: 'USD' }));
    expect(refusal.code).toBe('entry/below-set-aside');
    expect(refusal.details).toEqual({ field: 'amount', leftMinor: 600_000, currency: 'IDR' });
    expect((await db.entries.get(entry.id))!.currency).toBe('IDR');
  });
});
