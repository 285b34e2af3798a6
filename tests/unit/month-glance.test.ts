import { describe, expect, it } from 'vitest';
import type { Payment, Rollup, Stream } from '../../src/lib/domain/model';
import { monthGlance } from '../../src/lib/domain/month-glance';
import { makeEntry, makePlan, makeRate, makeStream } from './analytics-fixtures';

const common = {
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deletedAt: null,
  isSample: false,
};

const salary: Stream = makeStream({
  id: 'salary',
  kind: 'formal',
  ...common,
  expected: { amountMinor: 4_800_000_00, cadence: 'monthly', daysPerWeek: 5 },
  payDay: { cadence: 'monthly', day: 25 },
});
const remittance: Stream = makeStream({
  id: 'remit',
  kind: 'support',
  ...common,
  currency: 'USD',
  expected: { amountMinor: 100_00, cadence: 'monthly', daysPerWeek: 5 },
});
const rent = makePlan({ id: 'rent', amountMinor: 1_500_000_00, dueOn: '2026-01-01' });
const fees = makePlan({
  id: 'fees',
  amountMinor: 4_000_000_00,
  cadence: 'once',
  dueOn: '2026-11-20',
  fundedBy: ['support'],
});

function rollup(streamId: string, amount: number): Rollup {
  return {
    key: `${streamId}|2026-11|IDR|received`,
    streamId,
    memberId: 'member-1',
    month: '2026-11',
    currency: 'IDR',
    status: 'received',
    amountMinor: amount,
    baseMinor: amount,
    missingRateCount: 0,
    paidMinutes: 0,
    unpaidMinutes: 0,
    count: 1,
  };
}

const paidRent: Payment = {
  ...common,
  id: 'p1',
  planId: 'rent',
  dueOn: '2026-11-01',
  date: '2026-11-02',
  amountMinor: 1_400_000_00,
  currency: 'IDR',
  note: '',
};

describe('this month at a glance', () => {
  const input = {
    month: '2026-11',
    streams: [salary, remittance],
    plans: [rent, fees],
    entries: [],
    rollups: [],
    payments: [paidRent],
    skips: [],
    rates: [makeRate('USD', '2026-01-01', '16000')],
    baseCurrency: 'IDR',
  };

  it('says what is left to pay and by how much expected income falls short', () => {
    const g = monthGlance(input);
    expect(g.billsMinor).toBe(5_500_000_00);
    expect(g.paidMinor).toBe(1_400_000_00);
    expect(g.leftMinor).toBe(4_000_000_00);
    // Salary pay day 25 + USD 100 at 16,000 (no pay day: the monthly estimate).
    expect(g.expectedMinor).toBe(4_800_000_00 + 1_600_000_00);
    expect(g.stillExpectedMinor).toBe(6_400_000_00);
    // Brings 6,400,000 (nothing received yet); costs 1,400,000 paid + 4,000,000 left.
    expect(g.balanceMinor).toBe(1_000_000_00);
    expect(g.shortMinor).toBe(0);
    expect(g.bills.find((b) => b.planId === 'fees')?.fundedBy).toEqual(['support']);
  });

  it('counts the salary as received once an entry answers its pay day, and reports a shortfall', () => {
    const g = monthGlance({
      ...input,
      streams: [salary],
      entries: [makeEntry(salary, '2026-11-24', 1)],
      rollups: [rollup('salary', 3_000_000_00)],
    });
    expect(g.receivedMinor).toBe(3_000_000_00);
    expect(g.stillExpectedMinor).toBe(0);
    // Brings 3,000,000 (received, 1,800,000 less than expected); costs 1,400,000 paid + 4,000,000 left.
    expect(g.bringsMinor).toBe(3_000_000_00);
    expect(g.costsMinor).toBe(5_400_000_00);
    expect(g.balanceMinor).toBe(-2_400_000_00);
    expect(g.shortMinor).toBe(2_400_000_00);
  });

  it('leaves out what it cannot convert, and says which currency', () => {
    const g = monthGlance({ ...input, rates: [] });
    expect(g.expectedMinor).toBe(4_800_000_00);
    expect(g.missingRateCurrencies).toEqual(['USD']);
  });

  it('does not expect a pay day from before the stream was added, unless an entry answered it', () => {
    const late = { ...salary, createdAt: '2026-12-20T00:00:00.000Z' };
    expect(monthGlance({ ...input, streams: [late] }).expectedMinor).toBe(0);
    const answered = monthGlance({
      ...input,
      streams: [late],
      entries: [makeEntry(late, '2026-11-25', 1)],
    });
    expect(answered.expectedMinor).toBe(4_800_000_00);
  });
});
