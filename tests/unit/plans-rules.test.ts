// Issue 28: the rules of plans.ts that the mutation round found unstated (docs/testing.md,
// "Mutation testing"). Each test names the rule; the amounts are small households' bills.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MonthGlance } from '../../src/lib/domain/month-glance';
import {
  earmarkedCoverage,
  earmarkedNotYet,
  essentialMonthlyExpenses,
  forecast,
  isStreamActiveIn,
  medianOfKnown,
  monthBills,
  monthlyCostByCategory,
  nextDueOn,
  planCostInMonthInBase,
  yearlyMonthlyShare,
} from '../../src/lib/domain/plans';
import { makePlan, makeRate, makeStream } from './analytics-fixtures';

const noIncome = { formal: 0, informal: 0, microtask: 0, support: 0 };
const deleted = '2025-02-01T00:00:00.000Z';
// 1 US cent = 16,000 sen from 1 May, 15,000 before: which rate a plan takes shows in its cost.
const rates = [makeRate('USD', '2025-04-01', '15000'), makeRate('USD', '2025-05-01', '16000')];

describe('a plan in the base currency', () => {
  it('a recurring plan converts at the rate in force at the end of the month', () => {
    const usd = makePlan({ amountMinor: 1_000, currency: 'USD', dueOn: '2025-01-10' });
    expect(planCostInMonthInBase(usd, '2025-04', 'IDR', rates)).toBe(15_000_000);
    expect(planCostInMonthInBase(usd, '2025-05', 'IDR', rates)).toBe(16_000_000);
  });

  it('a one-off converts at the rate of its due date, and costs nothing in another month even without a rate', () => {
    const once = makePlan({
      amountMinor: 1_000,
      currency: 'USD',
      cadence: 'once',
      dueOn: '2025-04-30',
    });
    expect(planCostInMonthInBase(once, '2025-04', 'IDR', rates)).toBe(15_000_000);
    expect(planCostInMonthInBase(once, '2025-05', 'IDR', rates)).toBe(0);
    expect(planCostInMonthInBase(once, '2025-05', 'IDR', [])).toBe(0);
    expect(planCostInMonthInBase(once, '2025-04', 'IDR', [])).toBeNull();
  });

  it('a one-off due mid-month takes the rate of its day, not of the month end', () => {
    const moving = [makeRate('USD', '2025-04-01', '15000'), makeRate('USD', '2025-04-20', '16000')];
    const once = makePlan({
      amountMinor: 1_000,
      currency: 'USD',
      cadence: 'once',
      dueOn: '2025-04-10',
    });
    const monthly = makePlan({ amountMinor: 1_000, currency: 'USD', dueOn: '2025-04-10' });
    expect(planCostInMonthInBase(once, '2025-04', 'IDR', moving)).toBe(15_000_000);
    expect(planCostInMonthInBase(monthly, '2025-04', 'IDR', moving)).toBe(16_000_000);
  });

  it('a weekly plan converts first and then counts 52/12 weeks a month', () => {
    const weekly = makePlan({ amountMinor: 1_200, currency: 'USD', cadence: 'weekly' });
    expect(planCostInMonthInBase(weekly, '2025-05', 'IDR', rates)).toBeCloseTo(
      (1_200 * 16_000 * 52) / 12,
      6,
    );
  });
});

describe('the cost of the plans in a month', () => {
  it('a deleted plan costs nothing and is not listed as missing a rate', () => {
    const plans = [
      makePlan({ amountMinor: 50_000, category: 'digital' }),
      makePlan({ amountMinor: 1_000, currency: 'PHP', deletedAt: deleted }),
      makePlan({ amountMinor: 70_000, category: 'digital', deletedAt: deleted }),
    ];
    expect(monthlyCostByCategory(plans, '2025-05', 'IDR', rates)).toEqual({
      month: '2025-05',
      byCategory: { essential: 0, digital: 50_000, other: 0 },
      total: 50_000,
      missingRatePlanIds: [],
    });
  });

  it('the total is the sum of the categories, whatever the plans', () => {
    const plan = fc.record({
      amountMinor: fc.integer({ min: 0, max: 10_000_000 }),
      category: fc.constantFrom('essential' as const, 'digital' as const, 'other' as const),
      cadence: fc.constantFrom('monthly' as const, 'yearly' as const, 'once' as const),
      currency: fc.constantFrom('IDR', 'USD', 'PHP'),
      deleted: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(plan, { maxLength: 8 }), (specs) => {
        const plans = specs.map((p) =>
          makePlan({
            amountMinor: p.amountMinor,
            category: p.category,
            cadence: p.cadence,
            currency: p.currency,
            dueOn: '2025-05-20',
            deletedAt: p.deleted ? deleted : null,
          }),
        );
        const cost = monthlyCostByCategory(plans, '2025-05', 'IDR', rates);
        const { essential, digital, other } = cost.byCategory;
        // Fractional sums added in another order: equal up to float rounding.
        expect(Math.abs(cost.total - (essential + digital + other))).toBeLessThanOrEqual(
          1e-9 * Math.max(1, cost.total),
        );
        expect(cost.missingRatePlanIds).toEqual(
          plans
            .filter((p, i) => !specs[i]!.deleted && p.currency === 'PHP' && p.amountMinor > 0)
            .map((p) => p.id),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('E, the essential monthly expenses', () => {
  it('leaves out deleted, non-essential and one-off plans, and lists the essential ones no rate converts', () => {
    const phone = makePlan({ amountMinor: 1_000, currency: 'PHP' });
    const plans = [
      makePlan({ amountMinor: 100_000 }),
      makePlan({ amountMinor: 1_000, currency: 'USD' }),
      makePlan({ amountMinor: 900_000, deletedAt: deleted }),
      makePlan({ amountMinor: 5_000, category: 'other' }),
      makePlan({ amountMinor: 5_000, category: 'digital', currency: 'PHP' }),
      makePlan({ amountMinor: 777_000, cadence: 'once', dueOn: '2025-05-03' }),
      makePlan({ amountMinor: 777_000, cadence: 'once', dueOn: '2025-05-03', currency: 'PHP' }),
      phone,
    ];
    expect(essentialMonthlyExpenses(plans, '2025-05', 'IDR', rates)).toEqual({
      amountMinor: 100_000 + 16_000_000,
      missingRatePlanIds: [phone.id],
    });
  });
});

describe('earmarked coverage', () => {
  it('a deleted plan forms no group', () => {
    const plans = [makePlan({ amountMinor: 100_000, fundedBy: ['microtask'], deletedAt: deleted })];
    const income = { byKind: { ...noIncome, microtask: 50_000 } };
    expect(earmarkedCoverage(plans, '2025-05', income, 'IDR', rates)).toEqual([]);
  });

  it('a plan first due in the month judged is judged; one first due the month after is not', () => {
    const now = makePlan({ amountMinor: 100_000, dueOn: '2025-05-31', fundedBy: ['microtask'] });
    const next = makePlan({ amountMinor: 100_000, dueOn: '2025-06-01', fundedBy: ['informal'] });
    const income = { byKind: { ...noIncome, microtask: 50_000, informal: 10 } };
    const groups = earmarkedCoverage([now, next], '2025-05', income, 'IDR', rates);
    expect(groups.map((g) => [g.key, g.planIds, g.ratio])).toEqual([['microtask', [now.id], 0.5]]);
  });

  it('a plan that costs nothing this month forms no group, even one already due', () => {
    const past = makePlan({
      amountMinor: 100_000,
      cadence: 'once',
      dueOn: '2025-03-01',
      fundedBy: ['microtask'],
    });
    const income = { byKind: { ...noIncome, microtask: 50_000 } };
    expect(earmarkedCoverage([past], '2025-05', income, 'IDR', rates)).toEqual([]);
  });

  it('a group whose cost rounds to nothing in the base currency has no ratio', () => {
    const tiny = makePlan({ amountMinor: 1, currency: 'USD', fundedBy: ['microtask'] });
    const cheap = [makeRate('USD', '2025-01-01', '0.1')];
    for (const microtask of [0, 50_000]) {
      const income = { byKind: { ...noIncome, microtask } };
      const [g] = earmarkedCoverage([tiny], '2025-05', income, 'IDR', cheap);
      expect(g).toMatchObject({ costMinor: 0, ratio: null, missingRatePlanIds: [] });
    }
  });

  it('the income of every funding kind adds up, and a missing rate of any of them makes it incomplete', () => {
    const plan = makePlan({ amountMinor: 100_000, fundedBy: ['support', 'formal'] });
    const income = { byKind: { ...noIncome, formal: 30_000, support: 20_000, microtask: 999 } };
    const [g] = earmarkedCoverage([plan], '2025-05', income, 'IDR', rates);
    expect(g).toMatchObject({
      kinds: ['formal', 'support'],
      key: 'formal+support',
      incomeMinor: 50_000,
    });
    expect(g!.ratio).toBe(0.5);
    expect(g!.incomeIncomplete).toBe(false);
    const other = { ...income, missingByKind: { ...noIncome, microtask: 3 } };
    expect(earmarkedCoverage([plan], '2025-05', other, 'IDR', rates)[0]!.incomeIncomplete).toBe(
      false,
    );
    const second = { ...income, missingByKind: { ...noIncome, support: 1 } };
    const [h] = earmarkedCoverage([plan], '2025-05', second, 'IDR', rates);
    expect(h!.incomeIncomplete).toBe(true);
    expect(h!.ratio).toBeNull();
  });

  it('a plan of a group that no rate converts is listed, the others of the group still cost', () => {
    const idr = makePlan({ amountMinor: 100_000, fundedBy: ['microtask'] });
    const php = makePlan({ amountMinor: 1_000, currency: 'PHP', fundedBy: ['microtask'] });
    const income = { byKind: { ...noIncome, microtask: 50_000 } };
    const [g] = earmarkedCoverage([idr, php], '2025-05', income, 'IDR', rates);
    expect(g).toMatchObject({
      planIds: [idr.id, php.id],
      costMinor: 100_000,
      missingRatePlanIds: [php.id],
    });
    expect(g!.ratio).toBeNull();
  });

  it('groups come sorted by key, whatever the order of the plans', () => {
    const keys = [['support'], ['formal', 'informal'], ['microtask'], ['formal']] as const;
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1, 2, 3], { minLength: 1 }), (order) => {
        const plans = order.map((i) => makePlan({ amountMinor: 10_000, fundedBy: [...keys[i]!] }));
        const income = { byKind: { formal: 1, informal: 2, microtask: 3, support: 4 } };
        const got = earmarkedCoverage(plans, '2025-05', income, 'IDR', rates).map((g) => g.key);
        expect(got).toEqual([...got].sort());
        expect(got).toHaveLength(order.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('earmarked plans not due yet', () => {
  it('lists live funded plans first due after the month, earliest first', () => {
    const plans = [
      makePlan({ amountMinor: 1, dueOn: '2025-08-01', fundedBy: ['microtask'] }),
      makePlan({ amountMinor: 1, dueOn: '2025-06-01', fundedBy: ['informal'] }),
      makePlan({ amountMinor: 1, dueOn: '2025-07-09', fundedBy: ['formal'] }),
      makePlan({ amountMinor: 1, dueOn: '2025-05-31', fundedBy: ['formal'] }),
      makePlan({ amountMinor: 1, dueOn: '2025-06-15', fundedBy: [] }),
      makePlan({ amountMinor: 1, dueOn: '2025-06-15', fundedBy: ['formal'], deletedAt: deleted }),
    ];
    expect(earmarkedNotYet(plans, '2025-05')).toEqual([
      { planId: plans[1]!.id, firstDueOn: '2025-06-01' },
      { planId: plans[2]!.id, firstDueOn: '2025-07-09' },
      { planId: plans[0]!.id, firstDueOn: '2025-08-01' },
    ]);
  });
});

describe('the next due date', () => {
  it('a one-off is next due on its day up to that day, then never', () => {
    const once = { cadence: 'once' as const, dueOn: '2026-12-05' };
    expect(nextDueOn(once, '2026-12-04')).toBe('2026-12-05');
    expect(nextDueOn(once, '2026-12-05')).toBe('2026-12-05');
    expect(nextDueOn(once, '2026-12-06')).toBeNull();
  });

  it('a recurring plan first due later is next due on its first day', () => {
    expect(nextDueOn({ cadence: 'monthly', dueOn: '2027-03-10' }, '2026-12-05')).toBe('2027-03-10');
    expect(nextDueOn({ cadence: 'yearly', dueOn: '2025-06-01' }, '2026-12-05')).toBe('2027-06-01');
    expect(nextDueOn({ cadence: 'yearly', dueOn: '2024-02-29' }, '2027-03-01')).toBe('2028-02-29');
  });
});

describe("this month's bills by category", () => {
  it('skipped bills are left out, a bill no rate converts is listed once, an unknown plan counts as other', () => {
    const rent = makePlan({ amountMinor: 1, category: 'essential' });
    const phone = makePlan({ amountMinor: 1, category: 'digital' });
    const bill = (planId: string, baseMinor: number | null, skipped = false) =>
      ({ planId, baseMinor, skipped }) as unknown as MonthGlance['bills'][number];
    const glance = {
      month: '2025-05',
      billsMinor: 123,
      bills: [
        bill(rent.id, 100),
        bill(rent.id, 1_000, true),
        bill(phone.id, null),
        bill(phone.id, null),
        bill('gone', 23),
        bill(phone.id, null, true),
      ],
    } as unknown as MonthGlance;
    expect(monthBills(glance, [rent, phone])).toEqual({
      month: '2025-05',
      totalMinor: 123,
      byCategory: { essential: 100, digital: 0, other: 23 },
      missingRatePlanIds: [phone.id],
    });
  });
});

describe('the monthly share of the yearly plans', () => {
  it('counts only live yearly plans: a twelfth of each, listing those no rate converts', () => {
    const php = makePlan({ amountMinor: 1_200, cadence: 'yearly', currency: 'PHP' });
    const fee = makePlan({ amountMinor: 120_000, cadence: 'yearly', dueOn: '2025-09-01' });
    const plans = [
      fee,
      makePlan({ amountMinor: 50_000 }),
      makePlan({ amountMinor: 120_000, cadence: 'yearly', deletedAt: deleted }),
      php,
    ];
    const share = yearlyMonthlyShare(plans, '2025-05', 'IDR', rates);
    expect(share.totalMinor).toBeCloseTo(10_000, 9);
    expect(share.planIds).toEqual([fee.id, php.id]);
    expect(share.missingRatePlanIds).toEqual([php.id]);
  });
});

describe('the median of the known months', () => {
  it('is the middle known value in numeric order, or the mean of the middle two', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 1_000_000_000 }), { nil: null }), {
          maxLength: 9,
        }),
        (values) => {
          const known = values.filter((v): v is number => v !== null);
          const got = medianOfKnown(values);
          if (known.length === 0) {
            expect(got).toBeNull();
            return;
          }
          // The median: as many known values strictly below it as strictly above it, at most.
          const below = known.filter((v) => v < got!).length;
          const above = known.filter((v) => v > got!).length;
          expect(below).toBeLessThanOrEqual(known.length / 2);
          expect(above).toBeLessThanOrEqual(known.length / 2);
          expect(Math.min(...known)).toBeLessThanOrEqual(got!);
          expect(got!).toBeLessThanOrEqual(Math.max(...known));
        },
      ),
      { numRuns: 300 },
    );
    expect(medianOfKnown([100, 9, 20])).toBe(20);
    expect(medianOfKnown([100, 9, 20, 1_000])).toBe(60);
    expect(medianOfKnown([7, null])).toBe(7);
  });
});

describe('a stream brings income in a month', () => {
  const stream = makeStream({
    id: 's',
    kind: 'formal',
    startedOn: '2025-05-31',
    endedOn: '2025-07-01',
  });
  it('from the month it starts in up to the month it ends in', () => {
    expect(isStreamActiveIn(stream, '2025-04')).toBe(false);
    expect(isStreamActiveIn(stream, '2025-05')).toBe(true);
    expect(isStreamActiveIn(stream, '2025-07')).toBe(true);
    expect(isStreamActiveIn(stream, '2025-08')).toBe(false);
    expect(isStreamActiveIn({ ...stream, startedOn: null, endedOn: null }, '1999-01')).toBe(true);
  });
  it('never when deleted or archived', () => {
    expect(isStreamActiveIn({ ...stream, deletedAt: deleted }, '2025-06')).toBe(false);
    expect(isStreamActiveIn({ ...stream, archived: true }, '2025-06')).toBe(false);
  });
});

describe('the forecast', () => {
  const plan = makePlan({ amountMinor: 1_000_000 });
  const salary = (amountMinor: number, over = {}) =>
    makeStream({
      id: 'salary',
      kind: 'formal',
      expected: { amountMinor, cadence: 'monthly', daysPerWeek: 5 },
      ...over,
    });
  const run = (streams: ReturnType<typeof makeStream>[], trailing: (number | null)[] = []) =>
    forecast({
      months: ['2025-05'],
      streams,
      plans: [plan],
      trailingReceived: new Map([['salary', trailing]]),
      baseCurrency: 'IDR',
      rates,
    })[0]!;

  it('income equal to the planned expenses is no shortfall; one sen less is', () => {
    expect(run([salary(1_000_000)])).toMatchObject({ balanceMinor: 0, shortfall: false });
    expect(run([salary(999_999)])).toMatchObject({ balanceMinor: -1, shortfall: true });
  });

  it('a stream without an expected amount or with an irregular one forecasts its median, 0 without history', () => {
    expect(run([salary(0)], [300, 100, 200]).byStream).toEqual([
      { streamId: 'salary', amountMinor: 200, basis: 'median' },
    ]);
    const irregular = salary(5_000, {
      expected: { amountMinor: 5_000, cadence: 'irregular', daysPerWeek: 5 },
    });
    expect(run([irregular], [40]).byStream).toEqual([
      { streamId: 'salary', amountMinor: 40, basis: 'median' },
    ]);
    expect(run([irregular]).byStream).toEqual([
      { streamId: 'salary', amountMinor: 0, basis: 'median' },
    ]);
  });

  it('a stream without an expected amount and no trailing months forecasts 0', () => {
    const tips = makeStream({ id: 'tips', kind: 'informal' });
    expect(run([tips]).byStream).toEqual([{ streamId: 'tips', amountMinor: 0, basis: 'median' }]);
  });

  it('a foreign stream converts at the rate in force at the end of the month; an ended stream forecasts nothing', () => {
    const usd = salary(100, { currency: 'USD' });
    expect(run([usd])).toMatchObject({
      incomeMinor: 1_600_000,
      byStream: [{ streamId: 'salary', amountMinor: 1_600_000, basis: 'expected' }],
      missingRateStreamIds: [],
    });
    expect(run([salary(100, { endedOn: '2025-04-30' })])).toMatchObject({
      incomeMinor: 0,
      byStream: [],
    });
  });
});
