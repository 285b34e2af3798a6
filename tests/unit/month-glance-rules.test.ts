// The rules of "this month at a glance" (month-glance.ts) that the examples in
// month-glance.test.ts leave unstated, each named after the rule (issue 28, mutation testing).
import { describe, expect, it } from 'vitest';
import type { Payment, Rollup, Skip, Stream } from '../../src/lib/domain/model';
import { monthGlance, type MonthGlanceInput } from '../../src/lib/domain/month-glance';
import { makePlan, makeRate, makeStream } from './analytics-fixtures';

const common = {
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deletedAt: null,
  isSample: false,
};

/** A stream without a pay day: its month is estimated from its expected amount. */
const shop: Stream = makeStream({
  id: 'shop',
  kind: 'informal',
  ...common,
  expected: { amountMinor: 2_000_000_00, cadence: 'monthly', daysPerWeek: 5 },
});

function rollup(over: Partial<Rollup> & Pick<Rollup, 'streamId' | 'baseMinor'>): Rollup {
  return {
    key: `${over.streamId}|2026-11|IDR|received`,
    memberId: 'member-1',
    month: '2026-11',
    currency: 'IDR',
    status: 'received',
    amountMinor: over.baseMinor,
    missingRateCount: 0,
    paidMinutes: 0,
    unpaidMinutes: 0,
    count: 1,
    ...over,
  };
}

function payment(over: Partial<Payment> & Pick<Payment, 'planId' | 'dueOn'>): Payment {
  return {
    ...common,
    id: `pay-${over.planId}-${over.dueOn}`,
    date: over.dueOn,
    amountMinor: 0,
    currency: 'IDR',
    note: '',
    ...over,
  };
}

const skip = (kind: Skip['kind'], sourceId: string, dueOn: string): Skip => ({
  ...common,
  id: `skip-${sourceId}-${dueOn}`,
  kind,
  sourceId,
  dueOn,
});

const base: MonthGlanceInput = {
  month: '2026-11',
  streams: [],
  plans: [],
  entries: [],
  rollups: [],
  payments: [],
  skips: [],
  rates: [],
  baseCurrency: 'IDR',
};

const glance = (over: Partial<MonthGlanceInput>) => monthGlance({ ...base, ...over });

describe('what a stream without a pay day is expected to bring', () => {
  it('counts in a month the stream runs in, up to its first and last day', () => {
    for (const over of [
      { startedOn: '2026-11-30', endedOn: null },
      { startedOn: null, endedOn: '2026-11-01' },
      { startedOn: '2026-11-10', endedOn: '2026-11-20' },
    ]) {
      expect(glance({ streams: [{ ...shop, ...over }] }).expectedMinor).toBe(2_000_000_00);
    }
  });

  it('is nothing in a month before it starts or after it ends', () => {
    expect(glance({ streams: [{ ...shop, startedOn: '2026-12-01' }] }).expectedMinor).toBe(0);
    expect(glance({ streams: [{ ...shop, endedOn: '2026-10-31' }] }).expectedMinor).toBe(0);
  });

  it('is nothing for an archived or deleted stream, an irregular one, or one expecting 0', () => {
    const quiet: Stream[] = [
      { ...shop, id: 'a', archived: true },
      { ...shop, id: 'b', deletedAt: '2026-10-01T00:00:00.000Z' },
      { ...shop, id: 'c', expected: { ...shop.expected, cadence: 'irregular' } },
      { ...shop, id: 'e', expected: { ...shop.expected, amountMinor: 0 } },
    ];
    const g = glance({ streams: quiet });
    expect(g.expectedMinor).toBe(0);
    expect(g.stillExpectedMinor).toBe(0);
  });

  it('asks for no rate for a stream it expects nothing from', () => {
    const usd = { ...shop, currency: 'USD' };
    const g = glance({
      streams: [
        { ...usd, id: 'zero', expected: { ...usd.expected, amountMinor: 0 } },
        { ...usd, id: 'irregular', expected: { ...usd.expected, cadence: 'irregular' } },
      ],
    });
    expect(g.missingRateCurrencies).toEqual([]);
  });

  it("what came in this month is taken off the stream's own estimate, never below zero", () => {
    const part = glance({
      streams: [shop],
      rollups: [rollup({ streamId: 'shop', baseMinor: 500_000_00 })],
    });
    expect(part.receivedMinor).toBe(500_000_00);
    expect(part.expectedMinor).toBe(2_000_000_00);
    expect(part.stillExpectedMinor).toBe(1_500_000_00);
    expect(part.bringsMinor).toBe(2_000_000_00);
    const more = glance({
      streams: [shop],
      rollups: [rollup({ streamId: 'shop', baseMinor: 2_500_000_00 })],
    });
    expect(more.stillExpectedMinor).toBe(0);
    expect(more.bringsMinor).toBe(2_500_000_00);
    // Another stream's income does not answer this one's estimate.
    const other = glance({
      streams: [shop],
      rollups: [rollup({ streamId: 'gift', baseMinor: 500_000_00 })],
    });
    expect(other.stillExpectedMinor).toBe(2_000_000_00);
  });

  it('fractions of several weekly estimates are added before rounding, once', () => {
    // 1 minor unit a week × 52/12 weeks = 4.33 a month; three such streams bring 13, not 3 × 4 = 12.
    const weekly = (id: string): Stream => ({
      ...shop,
      id,
      expected: { amountMinor: 1, cadence: 'weekly', daysPerWeek: 5 },
    });
    const g = glance({ streams: [weekly('w1'), weekly('w2'), weekly('w3')] });
    expect(g.expectedMinor).toBe(Math.round((3 * 52) / 12));
    expect(g.stillExpectedMinor).toBe(g.expectedMinor);
  });

  it('a daily stream brings its amount for each day it works a week, 52 weeks a year', () => {
    const daily = (daysPerWeek: number): Stream => ({
      ...shop,
      expected: { amountMinor: 100_00, cadence: 'daily', daysPerWeek },
    });
    expect(glance({ streams: [daily(6)] }).expectedMinor).toBe(Math.round((100_00 * 6 * 52) / 12));
    expect(glance({ streams: [daily(3)] }).expectedMinor).toBe(Math.round((100_00 * 3 * 52) / 12));
  });

  it('without a rate it is left out and its currency named', () => {
    const usd = { ...shop, currency: 'USD', expected: { ...shop.expected, amountMinor: 100_00 } };
    const g = glance({ streams: [usd] });
    expect(g.expectedMinor).toBe(0);
    expect(g.missingRateCurrencies).toEqual(['USD']);
    const rated = glance({ streams: [usd], rates: [makeRate('USD', '2026-01-01', '16000')] });
    expect(rated.expectedMinor).toBe(1_600_000_00);
    expect(rated.missingRateCurrencies).toEqual([]);
  });
});

describe('what the month has received', () => {
  it("counts only this month's received rows", () => {
    const g = glance({
      rollups: [
        rollup({ streamId: 's', baseMinor: 100 }),
        rollup({ streamId: 's', baseMinor: 20, month: '2026-10' }),
        rollup({ streamId: 's', baseMinor: 3, status: 'pending' }),
      ],
    });
    expect(g.receivedMinor).toBe(100);
  });

  it('names the currency of a received row some of whose entries had no rate, in order', () => {
    const g = glance({
      rollups: [
        rollup({ streamId: 's', baseMinor: 0, currency: 'USD', missingRateCount: 1 }),
        rollup({ streamId: 't', baseMinor: 0, currency: 'EUR', missingRateCount: 2 }),
        rollup({ streamId: 'u', baseMinor: 10, currency: 'SGD', missingRateCount: 0 }),
      ],
    });
    expect(g.missingRateCurrencies).toEqual(['EUR', 'USD']);
  });
});

describe("the month's bills", () => {
  const rent = makePlan({ id: 'rent', amountMinor: 1_000_000_00, dueOn: '2026-01-05' });
  const water = makePlan({ id: 'water', amountMinor: 100_000_00, dueOn: '2026-01-20' });

  it('a skipped bill is listed but neither in the total nor left to pay', () => {
    const g = glance({ plans: [rent, water], skips: [skip('plan', 'water', '2026-11-20')] });
    expect(g.bills.map((b) => [b.planId, b.skipped])).toEqual([
      ['rent', false],
      ['water', true],
    ]);
    expect(g.billsMinor).toBe(1_000_000_00);
    expect(g.leftMinor).toBe(1_000_000_00);
    expect(g.costsMinor).toBe(1_000_000_00);
  });

  it('a paid bill stays in the total, leaves what is left, and costs what was paid', () => {
    const g = glance({
      plans: [rent, water],
      payments: [payment({ planId: 'rent', dueOn: '2026-11-05', amountMinor: 900_000_00 })],
    });
    expect(g.billsMinor).toBe(1_100_000_00);
    expect(g.paidMinor).toBe(900_000_00);
    expect(g.leftMinor).toBe(100_000_00);
    expect(g.costsMinor).toBe(1_000_000_00);
    expect(g.balanceMinor).toBe(-1_000_000_00);
    expect(g.shortMinor).toBe(1_000_000_00);
  });

  it("a foreign bill's payment is valued at the rate of the bill's due date, not the day paid", () => {
    const school = makePlan({
      id: 'school',
      amountMinor: 100_00,
      currency: 'USD',
      dueOn: '2026-01-10',
    });
    const g = glance({
      plans: [school],
      payments: [
        payment({
          planId: 'school',
          dueOn: '2026-11-10',
          date: '2026-11-25',
          amountMinor: 100_00,
          currency: 'USD',
        }),
      ],
      rates: [makeRate('USD', '2026-11-01', '16000'), makeRate('USD', '2026-11-20', '17000')],
    });
    expect(g.bills[0]!.baseMinor).toBe(1_600_000_00);
    expect(g.paidMinor).toBe(1_600_000_00);
    expect(g.billsMinor).toBe(1_600_000_00);
  });

  it('a bill without a rate is listed with no base amount, left out of the totals, its currency named', () => {
    const school = makePlan({
      id: 'school',
      amountMinor: 100_00,
      currency: 'USD',
      dueOn: '2026-01-10',
    });
    const g = glance({ plans: [school, rent] });
    expect(g.bills.find((b) => b.planId === 'school')!.baseMinor).toBeNull();
    expect(g.billsMinor).toBe(1_000_000_00);
    expect(g.leftMinor).toBe(1_000_000_00);
    expect(g.missingRateCurrencies).toEqual(['USD']);
  });

  it('a bill names no stream to pay it unless its plan does', () => {
    const g = glance({ plans: [rent, { ...water, fundedBy: ['formal'] }] });
    expect(g.bills.map((b) => b.fundedBy)).toEqual([[], ['formal']]);
  });
});
