// Issue 28 (twelfth round): the domain's sort orders, stated as rules of their comparators.
// Through `sort` alone they could not be: V8's sort asks only whether an answer is below zero and
// compares a pair one way round, so a comparator that answered 0 or +1 for the wrong pair sorted
// the same there, while the spec leaves the order to each engine when a comparator is not a
// consistent total order. Each rule: the comparator's sign is the sign of comparing the order's
// keys one after another, in both directions; equal keys answer 0.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectOrderOf, type OrderKey } from '../order-rules';
import type { Repayment } from '../../src/lib/domain/debt-model';
import type { Fund, Rollup, Saving, Training } from '../../src/lib/domain/model';
import { compareIso } from '../../src/lib/domain/dates';
import { compareInstalments, type InstalmentOccurrence } from '../../src/lib/domain/debt-due';
import { compareOwedRows, compareRepayments, type OwedRow } from '../../src/lib/domain/debts';
import {
  compareBills,
  compareIncome,
  type BillOccurrence,
  type IncomeOccurrence,
} from '../../src/lib/domain/due';
import { compareFunds } from '../../src/lib/domain/funds';
import { compareEvents, type CalendarItem } from '../../src/lib/domain/ical';
import { compareSources, type StatementSource } from '../../src/lib/domain/income-statement';
import { compareCurrencies } from '../../src/lib/domain/month-totals';
import { compareDueItems, type DueItem } from '../../src/lib/domain/monthly-loop';
import { compareGroupKeys, compareTrainings } from '../../src/lib/domain/pay';
import { compareRates, type PlatformRate } from '../../src/lib/domain/pay-compare';
import { comparePlatformCards, type PlatformCard } from '../../src/lib/domain/pay-figures';
import { compareCoverage, type EarmarkedCoverage } from '../../src/lib/domain/plans';
import { compareLargestFirst, type BaseFlow } from '../../src/lib/domain/projection';
import { compareFlows } from '../../src/lib/domain/projection-flows';
import { compareReceivedPay, type ReceivedPay } from '../../src/lib/domain/received-pay';
import { compareRollups } from '../../src/lib/domain/rollup';
import { compareBalances } from '../../src/lib/domain/savings';

// Few values each, so that ties of every key come up often.
const day = fc.constantFrom('2026-11-30', '2026-12-01', '2026-12-02');
const id = fc.constantFrom('a', 'b', 'c');

describe("the due list's order", () => {
  const item: fc.Arbitrary<DueItem> = fc
    .record({ kind: fc.constantFrom('income' as const, 'bill' as const), dueOn: day, id })
    .map(({ kind, dueOn, id }) =>
      kind === 'income'
        ? ({ kind, dueOn, streamId: id } as unknown as DueItem)
        : ({ kind, dueOn, planId: id } as unknown as DueItem),
    );
  const idOf = (x: DueItem) => (x.kind === 'income' ? x.streamId : x.planId);

  it('is by date, then income before bills, then by stream or plan id', () => {
    expectOrderOf(
      item,
      compareDueItems,
      (x) => [x.dueOn, x.kind === 'income' ? 0 : 1, idOf(x)],
      500,
    );
  });

  it('puts a bill of an earlier day before a pay day, and pay before a bill of one day', () => {
    const pay = { kind: 'income', dueOn: '2026-12-02', streamId: 'a' } as unknown as DueItem;
    const rent = { kind: 'bill', dueOn: '2026-12-01', planId: 'a' } as unknown as DueItem;
    const fees = { kind: 'bill', dueOn: '2026-12-02', planId: 'a' } as unknown as DueItem;
    expect([pay, fees, rent].sort(compareDueItems)).toEqual([rent, pay, fees]);
  });
});

describe("the savings balances' order", () => {
  const stamp = fc.constantFrom('2026-12-01T08:00:00.000Z', '2026-12-01T09:00:00.000Z');
  const balance = fc
    .record({ date: day, updatedAt: stamp })
    .map((x) => ({ ...x, deletedAt: null }) as unknown as Saving);

  it('is oldest date first, then the one updated later last (the one in force)', () => {
    expectOrderOf(balance, compareBalances, (x) => [x.date, x.updatedAt], 500);
  });
});

describe("the income statement's order of sources", () => {
  const source = fc
    .record({
      totalMinor: fc.constantFrom(0, 5_000, 12_000),
      name: fc.constantFrom('Ojek', 'Warung'),
    })
    .map((x): StatementSource => ({ ...x, streamId: 's', perMonth: [] }));

  it('is the largest total first, then by name', () => {
    expectOrderOf(source, compareSources, (x) => [0 - Number(x.totalMinor), x.name], 500);
  });
});

// The rest of the domain's sort orders (twelfth round, part 2). 200 pairs each: with two or three
// values a key, every tie comes up dozens of times.

describe('the order of dates', () => {
  it('is the earlier date first, one date 0 (earmarkedNotYet sorts by it)', () => {
    expectOrderOf(day, compareIso, (x) => [x], 200);
  });
});

describe("the pay report's orders", () => {
  it('puts the groups in the order of their keys (platform name or member id)', () => {
    const entry = id.map((k): [string, unknown] => [k, {}]);
    expectOrderOf(entry, compareGroupKeys, ([k]) => [k], 200);
  });

  it('puts the trainings oldest first, one date 0', () => {
    const training = day.map((date) => ({ date, id: 't', deletedAt: null }) as unknown as Training);
    expectOrderOf(training, compareTrainings, (x) => [x.date], 200);
  });
});

describe("the platform cards' order", () => {
  const card = fc
    .record({
      unranked: fc.constantFrom(null, 'not-enough-time' as const, 'rate-missing' as const),
      effectivePerHour: fc.constantFrom(1_200, 2_500.5, 4_000),
      platform: fc.constantFrom('Clickworker', 'Toloka'),
    })
    .map(
      ({ unranked, effectivePerHour, platform }) =>
        ({
          key: platform,
          platform,
          unranked,
          main: { figures: { effectivePerHour } },
        }) as unknown as PlatformCard,
    );
  const ranked = (x: PlatformCard) => x.unranked === null;

  it('is ranked first, the highest effective pay first, then by platform', () => {
    expectOrderOf(
      card,
      comparePlatformCards,
      (x) => [ranked(x) ? 0 : 1, ranked(x) ? -x.main.figures.effectivePerHour! : 0, x.platform],
      200,
    );
  });
});

describe("earmarked coverage's order of groups", () => {
  it('is by group key', () => {
    const group = fc
      .constantFrom('formal', 'formal+informal', 'informal')
      .map((key) => ({ key }) as unknown as EarmarkedCoverage);
    expectOrderOf(group, compareCoverage, (x) => [x.key], 200);
  });
});

describe("the rollup rows' order", () => {
  it('is by key', () => {
    const row = fc
      .constantFrom('2026-11|s1|received', '2026-12|s1|pending', '2026-12|s1|received')
      .map((key) => ({ key }) as unknown as Rollup);
    expectOrderOf(row, compareRollups, (x) => [x.key], 200);
  });
});

describe("the projection's order of flows", () => {
  it('is oldest first, one date 0', () => {
    const flow = fc
      .record({ date: day, name: id })
      .map((x) => ({ ...x, direction: 'in', baseMinor: 1 }) as unknown as BaseFlow);
    expectOrderOf(flow, compareFlows, (x) => [x.date], 200);
  });
});

describe("the debts' orders", () => {
  it('puts repayments oldest first, one date by id', () => {
    const repayment = fc
      .record({ date: day, id })
      .map((x) => ({ ...x, debtId: 'd', deletedAt: null }) as unknown as Repayment);
    expectOrderOf(repayment, compareRepayments, (x) => [x.date, x.id], 200);
  });

  it('puts instalments by due date, one date by debt id', () => {
    const instalment = fc
      .record({ dueOn: day, debtId: id })
      .map((x) => ({ ...x, amountMinor: 1 }) as unknown as InstalmentOccurrence);
    expectOrderOf(instalment, compareInstalments, (x) => [x.dueOn, x.debtId], 200);
  });

  it('lists open rows first, the soonest next due first and none last, then by name and id', () => {
    const row = fc
      .record({
        state: fc.constantFrom('open' as const, 'paid-off' as const, 'forgiven' as const),
        nextDueOn: fc.constantFrom(null, '2026-12-01', '2026-12-02'),
        name: fc.constantFrom('Ani', 'Budi'),
        id: fc.constantFrom('a', 'b'),
      })
      .map((x) => x as unknown as OwedRow);
    // '~' sorts after every digit: a row with no next due comes after every dated one.
    const key = (x: OwedRow): OrderKey => [
      x.state === 'open' ? 0 : 1,
      x.nextDueOn ?? '~',
      x.name,
      x.id,
    ];
    expectOrderOf(row, compareOwedRows, key, 200);
  });
});

describe("the funds' order", () => {
  it('is the soonest date first, one date by id', () => {
    const fund = fc
      .record({ dueOn: day, id })
      .map((x) => ({ ...x, deletedAt: null }) as unknown as Fund);
    expectOrderOf(fund, compareFunds, (x) => [x.dueOn, x.id], 200);
  });
});

describe("the best-platform ranking's order", () => {
  it('is the highest effective pay first, then by platform', () => {
    const rate = fc
      .record({
        effectivePerHour: fc.constantFrom(1_200, 2_500.5, 4_000),
        platform: fc.constantFrom('Clickworker', 'Toloka'),
      })
      .map((x): PlatformRate => ({ ...x, pendingMinor: 0 }));
    expectOrderOf(rate, compareRates, (x) => [-x.effectivePerHour, x.platform], 200);
  });
});

describe("the due occurrences' orders", () => {
  it('puts pay days oldest first, one day by stream id', () => {
    const pay = fc
      .record({ dueOn: day, streamId: id })
      .map((x) => ({ ...x, amountMinor: 1 }) as unknown as IncomeOccurrence);
    expectOrderOf(pay, compareIncome, (x) => [x.dueOn, x.streamId], 200);
  });

  it('puts bills oldest first, one day by plan id', () => {
    const bill = fc
      .record({ dueOn: day, planId: id })
      .map((x) => ({ ...x, amountMinor: 1 }) as unknown as BillOccurrence);
    expectOrderOf(bill, compareBills, (x) => [x.dueOn, x.planId], 200);
  });
});

describe("the calendar export's order of events", () => {
  it('is oldest first, one date by uid', () => {
    const event = fc
      .record({ date: day, uid: id })
      .map((x): CalendarItem => ({ ...x, title: 'Rent' }));
    expectOrderOf(event, compareEvents, (x) => [x.date, x.uid], 200);
  });
});

describe("the month totals' order of currencies", () => {
  it('is the base currency first, then the others by code', () => {
    const code = fc.constantFrom('EUR', 'IDR', 'USD');
    for (const base of ['EUR', 'IDR', 'USD']) {
      expectOrderOf(
        code,
        (a, b) => compareCurrencies(a, b, base),
        (x) => [x === base ? 0 : 1, x],
        100,
      );
    }
  });
});

describe("the order of one day's flows (the lowest point's cause, the next income)", () => {
  it('is the largest first, then by name, then by source', () => {
    const flow = fc
      .record({
        baseMinor: fc.constantFrom(500, 2_000),
        name: fc.constantFrom('Kos', 'Listrik'),
        source: fc.constantFrom('plan:a', 'plan:b'),
      })
      .map((x) => ({ ...x, date: '2026-12-01', direction: 'out' }) as unknown as BaseFlow);
    expectOrderOf(
      flow,
      compareLargestFirst,
      (x) => [0 - Number(x.baseMinor), x.name, x.source],
      200,
    );
  });
});

describe("received pay's order of platforms", () => {
  it('is the most per hour first, then those with no hourly pay', () => {
    const row = fc
      .record({ perHour: fc.constantFrom(null, 0, 1_500), platform: id })
      .map((x) => ({ ...x, receivedMinor: 1 }) as unknown as ReceivedPay);
    expectOrderOf(
      row,
      compareReceivedPay,
      (x) => [x.perHour === null ? 1 : 0, -(x.perHour ?? 0)],
      200,
    );
  });
});
