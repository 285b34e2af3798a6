import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import {
  addEntries,
  addRate,
  deleteRate,
  listRates,
  listRatesOf,
  rateFrom,
  restoreRate,
  saveSettings,
  updateRate,
  type EntryInput,
} from '../../src/lib/db/repo';
import type { Rollup } from '../../src/lib/domain/model';
import { createRng } from '../factories/rng';
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

beforeAll(async () => {
  db = freshDatabase('rates');
  h = await seedBasics();
  const rng = createRng(7);
  const streams = [h.idr, h.usd, h.php];
  const inputs: EntryInput[] = Array.from({ length: 600 }, () => {
    const stream = rng.pick(streams);
    const month = rng.pick([
      '2024-12',
      '2025-02',
      '2025-03',
      '2025-05',
      '2025-07',
      '2025-11',
      '2026-01',
    ]);
    return {
      streamId: stream.id,
      date: `${month}-${String(rng.int(1, 28)).padStart(2, '0')}`,
      amountMinor: rng.int(0, 50_000_000),
      currency: rng.bool(0.8) ? stream.currency : rng.pick(['IDR', 'USD', 'PHP']),
      status: rng.bool(0.8) ? 'received' : 'pending',
    };
  });
  await addEntries(inputs);
  await expectRollupsConsistent(db);
});
afterAll(() => dropDatabase(db));

function rowsWhere(rows: Rollup[], keep: (row: Rollup) => boolean): Rollup[] {
  return rows.filter(keep).sort((a, b) => a.key.localeCompare(b.key));
}

describe('rates and the base currency keep rollups equal to a recomputation', () => {
  it('rebuilds only the rate currency from the rate month on', async () => {
    const before = await db.rollups.toArray();
    const untouched = (row: Rollup) => row.currency !== 'USD' || row.month < '2025-05';
    await addRate({ currency: 'USD', date: '2025-05-10', value: '16100' });
    await expectRollupsConsistent(db);
    const after = await db.rollups.toArray();
    expect(rowsWhere(after, untouched)).toEqual(rowsWhere(before, untouched));
    expect(rowsWhere(after, (r) => !untouched(r))).not.toEqual(
      rowsWhere(before, (r) => !untouched(r)),
    );
  });

  it('follows edits of value, date and currency, removal and undo', async () => {
    const rate = await addRate({ currency: 'PHP', date: '2025-02-01', value: '270' });
    await expectRollupsConsistent(db);
    await updateRate(rate.id, { value: '275.5' });
    await expectRollupsConsistent(db);
    await updateRate(rate.id, { date: '2024-12-15' });
    await expectRollupsConsistent(db);
    await updateRate(rate.id, { date: '2025-11-20' });
    await expectRollupsConsistent(db);
    await updateRate(rate.id, { currency: 'USD', date: '2025-02-10' });
    await expectRollupsConsistent(db);
    await deleteRate(rate.id);
    await expectRollupsConsistent(db);
    await restoreRate(rate.id);
    await expectRollupsConsistent(db);
  });

  it('rebuilds every rollup when the base currency changes, reporting progress', async () => {
    const progress: number[] = [];
    await saveSettings({ baseCurrency: 'USD' }, { onProgress: (p) => progress.push(p.done) });
    await expectRollupsConsistent(db);
    expect(progress.at(-1)).toBe(await db.entries.count());
    // With USD as base, IDR and PHP amounts have no rate: counted as missing, never as zero.
    expect(
      (await db.rollups.toArray()).some((r) => r.currency === 'IDR' && r.missingRateCount > 0),
    ).toBe(true);
    await saveSettings({ baseCurrency: 'IDR' });
    await expectRollupsConsistent(db);
    // A change that leaves the base currency alone does not rebuild.
    const calls: number[] = [];
    await saveSettings({ householdName: 'Renamed' }, { onProgress: (p) => calls.push(p.done) });
    expect(calls).toEqual([]);
  });

  it('stays consistent under random sequences of rate writes', async () => {
    const rateOp = fc.oneof(
      fc.record({
        op: fc.constant('add' as const),
        currency: fc.constantFrom('USD', 'PHP', 'IDR'),
        month: fc.constantFrom('2024-11', '2025-03', '2025-06', '2025-12'),
        value: fc.constantFrom('15000', '16000.25', '0.5', '290'),
      }),
      fc.record({
        op: fc.constant('edit' as const),
        target: fc.nat(),
        value: fc.constantFrom('1', '17000'),
      }),
      fc.record({
        op: fc.constant('move' as const),
        target: fc.nat(),
        month: fc.constantFrom('2025-01', '2025-08'),
      }),
      fc.record({ op: fc.constant('delete' as const), target: fc.nat() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(rateOp, { minLength: 1, maxLength: 4 }), async (ops) => {
        for (const op of ops) {
          const live = (await db.rates.toArray()).filter((r) => r.deletedAt === null);
          const target = op.op === 'add' ? undefined : live[op.target % Math.max(live.length, 1)];
          if (op.op === 'add')
            await addRate({ currency: op.currency, date: `${op.month}-15`, value: op.value });
          else if (!target) continue;
          else if (op.op === 'edit') await updateRate(target.id, { value: op.value });
          else if (op.op === 'move') await updateRate(target.id, { date: `${op.month}-03` });
          else await deleteRate(target.id);
        }
        await expectRollupsConsistent(db);
      }),
      { numRuns: 40, seed: 4242 },
    );
  });
});

describe('the rates repository: what an edit, a delete and a restore leave stored', () => {
  it('stores an edited rate as edited, refusing a value that is no rate and changing nothing', async () => {
    const rate = await addRate({ currency: 'EUR', date: '2025-01-05', value: '17000' });
    const edited = await updateRate(rate.id, { value: '17100.25' });
    expect(edited).toMatchObject({ id: rate.id, currency: 'EUR', value: '17100.25' });
    expect(await db.rates.get(rate.id)).toEqual(edited);
    expect(await codeOf(updateRate(rate.id, { value: '0' }))).toBe('rate/invalid-value');
    expect(await db.rates.get(rate.id)).toEqual(edited);
    await deleteRate(rate.id);
  });

  it('lists live rates by currency then date; a deleted one is gone until restored', async () => {
    const march = await addRate({ currency: 'EUR', date: '2025-03-01', value: '17500' });
    const january = await addRate({ currency: 'EUR', date: '2025-01-02', value: '17200' });
    const euros = (rows: { currency: string; id: string }[]) =>
      rows.filter((r) => r.currency === 'EUR').map((r) => r.id);
    expect(euros(await listRates())).toEqual([january.id, march.id]);
    expect((await listRatesOf('EUR')).map((r) => r.id)).toEqual([january.id, march.id]);
    const all = await listRates();
    expect(all.map((r) => [r.currency, r.date])).toEqual(
      [...all].map((r) => [r.currency, r.date]).sort(),
    );
    expect((await listRatesOf('USD')).every((r) => r.currency === 'USD')).toBe(true);
    expect(await listRatesOf('USD')).toEqual(all.filter((r) => r.currency === 'USD'));

    expect((await deleteRate(january.id)).deletedAt).not.toBeNull();
    expect(euros(await listRates())).toEqual([march.id]);
    expect((await listRatesOf('EUR')).map((r) => r.id)).toEqual([march.id]);
    await expectRollupsConsistent(db);
    const restored = await restoreRate(january.id);
    expect(restored.deletedAt).toBeNull();
    expect(await db.rates.get(january.id)).toEqual(restored);
    expect((await listRatesOf('EUR')).map((r) => r.id)).toEqual([january.id, march.id]);
    await expectRollupsConsistent(db);
  });

  it('refuses to edit, delete or restore a rate that does not exist', async () => {
    expect(await codeOf(updateRate('nope', { value: '1' }))).toBe('rate/not-found');
    expect(await codeOf(deleteRate('nope'))).toBe('rate/not-found');
    expect(await codeOf(restoreRate('nope'))).toBe('rate/not-found');
  });

  it('makes a new rate no sample unless told', () => {
    const input = { currency: 'EUR', date: '2025-01-05', value: '17000' };
    expect(rateFrom(input).isSample).toBe(false);
    expect(rateFrom({ ...input, isSample: true }).isSample).toBe(true);
  });
});
