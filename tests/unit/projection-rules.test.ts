// The rules of the 60-day projection (projection.ts) that its example tests leave unstated: which
// outflows the lowest point comes after and in what order, which income it waits for, and when
// moving a bill is enough (issue 28, sixth round).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../../src/lib/domain/dates';
import {
  dailyBalances,
  lowestPoint,
  project,
  type BaseFlow,
  type FlowKind,
} from '../../src/lib/domain/projection';

const FROM = '2026-12-05';
const DAYS = 10;
const LAST = addDaysIso(FROM, DAYS - 1);

function flow(
  day: number,
  direction: 'in' | 'out',
  baseMinor: number,
  over: Partial<BaseFlow> = {},
): BaseFlow {
  const name = over.name ?? (direction === 'in' ? 'Salary' : 'Rent');
  return {
    date: addDaysIso(FROM, day),
    direction,
    amountMinor: baseMinor,
    currency: 'PHP',
    name,
    source: `${direction}:${name}:${day}`,
    kind: direction === 'in' ? 'payday' : 'bill',
    baseMinor,
    ...over,
  };
}

/** The order the lowest point lists its outflows in: largest first, then name, then source. */
function byLargest(a: BaseFlow, b: BaseFlow): number {
  if (a.baseMinor !== b.baseMinor) return b.baseMinor - a.baseMinor;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.source < b.source ? -1 : a.source > b.source ? 1 : 0;
}

/** Flows on days -2 … DAYS+2, small amounts and few names so that ties happen. */
const flowsArb = fc
  .array(
    fc.record({
      day: fc.integer({ min: -2, max: DAYS + 2 }),
      direction: fc.constantFrom<'in' | 'out'>('in', 'out'),
      baseMinor: fc.integer({ min: 1, max: 4 }).map((n) => n * 100),
      name: fc.constantFrom('A', 'B', 'C'),
      kind: fc.constantFrom<FlowKind>('payday', 'estimate', 'pending', 'bill'),
    }),
    { maxLength: 14 },
  )
  .map((rows) =>
    rows.map((r, i) =>
      flow(r.day, r.direction, r.baseMinor, { name: r.name, kind: r.kind, source: `s${i}` }),
    ),
  );

describe('the projection, its days', () => {
  it('each day adds what comes in and takes off what goes out that day; flows outside the window count on no day', () => {
    fc.assert(
      fc.property(flowsArb, fc.integer({ min: -500, max: 500 }), (flows, start) => {
        const days = dailyBalances(FROM, DAYS, start, flows);
        expect(days.map((d) => d.date)).toEqual(
          Array.from({ length: DAYS }, (_, k) => addDaysIso(FROM, k)),
        );
        let balance = start;
        for (const d of days) {
          const that = flows.filter((f) => f.date === d.date);
          const sum = (dir: 'in' | 'out') =>
            that.filter((f) => f.direction === dir).reduce((s, f) => s + f.baseMinor, 0);
          expect(d.inMinor).toBe(sum('in'));
          expect(d.outMinor).toBe(sum('out'));
          balance += d.inMinor - d.outMinor;
          expect(d.balanceMinor).toBe(balance);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the lowest point', () => {
  it('lists the outflows of its day, largest first, then by name and source, whatever order they came in', () => {
    fc.assert(
      fc.property(flowsArb, fc.integer({ min: -500, max: 500 }), (flows, start) => {
        const days = dailyBalances(FROM, DAYS, start, flows);
        const low = lowestPoint(days, flows);
        const expected = flows
          .filter((f) => f.direction === 'out' && f.date === low.date)
          .sort(byLargest);
        expect(low.outflows).toEqual(expected);
        expect(low.after).toEqual(expected[0] ?? null);
        expect(lowestPoint(days, [...flows].reverse())).toEqual(low);
      }),
      { numRuns: 300 },
    );
  });

  it('two outflows of one amount on the lowest day: by name first, the source only between equal names', () => {
    const water = flow(1, 'out', 300, { name: 'Water', source: 'plan:a' });
    const rentB = flow(1, 'out', 300, { name: 'Rent', source: 'plan:c' });
    const rentA = flow(1, 'out', 300, { name: 'Rent', source: 'plan:b' });
    const low = project({ from: FROM, days: DAYS, startMinor: 0, flows: [water, rentB, rentA] });
    expect(low.lowest.outflows).toEqual([rentA, rentB, water]);
    expect(low.lowest.after).toBe(rentA);
  });

  it('waits for the earliest lump of income after its day and within the window; on one day the largest, then by name and source', () => {
    fc.assert(
      fc.property(flowsArb, fc.integer({ min: -500, max: 500 }), (flows, start) => {
        const days = dailyBalances(FROM, DAYS, start, flows);
        const low = lowestPoint(days, flows);
        const candidates = flows
          .filter(
            (f) =>
              f.direction === 'in' && f.kind !== 'estimate' && f.date > low.date && f.date <= LAST,
          )
          .sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : byLargest(a, b)));
        expect(low.nextIncome).toEqual(candidates[0] ?? null);
        expect(lowestPoint(days, [...flows].reverse()).nextIncome).toEqual(low.nextIncome);
      }),
      { numRuns: 300 },
    );
  });

  it('an outflow after the lowest day is never the income it waits for', () => {
    // Spread estimates lift the balance after the rent, so the later bill does not make a new low.
    const flows = [
      flow(1, 'out', 500),
      flow(2, 'in', 300, { kind: 'estimate', name: 'Tips' }),
      flow(3, 'out', 100, { name: 'Water' }),
      flow(6, 'in', 1000),
    ];
    const p = project({ from: FROM, days: DAYS, startMinor: 0, flows });
    expect(p.lowest.date).toBe(addDaysIso(FROM, 1));
    expect(p.lowest.nextIncome).toBe(flows[3]);
    const none = project({ from: FROM, days: DAYS, startMinor: 0, flows: flows.slice(0, 3) });
    expect(none.lowest.nextIncome).toBeNull();
  });

  it('an income on the last day of the window is waited for; one the day after is not', () => {
    const rent = flow(1, 'out', 500);
    const onLast = flow(DAYS - 1, 'in', 1000);
    const after = flow(DAYS, 'in', 1000);
    expect(
      project({ from: FROM, days: DAYS, startMinor: 0, flows: [rent, onLast] }).lowest.nextIncome,
    ).toBe(onLast);
    expect(
      project({ from: FROM, days: DAYS, startMinor: 0, flows: [rent, after] }).lowest.nextIncome,
    ).toBeNull();
  });
});

describe('what would avoid going below zero', () => {
  it('moving the bill is enough when the lowest day then ends at exactly zero: zero is not below zero', () => {
    const rent = flow(1, 'out', 1000);
    const salary = flow(4, 'in', 1000);
    const p = project({ from: FROM, days: DAYS, startMinor: 0, flows: [rent, salary] });
    expect(p.avoid).toEqual({ shortMinor: 1000, move: { flow: rent, to: salary.date } });
  });

  it('a move is offered only when it keeps every day at or above zero', () => {
    fc.assert(
      fc.property(flowsArb, fc.integer({ min: -500, max: 500 }), (flows, start) => {
        const p = project({ from: FROM, days: DAYS, startMinor: start, flows });
        if (p.lowest.balanceMinor >= 0) {
          expect(p.avoid).toBeNull();
          return;
        }
        expect(p.avoid?.shortMinor).toBe(-p.lowest.balanceMinor);
        const { after, nextIncome } = p.lowest;
        if (after === null || nextIncome === null) {
          expect(p.avoid?.move).toBeNull();
          return;
        }
        const moved = flows.map((f) => (f === after ? { ...f, date: nextIncome.date } : f));
        const fits = dailyBalances(FROM, DAYS, start, moved).every((d) => d.balanceMinor >= 0);
        expect(p.avoid?.move).toEqual(fits ? { flow: after, to: nextIncome.date } : null);
      }),
      { numRuns: 300 },
    );
  });
});
