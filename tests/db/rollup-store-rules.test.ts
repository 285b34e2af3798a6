import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import {
  addEntries,
  addEntry,
  addMember,
  addRate,
  addStream,
  deleteEntry,
  getSettings,
  listRollups,
  rebuildRollups,
  saveSettings,
  updateEntry,
} from '../../src/lib/db/repo';
import { entryFrom } from '../../src/lib/db/repo/entries';
import { prefixRange } from '../../src/lib/db/repo/key-range';
import { rollupsFromEntries } from '../../src/lib/domain/rollup';
import { MAX_TOTAL_MINOR } from '../../src/lib/domain/money';
import { errorOf } from '../refusal';
import {
  codeOf,
  dropDatabase,
  expectRollupsConsistent,
  freshDatabase,
  seedBasics,
} from './helpers';

/*
 * The rules of the rollup store (src/lib/db/repo/rollup-store.ts) that the db tests did not
 * state: what it does before settings exist, that only live entries are counted, that a
 * household already past the money limit may shrink but never grow, and that a rate recomputes
 * its whole month.
 */

let db: AnyamDatabase;

beforeEach(() => {
  db = freshDatabase('rollup-store-rules');
});
afterEach(() => dropDatabase(db));

describe('before the household has settings', () => {
  /** A member's USD stream, written before any settings row. */
  async function usdStream() {
    const member = await addMember({ name: 'Sari' });
    return addStream({ memberId: member.id, name: 'Tasks', kind: 'microtask', currency: 'USD' });
  }

  it('writes and rebuilds rollups, a foreign amount counting as missing a rate', async () => {
    const stream = await usdStream();
    await addEntry({ streamId: stream.id, date: '2025-06-03', amountMinor: 1_250 });
    await rebuildRollups();
    const rows = await listRollups();
    expect(rows.map((r) => [r.currency, r.amountMinor])).toEqual([['USD', 1_250]]);
    expect(rows[0]!.missingRateCount).toBe(1);
    await expectRollupsConsistent(db);
  });

  it('counts a foreign amount as missing a rate even when its rate is stored', async () => {
    // A rate needs a base to convert to; before settings there is none (a hand-made file restored
    // without its settings row leaves a household so).
    const stream = await usdStream();
    await addRate({ currency: 'USD', date: '2025-01-01', value: '15800' });
    await addEntry({ streamId: stream.id, date: '2025-06-03', amountMinor: 1_250 });
    const rows = await listRollups();
    expect(rows.map((r) => [r.currency, r.amountMinor, r.baseMinor, r.missingRateCount])).toEqual([
      ['USD', 1_250, 0, 1],
    ]);
    await expectRollupsConsistent(db);
  });
});

describe('only live entries are counted', () => {
  it('a rebuild leaves out soft-deleted entries', async () => {
    const h = await seedBasics();
    const kept = await addEntry({ streamId: h.idr.id, date: '2025-06-03', amountMinor: 700 });
    const gone = await addEntry({ streamId: h.idr.id, date: '2025-06-04', amountMinor: 300 });
    await deleteEntry(gone.id);
    await db.rollups.clear();
    await rebuildRollups();
    const rows = await listRollups();
    expect(rows.map((r) => [r.amountMinor, r.count])).toEqual([[kept.amountMinor, 1]]);
    await expectRollupsConsistent(db);
  });

  it('an entry added already deleted (an import keeps deletions) adds no row', async () => {
    const h = await seedBasics();
    await addEntries([
      { streamId: h.idr.id, date: '2025-06-03', amountMinor: 700 },
      {
        streamId: h.idr.id,
        date: '2025-06-04',
        amountMinor: 300,
        deletedAt: '2025-06-05T10:00:00.000Z',
      },
    ]);
    const rows = await listRollups();
    expect(rows.map((r) => [r.amountMinor, r.count])).toEqual([[700, 1]]);
    await expectRollupsConsistent(db);
  });
});

describe('a household already past the money limit (written by an older Anyam)', () => {
  const HALF = MAX_TOTAL_MINOR * 0.6;

  it('may delete and lower amounts, and never grow', async () => {
    const h = await seedBasics();
    // Written around the checks, as an older version could have.
    const stream = h.idr;
    const entries = ['2025-06-03', '2025-06-04', '2025-06-05'].map((date) =>
      entryFrom({ streamId: stream.id, date, amountMinor: HALF }, stream),
    );
    await db.entries.bulkAdd(entries);
    await db.rollups.bulkPut(rollupsFromEntries(entries, [], 'IDR'));
    expect(
      await codeOf(addEntry({ streamId: stream.id, date: '2025-06-06', amountMinor: 1 })),
    ).toBe('money/total-too-large');
    await updateEntry(entries[0]!.id, { amountMinor: HALF - 1 });
    await deleteEntry(entries[1]!.id);
    expect((await listRollups()).map((r) => r.amountMinor)).toEqual([2 * HALF - 1]);
    await expectRollupsConsistent(db);
    expect(
      await codeOf(updateEntry(entries[0]!.id, { amountMinor: HALF })),
      'still past the limit: raising it back is refused',
    ).toBe('money/total-too-large');
  });
});

describe('a refusal of the base-currency total names the base currency', () => {
  it('for an entry and for a rate', async () => {
    const h = await seedBasics();
    const big = { streamId: h.usd.id, amountMinor: 1_000_000_000 };
    await addEntry({ ...big, date: '2025-08-01' });
    await addEntry({ ...big, date: '2025-08-02' });
    const rate = await errorOf(addRate({ currency: 'USD', date: '2025-07-15', value: '900000' }));
    expect([rate.code, rate.details]).toEqual([
      'money/total-too-large',
      { currency: 'IDR', limit: MAX_TOTAL_MINOR, base: true },
    ]);
    await addRate({ currency: 'USD', date: '2025-07-20', value: '400000' });
    const entry = await errorOf(addEntry({ ...big, date: '2025-08-03' }));
    expect([entry.code, entry.details]).toEqual([
      'money/total-too-large',
      { currency: 'IDR', limit: MAX_TOTAL_MINOR, base: true },
    ]);
  });
});

describe('a rate recomputes its currency from the first day of its month', () => {
  it('an entry on the 1st of the rate’s month takes the new rate', async () => {
    const h = await seedBasics();
    await addEntry({ streamId: h.usd.id, date: '2025-09-01', amountMinor: 1_000 });
    await addEntry({ streamId: h.usd.id, date: '2025-09-20', amountMinor: 1_000 });
    await addRate({ currency: 'USD', date: '2025-08-15', value: '16000' });
    await addRate({ currency: 'USD', date: '2025-09-10', value: '17000' });
    await expectRollupsConsistent(db);
  });
});

describe('settings and the rollups (settings.ts)', () => {
  it('a new base currency reconverts every rollup row; any other change rebuilds nothing', async () => {
    const h = await seedBasics();
    await addEntry({ streamId: h.usd.id, date: '2025-08-01', amountMinor: 1_000 });
    await addEntry({ streamId: h.idr.id, date: '2025-08-01', amountMinor: 50_000 });
    const progress: number[] = [];
    const onProgress = (p: { done: number }) => progress.push(p.done);
    await saveSettings({ householdName: 'Renamed' }, { onProgress });
    await saveSettings({ baseCurrency: 'IDR' }, { onProgress });
    expect(progress, 'no rebuild for the same base currency').toEqual([]);
    await saveSettings({ baseCurrency: 'USD' }, { onProgress });
    expect(progress).toEqual([0, 2]);
    expect((await getSettings())?.baseCurrency).toBe('USD');
    await expectRollupsConsistent(db);
  });
});

describe('a prefix range (key-range.ts) holds exactly the keys that start with the prefix', () => {
  it('for any prefix and key, as IndexedDB compares them (lower bound in, upper bound out)', () => {
    // Few letters, so that keys share a prefix, sort just before or after it, or extend it.
    const part = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), maxLength: 2 });
    fc.assert(
      fc.property(
        fc.array(part, { minLength: 1, maxLength: 2 }),
        fc.array(part, { minLength: 1, maxLength: 3 }),
        (prefix, key) => {
          const [lower, upper] = prefixRange(...prefix);
          const inRange = indexedDB.cmp(lower, key) <= 0 && indexedDB.cmp(key, upper) < 0;
          const startsWith = key.length >= prefix.length && prefix.every((p, i) => key[i] === p);
          expect(inRange).toBe(startsWith);
        },
      ),
      { numRuns: 100 },
    );
  });
});
