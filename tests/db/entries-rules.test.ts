import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import {
  addEntries,
  addEntry,
  countEntries,
  deleteEntries,
  deleteEntry,
  deleteStream,
  getEntry,
  hasEntriesChangedSince,
  listDeletedEntries,
  listEntriesOfMonth,
  restoreEntries,
  updateEntry,
} from '../../src/lib/db/repo';

import { PINNED_NOW } from '../pinned-day';
import {
  codeOf,
  dropDatabase,
  expectRollupsConsistent,
  freshDatabase,
  seedBasics,
  type Basics,
} from './helpers';
import { errorOf } from '../refusal';

/*
 * The rules of the entries repository (src/lib/db/repo/entries.ts) that tests/db/entries.test.ts
 * does not state: the rate written with an entry, bulk adds, the refusals' codes and details
 * (a person copies them in the error report), and the reads.
 */

let db: AnyamDatabase;
let h: Basics;

beforeEach(async () => {
  db = freshDatabase('entries-rules');
  h = await seedBasics();
});
afterEach(async () => {
  vi.useRealTimers();
  await dropDatabase(db);
});

describe('an entry added with the rate its currency was missing', () => {
  it('writes the rate and the entry, both converted with it', async () => {
    // seedBasics' first PHP rate is dated 2025-03-15: an entry of February has none.
    const entry = await addEntry(
      { streamId: h.php.id, date: '2025-02-10', amountMinor: 10_000 },
      { currency: 'PHP', date: '2025-02-01', value: '280' },
    );
    expect(await getEntry(entry.id)).toEqual(entry);
    expect((await db.rates.where('currency').equals('PHP').toArray()).map((r) => r.date)).toEqual(
      expect.arrayContaining(['2025-02-01', '2025-03-15']),
    );
    const [february] = await db.rollups.where('month').equals('2025-02').toArray();
    // 100.00 PHP at 280 IDR, in IDR's two-decimal minor unit.
    expect(february).toMatchObject({ baseMinor: 2_800_000, missingRateCount: 0 });
    await expectRollupsConsistent(db);
  });

  it('counts the entries of the same currency from the rate date on, when the rate is earlier', async () => {
    await addEntry({ streamId: h.php.id, date: '2025-01-20', amountMinor: 5_000 });
    await addEntry(
      { streamId: h.php.id, date: '2025-02-10', amountMinor: 10_000 },
      { currency: 'PHP', date: '2025-01-10', value: '280' },
    );
    const [january] = await db.rollups.where('month').equals('2025-01').toArray();
    expect(january).toMatchObject({ baseMinor: 1_400_000, missingRateCount: 0 });
    await expectRollupsConsistent(db);
  });

  it('counts the entry itself when the rate is dated after it (the entry still lacks a rate)', async () => {
    await addEntry(
      { streamId: h.php.id, date: '2025-01-05', amountMinor: 10_000 },
      { currency: 'PHP', date: '2025-02-01', value: '280' },
    );
    const [january] = await db.rollups.where('month').equals('2025-01').toArray();
    expect(january).toMatchObject({ amountMinor: 10_000, count: 1, missingRateCount: 1 });
    await expectRollupsConsistent(db);
  });

  it('is refused when the rate is of another currency, and nothing is written', async () => {
    const error = await errorOf(
      addEntry(
        { streamId: h.php.id, date: '2025-02-10', amountMinor: 10_000 },
        { currency: 'USD', date: '2025-02-01', value: '16000' },
      ),
    );
    expect(error.code).toBe('rate/invalid-currency');
    expect(error.details).toEqual({ currency: 'USD' });
    expect(await db.entries.count()).toBe(0);
    expect(await db.rates.count()).toBe(3);
    expect(await db.rollups.count()).toBe(0);
  });
});

describe('a new entry', () => {
  it('has an empty note, 0 minutes and is not a sample when the form leaves them out', async () => {
    const entry = await addEntry({ streamId: h.idr.id, date: '2025-05-01', amountMinor: 100 });
    expect(entry).toMatchObject({ note: '', paidMinutes: 0, unpaidMinutes: 0, isSample: false });
  });

  it('is refused on an unknown stream, the report naming the stream', async () => {
    const streamId = crypto.randomUUID();
    const error = await errorOf(addEntry({ streamId, date: '2025-05-01', amountMinor: 100 }));
    expect(error.code).toBe('entry/unknown-stream');
    expect(error.details).toEqual({ streamId });
  });
});

describe('a bulk add (all or none)', () => {
  it('is refused when a row names an unknown stream, the report naming the row and the stream', async () => {
    const streamId = crypto.randomUUID();
    const error = await errorOf(
      addEntries([
        { streamId: h.idr.id, date: '2025-05-01', amountMinor: 100 },
        { streamId, date: '2025-05-02', amountMinor: 200 },
      ]),
    );
    expect(error.code).toBe('entry/unknown-stream');
    expect(error.details).toEqual({ streamId, index: 1 });
    expect(await db.entries.count()).toBe(0);
  });

  it('is refused when a row names a deleted stream, and nothing is written', async () => {
    await deleteStream(h.usd.id);
    const error = await errorOf(
      addEntries([
        { streamId: h.idr.id, date: '2025-05-01', amountMinor: 100 },
        { streamId: h.idr.id, date: '2025-05-02', amountMinor: 100 },
        { streamId: h.usd.id, date: '2025-05-03', amountMinor: 200 },
      ]),
    );
    expect(error.code).toBe('entry/unknown-stream');
    expect(error.details).toEqual({ streamId: h.usd.id, index: 2 });
    expect(await db.entries.count()).toBe(0);
    expect(await db.rollups.count()).toBe(0);
  });

  it('names the row of a record that breaks a rule', async () => {
    const error = await errorOf(
      addEntries([
        { streamId: h.idr.id, date: '2025-05-01', amountMinor: 100 },
        { streamId: h.idr.id, date: '2025-05-02', amountMinor: 200 },
        { streamId: h.idr.id, date: '2025-05-03', amountMinor: -1 },
      ]),
    );
    expect(error.details.index).toBe(2);
    expect(await db.entries.count()).toBe(0);
  });

  it.each([
    [5, 2, [2, 4, 5]],
    [4, 2, [2, 4]],
    [3, 5, [3]],
  ])(
    'of %i rows in chunks of %i writes every row once and reports after each chunk: %j',
    async (rows, chunkSize, reported) => {
      const progress: { done: number; total: number }[] = [];
      const inputs = Array.from({ length: rows }, (_, k) => ({
        streamId: h.idr.id,
        date: `2025-05-0${k + 1}`,
        amountMinor: 100 * (k + 1),
      }));
      const written = await addEntries(inputs, {
        chunkSize,
        onProgress: (p) => progress.push(p),
      });
      expect(progress).toEqual(reported.map((done) => ({ done, total: rows })));
      expect(written.map((e) => e.amountMinor)).toEqual(inputs.map((i) => i.amountMinor));
      expect(await db.entries.count()).toBe(rows);
      await expectRollupsConsistent(db);
    },
  );
});

describe('editing, deleting and restoring refuse what is not there', () => {
  it('an edit of a deleted or unknown entry is entry/not-found', async () => {
    const entry = await addEntry({ streamId: h.idr.id, date: '2025-05-01', amountMinor: 100 });
    await deleteEntry(entry.id);
    expect(await codeOf(updateEntry(entry.id, { amountMinor: 200 }))).toBe('entry/not-found');
    expect(await codeOf(updateEntry(crypto.randomUUID(), { amountMinor: 200 }))).toBe(
      'entry/not-found',
    );
  });

  it('restoring a live or unknown entry is entry/not-found, and nothing changes', async () => {
    const entry = await addEntry({ streamId: h.idr.id, date: '2025-05-01', amountMinor: 100 });
    expect(await codeOf(restoreEntries([entry.id]))).toBe('entry/not-found');
    expect(await codeOf(restoreEntries([crypto.randomUUID()]))).toBe('entry/not-found');
    expect(await getEntry(entry.id)).toEqual(entry);
  });
});

describe('the reads', () => {
  it("a member's month holds that member's entries from the 1st to the last day, and no other", async () => {
    const otherStream = h.php.id; // Budi's
    await addEntries([
      { streamId: otherStream, date: '2025-04-30', amountMinor: 1 },
      { streamId: otherStream, date: '2025-05-01', amountMinor: 2 },
      { streamId: otherStream, date: '2025-05-31', amountMinor: 3 },
      { streamId: otherStream, date: '2025-06-01', amountMinor: 4 },
      { streamId: h.idr.id, date: '2025-05-10', amountMinor: 5 },
    ]);
    expect(
      (await listEntriesOfMonth('2025-05', { memberId: h.other.id })).map((e) => e.amountMinor),
    ).toEqual([3, 2]);
  });

  it('a stream and a member given together both apply', async () => {
    await addEntry({ streamId: h.idr.id, date: '2025-05-10', amountMinor: 5 });
    expect(
      await listEntriesOfMonth('2025-05', { streamId: h.idr.id, memberId: h.other.id }),
    ).toEqual([]);
    expect(
      (await listEntriesOfMonth('2025-05', { streamId: h.idr.id, memberId: h.member.id })).length,
    ).toBe(1);
  });

  it('deleted entries come most recently deleted first', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(PINNED_NOW);
    const [a, b, c] = await addEntries([
      { streamId: h.idr.id, date: '2025-05-01', amountMinor: 1 },
      { streamId: h.idr.id, date: '2025-05-02', amountMinor: 2 },
      { streamId: h.idr.id, date: '2025-05-03', amountMinor: 3 },
    ]);
    vi.setSystemTime(PINNED_NOW.getTime() + 1_000);
    await deleteEntry(b!.id);
    vi.setSystemTime(PINNED_NOW.getTime() + 2_000);
    await deleteEntry(c!.id);
    vi.setSystemTime(PINNED_NOW.getTime() + 3_000);
    await deleteEntry(a!.id);
    expect((await listDeletedEntries()).map((e) => e.id)).toEqual([a!.id, c!.id, b!.id]);
    expect((await listDeletedEntries(2)).map((e) => e.id)).toEqual([a!.id, c!.id]);
  });

  it('counts every stored entry, deleted ones included', async () => {
    expect(await countEntries()).toBe(0);
    const [a] = await addEntries([
      { streamId: h.idr.id, date: '2025-05-01', amountMinor: 1 },
      { streamId: h.usd.id, date: '2025-05-02', amountMinor: 2 },
    ]);
    await deleteEntries([a!.id]);
    expect(await countEntries()).toBe(2);
  });

  it('tells whether an entry was added, edited or deleted at or after a time', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const at = (seconds: number) => new Date(PINNED_NOW.getTime() + seconds * 1_000).toISOString();
    expect(await hasEntriesChangedSince(at(0))).toBe(false);
    vi.setSystemTime(at(10));
    const entry = await addEntry({ streamId: h.idr.id, date: '2025-05-01', amountMinor: 1 });
    expect(await hasEntriesChangedSince(at(10))).toBe(true);
    expect(await hasEntriesChangedSince(at(11))).toBe(false);
    vi.setSystemTime(at(20));
    await updateEntry(entry.id, { amountMinor: 2 });
    expect(await hasEntriesChangedSince(at(15))).toBe(true);
    expect(await hasEntriesChangedSince(at(21))).toBe(false);
    vi.setSystemTime(at(30));
    await deleteEntry(entry.id);
    expect(await hasEntriesChangedSince(at(30))).toBe(true);
  });
});
