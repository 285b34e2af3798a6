import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Place, Saving } from '../../src/lib/domain/model';
import {
  balancesByPlace,
  savingsAtMonthEnd,
  savingsAtMonthEnds,
} from '../../src/lib/domain/savings';
import { makeRate, makeSaving } from './analytics-fixtures';

const place = (id: string, over: Partial<Place> = {}): Place => ({
  id,
  name: id,
  kind: 'bank',
  currency: 'IDR',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  deletedAt: null,
  isSample: false,
  ...over,
});

describe('which balance of a place is in force', () => {
  /** The latest by date, then by updatedAt; on a full tie the one given last. */
  function inForce(savings: readonly Saving[], end: string): number | null {
    let best: Saving | null = null;
    for (const s of savings) {
      if (s.deletedAt !== null || s.date > end) continue;
      if (best === null || s.date > best.date) best = s;
      else if (s.date === best.date && s.updatedAt >= best.updatedAt) best = s;
    }
    return best?.amountMinor ?? null;
  }

  it('on the same date the later-updated balance wins, whichever is given first', () => {
    const early = makeSaving('2025-02-10', 100, { updatedAt: '2025-02-10T08:00:00.000Z' });
    const late = makeSaving('2025-02-10', 200, { updatedAt: '2025-02-10T09:00:00.000Z' });
    for (const given of [
      [early, late],
      [late, early],
    ]) {
      expect(savingsAtMonthEnd(given, '2025-02', 'IDR', [])?.amountMinor).toBe(200);
      expect(
        balancesByPlace([place('place-savings')], given, '2025-02-28', 'IDR', [])[0]!.baseMinor,
      ).toBe(200);
    }
  });

  it('is the latest by date, then updatedAt, then the order given, when dates and times collide', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            day: fc.integer({ min: 1, max: 3 }),
            second: fc.integer({ min: 0, max: 5 }),
            amount: fc.integer({ min: 0, max: 1_000_000 }),
          }),
          // Past 22 rows V8 sorts by merging runs, comparing rows in both directions.
          { minLength: 1, maxLength: 80 },
        ),
        (specs) => {
          const savings = specs.map((s) =>
            makeSaving(`2025-02-0${s.day}`, s.amount, {
              updatedAt: `2025-03-01T00:00:0${s.second}.000Z`,
            }),
          );
          expect(savingsAtMonthEnd(savings, '2025-02', 'IDR', [])?.amountMinor).toBe(
            inForce(savings, '2025-02-28'),
          );
          expect(
            balancesByPlace([place('place-savings')], savings, '2025-02-28', 'IDR', [])[0]!
              .baseMinor,
          ).toBe(inForce(savings, '2025-02-28'));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the buffer over several places', () => {
  it('is unknown when any place lacks a rate, whichever place comes first', () => {
    const rates = [makeRate('USD', '2025-01-01', '16000')];
    const noRate = makeSaving('2025-01-05', 50_000, { placeId: 'gcash', currency: 'PHP' });
    const withRate = makeSaving('2025-01-06', 10_000, { placeId: 'wise', currency: 'USD' });
    const idr = makeSaving('2025-01-07', 1_000, { placeId: 'cash' });
    for (const given of [
      [noRate, withRate, idr],
      [withRate, noRate, idr],
      [idr, withRate, noRate],
    ]) {
      const got = savingsAtMonthEnds(given, ['2025-01', '2025-02'], 'IDR', rates);
      expect(got.map((x) => x?.amountMinor)).toEqual([null, null]);
      expect(got.map((x) => x?.places)).toEqual([3, 3]);
    }
  });
});

describe('balancesByPlace', () => {
  const a = makeSaving('2025-03-10', 100, { placeId: 'a' });
  const b = makeSaving('2025-03-20', 200, { placeId: 'a' });

  it('counts a balance dated on the day asked and leaves out one dated after it', () => {
    const on = balancesByPlace([place('a')], [a, b], '2025-03-20', 'IDR', [])[0]!;
    expect(on.balances.map((s) => s.amountMinor)).toEqual([200, 100]);
    expect(on.baseMinor).toBe(200);
    const before = balancesByPlace([place('a')], [a, b], '2025-03-19', 'IDR', [])[0]!;
    expect(before.balances.map((s) => s.amountMinor)).toEqual([100]);
    expect(before.baseMinor).toBe(100);
  });

  it('leaves out a deleted place', () => {
    const rows = balancesByPlace(
      [place('a'), place('gone', { deletedAt: '2025-03-01T00:00:00.000Z' })],
      [a, b],
      '2025-03-31',
      'IDR',
      [],
    );
    expect(rows.map((r) => r.place.id)).toEqual(['a']);
  });

  it('does not flag a missing rate for a place with no balance yet', () => {
    const row = balancesByPlace([place('empty')], [a], '2025-03-31', 'IDR', [])[0]!;
    expect(row).toMatchObject({ balances: [], baseMinor: null, missingRate: false });
  });
});
