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
import { currencyCode, isoDate, minor, monthKey } from '../../src/lib/domain/units';

const noIncome = { formal: 0, informal: 0, microtask: 0, support: 0 };

describe('monthly cost of plans', () => {
  it('converts cadences: monthly ×1, weekly ×52/12, yearly /12, once in its due month only', () => {
    expect(planCostInMonth(makePlan({ amountMinor: minor(120_000) }), monthKey('2025-05'))).toBe(120_000);
    expect(
      planCostInMonth(makePlan({ amountMinor: minor(120_000), cadence: 'weekly' }), monthKey('2025-05')),
    ).toBeCloseTo(520_000, 9);
    expect(
      planCostInMonth(makePlan({ amountMinor: minor(120_000), cadence: 'yearly' }), monthKey('2025-05')),
    ).toBeCloseTo(10_000, 9);
    const once = makePlan({ amountMinor: minor(120_000), cadence: 'once', dueOn: isoDate('2025-05-31') });
    expect(planCostInMonth(once, monthKey('2025-05'))).toBe(120_000);
    expect(planCostInMonth(once, monthKey('2025-06'))).toBe(0);
  });

  it('sums by category in base currency, listing plans without a rate', () => {
    const plans = [
      makePlan({ amountMinor: minor(100_000), category: 'essential' }),
      makePlan({ amountMinor: minor(30_000), category: 'digital', cadence: 'weekly' }),
      makePlan({ amountMinor: minor(1_000), category: 'other', currency: currencyCode('USD') }),
      makePlan({ amountMinor: minor(500), category: 'other', currency: currencyCode('PHP') }),
      makePlan({ amountMinor: minor(777), deletedAt: '2025-01-01T00:00:00Z' }),
    ];
    const rates = [makeRate('USD', '2025-01-01', '16000')];
    const cost = monthlyCostByCategory(plans, monthKey('2025-05'), currencyCode('IDR'), rates);
    expect(cost.byCategory.essential).toBe(100_000);
    expect(cost.byCategory.digital).toBeCloseTo(130_000, 9);
    // $10.00 = 1,000 cents × 16,000 = 16,000,000 sen.
    expect(cost.byCategory.other).toBe(16_000_000);
    expect(cost.missingRatePlanIds).toEqual([plans[3]!.id]);
    expect(cost.total).toBeCloseTo(100_000 + 130_000 + 16_000_000, 9);
  });

  it('takes E from recurring essential plans only', () => {
    const plans = [
      makePlan({ amountMinor: minor(100_000) }),
      makePlan({ amountMinor: minor(12_000), cadence: 'yearly' }),
      makePlan({ amountMinor: minor(900_000), cadence: 'once', dueOn: isoDate('2025-05-02') }),
      makePlan({ amountMinor: minor(50_000), category: 'digital' }),
    ];
    expect(essentialMonthlyExpenses(plans, monthKey('2025-05'), currencyCode('IDR'), [])).toEqual({
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
      amountMinor: minor(100_000),
      fundedBy: ['microtask'],
    });
    const groups = earmarkedCoverage(
      [data],
      monthKey('2025-05'),
      { byKind: { ...noIncome, microtask: 140_000, formal: 5_000_000 } },
      currencyCode('IDR'),
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
      makePlan({ amountMinor: minor(100_000), fundedBy: ['microtask', 'informal'] }),
      makePlan({ amountMinor: minor(60_000), cadence: 'yearly', fundedBy: ['informal', 'microtask'] }),
      makePlan({ amountMinor: minor(50_000), fundedBy: ['support'] }),
      // Not due this month: no cost, so no group.
      makePlan({ amountMinor: minor(50_000), cadence: 'once', dueOn: isoDate('2025-09-01'), fundedBy: ['formal'] }),
      makePlan({ amountMinor: minor(50_000), fundedBy: [] }),
    ];
    const groups = earmarkedCoverage(
      plans,
      monthKey('2025-05'),
      { byKind: { ...noIncome, informal: 21_000, microtask: 84_000, support: 25_000 } },
      currencyCode('IDR'),
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
    const usdPlan = makePlan({ amountMinor: minor(1_000), currency: currencyCode('USD'), fundedBy: ['microtask'] });
    const [g] = earmarkedCoverage(
      [usdPlan],
      monthKey('2025-05'),
      { byKind: { ...noIncome, microtask: 1 } },
      currencyCode('IDR'),
      [],
    );
    expect(g!.ratio).toBeNull();
    expect(g!.missingRatePlanIds).toEqual([usdPlan.id]);
    const idrPlan = makePlan({ amountMinor: minor(1_000), fundedBy: ['microtask'] });
    const [h] = earmarkedCoverage(
      [idrPlan],
      monthKey('2025-05'),
      { byKind: { ...noIncome, microtask: 1 }, missingByKind: { ...noIncome, microtask: 2 } },
      currencyCode('IDR'),
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
    expected: { amountMinor: minor(1_000_000), cadence: 'monthly', daysPerWeek: 5 },
  });
  const stall = makeStream({
    id: 'stall',
    kind: 'informal',
    expected: { amountMinor: minor(20_000), cadence: 'daily', daysPerWeek: 6 },
  });
  const tasks = makeStream({ id: 'tasks', kind: 'microtask' });
  const ended = makeStream({
    id: 'ended',
    kind: 'formal',
    endedOn: isoDate('2025-05-31'),
    expected: { amountMinor: minor(500_000), cadence: 'weekly', daysPerWeek: 5 },
  });
  const later = makeStream({
    id: 'later',
    kind: 'support',
    startedOn: isoDate('2025-07-01'),
    expected: { amountMinor: minor(300_000), cadence: 'biweekly', daysPerWeek: 5 },
  });

  it('expects income from cadences and medians, and flags months where expenses exceed it', () => {
    const months = ['2025-05', '2025-06', '2025-07'];
    const result = forecast({
      months,
      streams: [salary, stall, tasks, ended, later],
      plans: [
        makePlan({ amountMinor: minor(1_500_000) }),
        makePlan({ amountMinor: minor(2_000_000), cadence: 'once', dueOn: isoDate('2025-07-15') }),
      ],
      // Tasks: median of 0, 100k, 200k, 300k and a month without rate (left out) = 150,000.
      trailingReceived: new Map([['tasks', [0, 300_000, null, 100_000, 200_000]]]),
      baseCurrency: currencyCode('IDR'),
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
      currency: currencyCode('USD'),
      expected: { amountMinor: minor(100_00), cadence: 'monthly', daysPerWeek: 5 },
    });
    const [f] = forecast({
      months: [monthKey('2025-05')],
      streams: [usd],
      plans: [],
      trailingReceived: new Map(),
      baseCurrency: currencyCode('IDR'),
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
