// Issue 28: the rules of received-pay.ts (pay per hour on money received) and received.ts (what
// reached the household of one entry) that the mutation round found unstated.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Arrival, Entry, Stream } from '../../src/lib/domain/model';
import { isLandedKnown, receivedBaseMinor } from '../../src/lib/domain/received';
import { receivedPayByPlatform } from '../../src/lib/domain/received-pay';
import { makeEntry, makeRate, makeStream } from './analytics-fixtures';

// 1 US cent = 58 centavos from 1 July.
const RATES = [makeRate('USD', '2025-07-01', '58')];
const arrival = (over: Partial<Arrival> = {}): Arrival => ({
  on: '2025-07-20',
  placeId: 'wallet',
  landedMinor: null,
  landedCurrency: null,
  feeMinor: null,
  via: '',
  ...over,
});
const tasks = (id: string, platform: string, over: Partial<Stream> = {}) =>
  makeStream({ id, kind: 'microtask', platform, currency: 'PHP', ...over });
const hour = { paidMinutes: 60, unpaidMinutes: 0 };
const pay = (entries: Entry[], streams: Stream[], from = '2025-07-01', to = '2025-07-31') =>
  receivedPayByPlatform({ entries, streams, rates: RATES, baseCurrency: 'PHP', from, to });

describe('what reached the household of one entry', () => {
  const usd = makeStream({ id: 'u', kind: 'microtask', currency: 'USD' });
  it('a landed amount is converted on the day it landed, and no fee is taken again', () => {
    const e = makeEntry(usd, '2025-06-30', 10_000, {
      arrival: arrival({ landedMinor: 5_000, landedCurrency: 'USD', feeMinor: 700 }),
    });
    expect(receivedBaseMinor(e, RATES, 'PHP')).toBe(5_000 * 58);
    expect(isLandedKnown(e)).toBe(true);
  });

  it('without a landed amount, the payout at its own date less its fees, never below zero', () => {
    const e = makeEntry(usd, '2025-07-02', 10_000, { arrival: arrival({ feeMinor: 700 }) });
    expect(receivedBaseMinor(e, RATES, 'PHP')).toBe(9_300 * 58);
    expect(isLandedKnown(e)).toBe(false);
    const allFees = makeEntry(usd, '2025-07-02', 500, { arrival: arrival({ feeMinor: 700 }) });
    expect(receivedBaseMinor(allFees, RATES, 'PHP')).toBe(0);
    // Earned before the first rate: no rate, however it arrived.
    const early = makeEntry(usd, '2025-06-30', 10_000, { arrival: arrival() });
    expect(receivedBaseMinor(early, RATES, 'PHP')).toBeNull();
    expect(isLandedKnown(makeEntry(usd, '2025-07-02', 1))).toBe(false);
  });
});

describe('pay per hour on money received', () => {
  it('counts only live received micro-task entries dated within the period, both ends included', () => {
    const s = tasks('s', 'Toloka');
    const job = makeStream({ id: 'job', kind: 'formal', currency: 'PHP' });
    const entries = [
      makeEntry(s, '2025-07-01', 1_000, hour),
      makeEntry(s, '2025-07-31', 2_000, hour),
      makeEntry(s, '2025-06-30', 40_000, hour),
      makeEntry(s, '2025-08-01', 40_000, hour),
      makeEntry(s, '2025-07-10', 40_000, { ...hour, status: 'pending' }),
      makeEntry(s, '2025-07-10', 40_000, { ...hour, deletedAt: '2025-07-11T00:00:00.000Z' }),
      makeEntry(job, '2025-07-10', 40_000, hour),
      makeEntry(makeStream({ id: 'gone', kind: 'microtask' }), '2025-07-10', 40_000, hour),
    ];
    expect(pay(entries, [s, job])).toEqual([
      {
        platform: 'Toloka',
        perHour: 1_500,
        receivedMinor: 3_000,
        minutes: 120,
        count: 2,
        landedCount: 0,
        missingRateCount: 0,
      },
    ]);
  });

  it('groups by the trimmed platform name, or the stream name without one', () => {
    const a = tasks('a', ' Toloka ');
    const b = tasks('b', 'Toloka');
    const c = tasks('c', '  ', { name: 'Sidelines' });
    const rows = pay(
      [
        makeEntry(a, '2025-07-05', 600, hour),
        makeEntry(b, '2025-07-05', 600, hour),
        makeEntry(c, '2025-07-05', 100, hour),
      ],
      [a, b, c],
    );
    expect(rows.map((r) => [r.platform, r.count, r.perHour])).toEqual([
      ['Toloka', 2, 600],
      ['Sidelines', 1, 100],
    ]);
  });

  it('an entry no rate converts is counted apart: no money, no minutes', () => {
    const s = tasks('s', 'Appen', { currency: 'USD' });
    const rows = pay(
      [
        makeEntry(s, '2025-07-05', 100, { paidMinutes: 30, unpaidMinutes: 30 }),
        { ...makeEntry(s, '2025-07-05', 100, hour), currency: 'EUR' },
      ],
      [s],
    );
    expect(rows).toEqual([
      {
        platform: 'Appen',
        perHour: 5_800,
        receivedMinor: 5_800,
        minutes: 60,
        count: 1,
        landedCount: 0,
        missingRateCount: 1,
      },
    ]);
  });

  it('no minutes logged: no pay per hour, listed after every platform with one', () => {
    const s = tasks('s', 'A');
    const t = tasks('t', 'B');
    const rows = pay(
      [
        makeEntry(s, '2025-07-05', 5_000),
        makeEntry(t, '2025-07-05', 1, { paidMinutes: 120, unpaidMinutes: 0 }),
      ],
      [s, t],
    );
    expect(rows.map((r) => [r.platform, r.perHour])).toEqual([
      ['B', 1],
      ['A', null],
    ]);
  });

  it('pay per hour is the money received over the minutes, rounded; the rows come most per hour first', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            platform: fc.constantFrom('A', 'B', 'C'),
            amount: fc.integer({ min: 0, max: 1_000_000 }),
            paid: fc.integer({ min: 0, max: 600 }),
            unpaid: fc.integer({ min: 0, max: 600 }),
          }),
          { maxLength: 12 },
        ),
        (specs) => {
          const streams = ['A', 'B', 'C'].map((p) => tasks(p, p));
          const entries = specs.map((x) =>
            makeEntry(
              streams.find((s) => s.id === x.platform)!,
              '2025-07-15',
              x.amount,
              {
                paidMinutes: x.paid,
                unpaidMinutes: x.unpaid,
              },
            ),
          );
          const rows = pay(entries, streams);
          for (const row of rows) {
            const mine = specs.filter((x) => x.platform === row.platform);
            const money = mine.reduce((sum, x) => sum + x.amount, 0);
            const minutes = mine.reduce((sum, x) => sum + x.paid + x.unpaid, 0);
            expect(row.receivedMinor).toBe(money);
            expect(row.minutes).toBe(minutes);
            expect(row.perHour).toBe(minutes > 0 ? Math.round((money * 60) / minutes) : null);
          }
          const order = rows.map((r) => r.perHour ?? -1);
          expect(order).toEqual([...order].sort((x, y) => y - x));
        },
      ),
      { numRuns: 300 },
    );
  });
});
