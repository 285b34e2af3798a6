import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Entry, Rollup } from '../../src/lib/domain/model';
import {
  entryChangeDeltas,
  entryDelta,
  monthlyIncome,
  rollupKey,
  rollupsFromEntries,
  rollupWithDelta,
} from '../../src/lib/domain/rollup';
import { makeEntry, makeRate, makeStream } from './analytics-fixtures';

const idr = makeStream({ id: 'idr', kind: 'informal', memberId: 'a' });
const usd = makeStream({ id: 'usd', kind: 'microtask', memberId: 'b', currency: 'USD' });
const rates = [makeRate('USD', '2025-02-01', '16000')];

/** Applies entries one by one as the db layer does, deleting rows whose count reaches 0. */
function applyAll(rows: Map<string, Rollup>, entries: Entry[], sign: 1 | -1): void {
  for (const e of entries) {
    const base = rollupsFromEntries([e], rates, 'IDR')[0]!;
    const delta = entryDelta(e, base.missingRateCount > 0 ? null : base.baseMinor, sign);
    const next = rollupWithDelta(rows.get(delta.key), delta);
    if (next === null) rows.delete(delta.key);
    else rows.set(delta.key, next);
  }
}

describe('rollup rows', () => {
  it('keys rows by stream, month, currency and status', () => {
    expect(rollupKey('s1', '2025-03', 'IDR', 'pending')).toBe('s1|2025-03|IDR|pending');
  });

  it('converts each entry at the rate of its date, counting entries without a rate', () => {
    const rows = rollupsFromEntries(
      [
        makeEntry(usd, '2025-01-31', 1_000, { paidMinutes: 30, unpaidMinutes: 10 }),
        makeEntry(usd, '2025-01-02', 2_000, { paidMinutes: 5 }),
        makeEntry(usd, '2025-02-01', 500),
        makeEntry(usd, '2025-02-03', 500, { status: 'pending' }),
        makeEntry(idr, '2025-02-03', 700, { deletedAt: '2025-02-04T00:00:00Z' }),
      ],
      rates,
      'IDR',
    );
    expect(rows).toEqual([
      {
        key: 'usd|2025-01|USD|received',
        streamId: 'usd',
        memberId: 'b',
        month: '2025-01',
        currency: 'USD',
        status: 'received',
        amountMinor: 3_000,
        baseMinor: 0,
        missingRateCount: 2,
        paidMinutes: 35,
        unpaidMinutes: 10,
        count: 2,
      },
      expect.objectContaining({ key: 'usd|2025-02|USD|pending', baseMinor: 8_000_000, count: 1 }),
      expect.objectContaining({ key: 'usd|2025-02|USD|received', baseMinor: 8_000_000 }),
    ]);
  });

  it('agrees with the rebuild when entries are applied one by one, and deletes emptied rows', () => {
    const entryArb = fc.record({
      usdStream: fc.boolean(),
      day: fc.integer({ min: 0, max: 120 }),
      amount: fc.integer({ min: 0, max: 10_000_000 }),
      pending: fc.boolean(),
      paid: fc.integer({ min: 0, max: 600 }),
    });
    fc.assert(
      fc.property(fc.array(entryArb, { maxLength: 30 }), fc.nat(), (specs, cut) => {
        const entries = specs.map((s) => {
          const d = new Date(Date.UTC(2025, 0, 1 + s.day)).toISOString().slice(0, 10);
          return makeEntry(s.usdStream ? usd : idr, d, s.amount, {
            status: s.pending ? 'pending' : 'received',
            paidMinutes: s.paid,
          });
        });
        const rows = new Map<string, Rollup>();
        applyAll(rows, entries, 1);
        expect([...rows.values()].sort((a, b) => (a.key < b.key ? -1 : 1))).toEqual(
          rollupsFromEntries(entries, rates, 'IDR'),
        );
        // Remove some entries again: the rows equal the rebuild of those that remain.
        const k = entries.length === 0 ? 0 : cut % (entries.length + 1);
        applyAll(rows, entries.slice(0, k), -1);
        expect([...rows.values()].sort((a, b) => (a.key < b.key ? -1 : 1))).toEqual(
          rollupsFromEntries(entries.slice(k), rates, 'IDR'),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('entry change deltas', () => {
  it('moves an edited entry from its old row to its new one and deletes the emptied row', () => {
    const before = makeEntry(idr, '2025-01-31', 1_000, { paidMinutes: 20 });
    const after = { ...before, date: '2025-02-01', amountMinor: 1_500 };
    const rows = new Map<string, Rollup>(
      rollupsFromEntries([before], rates, 'IDR').map((r) => [r.key, r]),
    );
    for (const delta of entryChangeDeltas(
      { entry: before, baseMinor: 1_000 },
      { entry: after, baseMinor: 1_500 },
    )) {
      const next = rollupWithDelta(rows.get(delta.key), delta);
      if (next === null) rows.delete(delta.key);
      else rows.set(delta.key, next);
    }
    expect([...rows.values()]).toEqual(rollupsFromEntries([after], rates, 'IDR'));
  });

  it('removes a soft-deleted entry and adds it back when restored', () => {
    const e = makeEntry(idr, '2025-01-31', 1_000);
    const gone = { ...e, deletedAt: '2025-02-01T00:00:00Z' };
    expect(
      entryChangeDeltas({ entry: e, baseMinor: 1_000 }, { entry: gone, baseMinor: 1_000 }),
    ).toEqual([entryDelta(e, 1_000, -1)]);
    expect(
      entryChangeDeltas({ entry: gone, baseMinor: 1_000 }, { entry: e, baseMinor: 1_000 }),
    ).toEqual([entryDelta(e, 1_000, 1)]);
    expect(entryChangeDeltas(null, { entry: e, baseMinor: null })[0]!.missingRateCount).toBe(1);
  });
});

describe('monthly income series', () => {
  it('sums per stream, kind, member and household, pending apart, flagged months listed', () => {
    const other = makeStream({ id: 'other', kind: 'informal', memberId: 'b' });
    const entries = [
      makeEntry(idr, '2025-01-05', 100),
      makeEntry(other, '2025-01-06', 50),
      makeEntry(usd, '2025-01-07', 1), // no rate yet
      makeEntry(usd, '2025-03-07', 2), // 32,000
      makeEntry(usd, '2025-03-08', 3, { status: 'pending' }), // 48,000
    ];
    const s = monthlyIncome(rollupsFromEntries(entries, rates, 'IDR'), [idr, usd, other]);
    expect(s.received.months).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(s.received.byStream).toEqual({
      idr: [100, 0, 0],
      usd: [0, 0, 32_000],
      other: [50, 0, 0],
    });
    expect(s.received.byKind.informal).toEqual([150, 0, 0]);
    expect(s.received.byKind.microtask).toEqual([0, 0, 32_000]);
    expect(s.received.byMember).toEqual({ a: [100, 0, 0], b: [50, 0, 32_000] });
    expect(s.received.total).toEqual([150, 0, 32_000]);
    expect(s.pending.total).toEqual([0, 0, 48_000]);
    expect(s.flagged).toEqual([
      { month: '2025-01', receivedMissing: 1, pendingMissing: 0, streamIds: ['usd'] },
    ]);
  });
});
