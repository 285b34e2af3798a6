import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import {
  addEntry,
  addPlace,
  deleteEntry,
  getEntry,
  lastArrivalOf,
  listEntriesForLoss,
  listPendingPayouts,
  markArrived,
  undoArrived,
} from '../../src/lib/db/repo';
import {
  applyRestore,
  exportBackup,
  exportEntriesCsv,
  readBackupFile,
} from '../../src/lib/db/backup';
import { BACKUP_VERSION } from '../../src/lib/db/backup/backup-format';
import type { Place } from '../../src/lib/domain/model';
import {
  codeOf,
  dropDatabase,
  expectRollupsConsistent,
  freshDatabase,
  seedBasics,
  type Basics,
} from './helpers';
import { errorOf } from '../refusal';

let db: AnyamDatabase;
let h: Basics;
let bank: Place;
let wallet: Place;

beforeEach(async () => {
  db = freshDatabase('arrival');
  h = await seedBasics();
  bank = await addPlace({ name: 'Bank BRI', kind: 'bank', currency: 'IDR' });
  // A wallet in pesos: the household (IDR) has a PHP rate from 2025-03-15 only.
  wallet = await addPlace({ name: 'GCash', kind: 'ewallet', currency: 'PHP' });
});
afterEach(() => dropDatabase(db));

const pending = (date = '2025-07-10', amountMinor = 10_000) =>
  addEntry({ streamId: h.usd.id, date, amountMinor, status: 'pending', paidMinutes: 120 });

describe('"Arrived"', () => {
  it('makes a pending payout received, with its arrival, and moves its rollup rows', async () => {
    const entry = await pending();
    const before = await markArrived(entry.id, {
      on: '2025-07-14',
      placeId: bank.id,
      landedMinor: 155_000_00,
      feeMinor: 200,
      via: 'PayPal',
    });
    expect(before).toEqual(entry);
    const after = (await getEntry(entry.id))!;
    expect(after.status).toBe('received');
    expect(after.arrival).toEqual({
      on: '2025-07-14',
      placeId: bank.id,
      landedMinor: 155_000_00,
      landedCurrency: 'IDR',
      feeMinor: 200,
      via: 'PayPal',
    });
    expect(
      await db.rollups.where('key').startsWith(`${h.usd.id}|2025-07|USD|pending`).count(),
    ).toBe(0);
    await expectRollupsConsistent(db);
    expect(await listPendingPayouts()).toEqual([]);
  });

  it('takes the default case: only the day it landed', async () => {
    const entry = await pending();
    await markArrived(entry.id, { on: '2025-07-11' });
    expect((await getEntry(entry.id))!.arrival).toEqual({
      on: '2025-07-11',
      placeId: null,
      landedMinor: null,
      landedCurrency: null,
      feeMinor: null,
      via: '',
    });
  });

  it.each([
    ['a day before it was earned', { on: '2025-07-09' }, 'entry/arrived-before-earned'],
    [
      'a landed amount of 0',
      { on: '2025-07-12', placeId: null, landedMinor: 0 },
      'entry/landed-not-positive',
    ],
    [
      'a negative landed amount',
      { on: '2025-07-12', placeId: null, landedMinor: -5 },
      'entry/landed-not-positive',
    ],
    [
      'fees larger than the payout',
      { on: '2025-07-12', feeMinor: 10_001 },
      'entry/fee-over-payout',
    ],
    [
      'a landed amount with no place',
      { on: '2025-07-12', landedMinor: 500 },
      'entry/arrival-no-place',
    ],
    [
      'a place that does not exist',
      { on: '2025-07-12', placeId: '7e57a1e0-0000-4000-8000-000000000000' },
      'entry/arrival-no-place',
    ],
  ])('refuses %s and writes nothing', async (_name, input, code) => {
    const entry = await pending();
    const before = await db.entries.toArray();
    const rollups = await db.rollups.toArray();
    expect(await codeOf(markArrived(entry.id, input as never))).toBe(code);
    expect(await db.entries.toArray()).toEqual(before);
    expect(await db.rollups.toArray()).toEqual(rollups);
  });

  it('refuses pesos that landed on a day with no peso rate', async () => {
    const entry = await pending('2025-03-01');
    const input = { on: '2025-03-10', placeId: wallet.id, landedMinor: 50_000 };
    expect(await codeOf(markArrived(entry.id, input))).toBe('entry/arrival-no-rate');
    expect((await getEntry(entry.id))!.status).toBe('pending');
    await markArrived(entry.id, { ...input, on: '2025-03-15' });
    expect((await getEntry(entry.id))!.arrival!.landedCurrency).toBe('PHP');
  });

  it('refuses a payout that is not pending', async () => {
    const entry = await addEntry({ streamId: h.usd.id, date: '2025-07-10', amountMinor: 100 });
    expect(await codeOf(markArrived(entry.id, { on: '2025-07-11' }))).toBe('entry/not-pending');
    expect(await codeOf(markArrived('nope', { on: '2025-07-11' }))).toBe('entry/not-found');
  });

  it('Undo restores the entry exactly (but its updatedAt) and the rollups, for any arrival', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5_000_000 }),
        fc.integer({ min: 0, max: 40 }),
        fc.option(fc.integer({ min: 1, max: 2_000_000_000 }), { nil: null }),
        fc.option(fc.nat(), { nil: null }),
        fc.constantFrom('', 'PayPal', 'Payoneer'),
        async (amount, days, landed, fee, via) => {
          const entry = await pending('2025-07-10', amount);
          const rollups = await db.rollups.toArray();
          const on = `2025-${days < 21 ? '07' : '08'}-${String(days < 21 ? 10 + days : days - 20).padStart(2, '0')}`;
          const before = await markArrived(entry.id, {
            on,
            placeId: landed === null ? null : bank.id,
            landedMinor: landed,
            feeMinor: fee === null ? null : fee % (amount + 1),
            via,
          });
          const restored = await undoArrived(before);
          const stored = (await getEntry(entry.id))!;
          expect(stored).toEqual(restored);
          expect({ ...stored, updatedAt: entry.updatedAt }).toEqual(entry);
          expect(stored.updatedAt >= entry.updatedAt).toBe(true);
          expect(await db.rollups.toArray()).toEqual(rollups);
          await db.entries.delete(entry.id);
          await db.rollups.clear();
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);

  it('lists pending payouts oldest first, through the [status+date] index', async () => {
    const late = await pending('2025-07-20');
    const early = await pending('2025-07-02');
    await addEntry({ streamId: h.usd.id, date: '2025-07-01', amountMinor: 5 });
    expect((await listPendingPayouts()).map((e) => e.id)).toEqual([early.id, late.id]);
  });

  it('travels through a backup and the CSV export; a backup with a bad arrival is refused', async () => {
    const entry = await pending();
    await markArrived(entry.id, {
      on: '2025-07-14',
      placeId: bank.id,
      landedMinor: 155_000_00,
      feeMinor: 250,
      via: 'PayPal',
    });
    const arrived = (await getEntry(entry.id))!;
    const { text } = await exportBackup();
    expect((JSON.parse(text) as { version: number }).version).toBe(BACKUP_VERSION);
    await db.entries.clear();
    await applyRestore(await readBackupFile(text), 'replace');
    expect(await getEntry(entry.id)).toEqual(arrived);
    await expectRollupsConsistent(db);

    const csv = (await exportEntriesCsv()).text;
    expect(csv).toContain('arrived_on,landed_amount,landed_currency,landed_place,fee,via');
    expect(csv).toContain('2025-07-14,155000.00,IDR,Bank BRI,2.50,PayPal');

    const bad = (change: (a: Record<string, unknown>) => void) => {
      const file = JSON.parse(text) as { tables: { entries: Record<string, unknown>[] } };
      const row = file.tables.entries.find((e) => e.id === entry.id)!;
      change(row.arrival as Record<string, unknown>);
      return JSON.stringify(file);
    };
    const recordCode = async (file: string) => {
      try {
        await readBackupFile(file);
        return 'read';
      } catch (error) {
        return String((error as { details: { recordCode?: string } }).details.recordCode);
      }
    };
    expect(await recordCode(bad((a) => (a.on = '2025-07-01')))).toBe('entry/arrived-before-earned');
    expect(await recordCode(bad((a) => (a.feeMinor = 10_001)))).toBe('entry/fee-over-payout');
    expect(await recordCode(bad((a) => (a.landedMinor = 0)))).toBe('entry/landed-not-positive');
    expect(await recordCode(bad((a) => (a.placeId = null)))).toBe('entry/arrival-no-place');
    expect(
      await recordCode(
        bad((a) => {
          a.placeId = wallet.id;
          a.landedCurrency = 'PHP';
          a.on = '2025-07-14';
        }),
      ),
    ).toBe('read');
  });
});

describe('the reads around "Arrived"', () => {
  it('offers only live pending payouts, at most the limit asked, and names a payout not pending', async () => {
    const first = await pending('2025-07-02');
    const second = await pending('2025-07-03');
    const third = await pending('2025-07-04');
    const gone = await pending('2025-07-01');
    await deleteEntry(gone.id);
    const landed = await pending('2025-07-01');
    await markArrived(landed.id, { on: '2025-07-05' });
    expect((await listPendingPayouts()).map((e) => e.id)).toEqual([first.id, second.id, third.id]);
    expect((await listPendingPayouts(2)).map((e) => e.id)).toEqual([first.id, second.id]);
    const refusal = await errorOf(markArrived(landed.id, { on: '2025-07-06' }));
    expect([refusal.code, refusal.details]).toEqual(['entry/not-pending', { id: landed.id }]);
    expect(await codeOf(undoArrived(gone))).toBe('entry/not-found');
  });

  it('reads for the loss card the live entries from the 1st of six months before on', async () => {
    const at = async (date: string) =>
      (await addEntry({ streamId: h.idr.id, date, amountMinor: 1 })).id;
    const dates = ['2024-08-31', '2024-09-01', '2024-11-30', '2024-12-01', '2024-12-31'];
    const ids = new Map<string, string>();
    for (const date of [...dates, '2025-01-01', '2025-07-01']) ids.set(date, await at(date));
    const deleted = await at('2025-02-02');
    await deleteEntry(deleted);
    const from = async (day: string) => (await listEntriesForLoss(day)).map((e) => e.date).sort();
    // March 2025 → September 2024 (across the year's start).
    expect(await from('2025-03-10')).toEqual([...dates.slice(1), '2025-01-01', '2025-07-01']);
    // June 2025 → December 2024: six back from June is month 0, the last month of the year before.
    expect(await from('2025-06-30')).toEqual([
      '2024-12-01',
      '2024-12-31',
      '2025-01-01',
      '2025-07-01',
    ]);
    // July 2025 → January 2025, in the same year.
    expect(await from('2025-07-01')).toEqual(['2025-01-01', '2025-07-01']);
    // December 2025 → June 2025.
    expect(await from('2025-12-31')).toEqual(['2025-07-01']);
  });

  it("offers a stream's latest live arrival again, and nothing when it has none", async () => {
    expect(await lastArrivalOf(h.usd.id)).toBeNull();
    const older = await pending('2025-07-02');
    await markArrived(older.id, { on: '2025-07-03', placeId: bank.id });
    const newer = await pending('2025-07-05');
    await markArrived(newer.id, { on: '2025-07-06', via: 'PayPal' });
    const removed = await pending('2025-07-09');
    await markArrived(removed.id, { on: '2025-07-10', via: 'Wise' });
    await deleteEntry(removed.id);
    await pending('2025-07-20');
    await addEntry({ streamId: h.usd.id, date: '2025-07-21', amountMinor: 5 });
    const other = await addEntry({
      streamId: h.php.id,
      date: '2025-07-25',
      amountMinor: 5,
      status: 'pending',
    });
    await markArrived(other.id, { on: '2025-07-26', via: 'GCash' });
    expect(await lastArrivalOf(h.usd.id)).toMatchObject({ on: '2025-07-06', via: 'PayPal' });
    expect(await lastArrivalOf(h.idr.id)).toBeNull();
  });
});
