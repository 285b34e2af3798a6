import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import { addEntry, addStream, deleteEntry, deleteStream, receiveDue } from '../../src/lib/db/repo';
import { type Stream } from '../../src/lib/domain/model';
import { payDayWindow } from '../../src/lib/domain/occurrences';
import { dropDatabase, freshDatabase, seedBasics, type Basics } from './helpers';
import { errorOf } from '../refusal';

/*
 * The rules of "Received" (src/lib/db/repo/receive.ts) that tests/db/monthly-loop.test.ts does
 * not state: which entries answer a pay day (its window, both ends included, live entries of the
 * same stream only) and which streams cannot be received.
 */

let db: AnyamDatabase;
let h: Basics;
let salary: Stream;

beforeEach(async () => {
  db = freshDatabase('receive-rules');
  h = await seedBasics();
  salary = await addStream({
    memberId: h.member.id,
    name: 'Salary',
    kind: 'formal',
    currency: 'IDR',
    expected: { amountMinor: 4_800_000_00, cadence: 'monthly' },
    payDay: { cadence: 'monthly', day: 25 },
  });
});
afterEach(() => dropDatabase(db));

const count = () => db.entries.where('streamId').equals(salary.id).count();

describe('a pay day already answered', () => {
  // The 25 November pay day's window: half the 31 days back to 25 October (15 days), up to the
  // day before half the 30 days on to 25 December.
  const from = '2026-11-10';
  const to = '2026-12-09';

  it('is the window the due list uses', () => {
    expect(payDayWindow({ cadence: 'monthly', day: 25 }, '2026-11-25')).toEqual({ from, to });
  });

  it('by a live entry of the stream on either end of its window: nothing is written, null comes back', async () => {
    for (const date of [from, to]) {
      const entry = await addEntry({ streamId: salary.id, date, amountMinor: 1 });
      expect(await receiveDue(salary.id, '2026-11-25'), date).toBeNull();
      expect(await count()).toBe(1);
      await db.entries.delete(entry.id);
    }
  });

  it('not by an entry a day outside the window, a deleted one, or one of another stream', async () => {
    await addEntry({ streamId: salary.id, date: '2026-11-09', amountMinor: 1 });
    await addEntry({ streamId: salary.id, date: '2026-12-10', amountMinor: 1 });
    const deleted = await addEntry({ streamId: salary.id, date: '2026-11-25', amountMinor: 1 });
    await deleteEntry(deleted.id);
    await addEntry({ streamId: h.idr.id, date: '2026-11-25', amountMinor: 1 });
    const received = await receiveDue(salary.id, '2026-11-25');
    expect(received).toMatchObject({
      streamId: salary.id,
      date: '2026-11-25',
      amountMinor: 4_800_000_00,
      deletedAt: null,
    });
    expect(await count()).toBe(4);
  });
});

describe('a stream that cannot be received', () => {
  it('is entry/unknown-stream, named in the details, and nothing is written: unknown, deleted, or without a pay day', async () => {
    const gone = await addStream({
      memberId: h.member.id,
      name: 'Old job',
      kind: 'formal',
      currency: 'IDR',
      expected: { amountMinor: 1_00, cadence: 'monthly' },
      payDay: { cadence: 'monthly', day: 1 },
    });
    await deleteStream(gone.id);
    expect(h.idr.payDay).toBeNull();
    const before = await db.entries.count();
    for (const streamId of [gone.id, h.idr.id, '00000000-0000-4000-8000-000000000000']) {
      const error = await errorOf(receiveDue(streamId, '2026-11-01'));
      expect(error.code).toBe('entry/unknown-stream');
      expect(error.details).toEqual({ streamId });
    }
    expect(await db.entries.count()).toBe(before);
  });
});
