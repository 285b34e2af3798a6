// Issue 28 (twelfth round): the domain's sort orders, stated as rules of their comparators.
// Through `sort` alone they could not be: V8's sort asks only whether an answer is below zero and
// compares a pair one way round, so a comparator that answered 0 or +1 for the wrong pair sorted
// the same there, while the spec leaves the order to each engine when a comparator is not a
// consistent total order. Each rule: the comparator's sign is the sign of comparing the order's
// keys one after another, in both directions; equal keys answer 0.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Saving } from '../../src/lib/domain/model';
import { compareSources, type StatementSource } from '../../src/lib/domain/income-statement';
import { compareDueItems, type DueItem } from '../../src/lib/domain/monthly-loop';
import { compareBalances } from '../../src/lib/domain/savings';

type Key = (string | number)[];

/** Keys compared in turn; the sign of the first that differs. */
function compareKeys(a: Key, b: Key): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i]! < b[i]!) return -1;
    if (a[i]! > b[i]!) return 1;
  }
  return 0;
}

function expectOrderOf<T>(
  arb: fc.Arbitrary<T>,
  compare: (a: T, b: T) => number,
  key: (x: T) => Key,
) {
  fc.assert(
    fc.property(arb, arb, (a, b) => {
      expect(Math.sign(compare(a, b))).toBe(compareKeys(key(a), key(b)));
      expect(Math.sign(compare(b, a))).toBe(compareKeys(key(b), key(a)));
    }),
    { numRuns: 500 },
  );
}

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
    expectOrderOf(item, compareDueItems, (x) => [x.dueOn, x.kind === 'income' ? 0 : 1, idOf(x)]);
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
    expectOrderOf(balance, compareBalances, (x) => [x.date, x.updatedAt]);
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
    expectOrderOf(source, compareSources, (x) => [0 - Number(x.totalMinor), x.name]);
  });
});
