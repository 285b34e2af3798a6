import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import {
  addEntries,
  addEntry,
  addMember,
  addRate,
  addStream,
  currencyDates,
  deleteEntry,
  deleteRate,
  missingRates,
  saveSettings,
  updateRate,
} from '../../src/lib/db/repo';
import { AnyamError, type Stream } from '../../src/lib/domain/model';
import { dropDatabase, expectRollupsConsistent, freshDatabase } from './helpers';

let db: AnyamDatabase;
let usd: Stream;

const DATES = ['2026-09-03', '2026-09-17', '2026-10-01', '2026-10-15', '2026-11-05', '2026-11-19'];

beforeEach(async () => {
  db = freshDatabase('coverage');
  await saveSettings({ householdName: 'Test', baseCurrency: 'PHP' });
  const member = await addMember({ name: 'Rina', color: '#2f6f4e' });
  usd = await addStream({
    memberId: member.id,
    name: 'Tasks',
    kind: 'microtask',
    platform: 'Remotasks',
    currency: 'USD',
  });
  await addEntries(DATES.map((date) => ({ streamId: usd.id, date, amountMinor: 1_800 })));
});
afterEach(() => dropDatabase(db));

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (e) {
    if (e instanceof AnyamError) return e.code;
    throw e;
  }
  return 'no error';
}

describe('what the rates cover', () => {
  it('lists the entries of a currency no rate covers, without the deleted ones', async () => {
    expect(await missingRates('PHP')).toEqual([
      {
        currency: 'USD',
        count: 6,
        earliest: '2026-09-03',
        latest: '2026-11-19',
        firstRate: null,
      },
    ]);
    const [first] = await db.entries.where('date').equals('2026-09-03').toArray();
    await deleteEntry(first!.id);
    expect((await missingRates('PHP'))[0]).toMatchObject({ count: 5, earliest: '2026-09-17' });
    expect((await currencyDates('USD')).entryDates).toEqual(DATES.slice(1));
  });

  it('follows a rate added today, then moved back to cover everything', async () => {
    const rate = await addRate({ currency: 'USD', date: '2026-11-30', value: '56.1' });
    expect((await missingRates('PHP'))[0]).toMatchObject({ count: 6, firstRate: '2026-11-30' });
    await updateRate(rate.id, { date: '2026-10-01' });
    expect((await missingRates('PHP'))[0]).toMatchObject({ count: 2, latest: '2026-09-17' });
    await updateRate(rate.id, { date: '2026-09-03' });
    expect(await missingRates('PHP')).toEqual([]);
    expect(await currencyDates('USD')).toMatchObject({
      rates: [{ id: rate.id, date: '2026-09-03' }],
    });
  });

  it('refuses a zero, negative or absurd rate and writes nothing', async () => {
    for (const value of ['0', '-1', 'abc', '20000000', '0.00000001']) {
      expect(await codeOf(addRate({ currency: 'USD', date: '2026-09-01', value }))).toMatch(
        /^rate\/(invalid-value|too-high|too-low)$/,
      );
    }
    expect(await db.rates.count()).toBe(0);
  });
});

describe('an entry saved with the rate it was missing', () => {
  it('writes both and converts every entry the rate covers', async () => {
    const entry = await addEntry(
      { streamId: usd.id, date: '2026-11-26', amountMinor: 2_000 },
      { currency: 'USD', date: '2026-09-03', value: '56' },
    );
    expect(entry.currency).toBe('USD');
    expect((await db.rates.toArray()).map((r) => r.date)).toEqual(['2026-09-03']);
    expect(await missingRates('PHP')).toEqual([]);
    const rows = await db.rollups.toArray();
    expect(rows.every((r) => r.missingRateCount === 0)).toBe(true);
    expect(rows.reduce((sum, r) => sum + r.baseMinor, 0)).toBe((6 * 1_800 + 2_000) * 56);
    await expectRollupsConsistent(db);
  });

  it('writes neither when the entry is refused', async () => {
    const code = await codeOf(
      addEntry(
        { streamId: usd.id, date: 'not a date', amountMinor: 2_000 },
        { currency: 'USD', date: '2026-09-03', value: '56' },
      ),
    );
    expect(code).not.toBe('no error');
    expect(await db.rates.count()).toBe(0);
    expect(await db.entries.count()).toBe(6);
    await expectRollupsConsistent(db);
  });

  it('writes neither when the rate is refused', async () => {
    expect(
      await codeOf(
        addEntry(
          { streamId: usd.id, date: '2026-11-26', amountMinor: 2_000 },
          { currency: 'USD', date: '2026-09-03', value: '0' },
        ),
      ),
    ).toBe('rate/invalid-value');
    expect(await db.entries.count()).toBe(6);
    // A plain add still works afterwards: the failed transaction left nothing half done.
    await addEntry({ streamId: usd.id, date: '2026-11-27', amountMinor: 1 });
    expect(await db.entries.count()).toBe(7);
  });
});

describe('what the rates cover: which currencies, rates and deleted entries count', () => {
  const countOf = async (currency = 'USD') =>
    (await missingRates('PHP')).find((c) => c.currency === currency)?.count ?? 0;

  it('takes a deleted entry out only once, and only from its own currency and date', async () => {
    const more = await addEntries([
      { streamId: usd.id, date: DATES[0]!, amountMinor: 1 },
      { streamId: usd.id, date: DATES[0]!, amountMinor: 2 },
      { streamId: usd.id, date: DATES[1]!, amountMinor: 3, currency: 'EUR' },
    ]);
    await deleteEntry(more[0]!.id);
    // A deleted euro entry on a dollar date leaves the dollar entries of that date.
    await deleteEntry(more[2]!.id);
    expect(await countOf()).toBe(7);
    expect((await currencyDates('USD')).entryDates).toEqual([DATES[0], ...DATES]);
  });

  it('starts from the earliest live rate, leaving deleted rates and deleted entries out', async () => {
    await addRate({ currency: 'USD', date: '2026-11-01', value: '56' });
    await addRate({ currency: 'USD', date: '2026-10-01', value: '55' });
    const gone = await addRate({ currency: 'USD', date: '2026-09-10', value: '54' });
    await deleteRate(gone.id);
    const [first] = await db.entries.where('date').equals(DATES[0]!).toArray();
    await deleteEntry(first!.id);
    expect(await missingRates('PHP')).toEqual([
      {
        currency: 'USD',
        count: 1,
        earliest: DATES[1],
        latest: DATES[1],
        firstRate: '2026-10-01',
      },
    ]);
    expect((await currencyDates('USD')).rates.map((r) => r.date)).toEqual([
      '2026-10-01',
      '2026-11-01',
    ]);
  });

  it('checks every live foreign currency of streams and rates, in order, never the base', async () => {
    const member = await addMember({ name: 'Dewi', color: '#b5523b' });
    const peso = await addStream({
      memberId: member.id,
      name: 'Sari-sari',
      kind: 'informal',
      currency: 'PHP',
    });
    await addEntry({ streamId: peso.id, date: DATES[0]!, amountMinor: 5 });
    // Euro entries in the dollar stream: euros are a currency of the household through a rate.
    await addEntries([{ streamId: usd.id, date: '2026-08-01', amountMinor: 3, currency: 'EUR' }]);
    const euro = await addRate({ currency: 'EUR', date: '2026-09-01', value: '60' });
    expect((await missingRates('PHP')).map((c) => c.currency)).toEqual(['EUR', 'USD']);
    // Once its only rate is deleted, euros are no longer one of the household's currencies.
    await deleteRate(euro.id);
    expect((await missingRates('PHP')).map((c) => c.currency)).toEqual(['USD']);
  });
});
