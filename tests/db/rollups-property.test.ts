import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import {
  addEntry,
  addRate,
  addStream,
  deleteEntry,
  restoreEntry,
  updateEntry,
  type EntryPatch,
} from '../../src/lib/db/repo';
import type { Entry, Stream } from '../../src/lib/domain/model';
import { codeOf, dropDatabase, freshDatabase, rollupsAndTruth, seedBasics } from './helpers';

/*
 * Random sequences of entry writes across streams, months, currencies and statuses; after each
 * sequence the incrementally maintained rollups must equal a recomputation from the entries.
 * One database for all runs (entries and rollups cleared in between) keeps 500 runs fast.
 */

let db: AnyamDatabase;
let streams: Stream[];

beforeAll(async () => {
  db = freshDatabase('property');
  const h = await seedBasics();
  const vnd = await addStream({
    memberId: h.other.id,
    name: 'Pho',
    kind: 'informal',
    currency: 'VND',
  });
  await addRate({ currency: 'VND', date: '2025-02-01', value: '0.62' });
  streams = [h.idr, h.usd, h.php, vnd];
});
afterAll(() => dropDatabase(db));

// Months on both sides of rate changes, and January 2025 where PHP and VND have no rate yet.
const MONTHS = ['2025-01', '2025-03', '2025-06', '2025-07', '2026-02'];
const CURRENCIES = ['IDR', 'USD', 'PHP', 'VND'];

const dateArb = fc
  .tuple(fc.constantFrom(...MONTHS), fc.integer({ min: 1, max: 28 }))
  .map(([month, day]) => `${month}-${String(day).padStart(2, '0')}`);
const amountArb = fc.oneof(
  fc.integer({ min: 0, max: 5_000 }),
  fc.integer({ min: 0, max: 2_000_000_000 }),
);
const statusArb = fc.constantFrom('received' as const, 'pending' as const);

const addArb = fc.record({
  op: fc.constant('add' as const),
  stream: fc.nat(3),
  date: dateArb,
  amountMinor: amountArb,
  currency: fc.option(fc.constantFrom(...CURRENCIES), { nil: undefined }),
  status: statusArb,
  paidMinutes: fc.nat(600),
  unpaidMinutes: fc.nat(600),
});
const editArb = fc.record({
  op: fc.constant('edit' as const),
  target: fc.nat(),
  patch: fc.record(
    {
      stream: fc.nat(3),
      date: dateArb,
      amountMinor: amountArb,
      currency: fc.constantFrom(...CURRENCIES),
      status: statusArb,
      paidMinutes: fc.nat(600),
    },
    { requiredKeys: [] },
  ),
});
const deleteArb = fc.record({ op: fc.constant('delete' as const), target: fc.nat() });
const restoreArb = fc.record({ op: fc.constant('restore' as const), target: fc.nat() });
const commandArb = fc.oneof(
  { arbitrary: addArb, weight: 4 },
  { arbitrary: editArb, weight: 2 },
  { arbitrary: deleteArb, weight: 2 },
  { arbitrary: restoreArb, weight: 1 },
);

it('keeps rollups equal to a recomputation after ≥ 500 random write sequences', async () => {
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(commandArb, { minLength: 1, maxLength: 10 }), async (commands) => {
      runs += 1;
      await db.transaction('rw', db.entries, db.rollups, async () => {
        await db.entries.clear();
        await db.rollups.clear();
      });
      const made: Entry[] = [];
      for (const command of commands) {
        if (command.op === 'add') {
          const { stream, op: _op, ...input } = command;
          made.push(await addEntry({ ...input, streamId: streams[stream]!.id }));
          continue;
        }
        if (made.length === 0) continue;
        const target = made[command.target % made.length]!;
        if (command.op === 'edit') {
          const { stream, ...rest } = command.patch;
          const patch: EntryPatch = { ...rest };
          if (stream !== undefined) patch.streamId = streams[stream]!.id;
          const stored = await db.entries.get(target.id);
          const result = updateEntry(target.id, patch);
          // Editing a deleted entry is refused; the rollups must not move either way.
          if (stored?.deletedAt === null) await result;
          else expect(await codeOf(result)).toBe('entry/not-found');
        } else if (command.op === 'delete') {
          const stored = await db.entries.get(target.id);
          if (stored?.deletedAt === null) await deleteEntry(target.id);
          else expect(await codeOf(deleteEntry(target.id))).toBe('entry/not-found');
        } else {
          const stored = await db.entries.get(target.id);
          if (stored?.deletedAt !== null) await restoreEntry(target.id);
          else expect(await codeOf(restoreEntry(target.id))).toBe('entry/not-found');
        }
      }
      const [stored, truth] = await rollupsAndTruth(db);
      expect(stored).toEqual(truth);
    }),
    { numRuns: 500, seed: 20_260_101 },
  );
  expect(runs).toBeGreaterThanOrEqual(500);
});
