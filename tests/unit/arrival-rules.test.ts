// Issue 28 (mutation round): what payouts lose between earned and landed (arrival.ts), the rules
// arrival.test.ts leaves unstated: the 365-day window, which payouts are compared, how platforms
// and routes are named and grouped, their order, and when a route is named as losing least.
// (The rules an arrival itself keeps, arrival-rules.ts, are in arrival-rules-mutation.test.ts.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  daysToArrive,
  lossReport,
  lossWindow,
  payoutLoss,
  routeParts,
} from '../../src/lib/domain/arrival';
import { addDaysIso } from '../../src/lib/domain/dates';
import type { Arrival, Entry } from '../../src/lib/domain/model';
import { arrival, microtaskStream, payout } from './arrival-records';

const RATES = [{ currency: 'USD', date: '2024-01-01', value: '50' }];
const at = '2025-01-01T00:00:00.000Z';
const stream = microtaskStream;
let n = 0;
// Each payout its own id: a report keys payouts by id.
const entry = (e: Partial<Entry> = {}): Entry => payout({ id: `e${n++}`, ...e });
/** An arrival that landed `landed` PHP minor units. */
const landed = (landedMinor: number, a: Partial<Arrival> = {}) =>
  arrival({ landedMinor, landedCurrency: 'PHP', ...a });
const report = (entries: Entry[], streams = [stream('s1', 'Upwork')], today = '2025-08-01') =>
  lossReport({ entries, streams, rates: RATES, baseCurrency: 'PHP', today });

describe('the days a payout takes to arrive', () => {
  it('are none before it arrived, and never below 0', () => {
    expect(daysToArrive(entry())).toBeNull();
    expect(daysToArrive(entry({ arrival: arrival({ on: '2025-07-01' }) }))).toBe(0);
    expect(daysToArrive(entry({ arrival: arrival({ on: '2025-07-05' }) }))).toBe(0);
    expect(daysToArrive(entry({ arrival: arrival({ on: '2025-07-06' }) }))).toBe(1);
  });
});

describe('the loss of one payout', () => {
  it('is none before it arrived or without a rate on the day it was earned', () => {
    expect(payoutLoss(entry(), RATES, 'PHP')).toBeNull();
    expect(payoutLoss(entry({ arrival: arrival() }), [], 'PHP')).toBeNull();
    // What landed is known in PHP, but the payout's USD has no rate.
    expect(payoutLoss(entry({ arrival: landed(4_800_00) }), [], 'PHP')).toBeNull();
    // The payout converts, but what landed is in IDR, which has no rate.
    const idr = arrival({ landedMinor: 1_000, landedCurrency: 'IDR' });
    expect(payoutLoss(entry({ arrival: idr }), RATES, 'PHP')).toBeNull();
  });

  it('with a landed amount: leakage, its fee part and its rate part', () => {
    const loss = payoutLoss(
      entry({ arrival: landed(4_800_00, { feeMinor: 100, on: '2025-07-08' }) }),
      RATES,
      'PHP',
    );
    expect(loss).toEqual({
      expectedMinor: 5_000_00,
      receivedMinor: 4_800_00,
      leakageMinor: 200_00,
      feeMinor: 50_00,
      rateLossMinor: 150_00,
      days: 3,
      landedKnown: true,
    });
  });

  it('without fees named the fee part is 0; without a landed amount the rate part is unknown', () => {
    expect(payoutLoss(entry({ arrival: arrival() }), RATES, 'PHP')).toEqual({
      expectedMinor: 5_000_00,
      receivedMinor: 5_000_00,
      leakageMinor: 0,
      feeMinor: 0,
      rateLossMinor: null,
      days: 7,
      landedKnown: false,
    });
  });
});

describe('a route’s parts', () => {
  it('are the platform (else the stream’s name), the service between, the place; blanks left out', () => {
    expect(routeParts(stream('s', '  ', 'Freelance'), ' Wise ', { name: 'BPI' })).toEqual([
      'Freelance',
      'Wise',
      'BPI',
    ]);
    expect(routeParts(stream('s', ' Upwork '), '', undefined)).toEqual(['Upwork']);
    expect(routeParts(undefined, 'PayPal', { name: 'GCash' })).toEqual(['PayPal', 'GCash']);
    expect(routeParts(undefined, '', undefined)).toEqual([]);
  });
});

describe('the loss report', () => {
  it('covers the 365 days up to and including today, both ends', () => {
    expect(lossWindow('2025-08-01')).toEqual({ from: '2024-08-02', to: '2025-08-01' });
    const on = (d: string) => entry({ date: '2024-07-01', arrival: landed(4_000_00, { on: d }) });
    const r = report([on('2024-08-01'), on('2024-08-02'), on('2025-08-01'), on('2025-08-02')]);
    expect(r.from).toBe('2024-08-02');
    expect(r.to).toBe('2025-08-01');
    expect(r.byPlatform.map((g) => g.count)).toEqual([2]);
  });

  it('leaves out deleted entries, payouts not yet arrived and payouts in the base currency', () => {
    const r = report([
      entry({ arrival: landed(4_000_00), deletedAt: at }),
      entry(),
      entry({ currency: 'PHP', arrival: landed(4_000_00) }),
      entry({ arrival: landed(4_000_00) }),
    ]);
    expect(r.byPlatform.map((g) => g.count)).toEqual([1]);
    expect(r.missingRateCount).toBe(0);
  });

  it('counts the arrived payouts no rate converts apart', () => {
    const r = report([
      entry({ date: '2023-06-01', arrival: landed(1) }),
      entry({ arrival: landed(4_000_00) }),
    ]);
    expect(r.missingRateCount).toBe(1);
    expect(r.byPlatform.map((g) => g.count)).toEqual([1]);
  });

  it('groups by platform (trimmed, else the stream’s name) and by platform, trimmed service and place', () => {
    const streams = [stream('s1', ' Upwork '), stream('s2', '', 'Tutoring')];
    const r = report(
      [
        entry({ arrival: landed(4_000_00, { via: ' Wise ' }) }),
        entry({ arrival: landed(4_500_00, { via: 'Wise', on: '2025-07-15' }) }),
        entry({ arrival: landed(4_500_00, { via: 'Wise', placeId: null }) }),
        entry({ streamId: 's2', arrival: arrival() }),
        entry({ streamId: 'gone', arrival: arrival() }),
      ],
      streams,
    );
    expect(r.byPlatform.map((g) => [g.key, g.platform, g.via, g.placeId, g.count])).toEqual([
      ['', '', '', null, 1],
      ['Tutoring', 'Tutoring', '', null, 1],
      ['Upwork', 'Upwork', '', null, 3],
    ]);
    expect(r.byRoute.map((g) => [g.key, g.platform, g.via, g.placeId, g.count])).toEqual([
      ['||gcash', '', '', 'gcash', 1],
      ['Tutoring||gcash', 'Tutoring', '', 'gcash', 1],
      ['Upwork|Wise|', 'Upwork', 'Wise', null, 1],
      ['Upwork|Wise|gcash', 'Upwork', 'Wise', 'gcash', 2],
    ]);
    const wise = r.byRoute.find((g) => g.key === 'Upwork|Wise|gcash')!;
    // Two payouts: 7 and 10 days; 1,000.00 and 500.00 lost of 5,000.00 each.
    const fees = report([
      entry({ arrival: landed(4_000_00, { feeMinor: 100 }) }),
      entry({ arrival: landed(4_000_00, { feeMinor: 300 }) }),
    ]);
    // 1.00 + 3.00 USD of fees at 50 = 200.00 PHP.
    expect(fees.byPlatform[0]!.feeMinor).toBe(200_00);
    expect(wise).toMatchObject({
      landedCount: 2,
      expectedMinor: 10_000_00,
      leakageMinor: 1_500_00,
      feeMinor: 0,
      share: 0.15,
      averageDays: 8.5,
    });
  });

  it('sorts groups by share lost, least first, then by key; a group with nothing expected last', () => {
    const streams = [stream('a', 'A'), stream('b', 'B'), stream('c', 'C'), stream('z', 'Z')];
    // 0.01 EUR at 0.0001 PHP: nothing is expected, so no share.
    const tiny = lossReport({
      entries: [
        entry({ streamId: 'c', arrival: landed(4_500_00) }),
        entry({ streamId: 'z', currency: 'EUR', amountMinor: 1, arrival: landed(1) }),
        entry({ streamId: 'a', arrival: landed(4_900_00) }),
        entry({ streamId: 'b', arrival: landed(4_500_00) }),
      ],
      streams,
      rates: [...RATES, { currency: 'EUR', date: '2024-01-01', value: '0.0001' }],
      baseCurrency: 'PHP',
      today: '2025-08-01',
    });
    expect(tiny.byPlatform.map((g) => [g.platform, g.share])).toEqual([
      ['A', 0.02],
      ['B', 0.1],
      ['C', 0.1],
      ['Z', null],
    ]);
  });

  it('names the route losing least only when two or more routes say what landed', () => {
    const one = report([
      entry({ arrival: landed(4_500_00) }),
      entry({ arrival: arrival({ via: 'PayPal' }) }),
    ]);
    expect(one.leastLoss).toBeNull();
    // A second route that landed but had nothing to expect has no share to compare.
    const nothingExpected = lossReport({
      entries: [
        entry({ arrival: landed(4_500_00) }),
        entry({ currency: 'EUR', amountMinor: 1, arrival: landed(1, { via: 'Wise' }) }),
      ],
      streams: [stream('s1', 'Upwork')],
      rates: [...RATES, { currency: 'EUR', date: '2024-01-01', value: '0.0001' }],
      baseCurrency: 'PHP',
      today: '2025-08-01',
    });
    expect(nothingExpected.byRoute.map((g) => [g.via, g.landedCount])).toEqual([
      ['', 1],
      ['Wise', 1],
    ]);
    expect(nothingExpected.leastLoss).toBeNull();
    const two = report([
      entry({ arrival: landed(4_500_00) }),
      entry({ arrival: landed(4_900_00, { via: 'Wise' }) }),
      entry({ arrival: arrival({ via: 'PayPal', feeMinor: 1 }) }),
    ]);
    expect(two.leastLoss?.via).toBe('Wise');
  });

  it('the average days are the mean over the group’s payouts (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 8 }),
        (days) => {
          const r = report(
            days.map((d) =>
              entry({
                date: '2025-06-01',
                arrival: landed(4_000_00, { on: addDaysIso('2025-06-01', d) }),
              }),
            ),
          );
          const mean = days.reduce((s, d) => s + d, 0) / days.length;
          expect(r.byPlatform[0]!.averageDays).toBeCloseTo(mean, 9);
          expect(r.byPlatform[0]!.count).toBe(days.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
