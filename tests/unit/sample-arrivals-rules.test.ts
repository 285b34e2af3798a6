/**
 * How the sample's payouts arrived (issue 28, seventh round): only the first micro-task
 * platform's received payouts of the four complete months before this one; alternately straight
 * from the platform (3 days later, no fee) and through PayPal (5 days later, a 2 % fee), never
 * landing after their own month's end; the amount landed known only when the bank holds the base
 * currency and a rate converts the payout (less the fee), about 1.5 % or 4 % below that rate,
 * never less than one minor unit. Every other entry comes back untouched.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../../src/lib/domain/dates';
import type { Entry, IsoDate, Place, Rate, Stream } from '../../src/lib/domain/model';
import { convertMinor } from '../../src/lib/domain/money-math';
import { lastDayOf, monthOf } from '../../src/lib/domain/months';
import { withSampleArrivals } from '../../src/lib/domain/sample-arrivals';

const common = {
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deletedAt: null,
  isSample: true,
} as const;
const TODAY = '2026-11-15' as IsoDate;
const tagging = { id: 'tagging' } as Stream;
const bank = { id: 'bank', currency: 'IDR' } as Place;
const rate: Rate = { ...common, id: 'r', currency: 'USD', date: '2025-01-01', value: '16000' };

const rowArb = fc.record({
  day: fc.integer({ min: -200, max: 0 }),
  stream: fc.constantFrom('tagging', 'tagging', 'annotation'),
  status: fc.constantFrom('received' as const, 'received' as const, 'pending' as const),
  amountMinor: fc.integer({ min: 1, max: 5_000_000 }),
});

interface Row {
  day: number;
  stream: string;
  status: 'received' | 'pending';
  amountMinor: number;
}

function entriesOf(rows: Row[]): Entry[] {
  return rows.map((r, i) => ({
    ...common,
    id: `e${i}`,
    streamId: r.stream,
    memberId: 'm',
    date: addDaysIso(TODAY, r.day),
    amountMinor: r.amountMinor,
    currency: 'USD',
    status: r.status,
    paidMinutes: 60,
    unpaidMinutes: 0,
    note: '',
  }));
}

/** Received payouts of the tagging stream in July–October 2026, the four months before November. */
const arrives = (e: Entry) =>
  e.streamId === 'tagging' &&
  e.status === 'received' &&
  e.date >= '2026-07-01' &&
  e.date < '2026-11-01';

describe('which payouts arrived, and how', () => {
  it('only the first platform’s received payouts of the four months before this one; the rest untouched', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 40 }), (rows) => {
        const entries = entriesOf(rows);
        const out = withSampleArrivals(entries, {
          today: TODAY,
          tagging,
          bank,
          rates: [rate],
          baseCurrency: 'IDR',
        });
        expect(out).toHaveLength(entries.length);
        let n = 0;
        out.forEach((got, i) => {
          const e = entries[i]!;
          if (!arrives(e)) {
            expect(got).toBe(e);
            return;
          }
          n += 1;
          const viaPayPal = n % 2 === 0;
          const later = addDaysIso(e.date, viaPayPal ? 5 : 3);
          const end = lastDayOf(monthOf(e.date));
          const fee = viaPayPal ? Math.round(e.amountMinor * 0.02) : null;
          const converted = convertMinor(e.amountMinor - (fee ?? 0), 'USD', 'IDR', '16000');
          expect(got).toEqual({
            ...e,
            arrival: {
              on: later > end ? end : later,
              placeId: 'bank',
              landedMinor: Math.max(1, Math.round(converted * (viaPayPal ? 0.96 : 0.985))),
              landedCurrency: 'IDR',
              feeMinor: fee,
              via: viaPayPal ? 'PayPal' : '',
            },
          });
        });
      }),
      { numRuns: 300 },
    );
  });

  it('an arrival near a month’s end lands on its last day, never in the next month', () => {
    const entries = entriesOf([
      { day: -17, stream: 'tagging', status: 'received', amountMinor: 1000 }, // 2026-10-29
      { day: -16, stream: 'tagging', status: 'received', amountMinor: 1000 }, // 2026-10-30
      { day: -47, stream: 'tagging', status: 'received', amountMinor: 1000 }, // 2026-09-29
    ]);
    const out = withSampleArrivals(entries, {
      today: TODAY,
      tagging,
      bank,
      rates: [rate],
      baseCurrency: 'IDR',
    });
    expect(out.map((e) => e.arrival!.on)).toEqual(['2026-10-31', '2026-10-31', '2026-09-30']);
  });

  it('a payout of a cent lands as at least one minor unit', () => {
    const entries = entriesOf([
      { day: -30, stream: 'tagging', status: 'received', amountMinor: 1 },
    ]);
    const tiny = { ...rate, value: '0.001' };
    const [got] = withSampleArrivals(entries, {
      today: TODAY,
      tagging,
      bank,
      rates: [tiny],
      baseCurrency: 'IDR',
    });
    expect(got!.arrival!.landedMinor).toBe(1);
  });

  it('without the base currency in the bank, or without a rate, only the fee is known', () => {
    const rows = [-60, -50, -40, -30].map((day) => ({
      day,
      stream: 'tagging',
      status: 'received' as const,
      amountMinor: 100_000,
    }));
    const entries = entriesOf(rows);
    for (const input of [
      { today: TODAY, tagging, bank, rates: [rate], baseCurrency: 'PHP' },
      { today: TODAY, tagging, bank, rates: [], baseCurrency: 'IDR' },
      {
        today: TODAY,
        tagging,
        bank,
        rates: [{ ...rate, date: '2026-12-01' }],
        baseCurrency: 'IDR',
      },
    ]) {
      const out = withSampleArrivals(entries, input);
      expect(
        out.map((e) => [e.arrival!.landedMinor, e.arrival!.landedCurrency, e.arrival!.feeMinor]),
      ).toEqual([
        [null, null, null],
        [null, null, 2_000],
        [null, null, null],
        [null, null, 2_000],
      ]);
    }
  });
});
