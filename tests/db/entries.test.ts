import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import {
  addEntries,
  addEntry,
  deleteEntry,
  getEntry,
  listDeletedEntries,
  listEntriesOfMonth,
  listRollupsBetween,
  restoreEntry,
  updateEntry,
  updateStream,
} from '../../src/lib/db/repo';
import { latestEntryDate } from '../../src/lib/db/repo/entry-rules';
import {
  codeOf,
  dropDatabase,
  expectRollupsConsistent,
  freshDatabase,
  seedBasics,
  type Basics,
} from './helpers';

let db: AnyamDatabase;
let h: Basics;

beforeEach(async () => {
  db = freshDatabase('entries');
  h = await seedBasics();
});
afterEach(() => dropDatabase(db));

describe('entries repository', () => {
  it('takes the member from the stream and the currency from the stream by default', async () => {
    const entry = await addEntry({ streamId: h.php.id, date: '2025-04-02', amountMinor: 150_000 });
    expect(entry.memberId).toBe(h.other.id);
    expect(entry.currency).toBe('PHP');
    expect(entry.status).toBe('received');
    expect(await getEntry(entry.id)).toEqual(entry);
    await expectRollupsConsistent(db);
  });

  it('converts with the rate in force on the entry date', async () => {
    await addEntry({ streamId: h.usd.id, date: '2025-06-30', amountMinor: 1_000 });
    await addEntry({ streamId: h.usd.id, date: '2025-07-01', amountMinor: 1_000 });
    const [june] = await listRollupsBetween('2025-06', '2025-06');
    const [july] = await listRollupsBetween('2025-07', '2025-07');
    // 10.00 USD at 15800 and at 16250.5 IDR, in IDR's two-decimal minor unit.
    expect(june?.baseMinor).toBe(15_800_000);
    expect(july?.baseMinor).toBe(16_250_500);
  });

  it('counts an entry with no rate as missing, not as zero', async () => {
    await addEntry({ streamId: h.php.id, date: '2025-01-10', amountMinor: 5_000 });
    const [row] = await listRollupsBetween('2025-01', '2025-01');
    expect(row).toMatchObject({ missingRateCount: 1, baseMinor: 0, amountMinor: 5_000, count: 1 });
  });

  it('rejects an unknown stream and a date more than a year ahead', async () => {
    expect(
      await codeOf(addEntry({ streamId: crypto.randomUUID(), date: '2025-01-01', amountMinor: 1 })),
    ).toBe('entry/unknown-stream');
    const tooFar = latestEntryDate().replace(/^\d{4}/, (y) => String(Number(y) + 1));
    expect(await codeOf(addEntry({ streamId: h.idr.id, date: tooFar, amountMinor: 1 }))).toBe(
      'entry/date-too-far',
    );
    await addEntry({ streamId: h.idr.id, date: latestEntryDate(), amountMinor: 1 });
  });

  it('lists a month through the indexes, filtered, newest first, without deleted entries', async () => {
    const [a, b, c] = await addEntries([
      { streamId: h.idr.id, date: '2025-05-01', amountMinor: 100 },
      { streamId: h.idr.id, date: '2025-05-31', amountMinor: 200, status: 'pending' },
      { streamId: h.php.id, date: '2025-05-15', amountMinor: 300 },
      { streamId: h.php.id, date: '2025-06-01', amountMinor: 400 },
      { streamId: h.usd.id, date: '2025-04-30', amountMinor: 500 },
    ]);
    expect((await listEntriesOfMonth('2025-05')).map((e) => e.amountMinor)).toEqual([
      200, 300, 100,
    ]);
    expect((await listEntriesOfMonth('2025-05', { streamId: h.idr.id })).map((e) => e.id)).toEqual([
      b!.id,
      a!.id,
    ]);
    expect(
      (await listEntriesOfMonth('2025-05', { memberId: h.other.id })).map((e) => e.id),
    ).toEqual([c!.id]);
    expect((await listEntriesOfMonth('2025-05', { status: 'pending' })).map((e) => e.id)).toEqual([
      b!.id,
    ]);
    await deleteEntry(a!.id);
    expect((await listEntriesOfMonth('2025-05')).map((e) => e.id)).toEqual([b!.id, c!.id]);
    expect((await listDeletedEntries()).map((e) => e.id)).toEqual([a!.id]);
  });

  it('undoes a delete, and edits move the totals between rows', async () => {
    const entry = await addEntry({ streamId: h.usd.id, date: '2025-06-10', amountMinor: 700 });
    await updateEntry(entry.id, { date: '2025-08-10', status: 'pending', amountMinor: 900 });
    await expectRollupsConsistent(db);
    await deleteEntry(entry.id);
    expect(await db.rollups.count()).toBe(0);
    expect(await codeOf(deleteEntry(entry.id))).toBe('entry/not-found');
    const restored = await restoreEntry(entry.id);
    expect(restored).toMatchObject({ deletedAt: null, amountMinor: 900, date: '2025-08-10' });
    await expectRollupsConsistent(db);
    expect(await codeOf(updateEntry(entry.id, { currency: 'XXX1' }))).toBe(
      'entry/invalid-currency',
    );
  });

  it('moves entries and their rollups when a stream changes member', async () => {
    await addEntry({ streamId: h.idr.id, date: '2025-05-01', amountMinor: 100 });
    await updateStream(h.idr.id, { memberId: h.other.id });
    expect((await db.entries.toArray()).every((e) => e.memberId === h.other.id)).toBe(true);
    expect((await db.rollups.toArray()).every((r) => r.memberId === h.other.id)).toBe(true);
    await expectRollupsConsistent(db);
  });
});
