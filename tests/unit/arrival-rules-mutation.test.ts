// Issue 28 (mutation round): the rules an arrival keeps, each stated with its boundary and the
// details its refusal carries (arrival-rules.ts), beyond the codes arrival.test.ts checks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARRIVAL_RULES, type ArrivalContext } from '../../src/lib/domain/arrival-rules';
import { addDaysIso } from '../../src/lib/domain/dates';
import type { Arrival, Entry } from '../../src/lib/domain/model';
import { assertRecordRules } from '../../src/lib/domain/record-rules';
import { arrival, payout } from './arrival-records';

const entry = payout;
const context: ArrivalContext = {
  today: '2025-08-01',
  streams: new Map([['s1', { memberId: 'm' }]]),
  places: new Map([
    ['gcash', { currency: 'PHP' }],
    ['bank', { currency: 'VND' }],
  ]),
  rates: [
    { currency: 'USD', date: '2025-01-01', value: '56.25' },
    { currency: 'VND', date: '2025-07-10', value: '0.0022' },
  ],
  baseCurrency: 'PHP',
};

/** The details of `code` for this entry, or null when the rule holds. */
const broken = (code: string, e: Entry, ctx: ArrivalContext = context) =>
  ARRIVAL_RULES.find((r) => r.code === code)!.broken(e, ctx);

const codes = (e: Entry, ctx: ArrivalContext = context) =>
  ARRIVAL_RULES.filter((r) => r.broken(e, ctx) !== null).map((r) => r.code);

describe('the arrival rules, each at its boundary', () => {
  it('an entry without an arrival breaks none of them, whatever else it holds', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Entry['status']>('received', 'pending'),
        fc.integer({ min: -5, max: 5 }),
        (status, amount) => {
          expect(codes(entry({ status, amountMinor: amount }))).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a payout lands on or after the day it was earned; the refusal names both days', () => {
    fc.assert(
      fc.property(fc.integer({ min: -60, max: 60 }), (days) => {
        const on = addDaysIso('2025-07-05', days);
        const details = broken('entry/arrived-before-earned', entry({ arrival: arrival({ on }) }));
        expect(details).toEqual(days < 0 ? { on, date: '2025-07-05' } : null);
      }),
      { numRuns: 300 },
    );
  });

  it('an arrived entry is received; a pending one is refused with its status', () => {
    expect(broken('entry/arrived-pending', entry({ arrival: arrival() }))).toBeNull();
    expect(
      broken('entry/arrived-pending', entry({ status: 'pending', arrival: arrival() })),
    ).toEqual({ status: 'pending' });
  });

  it('a landed amount is above zero (1 is kept, 0 and below refused with the amount)', () => {
    const landed = (landedMinor: number | null) =>
      broken(
        'entry/landed-not-positive',
        entry({
          arrival: arrival({ landedMinor, landedCurrency: landedMinor === null ? null : 'PHP' }),
        }),
      );
    expect(landed(1)).toBeNull();
    expect(landed(null)).toBeNull();
    expect(landed(0)).toEqual({ landedMinor: 0 });
    expect(landed(-3)).toEqual({ landedMinor: -3 });
  });

  it('fees up to the whole payout are kept; one minor unit more is refused with both figures', () => {
    const fee = (feeMinor: number | null) =>
      broken('entry/fee-over-payout', entry({ arrival: arrival({ feeMinor }) }));
    expect(fee(null)).toBeNull();
    expect(fee(0)).toBeNull();
    expect(fee(10_000)).toBeNull();
    expect(fee(10_001)).toEqual({ feeMinor: 10_001, amountMinor: 10_000 });
  });
});

describe('a landed amount in another currency needs a rate on the day it landed', () => {
  const vnd = (on: string, extra: Partial<ArrivalContext> = {}) =>
    broken(
      'entry/arrival-no-rate',
      entry({
        date: '2025-07-01',
        arrival: arrival({ on, placeId: 'bank', landedMinor: 5, landedCurrency: 'VND' }),
      }),
      { ...context, ...extra },
    );

  it('is refused before the rate starts, with the currency and the day, and kept from that day on', () => {
    expect(vnd('2025-07-09')).toEqual({ currency: 'VND', date: '2025-07-09' });
    expect(vnd('2025-07-10')).toBeNull();
    expect(vnd('2025-09-01')).toBeNull();
  });

  it('is checked only where the rates and the base currency are known', () => {
    expect(vnd('2025-07-09', { rates: undefined })).toBeNull();
    expect(vnd('2025-07-09', { baseCurrency: undefined })).toBeNull();
  });

  it('needs no rate for the base currency, nor without a landed currency', () => {
    const inBase = entry({
      arrival: arrival({ on: '2025-07-09', landedMinor: 5, landedCurrency: 'PHP' }),
    });
    expect(broken('entry/arrival-no-rate', inBase, { ...context, rates: [] })).toBeNull();
    const unknown = entry({ arrival: arrival({ on: '2025-07-09' }) });
    expect(broken('entry/arrival-no-rate', unknown, { ...context, rates: [] })).toBeNull();
    expect(broken('entry/arrival-no-rate', entry(), { ...context, rates: [] })).toBeNull();
  });
});

describe('a landed amount names its place, in that place’s currency', () => {
  const place = (a: Partial<Arrival>, ctx: ArrivalContext = context) =>
    broken('entry/arrival-no-place', entry({ arrival: arrival(a) }), ctx);

  it('the amount and its currency come together or not at all', () => {
    expect(place({ landedMinor: null, landedCurrency: null })).toBeNull();
    expect(place({ landedMinor: 5, landedCurrency: 'PHP' })).toBeNull();
    expect(place({ landedMinor: 5, landedCurrency: null })).toEqual({ placeId: 'gcash' });
    expect(place({ landedMinor: null, landedCurrency: 'PHP' })).toEqual({ placeId: 'gcash' });
  });

  it('a landed amount without a place is refused; a place without one is kept', () => {
    expect(place({ placeId: null, landedMinor: 5, landedCurrency: 'PHP' })).toEqual({
      placeId: null,
    });
    expect(place({ placeId: null })).toBeNull();
  });

  it('a place that does not exist is refused, checked only where the places are known', () => {
    expect(place({ placeId: 'nowhere' })).toEqual({ placeId: 'nowhere' });
    expect(place({ placeId: 'nowhere' }, { ...context, places: undefined })).toBeNull();
    expect(
      place(
        { placeId: 'nowhere', landedMinor: 5, landedCurrency: 'PHP' },
        {
          ...context,
          places: undefined,
        },
      ),
    ).toBeNull();
  });

  it('the landed currency is the place’s own', () => {
    expect(place({ placeId: 'bank', landedMinor: 5, landedCurrency: 'PHP' })).toEqual({
      placeId: 'bank',
      currency: 'PHP',
    });
    expect(place({ placeId: 'bank', landedMinor: 5, landedCurrency: 'VND' })).toBeNull();
    expect(place({ placeId: 'bank' })).toBeNull();
  });

  it('the refusal names the field it is about (through record-rules)', () => {
    const e = entry({ arrival: arrival({ placeId: 'nowhere' }) });
    expect(() => assertRecordRules('entries', e, context)).toThrow(
      expect.objectContaining({
        code: 'entry/arrival-no-place',
        details: { field: 'arrival.placeId', placeId: 'nowhere' },
      }),
    );
  });

  it('every rule names its field', () => {
    expect(Object.fromEntries(ARRIVAL_RULES.map((r) => [r.code, r.field]))).toEqual({
      'entry/arrived-before-earned': 'arrival.on',
      'entry/arrived-pending': 'status',
      'entry/landed-not-positive': 'arrival.landedMinor',
      'entry/fee-over-payout': 'arrival.feeMinor',
      'entry/arrival-no-rate': 'arrival.landedMinor',
      'entry/arrival-no-place': 'arrival.placeId',
    });
  });
});
