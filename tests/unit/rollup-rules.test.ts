/**
 * The rules of the rollup rows (domain/rollup.ts) the dashboard reads: what one entry adds to or
 * removes from its row (every field, the sign, a missing rate counted and never a silent zero),
 * when a row is created, changed or deleted, which member a row keeps, the deltas of a write in
 * the order they are applied, and the rebuild's rows sorted by key whatever order the entries are
 * read in.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entry, Rollup } from '../../src/lib/domain/model';
import {
  entryBaseMinor,
  entryChangeDeltas,
  entryDelta,
  rollupsFromEntries,
  rollupWithDelta,
} from '../../src/lib/domain/rollup';
import { makeEntry, makeRate, makeStream } from './analytics-fixtures';

const usd = makeStream({ id: 'usd', kind: 'microtask', memberId: 'ana', currency: 'USD' });
const idr = makeStream({ id: 'idr', kind: 'informal', memberId: 'budi' });

function entry(over: Partial<Entry> = {}): Entry {
  return makeEntry(usd, '2026-03-31', 1_250, { paidMinutes: 45, unpaidMinutes: 15, ...over });
}

describe('what one entry adds to its row', () => {
  it('is its amount, base amount, minutes and a count of 1, keyed by stream, month, currency and status', () => {
    expect(entryDelta(entry({ status: 'pending' }), 20_000_000, 1)).toStrictEqual({
      key: 'usd|2026-03|USD|pending',
      streamId: 'usd',
      memberId: 'ana',
      month: '2026-03',
      currency: 'USD',
      status: 'pending',
      amountMinor: 1_250,
      baseMinor: 20_000_000,
      missingRateCount: 0,
      paidMinutes: 45,
      unpaidMinutes: 15,
      count: 1,
    });
  });

  it('without a rate, adds nothing to the base amount and counts one missing rate', () => {
    const d = entryDelta(entry(), null, 1);
    expect(d.baseMinor).toBe(0);
    expect(d.missingRateCount).toBe(1);
    expect(d.amountMinor).toBe(1_250);
  });

  it('is taken back whole when the entry is removed: every figure negated, never −0', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.option(fc.integer({ min: 0, max: 1_000_000_000 })),
        fc.integer({ min: 0, max: 1_440 }),
        fc.integer({ min: 0, max: 1_440 }),
        (amount, base, paid, unpaid) => {
          const e = entry({ amountMinor: amount, paidMinutes: paid, unpaidMinutes: unpaid });
          const add = entryDelta(e, base, 1);
          const remove = entryDelta(e, base, -1);
          for (const field of [
            'amountMinor',
            'baseMinor',
            'missingRateCount',
            'paidMinutes',
            'unpaidMinutes',
            'count',
          ] as const) {
            expect(remove[field] + add[field]).toBe(0);
          }
          expect(Object.is(remove.amountMinor, -0)).toBe(false);
          expect(Object.is(remove.baseMinor, -0)).toBe(false);
          expect(remove.count).toBe(-1);
          expect(remove.missingRateCount).toBe(base === null ? -1 : 0);
          expect(remove.key).toBe(add.key);
        },
      ),
      { numRuns: 300 },
    );
  });
});

const delta = (e: Entry, base: number | null, sign: 1 | -1) => entryDelta(e, base, sign);

describe('a row after a delta', () => {
  it('is created from the first entry of its key', () => {
    const d = delta(entry(), null, 1);
    expect(rollupWithDelta(undefined, d)).toStrictEqual(d);
  });

  it('adds every figure of the delta to the row', () => {
    const row = rollupWithDelta(undefined, delta(entry(), 20_000_000, 1))!;
    const next = rollupWithDelta(
      row,
      delta(entry({ amountMinor: 750, paidMinutes: 5, unpaidMinutes: 1 }), null, 1),
    );
    expect(next).toStrictEqual({
      ...row,
      amountMinor: 2_000,
      baseMinor: 20_000_000,
      missingRateCount: 1,
      paidMinutes: 50,
      unpaidMinutes: 16,
      count: 2,
    });
  });

  it('is deleted (null) when its last entry is removed, and kept while one is left', () => {
    const a = entry();
    const b = entry({ amountMinor: 10 });
    const one = rollupWithDelta(undefined, delta(a, 1, 1))!;
    const two = rollupWithDelta(one, delta(b, 1, 1))!;
    expect(rollupWithDelta(one, delta(a, 1, -1))).toBeNull();
    expect(rollupWithDelta(two, delta(b, 1, -1))).toStrictEqual(one);
    // A removal with no row to take it from leaves no row.
    expect(rollupWithDelta(undefined, delta(a, 1, -1))).toBeNull();
  });

  it('never changes the row it is given', () => {
    const row = rollupWithDelta(undefined, delta(entry(), 5, 1))!;
    const copy = structuredClone(row);
    rollupWithDelta(row, delta(entry({ amountMinor: 1 }), 5, 1));
    rollupWithDelta(row, delta(entry(), 5, -1));
    expect(row).toStrictEqual(copy);
  });

  it('belongs to the member of the latest entry added; a removal keeps the row’s member', () => {
    const row = rollupWithDelta(undefined, delta(entry(), 5, 1))!;
    const moved = entry({ memberId: 'cita' });
    const added = rollupWithDelta(row, delta(moved, 5, 1))!;
    expect(added.memberId).toBe('cita');
    const withOld = rollupWithDelta(added, delta(entry({ amountMinor: 1 }), 5, 1))!;
    expect(withOld.memberId).toBe('ana');
    // Removing the entry that named another member does not hand the row to that member.
    expect(rollupWithDelta(withOld, delta(moved, 5, -1))!.memberId).toBe('ana');
  });
});

describe('the deltas of one write', () => {
  const old = entry();
  const edited = { ...old, date: '2026-04-01', amountMinor: 2_000 };
  const gone = { ...old, deletedAt: '2026-04-02T00:00:00.000Z' };

  it('are nothing without a live entry on either side', () => {
    expect(entryChangeDeltas(null, null)).toStrictEqual([]);
    expect(
      entryChangeDeltas({ entry: gone, baseMinor: 1 }, { entry: gone, baseMinor: 1 }),
    ).toStrictEqual([]);
  });

  it('are the addition of a new entry, and the removal of a deleted one', () => {
    expect(entryChangeDeltas(null, { entry: old, baseMinor: 7 })).toStrictEqual([
      entryDelta(old, 7, 1),
    ]);
    expect(entryChangeDeltas({ entry: old, baseMinor: 7 }, null)).toStrictEqual([
      entryDelta(old, 7, -1),
    ]);
  });

  it('take the old entry out, with its old base amount, before adding the edited one', () => {
    expect(
      entryChangeDeltas({ entry: old, baseMinor: 7 }, { entry: edited, baseMinor: null }),
    ).toStrictEqual([entryDelta(old, 7, -1), entryDelta(edited, null, 1)]);
  });
});

describe('an entry’s base amount', () => {
  const rates = [makeRate('USD', '2026-03-01', '16000')];

  it('is its amount in the base currency, converted at the rate of its date, or null without one', () => {
    expect(entryBaseMinor(makeEntry(idr, '2020-01-01', 123), [], 'IDR')).toBe(123);
    expect(entryBaseMinor(entry({ date: '2026-03-01', amountMinor: 100 }), rates, 'IDR')).toBe(
      1_600_000,
    );
    expect(entryBaseMinor(entry({ date: '2026-02-28' }), rates, 'IDR')).toBeNull();
  });
});

describe('the rebuild', () => {
  it('never converts with a deleted rate', () => {
    const rates = [makeRate('USD', '2026-03-01', '16000', { deletedAt: '2026-03-02T00:00:00Z' })];
    const [row] = rollupsFromEntries([entry()], rates, 'IDR');
    expect(row).toMatchObject({ baseMinor: 0, missingRateCount: 1, count: 1 });
  });

  it('gives the same rows, sorted by key, whatever order the entries are read in', () => {
    const specArb = fc.record({
      stream: fc.constantFrom(usd, idr),
      month: fc.constantFrom('2026-01', '2026-02', '2026-03'),
      pending: fc.boolean(),
      amount: fc.integer({ min: 0, max: 100_000 }),
      deleted: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(specArb, { maxLength: 20 }), fc.nat(), (specs, seed) => {
        const entries = specs.map((s) =>
          makeEntry(s.stream, `${s.month}-15`, s.amount, {
            status: s.pending ? 'pending' : 'received',
            deletedAt: s.deleted ? '2026-04-01T00:00:00Z' : null,
          }),
        );
        const rates = [makeRate('USD', '2026-02-01', '16000')];
        const rows: Rollup[] = rollupsFromEntries(entries, rates, 'IDR');
        const keys = rows.map((r) => r.key);
        expect(keys).toStrictEqual([...new Set(keys)].sort());
        // Only live entries count.
        expect(rows.reduce((n, r) => n + r.count, 0)).toBe(specs.filter((s) => !s.deleted).length);
        const shuffled = [...entries];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = (seed + i * 7) % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        expect(rollupsFromEntries(shuffled, rates, 'IDR')).toStrictEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
});
