import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import {
  addEntries,
  countEntries,
  listRollups,
  rebuildRollups,
  type EntryInput,
} from '../../src/lib/db/repo';
import { createRng } from '../factories/rng';
import { dropDatabase, expectRollupsConsistent, freshDatabase, seedBasics } from './helpers';

let db: AnyamDatabase;
const ENTRIES = 12_000;

beforeAll(async () => {
  db = freshDatabase('rebuild');
  const h = await seedBasics();
  const rng = createRng(99);
  const streams = [h.idr, h.usd, h.php];
  const inputs: EntryInput[] = Array.from({ length: ENTRIES }, () => ({
    streamId: rng.pick(streams).id,
    date: `202${rng.int(4, 5)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
    amountMinor: rng.int(0, 10_000_000),
    status: rng.bool(0.9) ? 'received' : 'pending',
  }));
  const progress: number[] = [];
  await addEntries(inputs, { onProgress: (p) => progress.push(p.done) });
  expect(progress).toEqual([5_000, 10_000, 12_000]);
});
afterAll(() => dropDatabase(db));

describe('rebuildRollups', () => {
  it('recomputes rollups from the entries in chunks, reporting progress', async () => {
    const good = await listRollups();
    // Damage the derived table: a stray row, a wrong total, a missing row.
    await db.transaction('rw', db.rollups, async () => {
      await db.rollups.put({ ...good[0]!, key: 'stray', count: 99 });
      await db.rollups.put({ ...good[1]!, amountMinor: -1 });
      await db.rollups.delete(good[2]!.key);
    });
    const progress: { done: number; total: number }[] = [];
    await rebuildRollups({ onProgress: (p) => progress.push(p), chunkSize: 5_000 });
    expect(progress.map((p) => p.done)).toEqual([0, 5_000, 10_000, 12_000]);
    expect(progress.every((p) => p.total === ENTRIES)).toBe(true);
    expect(await countEntries()).toBe(ENTRIES);
    await expectRollupsConsistent(db);
  });
});
