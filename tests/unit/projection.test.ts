import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../../src/lib/domain/dates';
import type { Place, Rollup, Saving } from '../../src/lib/domain/model';
import { project, type BaseFlow } from '../../src/lib/domain/projection';
import {
  isSpendable,
  projectionOf,
  type ProjectionSources,
} from '../../src/lib/domain/projection-flows';
import { makePlan, makeRate, makeSaving, makeStream } from './analytics-fixtures';

const TODAY = '2026-12-05';

const place = (id: string, kind: Place['kind'], currency = 'PHP'): Place => ({
  id,
  name: id,
  kind,
  currency,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deletedAt: null,
  isSample: false,
});
const balance = (placeId: string, date: string, amountMinor: number, currency = 'PHP'): Saving =>
  makeSaving(date, amountMinor, { placeId, currency });

const salary = makeStream({
  id: 'salary',
  kind: 'formal',
  name: 'Salary',
  currency: 'PHP',
  expected: { amountMinor: 2_000_000, cadence: 'monthly', daysPerWeek: 5 },
  payDay: { cadence: 'monthly', day: 20 },
});
const rent = makePlan({
  id: 'rent',
  name: 'Rent',
  amountMinor: 1_200_000,
  currency: 'PHP',
  cadence: 'monthly',
  dueOn: '2026-01-18',
});

function sources(over: Partial<ProjectionSources> = {}): ProjectionSources {
  return {
    today: TODAY,
    baseCurrency: 'PHP',
    rates: [],
    streams: [salary],
    plans: [rent],
    payments: [],
    skips: [],
    entries: [],
    rollups: [],
    places: [place('wallet', 'cash'), place('gcash', 'ewallet')],
    savings: [balance('wallet', '2026-12-01', 300_000), balance('gcash', '2026-12-03', 700_000)],
    ...over,
  };
}

describe('the next 60 days', () => {
  it('rent before the salary: the lowest point is on the rent day, after Rent, before Salary', () => {
    const r = projectionOf(sources());
    const p = r.projection!;
    expect(r.onHand).toEqual({ totalMinor: 1_000_000, places: 2, asOf: '2026-12-03' });
    expect(p.days).toHaveLength(60);
    expect(p.to).toBe('2027-02-02');
    expect(p.lowest.date).toBe('2026-12-18');
    expect(p.lowest.balanceMinor).toBe(-200_000);
    expect(p.lowest.after?.name).toBe('Rent');
    expect(p.lowest.nextIncome?.name).toBe('Salary');
    expect(p.lowest.nextIncome?.date).toBe('2026-12-20');
    expect(p.firstBelowZero).toBe('2026-12-18');
    expect(p.avoid).toEqual({
      shortMinor: 200_000,
      move: { flow: p.lowest.after, to: '2026-12-20' },
    });
  });

  it('only cash, bank and e-wallet are money on hand; a group pot and "other" are not', () => {
    expect(
      ['cash', 'bank', 'ewallet', 'group', 'other'].map((k) =>
        isSpendable({ kind: k as Place['kind'] }),
      ),
    ).toEqual([true, true, true, false, false]);
    const r = projectionOf(
      sources({
        places: [place('wallet', 'cash'), place('arisan', 'group'), place('loan', 'other')],
        savings: [
          balance('wallet', '2026-12-01', 300_000),
          balance('arisan', '2026-12-01', 900_000),
          balance('loan', '2026-12-01', 5_000_000),
        ],
      }),
    );
    expect(r.onHand.totalMinor).toBe(300_000);
  });

  it('a paid or skipped bill and an answered pay day are not counted again', () => {
    const paid = {
      id: 'pay-1',
      planId: 'rent',
      dueOn: '2026-12-18',
      date: '2026-12-04',
      amountMinor: 1_200_000,
      currency: 'PHP',
      note: '',
      isSample: false,
      createdAt: '2026-12-04T00:00:00.000Z',
      updatedAt: '2026-12-04T00:00:00.000Z',
      deletedAt: null,
    };
    const r = projectionOf(
      sources({
        payments: [paid],
        entries: [{ streamId: 'salary', date: '2026-12-19', deletedAt: null }],
      }),
    );
    const names = r.flows.map((f) => `${f.date} ${f.name}`);
    expect(names).not.toContain('2026-12-18 Rent');
    expect(names).not.toContain('2026-12-20 Salary');
    expect(names).toContain('2027-01-18 Rent');
    expect(names).toContain('2027-01-20 Salary');
  });

  it('an amount with no rate is named and left out, never counted as 0', () => {
    const r = projectionOf(
      sources({
        plans: [
          rent,
          makePlan({
            id: 'school',
            name: 'School',
            amountMinor: 50_000,
            currency: 'USD',
            cadence: 'monthly',
            dueOn: '2026-01-10',
          }),
        ],
        places: [place('wallet', 'cash'), place('dollars', 'cash', 'USD')],
        savings: [
          balance('wallet', '2026-12-01', 300_000),
          balance('dollars', '2026-12-01', 10_000, 'USD'),
        ],
      }),
    );
    expect(r.unconverted).toEqual([
      { name: 'dollars', currency: 'USD' },
      { name: 'School', currency: 'USD' },
    ]);
    expect(r.onHand.totalMinor).toBe(300_000);
    expect(r.flows.some((f) => f.name === 'School')).toBe(false);
    // With a rate, both count.
    const withRate = projectionOf(
      sources({
        rates: [makeRate('USD', '2026-01-01', '58')],
        plans: [
          rent,
          makePlan({
            id: 'school',
            name: 'School',
            amountMinor: 50_000,
            currency: 'USD',
            cadence: 'monthly',
            dueOn: '2026-01-10',
          }),
        ],
        places: [place('wallet', 'cash'), place('dollars', 'cash', 'USD')],
        savings: [
          balance('wallet', '2026-12-01', 300_000),
          balance('dollars', '2026-12-01', 10_000, 'USD'),
        ],
      }),
    );
    expect(withRate.unconverted).toEqual([]);
    expect(withRate.onHand.totalMinor).toBe(300_000 + 580_000);
    expect(withRate.flows.find((f) => f.name === 'School')?.baseMinor).toBe(2_900_000);
  });

  it('a stream with no pay day is spread over the days; its pending payout has no day', () => {
    const gig = makeStream({
      id: 'gig',
      kind: 'microtask',
      name: 'Gig',
      currency: 'PHP',
      expected: { amountMinor: 3_100_000, cadence: 'monthly', daysPerWeek: 5 },
    });
    const pendingRow: Rollup = {
      key: 'gig|2026-11|PHP|pending',
      streamId: 'gig',
      memberId: 'member-1',
      month: '2026-11',
      currency: 'PHP',
      status: 'pending',
      amountMinor: 40_000,
      baseMinor: 40_000,
      missingRateCount: 0,
      paidMinutes: 0,
      unpaidMinutes: 0,
      count: 1,
    };
    const r = projectionOf(sources({ streams: [salary, gig], rollups: [pendingRow], plans: [] }));
    const december = r.flows.filter((f) => f.kind === 'estimate' && f.date.startsWith('2026-12'));
    expect(december).toHaveLength(27);
    expect(december.every((f) => f.baseMinor === 100_000)).toBe(true);
    expect(r.undated).toEqual([{ name: 'Gig', baseMinor: 40_000 }]);
    // A pay-day stream's pending payout comes on its next pay day.
    const r2 = projectionOf(
      sources({
        rollups: [{ ...pendingRow, key: 'salary|2026-11|PHP|pending', streamId: 'salary' }],
      }),
    );
    expect(r2.flows.filter((f) => f.kind === 'pending').map((f) => [f.date, f.baseMinor])).toEqual([
      ['2026-12-20', 40_000],
    ]);
  });

  it('extra flows (an instalment) plug in without changing the algorithm', () => {
    const r = projectionOf(
      sources({
        extra: [
          {
            date: '2026-12-10',
            direction: 'out',
            amountMinor: 100_000,
            currency: 'PHP',
            name: 'Motorbike',
            source: 'debt:1',
            kind: 'instalment',
          },
        ],
      }),
    );
    expect(r.projection!.lowest.balanceMinor).toBe(-300_000);
  });

  it('no spendable balance: nothing to start from', () => {
    expect(projectionOf(sources({ savings: [] })).projection).toBeNull();
  });
});

/** Random flows in the window, and a little outside it (which must not count). */
const flowArb = fc.record({
  day: fc.integer({ min: -3, max: 64 }),
  direction: fc.constantFrom('in' as const, 'out' as const),
  baseMinor: fc.integer({ min: 1, max: 5_000_000 }),
  kind: fc.constantFrom('payday', 'estimate', 'bill', 'instalment'),
  name: fc.constantFrom('Rent', 'Salary', 'Water', 'Gig', 'Hụi'),
});

describe('the lowest point equals a day-by-day recomputation', () => {
  it('for random starts and flows (300 runs)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 20_000_000 }),
        fc.array(flowArb, { maxLength: 80 }),
        fc.integer({ min: 1, max: 60 }),
        (start, raw, days) => {
          const flows: BaseFlow[] = raw.map((f, i) => ({
            date: addDaysIso(TODAY, f.day),
            direction: f.direction,
            amountMinor: f.baseMinor,
            currency: 'PHP',
            baseMinor: f.baseMinor,
            name: f.name,
            source: `s:${i}`,
            kind: f.kind,
          }));
          const p = project({ from: TODAY, days, startMinor: start, flows });
          // Brute force: for each day, walk every flow and keep those dated that day.
          let balance = start;
          let lowest = Infinity;
          let lowestDate = '';
          for (let k = 0; k < days; k++) {
            const date = addDaysIso(TODAY, k);
            for (const f of flows) {
              if (f.date !== date) continue;
              balance += f.direction === 'in' ? f.baseMinor : -Number(f.baseMinor);
            }
            expect(p.days[k]!.balanceMinor).toBe(balance);
            if (balance < lowest) {
              lowest = balance;
              lowestDate = date;
            }
          }
          expect(p.lowest.balanceMinor).toBe(lowest);
          expect(p.lowest.date).toBe(lowestDate);
          // Its cause is an outflow of that day; its next income a lump after it.
          const outs = flows.filter((f) => f.date === lowestDate && f.direction === 'out');
          expect(p.lowest.outflows.length).toBe(outs.length);
          expect(p.lowest.outflows.reduce((a, f) => a + f.baseMinor, 0)).toBe(
            outs.reduce((a, f) => a + f.baseMinor, 0),
          );
          if (p.lowest.after) {
            expect(p.lowest.after.date).toBe(lowestDate);
            expect(p.lowest.after.direction).toBe('out');
          }
          if (p.lowest.nextIncome) {
            expect(p.lowest.nextIncome.date > lowestDate).toBe(true);
            expect(p.lowest.nextIncome.kind).not.toBe('estimate');
          }
          // What would avoid it works: the short amount lifts the lowest point to exactly 0,
          // and a suggested move keeps every day at or above 0.
          if (lowest < 0) {
            expect(p.avoid!.shortMinor).toBe(-lowest);
            const lifted = project({ from: TODAY, days, startMinor: start - lowest, flows });
            expect(lifted.lowest.balanceMinor).toBe(0);
            if (p.avoid!.move) {
              const moved = flows.map((f) =>
                f === p.avoid!.move!.flow ? { ...f, date: p.avoid!.move!.to } : f,
              );
              const after = project({ from: TODAY, days, startMinor: start, flows: moved });
              expect(after.firstBelowZero).toBeNull();
            }
          } else {
            expect(p.avoid).toBeNull();
            expect(p.firstBelowZero).toBeNull();
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
