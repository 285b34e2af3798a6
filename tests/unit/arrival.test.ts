import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysToArrive, lossReport, payoutLoss, routeParts } from '../../src/lib/domain/arrival';
import { addDaysIso, daysBetweenIso } from '../../src/lib/domain/dates';
import { toBaseMinor } from '../../src/lib/domain/money-math';
import type { Entry } from '../../src/lib/domain/model';
import { receivedBaseMinor } from '../../src/lib/domain/received';
import { receivedPayByPlatform } from '../../src/lib/domain/received-pay';
import { assertRecordRules } from '../../src/lib/domain/record-rules';
import { buildSampleHousehold } from '../../src/lib/domain/sample-household';
import { arrival, microtaskStream, payout } from './arrival-records';

const RATES = [
  { currency: 'USD', date: '2025-01-01', value: '56.25' },
  { currency: 'USD', date: '2025-07-01', value: '58.1' },
  { currency: 'IDR', date: '2025-01-01', value: '0.0035' },
];
const stream = microtaskStream;
const entry = payout;

const dateArb = fc.integer({ min: 0, max: 900 }).map((n) => addDaysIso('2025-01-01', n));

describe('what a payout loses', () => {
  it('leakage = expected at the dated rate − landed, in integer minor units (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 1_000_000_000 }),
        fc.option(fc.nat(), { nil: null }),
        dateArb,
        fc.integer({ min: 0, max: 120 }),
        (amount, landed, fee, date, days) => {
          const e = entry({
            amountMinor: amount,
            date,
            arrival: arrival({
              on: addDaysIso(date, days),
              landedMinor: landed,
              landedCurrency: 'PHP',
              feeMinor: fee === null ? null : fee % (amount + 1),
            }),
          });
          const loss = payoutLoss(e, RATES, 'PHP')!;
          const expected = toBaseMinor(amount, 'USD', 'PHP', date, RATES);
          expect(loss.expectedMinor).toBe(expected);
          expect(loss.receivedMinor).toBe(landed);
          expect(loss.leakageMinor).toBe(expected - landed);
          expect(Number.isSafeInteger(loss.leakageMinor)).toBe(true);
          expect(loss.rateLossMinor! + loss.feeMinor).toBe(loss.leakageMinor);
          expect(loss.days).toBe(days);
          expect(daysToArrive(e)).toBe(daysBetweenIso(date, e.arrival!.on));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('without a landed amount, the loss is the fees and what is received is the rest', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.nat(), dateArb, (amount, f, date) => {
        const fee = f % (amount + 1);
        const e = entry({
          amountMinor: amount,
          date,
          arrival: arrival({ on: date, feeMinor: fee }),
        });
        const loss = payoutLoss(e, RATES, 'PHP')!;
        expect(loss.receivedMinor).toBe(toBaseMinor(amount - fee, 'USD', 'PHP', date, RATES));
        expect(loss.rateLossMinor).toBeNull();
        expect(Math.abs(loss.leakageMinor - loss.feeMinor)).toBeLessThanOrEqual(1);
        expect(loss.receivedMinor).toBeLessThanOrEqual(loss.expectedMinor);
      }),
      { numRuns: 300 },
    );
  });

  it('receivedBaseMinor: landed at its dated rate; else the payout less fees; null without a rate', () => {
    const landedIdr = entry({
      arrival: arrival({ landedMinor: 1_000_000_00, landedCurrency: 'IDR', feeMinor: 100 }),
    });
    // 1,000,000 IDR at 0.0035 PHP = 3,500.00 PHP; the fees are already out of what landed.
    expect(receivedBaseMinor(landedIdr, RATES, 'PHP')).toBe(3_500_00);
    // 100.00 − 1.00 USD at 58.1 (in force on 2025-07-05) = 5,751.90 PHP.
    expect(receivedBaseMinor(entry({ arrival: arrival({ feeMinor: 100 }) }), RATES, 'PHP')).toBe(
      5_751_90,
    );
    expect(receivedBaseMinor(entry(), RATES, 'PHP')).toBe(5_810_00);
    expect(receivedBaseMinor(entry({ date: '2024-12-31' }), RATES, 'PHP')).toBeNull();
    expect(receivedBaseMinor(entry({ currency: 'PHP' }), [], 'PHP')).toBe(10_000);
  });

  it('compares platforms and routes over 12 months and names the route that loses least', () => {
    const streams = [stream('s1', 'Upwork'), stream('s2', 'Toloka')];
    const entries = [
      // Upwork → PayPal → GCash: 100.00 USD = 5,810.00 PHP expected, 5,500.00 landed (5.3 %).
      entry({
        id: 'a',
        arrival: arrival({
          via: 'PayPal',
          landedMinor: 5_500_00,
          landedCurrency: 'PHP',
          feeMinor: 100,
        }),
      }),
      // Upwork → Wise → GCash: 5,750.00 landed (1.0 %).
      entry({
        id: 'b',
        arrival: arrival({ via: 'Wise', landedMinor: 5_750_00, landedCurrency: 'PHP' }),
      }),
      entry({ id: 'c', streamId: 's2', arrival: arrival({ on: '2025-07-25' }) }),
      // More than 12 months before today: left out.
      entry({
        id: 'd',
        date: '2024-05-01',
        arrival: arrival({ on: '2024-05-03', landedMinor: 1, landedCurrency: 'PHP' }),
      }),
      // Still pending: not arrived.
      entry({ id: 'e', status: 'pending' }),
    ];
    const report = lossReport({
      entries,
      streams,
      rates: RATES,
      baseCurrency: 'PHP',
      today: '2025-08-01',
    });
    expect(report.byRoute.map((g) => [g.platform, g.via, g.leakageMinor, g.count])).toEqual([
      ['Toloka', '', 0, 1],
      ['Upwork', 'Wise', 60_00, 1],
      ['Upwork', 'PayPal', 310_00, 1],
    ]);
    expect(report.leastLoss!.via).toBe('Wise');
    const upwork = report.byPlatform.find((g) => g.platform === 'Upwork')!;
    expect(upwork.leakageMinor).toBe(370_00);
    expect(upwork.share).toBeCloseTo(370 / 11_620, 10);
    expect(upwork.averageDays).toBe(7);
    expect(routeParts(streams[0], 'PayPal', { name: 'GCash' })).toEqual([
      'Upwork',
      'PayPal',
      'GCash',
    ]);
    expect(routeParts(streams[1], ' ', undefined)).toEqual(['Toloka']);
  });

  it('pays per hour on money received when the landed amount is known', () => {
    const streams = [stream('s1', 'Upwork')];
    const rows = receivedPayByPlatform({
      entries: [
        entry({ id: 'a', arrival: arrival({ landedMinor: 5_500_00, landedCurrency: 'PHP' }) }),
        entry({ id: 'b' }),
        entry({ id: 'c', status: 'pending' }),
      ],
      streams,
      rates: RATES,
      baseCurrency: 'PHP',
      from: '2025-07-01',
      to: '2025-07-31',
    });
    // (5,500.00 + 5,810.00) PHP over 20 hours.
    expect(rows).toEqual([
      expect.objectContaining({ platform: 'Upwork', perHour: 565_50, count: 2, landedCount: 1 }),
    ]);
  });
});

describe('the arrival rules', () => {
  const context = {
    today: '2025-08-01',
    streams: new Map([['s1', { memberId: 'm' }]]),
    places: new Map([['gcash', { currency: 'PHP' }]]),
    rates: RATES,
    baseCurrency: 'PHP',
  };
  const code = (e: Entry) => {
    try {
      assertRecordRules('entries', e, context);
      return 'ok';
    } catch (error) {
      return (error as { code: string }).code;
    }
  };
  it.each([
    [entry({ arrival: arrival() }), 'ok'],
    [entry({ arrival: arrival({ on: '2025-07-04' }) }), 'entry/arrived-before-earned'],
    [entry({ status: 'pending', arrival: arrival() }), 'entry/arrived-pending'],
    [
      entry({ arrival: arrival({ landedMinor: 0, landedCurrency: 'PHP' }) }),
      'entry/landed-not-positive',
    ],
    [entry({ arrival: arrival({ feeMinor: 10_001 }) }), 'entry/fee-over-payout'],
    [
      entry({ arrival: arrival({ placeId: null, landedMinor: 5, landedCurrency: 'PHP' }) }),
      'entry/arrival-no-place',
    ],
    [
      entry({ arrival: arrival({ landedMinor: 5, landedCurrency: 'IDR' }) }),
      'entry/arrival-no-place',
    ],
    [
      entry({ arrival: arrival({ landedMinor: 5, landedCurrency: null }) }),
      'entry/arrival-no-place',
    ],
  ])('%#: %s', (e, expected) => {
    expect(code(e)).toBe(expected);
  });
  it('refuses a landed amount in a currency with no rate on the day it landed', () => {
    const e = entry({
      arrival: arrival({ placeId: 'bank', landedMinor: 5, landedCurrency: 'VND' }),
    });
    const places = new Map([['bank', { currency: 'VND' }]]);
    expect(() => assertRecordRules('entries', e, { ...context, places })).toThrow(
      expect.objectContaining({ code: 'entry/arrival-no-rate' }),
    );
  });
});

describe.each([
  ['ID', 'IDR'],
  ['PH', 'PHP'],
  ['VN', 'VND'],
] as const)('the sample household of %s', (country, currency) => {
  it('has one platform with two routes, some arrived payouts, and a route that loses least', () => {
    const today = '2026-11-29';
    const sample = buildSampleHousehold(today, '2026-11-29T08:00:00.000Z', currency, country);
    const arrived = sample.entries.filter((e) => e.arrival);
    expect(arrived.length).toBeGreaterThan(5);
    const report = lossReport({
      entries: sample.entries,
      streams: sample.streams,
      rates: sample.rates,
      baseCurrency: currency,
      today,
    });
    expect(report.byPlatform).toHaveLength(1);
    expect(report.byRoute.map((g) => g.via).sort()).toEqual(['', 'PayPal']);
    expect(report.leastLoss?.via).toBe('');
    expect(report.byRoute.every((g) => g.leakageMinor > 0 && g.landedCount === g.count)).toBe(true);
    // Every arrival keeps the rules the forms keep.
    const context = {
      today,
      streams: new Map(sample.streams.map((s) => [s.id, s])),
      places: new Map(sample.places.map((p) => [p.id, p])),
      rates: sample.rates,
      baseCurrency: currency,
    };
    for (const e of arrived) assertRecordRules('entries', e, context);
  });
});
