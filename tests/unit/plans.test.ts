import { describe, expect, it } from 'vitest';
import {
  earmarkedCoverage,
  essentialMonthlyExpenses,
  forecast,
  medianOfKnown,
  monthlyCostByCategory,
  planCostInMonth,
} from '../../src/lib/domain/plans';
import { makePlan, makeRate, makeStream } from './analytics-fixtures';

const noIncome = { formal: 0, informal: 0, microtask: 0, support: 0 };

describe('monthly cost of plans', () => {
  it('converts cadences: monthly ×1, weekly ×52/12, yearly /12, once in its due month only', () => {
    expect(planCostInMonth(makePlan({ amountMinor: 120_000 }), '2025-05')).toBe(120_000);
    expect(
      planCostInMonth(makePlan({ amountMinor: 120_000, cadence: 'weekly' }), '2025-05'),
    ).toBeCloseTo(520_000, 9);
    expect(
      planCostInMonth(makePlan({ amountMinor: 120_000, cadence: 'yearly' }), '2025-05'),
    ).toBeCloseTo(10_000, 9);
    const once = makePlan({ amountMinor: 120_000, cadence: 'once', dueOn: '2025-05-31' });
    expect(planCostInMonth(once, '2025-05')).toBe(120_000);
    expect(planCostInMonth(once, '2025-06')).toBe(0);
  });

  it('sums by category in base currency, listing plans without a rate', () => {
    const plans = [
      makePlan({ amountMinor: 100_000, category: 'essential' }),
      makePlan({ amountMinor: 30_000, category: 'digital', cadence: 'weekly' }),
      makePlan({ amountMinor: 1_000, category: 'other', currency: 'USD' }),
      makePlan({ amountMinor: 500, category: 'other', currency: 'PHP' }),
      makePlan({ amountMinor: 777, deletedAt: '2025-01-01T00:00:00Z' }),
    ];
    const rates = [makeRate('USD', '2025-01-01', '16000')];
    const cost = monthlyCostByCategory(plans, '2025-05', 'IDR', rates);
    expect(cost.byCategory.essential).toBe(100_000);
    expect(cost.byCategory.digital).toBeCloseTo(130_000, 9);
    // $10.00 = 1,000 cents × 16,000 = 16,000,000 sen.
    expect(cost.byCategory.other).toBe(16_000_000);
    expect(cost.missingRatePlanIds).toEqual([plans[3]!.id]);
    expect(cost.total).toBeCloseTo(100_000 + 130_000 + 16_000_000, 9);
  });

  it('takes E from recurring essential plans only', () => {
    const plans = [
      makePlan({ amountMinor: 100_000 }),
      makePlan({ amountMinor: 12_000, cadence: 'yearly' }),
      makePlan({ amountMinor: 900_000, cadence: 'once', dueOn: '2025-05-02' }),
      makePlan({ amountMinor: 50_000, category: 'digital' }),
    ];
    expect(essentialMonthlyExpenses(plans, '2025-05', 'IDR', [])).toEqual({
      amountMinor: 101_000,
      missingRatePlanIds: [],
    });
  });
});

describe('earmarked coverage', () => {
  it('says micro-tasks paid 140% of this month’s data plan', () => {
    const data = makePlan({
      name: 'data plan',
      category: 'digital',
      amountMinor: 100_000,
      fundedBy: ['microtask'],
    });
    const groups = earmarkedCoverage(
      [data],
      '2025-05',
      { byKind: { ...noIncome, microtask: 140_000, formal: 5_000_000 } },
      'IDR',
      [],
    );
    expect(groups).toEqual([
      {
        kinds: ['microtask'],
        key: 'microtask',
        planIds: [data.id],
        costMinor: 100_000,
        incomeMinor: 140_000,
        ratio: 1.4,
        missingRatePlanIds: [],
        incomeIncomplete: false,
      },
    ]);
  });

  it('groups plans by the same funding kinds and sums both sides', () => {
    const plans = [
      makePlan({ amountMinor: 100_000, fundedBy: ['microtask', 'informal'] }),
      makePlan({ amountMinor: 60_000, cadence: 'yearly', fundedBy: ['informal', 'microtask'] }),
      makePlan({ amountMinor: 50_000, fundedBy: ['support'] }),
      // Not due this month: no cost, so no group.
      makePlan({ amountMinor: 50_000, cadence: 'once', dueOn: '2025-09-01', fundedBy: ['formal'] }),
      makePlan({ amountMinor: 50_000, fundedBy: [] }),
    ];
    const groups = earmarkedCoverage(
      plans,
      '2025-05',
      { byKind: { ...noIncome, informal: 21_000, microtask: 84_000, support: 25_000 } },
      'IDR',
      [],
    );
    expect(groups.map((g) => [g.key, g.costMinor, g.incomeMinor])).toEqual([
      ['informal+microtask', 105_000, 105_000],
      ['support', 50_000, 25_000],
    ]);
    expect(groups[0]!.ratio).toBeCloseTo(1, 12);
    expect(groups[1]!.ratio).toBeCloseTo(0.5, 12);
  });

  it('has no ratio when a plan or the funding income lacks a rate', () => {
    const usdPlan = makePlan({ amountMinor: 1_000, currency: 'USD', fundedBy: ['microtask'] });
    const [g] = earmarkedCoverage(
      [usdPlan],
      '2025-05',
      { byKind: { ...noIncome, microtask: 1 } },
      'IDR',
      [],
    );
    expect(g!.ratio).toBeNull();
    expect(g!.missingRatePlanIds).toEqual([usdPlan.id]);
    const idrPlan = makePlan({ amountMinor: 1_000, fundedBy: ['microtask'] });
    const [h] = earmarkedCoverage(
      [idrPlan],
      '2025-05',
      { byKind: { ...noIncome, microtask: 1 }, missingByKind: { ...noIncome, microtask: 2 } },
      'IDR',
      [],
    );
    expect(h!.incomeIncomplete).toBe(true);
    expect(h!.ratio).toBeNull();
  });
});

describe('forecast', () => {
  const salary = makeStream({
    id: 'salary',
    kind: 'formal',
    expected: { amountMinor: 1_000_000, cadence: 'monthly', daysPerWeek: 5 },
  });
  const stall = makeStream({
    id: 'stall',
    kind: 'informal',
    expected: { amountMinor: 20_000, cadence: 'daily', daysPerWeek: 6 },
  });
  const tasks = makeStream({ id: 'tasks', kind: 'microtask' });
  const ended = makeStream({
    id: 'ended',
    kind: 'formal',
    endedOn: '2025-05-31',
    expected: { amountMinor: 500_000, cadence: 'weekly', daysPerWeek: 5 },
  });
  const later = makeStream({
    id: 'later',
    kind: 'support',
    startedOn: '2025-07-01',
    expected: { amountMinor: 300_000, cadence: 'biweekly', daysPerWeek: 5 },
  });

  it('expects income from cadences and medians, and flags months where expenses exceed it', () => {
    const months = ['2025-05', '2025-06', '2025-07'];
    const result = forecast({
      months,
      streams: [salary, stall, tasks, ended, later],
      plans: [
        makePlan({ amountMinor: 1_500_000 }),
        makePlan({ amountMinor: 2_000_000, cadence: 'once', dueOn: '2025-07-15' }),
      ],
      // Tasks: median of 0, 100k, 200k, 300k and a month without rate (left out) = 150,000.
      trailingReceived: new Map([['tasks', [0, 300_000, null, 100_000, 200_000]]]),
      baseCurrency: 'IDR',
      rates: [],
    });
    // Salary 1,000,000; stall 20,000 × 6 × 52 / 12 = 520,000; tasks 150,000.
    // May also the ended job: 500,000 × 52 / 12 = 2,166,666.67; July the support:
    // 300,000 × 26 / 12 = 650,000.
    const base = 1_000_000 + 520_000 + 150_000;
    expect(result[0]!.incomeMinor).toBeCloseTo(base + (500_000 * 52) / 12, 6);
    expect(result[1]!.incomeMinor).toBeCloseTo(base, 6);
    expect(result[2]!.incomeMinor).toBeCloseTo(base + 650_000, 6);
    expect(result[1]!.byStream.find((s) => s.streamId === 'tasks')).toEqual({
      streamId: 'tasks',
      amountMinor: 150_000,
      basis: 'median',
    });
    // Expenses 1,500,000 a month; July + 2,000,000 = 3,500,000 > 2,320,000 expected.
    expect(result.map((f) => f.expensesMinor)).toEqual([1_500_000, 1_500_000, 3_500_000]);
    expect(result.map((f) => f.shortfall)).toEqual([false, false, true]);
    expect(result[2]!.balanceMinor).toBeCloseTo(base + 650_000 - 3_500_000, 6);
  });

  it('lists streams whose expected amount cannot be converted', () => {
    const usd = makeStream({
      id: 'usd',
      kind: 'formal',
      currency: 'USD',
      expected: { amountMinor: 100_00, cadence: 'monthly', daysPerWeek: 5 },
    });
    const [f] = forecast({
      months: ['2025-05'],
      streams: [usd],
      plans: [],
      trailingReceived: new Map(),
      baseCurrency: 'IDR',
      rates: [],
    });
    expect(f!.missingRateStreamIds).toEqual(['usd']);
    expect(f!.incomeMinor).toBe(0);
  });

  it('takes the median of the known months', () => {
    expect(medianOfKnown([3, 1, 2])).toBe(2);
    expect(medianOfKnown([4, null, 1, 2, 3])).toBe(2.5);
    expect(medianOfKnown([null])).toBeNull();
  });
});
