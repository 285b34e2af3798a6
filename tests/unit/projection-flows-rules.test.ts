// The rules of the projection's flows (projection-flows.ts) that projection.test.ts leaves
// unstated: the window's last day, each flow's name, source and kind and their order, which
// streams count, the days an estimate falls on, which pending rows count, and what is named as
// unconverted (issue 28, sixth round).
import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../../src/lib/domain/dates';
import type { Place, Rollup, Saving } from '../../src/lib/domain/model';
import { projectionOf, type ProjectionSources } from '../../src/lib/domain/projection-flows';
import { makePlan, makeSaving, makeStream } from './analytics-fixtures';

const TODAY = '2026-12-05';

const place = (id: string): Place => ({
  id,
  name: id,
  kind: 'cash',
  currency: 'PHP',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  deletedAt: null,
  isSample: false,
});
const balance = (placeId: string, date: string, amountMinor: number): Saving =>
  makeSaving(date, amountMinor, { placeId, currency: 'PHP' });

const salary = makeStream({
  id: 'salary',
  kind: 'formal',
  name: 'Salary',
  currency: 'PHP',
  expected: { amountMinor: 2_000_000, cadence: 'monthly', daysPerWeek: 5 },
  payDay: { cadence: 'monthly', day: 20 },
});
const gig = makeStream({
  id: 'gig',
  kind: 'microtask',
  name: 'Gig',
  currency: 'PHP',
  expected: { amountMinor: 3_100_000, cadence: 'monthly', daysPerWeek: 5 },
});
const rent = makePlan({
  id: 'rent',
  name: 'Rent',
  amountMinor: 1_200_000,
  currency: 'PHP',
  cadence: 'monthly',
  dueOn: '2026-01-18',
});

function row(streamId: string, over: Partial<Rollup> = {}): Rollup {
  return {
    key: `${streamId}|2026-11|PHP|pending`,
    streamId,
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
    ...over,
  };
}

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
    places: [place('wallet')],
    savings: [balance('wallet', '2026-12-01', 300_000)],
    ...over,
  };
}

describe('the flows of the window', () => {
  it('each has its name, source and kind, in the base currency when it is an estimate or a payout, and they come in date order', () => {
    const r = projectionOf(sources({ streams: [salary, gig], rollups: [row('salary')], days: 20 }));
    const dates = r.flows.map((f) => f.date);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(dates).size).toBeGreaterThan(1);
    const one = (kind: string) => {
      const f = r.flows.find((x) => x.kind === kind)!;
      return [f.name, f.source, f.direction, f.currency];
    };
    expect(one('payday')).toEqual(['Salary', 'stream:salary', 'in', 'PHP']);
    expect(one('bill')).toEqual(['Rent', 'plan:rent', 'out', 'PHP']);
    expect(one('estimate')).toEqual(['Gig', 'stream:gig', 'in', 'PHP']);
    expect(one('pending')).toEqual(['Salary', 'pending:salary', 'in', 'PHP']);
  });

  it('flows of one day keep the order they are gathered in: pay days before bills', () => {
    const onPayDay = { ...rent, dueOn: '2026-01-20' };
    const r = projectionOf(sources({ plans: [onPayDay] }));
    expect(r.flows.filter((f) => f.date === '2026-12-20').map((f) => f.kind)).toEqual([
      'payday',
      'bill',
    ]);
  });

  it('a pay-day stream with no expected amount brings no flow', () => {
    const none = { ...salary, expected: { ...salary.expected, amountMinor: 0 } };
    expect(projectionOf(sources({ streams: [none], plans: [] })).flows).toEqual([]);
  });

  it('a day whose share of a small estimate rounds to nothing gets no flow', () => {
    const tiny = { ...gig, expected: { ...gig.expected, amountMinor: 10 } };
    const r = projectionOf(sources({ streams: [tiny], plans: [], days: 27 }));
    const est = r.flows.filter((f) => f.kind === 'estimate');
    expect(est.length).toBeGreaterThan(0);
    expect(est.length).toBeLessThan(27);
    expect(est.every((f) => f.baseMinor > 0)).toBe(true);
  });

  it('a stream estimated from its history counts its quiet months of the last six as nothing, when it earned before them', () => {
    // No expected amount: the estimate is read from the received rows. A row from long ago or a
    // start date long ago both make the four quiet months before October count.
    const quiet = { ...gig, expected: { ...gig.expected, amountMinor: 0 } };
    const received = (month: string, baseMinor: number) =>
      row('gig', {
        key: `gig|${month}|PHP|received`,
        month,
        status: 'received',
        baseMinor,
        amountMinor: baseMinor,
      });
    const estimate = (over: Partial<ProjectionSources>) =>
      projectionOf(sources({ plans: [], ...over }))
        .flows.filter((f) => f.kind === 'estimate')
        .reduce((sum, f) => sum + f.baseMinor, 0);
    const byOldRow = estimate({
      streams: [quiet],
      rollups: [received('2025-01', 60_000), received('2026-10', 600_000)],
    });
    const byStart = estimate({
      streams: [{ ...quiet, startedOn: '2025-01-01' }],
      rollups: [received('2026-10', 600_000)],
    });
    const recentOnly = estimate({ streams: [quiet], rollups: [received('2026-10', 600_000)] });
    expect(byOldRow).toBe(byStart);
    expect(recentOnly).toBeGreaterThan(byStart);
  });

  it('a window of n days ends on day n − 1: a bill due the day after it is not in it', () => {
    // Rent is due on the 18th: 14 days from the 5th end on the 18th, 13 days on the 17th.
    const bills = (days: number) =>
      projectionOf(sources({ days })).flows.filter((f) => f.kind === 'bill').length;
    expect(bills(14)).toBe(1);
    expect(bills(13)).toBe(0);
  });

  it('an archived or a deleted stream brings nothing', () => {
    for (const gone of [{ archived: true }, { deletedAt: '2026-12-01T00:00:00.000Z' }]) {
      const r = projectionOf(
        sources({
          streams: [
            { ...salary, ...gone },
            { ...gig, ...gone },
          ],
          plans: [],
        }),
      );
      expect(r.flows).toEqual([]);
    }
  });

  it('an estimate falls only on the days of the window the stream runs', () => {
    const r = projectionOf(
      sources({ streams: [{ ...gig, startedOn: '2026-12-10', endedOn: '2026-12-20' }] }),
    );
    const dates = r.flows.filter((f) => f.kind === 'estimate').map((f) => f.date);
    expect(dates[0]).toBe('2026-12-10');
    expect(dates.at(-1)).toBe('2026-12-20');
    expect(dates).toHaveLength(11);
    const all = projectionOf(sources({ streams: [gig], days: 10 }));
    const est = all.flows.filter((f) => f.kind === 'estimate').map((f) => f.date);
    expect(est[0]).toBe(TODAY);
    expect(est.at(-1)).toBe(addDaysIso(TODAY, 9));
    expect(est).toHaveLength(10);
  });
  it('an archived or a deleted stream’s pending payout is not counted either', () => {
    for (const gone of [{ archived: true }, { deletedAt: '2026-12-01T00:00:00.000Z' }]) {
      const r = projectionOf(sources({ streams: [{ ...gig, ...gone }], rollups: [row('gig')] }));
      expect(r.undated).toEqual([]);
    }
  });
});

describe('money on hand', () => {
  it('is as of the newest balance, whatever the order of the places', () => {
    const savings = [
      balance('wallet', '2026-12-03', 100_000),
      balance('bank', '2026-11-20', 50_000),
    ];
    for (const places of [
      [place('wallet'), place('bank')],
      [place('bank'), place('wallet')],
    ]) {
      const r = projectionOf(sources({ places, savings }));
      expect(r.onHand).toEqual({ totalMinor: 150_000, places: 2, asOf: '2026-12-03' });
    }
  });
});

describe('pending payouts', () => {
  it('only a pending row with a count is a payout still to come', () => {
    const pending = (rows: Rollup[]) =>
      projectionOf(sources({ rollups: rows })).flows.filter((f) => f.kind === 'pending');
    expect(pending([row('salary')])).toHaveLength(1);
    expect(pending([row('salary', { status: 'received' })])).toEqual([]);
    expect(pending([row('salary', { count: 0 })])).toEqual([]);
    expect(projectionOf(sources({ rollups: [row('salary')] })).unconverted).toEqual([]);
  });

  it('the pending rows of one stream add up', () => {
    const r = projectionOf(
      sources({
        streams: [gig],
        rollups: [row('gig'), row('gig', { key: 'gig|2026-10|PHP|pending', month: '2026-10' })],
      }),
    );
    expect(r.undated).toEqual([{ name: 'Gig', baseMinor: 80_000 }]);
  });

  it('a payout no rate converts is named with the currency of its pending row, not of a received one or one that no longer counts', () => {
    const r = projectionOf(
      sources({
        streams: [gig],
        rollups: [
          row('gig', { status: 'received', currency: 'USD', missingRateCount: 1, baseMinor: 0 }),
          row('gig', {
            currency: 'JPY',
            key: 'gig|2026-10|JPY|pending',
            month: '2026-10',
            count: 0,
            missingRateCount: 1,
            baseMinor: 0,
          }),
          row('gig', { currency: 'PHP', key: 'gig|2026-11|PHP|pending' }),
          row('gig', {
            currency: 'EUR',
            key: 'gig|2026-11|EUR|pending',
            missingRateCount: 1,
            baseMinor: 0,
          }),
        ],
      }),
    );
    expect(r.unconverted).toEqual([{ name: 'Gig', currency: 'EUR' }]);
  });

  it('a payout no rate converts is named with its own currency, and has no day and no amount', () => {
    const r = projectionOf(
      sources({
        streams: [gig],
        rollups: [row('gig', { currency: 'USD', baseMinor: 0, missingRateCount: 1 })],
      }),
    );
    expect(r.unconverted).toEqual([{ name: 'Gig', currency: 'USD' }]);
    expect(r.undated).toEqual([]);
    expect(r.flows.filter((f) => f.kind === 'pending')).toEqual([]);
  });
});

describe('what no rate converts', () => {
  it('is named once per source and currency, however often it falls in the window', () => {
    const school = makePlan({
      id: 'school',
      name: 'School',
      amountMinor: 50_000,
      currency: 'USD',
      cadence: 'weekly',
      dueOn: '2026-12-07',
    });
    const fees = { ...school, id: 'fees', name: 'Fees' };
    const r = projectionOf(sources({ plans: [school, rent, fees] }));
    expect([...r.unconverted].sort((a, b) => (a.name < b.name ? -1 : 1))).toEqual([
      { name: 'Fees', currency: 'USD' },
      { name: 'School', currency: 'USD' },
    ]);
  });

  it('a stream estimated in a currency no rate converts is named, and spreads nothing', () => {
    const r = projectionOf(sources({ streams: [{ ...gig, currency: 'USD' }], plans: [] }));
    expect(r.unconverted).toEqual([{ name: 'Gig', currency: 'USD' }]);
    expect(r.flows).toEqual([]);
  });
});
