import 'fake-indexeddb/auto';
import fc from 'fast-check';
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
import {
  assertSetAsidesWithinEntries,
  listSetAsides,
  removeSampleFundsIn,
  restoreSetAside,
} from '../../src/lib/db/repo/funds';
import type { Entry, Fund, HouseholdTables } from '../../src/lib/domain/model';
import { PINNED_TODAY } from '../pinned-day';
import { errorOf } from '../refusal';
import {
  aMomentLater,
  codeOf,
  dropDatabase,
  freshDatabase,
  seedBasics,
  type Basics,
} from './helpers';

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
    await aMomentLater();
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

describe('the funds repository: defaults, edits, cascades and lists', () => {
  const lebaran = { name: 'Lebaran', targetMinor: 100, currency: 'IDR', dueOn: '2027-03-10' };
  const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

  it('gives a new fund no note and makes it no sample unless told', async () => {
    expect([fund.note, fund.isSample]).toEqual(['', false]);
    const told = await addFund({ ...lebaran, note: 'Mudik', isSample: true });
    expect([told.note, told.isSample]).toEqual(['Mudik', true]);
    expect(await db.funds.get(told.id)).toEqual(told);
  });

  it('checks the date only when it changes: a fund already due may still be renamed', async () => {
    const past = await addFund({ ...lebaran, dueOn: '2026-03-01' }, '2026-01-01');
    const renamed = await updateFund(past.id, { name: 'Lebaran 2026' });
    expect(renamed.name).toBe('Lebaran 2026');
    expect(await db.funds.get(past.id)).toEqual(renamed);
    expect(await codeOf(updateFund(past.id, { dueOn: '2026-04-01' }))).toBe('fund/date-in-past');
    expect(await codeOf(updateFund('nope', { name: 'x' }))).toBe('fund/not-found');
  });

  it('changes its currency only while no money is set aside in it', async () => {
    const row = await setAside({ fundId: fund.id, entryId: entry.id, amountMinor: 5 });
    const refusal = await errorOf(updateFund(fund.id, { currency: 'USD' }));
    expect([refusal.code, refusal.details]).toEqual([
      'fund/currency-has-money',
      { field: 'currency' },
    ]);
    expect((await db.funds.get(fund.id))!.currency).toBe('IDR');
    // The same currency again is no change.
    expect((await updateFund(fund.id, { currency: 'IDR', name: 'Tết' })).name).toBe('Tết');
    await deleteSetAside(row.id);
    expect((await updateFund(fund.id, { currency: 'USD' })).currency).toBe('USD');
    const empty = await addFund(lebaran);
    expect((await updateFund(empty.id, { currency: 'PHP' })).currency).toBe('PHP');
  });

  it('deletes a fund with its live set-asides and brings back only those', async () => {
    const undone = await setAside({ fundId: fund.id, entryId: null, amountMinor: 7 });
    await deleteSetAside(undone.id);
    await tick();
    const held = await setAside({ fundId: fund.id, entryId: entry.id, amountMinor: 5 });
    const other = await addFund(lebaran);
    const elsewhere = await setAside({ fundId: other.id, entryId: null, amountMinor: 3 });
    const deleted = await deleteFund(fund.id);
    const row = async (id: string) => (await db.setAsides.get(id))!;
    expect((await row(held.id)).deletedAt).toBe(deleted.deletedAt);
    expect((await row(undone.id)).deletedAt).not.toBe(deleted.deletedAt);
    expect((await row(elsewhere.id)).deletedAt).toBeNull();
    const restored = await restoreFund(fund.id);
    expect((await row(held.id)).deletedAt).toBeNull();
    expect((await row(held.id)).updatedAt).toBe(restored.updatedAt);
    expect((await row(undone.id)).deletedAt).not.toBeNull();
    expect(await codeOf(restoreFund(fund.id))).toBe('fund/not-found');
  });

  it('sets aside into a live fund only, from an entry that exists, dated today unless told', async () => {
    const cash = await setAside({ fundId: fund.id, entryId: null, amountMinor: 9_999_999 });
    expect(cash).toMatchObject({
      fundId: fund.id,
      entryId: null,
      date: PINNED_TODAY,
      currency: 'IDR',
      isSample: false,
    });
    const told = await setAside({
      fundId: fund.id,
      entryId: entry.id,
      amountMinor: 5,
      date: '2026-11-21',
      isSample: true,
    });
    expect([told.date, told.isSample]).toEqual(['2026-11-21', true]);
    const nowhere = '00000000-0000-4000-8000-000000000000';
    const missing = await errorOf(setAside({ fundId: fund.id, entryId: nowhere, amountMinor: 1 }));
    expect([missing.code, missing.details]).toEqual([
      'set-aside/not-received',
      { field: 'entryId', entryId: nowhere },
    ]);
    expect(await codeOf(setAside({ fundId: 'nope', entryId: null, amountMinor: 1 }))).toBe(
      'set-aside/unknown-fund',
    );
    await deleteFund(fund.id);
    expect(await codeOf(setAside({ fundId: fund.id, entryId: null, amountMinor: 1 }))).toBe(
      'set-aside/unknown-fund',
    );
  });

  it('restores a set-aside only into a live fund and while its entry still holds it', async () => {
    const first = await setAside({ fundId: fund.id, entryId: entry.id, amountMinor: 600_000 });
    expect(await codeOf(restoreSetAside(first.id))).toBe('set-aside/not-found');
    expect(await codeOf(restoreSetAside('nope'))).toBe('set-aside/not-found');
    await deleteSetAside(first.id);
    await setAside({ fundId: fund.id, entryId: entry.id, amountMinor: 500_000 });
    expect(await codeOf(restoreSetAside(first.id))).toBe('set-aside/more-than-received');
    const cash = await setAside({ fundId: fund.id, entryId: null, amountMinor: 5 });
    await deleteSetAside(cash.id);
    const back = await restoreSetAside(cash.id);
    expect(back.deletedAt).toBeNull();
    expect(await db.setAsides.get(cash.id)).toEqual(back);
    await deleteSetAside(cash.id);
    await deleteFund(fund.id);
    expect(await codeOf(restoreSetAside(cash.id))).toBe('set-aside/unknown-fund');
  });

  it('lists funds by due date and set-asides newest first, live ones only', async () => {
    // The highest id for the earliest fund: the list sorts, it does not keep the stored order.
    const soon = await addFund({
      ...lebaran,
      id: 'ffffffff-ffff-4fff-bfff-ffffffffffff',
      dueOn: '2026-12-01',
    });
    const gone = await addFund({ ...lebaran, dueOn: '2026-12-02' });
    await deleteFund(gone.id);
    expect((await listFunds()).map((f) => f.id)).toEqual([soon.id, fund.id]);
    const put = (date: string) =>
      setAside({ fundId: fund.id, entryId: null, amountMinor: 1, date });
    const old = await put('2026-11-01');
    const a = await put('2026-11-20');
    await tick();
    const b = await put('2026-11-20');
    const undone = await put('2026-11-22');
    await deleteSetAside(undone.id);
    // Stored under ids in the reverse of the expected order, so that only sorting passes.
    const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
    await db.setAsides.bulkDelete([old.id, a.id, b.id]);
    await db.setAsides.bulkPut([
      { ...old, id: id(1) },
      { ...a, id: id(2) },
      { ...b, id: id(3) },
    ]);
    expect((await listSetAsides()).map((s) => s.id)).toEqual([id(3), id(2), id(1)]);
  });

  it('finds a live entry holding less than is set aside from it, naming it; a deleted one not', async () => {
    await assertSetAsidesWithinEntries(db);
    await setAside({ fundId: fund.id, entryId: entry.id, amountMinor: 600_000 });
    await assertSetAsidesWithinEntries(db);
    // Written around the checks, as a merge of two phones' edits could leave it.
    await db.entries.update(entry.id, { amountMinor: 500_000 });
    const refusal = await errorOf(assertSetAsidesWithinEntries(db));
    expect([refusal.code, refusal.details]).toEqual([
      'set-aside/more-than-received',
      { field: 'amount', entryId: entry.id, leftMinor: 500_000, currency: 'IDR' },
    ]);
    await db.entries.update(entry.id, { deletedAt: '2026-11-24T00:00:00.000Z' });
    await assertSetAsidesWithinEntries(db);
  });

  it('removes the sample set-asides, and the sample funds no one else put money in', async () => {
    const sampleFund = await addFund({ ...lebaran, isSample: true });
    const mixedFund = await addFund({ ...lebaran, isSample: true });
    const sampleRow = await setAside({
      fundId: sampleFund.id,
      entryId: null,
      amountMinor: 1,
      isSample: true,
    });
    await setAside({ fundId: mixedFund.id, entryId: null, amountMinor: 1, isSample: true });
    const mine = await setAside({ fundId: mixedFund.id, entryId: null, amountMinor: 2 });
    const counts = await removeSampleFundsIn(db);
    expect(counts).toEqual({ funds: 1, setAsides: 2 });
    expect(await db.funds.get(sampleFund.id)).toBeUndefined();
    expect(await db.setAsides.get(sampleRow.id)).toBeUndefined();
    expect(await db.funds.get(mixedFund.id)).toBeDefined();
    expect(await db.funds.get(fund.id)).toBeDefined();
    expect((await db.setAsides.toArray()).map((s) => s.id)).toEqual([mine.id]);
  });

  it('lists funds by due date and set-asides by date then creation, newest first, in any stored order', async () => {
    // Rows written straight to the tables under random ids, so the stored (id) order is any
    // order; dates drawn from a few days so that set-asides share dates.
    const day = fc.constantFrom('2027-01-05', '2027-01-06', '2027-01-07', '2027-02-01');
    const moment = (n: number) => new Date(Date.UTC(2026, 10, 1) + n * 1000).toISOString();
    const rows = fc.uniqueArray(fc.record({ id: fc.uuid(), date: day, at: fc.nat(10_000) }), {
      minLength: 1,
      maxLength: 6,
      selector: (r) => r.at,
    });
    const funds = fc.uniqueArray(fc.record({ id: fc.uuid(), dueOn: day }), {
      maxLength: 4,
      selector: (f) => f.dueOn,
    });
    await fc.assert(
      fc.asyncProperty(rows, funds, async (asides, dues) => {
        await db.funds.clear();
        await db.setAsides.clear();
        await db.funds.bulkPut(dues.map((d) => ({ ...fund, ...d })));
        await db.setAsides.bulkPut(
          asides.map((r) => ({
            id: r.id,
            createdAt: moment(r.at),
            updatedAt: moment(r.at),
            deletedAt: null,
            fundId: fund.id,
            entryId: null,
            date: r.date,
            amountMinor: 1,
            currency: 'IDR',
            isSample: false,
          })),
        );
        expect((await listFunds()).map((f) => f.dueOn)).toEqual(dues.map((f) => f.dueOn).sort());
        const newestFirst = [...asides].sort((a, b) =>
          a.date !== b.date ? b.date.localeCompare(a.date) : b.at - a.at,
        );
        expect((await listSetAsides()).map((s) => s.id)).toEqual(newestFirst.map((r) => r.id));
      }),
      { numRuns: 100 },
    );
  });

  it('lists set-asides of one date made in the same millisecond by id, however they are stored', async () => {
    // Two phones merged, or one tap that set money aside twice: the order must not be an accident
    // of the sort (a comparator that answered "before" both ways left it to the engine).
    const at = '2026-11-01T00:00:00.000Z';
    const aside = (id: string) => ({
      id,
      createdAt: at,
      updatedAt: at,
      deletedAt: null,
      fundId: fund.id,
      entryId: null,
      date: '2027-01-05',
      amountMinor: 1,
      currency: 'IDR' as const,
      isSample: false,
    });
    for (const stored of [
      ['tie-c', 'tie-a', 'tie-b'],
      ['tie-b', 'tie-c', 'tie-a'],
      ['tie-a', 'tie-b', 'tie-c'],
    ]) {
      await db.setAsides.clear();
      for (const id of stored) await db.setAsides.put(aside(id));
      expect((await listSetAsides()).map((s) => s.id)).toEqual(['tie-a', 'tie-b', 'tie-c']);
    }
  });

  it('lists funds of one due date by id, however they are stored', async () => {
    const ties = ['tie-c', 'tie-a', 'tie-b'];
    await db.funds.bulkPut(ties.map((id) => ({ ...fund, id })));
    const order = (await listFunds()).map((f) => f.id).filter((id) => id.startsWith('tie-'));
    expect(order).toEqual(['tie-a', 'tie-b', 'tie-c']);
  });

  it('deletes only a fund or set-aside that exists, naming the set-aside it could not restore', async () => {
    expect(await codeOf(deleteFund('nope'))).toBe('fund/not-found');
    expect(await codeOf(deleteSetAside('nope'))).toBe('set-aside/not-found');
    const refusal = await errorOf(restoreSetAside('nope'));
    expect([refusal.code, refusal.details]).toEqual(['set-aside/not-found', { id: 'nope' }]);
  });

  it('lets an entry hold exactly what it received', async () => {
    await setAside({ fundId: fund.id, entryId: entry.id, amountMinor: 400_000 });
    await setAside({ fundId: fund.id, entryId: entry.id, amountMinor: 600_000 });
    await assertSetAsidesWithinEntries(db);
    // Written around the checks, as a merge could leave it: one minor unit more is refused.
    await db.entries.update(entry.id, { amountMinor: 999_999 });
    expect(await codeOf(assertSetAsidesWithinEntries(db))).toBe('set-aside/more-than-received');
  });
});
