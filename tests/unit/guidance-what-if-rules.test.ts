// Issue 28: the rules of guidance-what-if.ts (the household's inputs with one change, which
// guidance scores its actions with) that the mutation round found unstated.
import { describe, expect, it } from 'vitest';
import type { DashboardInput } from '../../src/lib/domain/dashboard';
import { withLoggedMonths, withSavings, withSource } from '../../src/lib/domain/guidance-what-if';
import { rollupKey } from '../../src/lib/domain/rollup';
import { savingsAtMonthEnds } from '../../src/lib/domain/savings';
import { makeSaving, makeStream } from './analytics-fixtures';

const TODAY = '2026-12-05';
const salary = makeStream({ id: 'salary', kind: 'formal', memberId: 'ana', currency: 'PHP' });
const stall = makeStream({ id: 'stall', kind: 'informal', memberId: 'ben', currency: 'PHP' });
const input: DashboardInput = {
  rollups: [],
  streams: [salary, stall],
  plans: [],
  savings: [
    makeSaving('2026-10-01', 900_000, { placeId: 'bank', currency: 'PHP' }),
    // A balance already dated today, recorded later than the one above.
    makeSaving(TODAY, 400_000, {
      placeId: 'cash',
      currency: 'PHP',
      updatedAt: '2026-12-05T08:00:00.000Z',
    }),
  ],
  rates: [],
  training: [],
  baseCurrency: 'PHP',
  today: TODAY,
};

describe('the savings of a what-if', () => {
  it('from today the household holds exactly the amount, in one new place; every real place is zero', () => {
    const what = withSavings(input, 2_500_000);
    const [now] = savingsAtMonthEnds(what.savings, ['2026-12'], 'PHP', []);
    expect(now!.amountMinor).toBe(2_500_000);
    expect(now!.places).toBe(3);
    const added = what.savings.slice(input.savings.length);
    expect(added.map((s) => [s.placeId, s.amountMinor, s.date, s.currency])).toEqual([
      ['bank', 0, TODAY, 'PHP'],
      ['cash', 0, TODAY, 'PHP'],
      ['what-if-place', 2_500_000, TODAY, 'PHP'],
    ]);
    expect(new Set(added.map((s) => s.id)).size).toBe(3);
    for (const s of added) expect(s).toMatchObject({ deletedAt: null, isSample: false, note: '' });
    // The months before today keep their real balances.
    const [before] = savingsAtMonthEnds(what.savings, ['2026-11'], 'PHP', []);
    expect(before!.amountMinor).toBe(900_000);
    expect(what.streams).toBe(input.streams);
  });
});

describe('a new regular source', () => {
  it('is a live informal stream of the member in the base currency, paying the amount monthly', () => {
    const what = withSource(input, 300_000, ['2026-10', '2026-11'], 'ben');
    expect(what.streams.slice(0, 2)).toEqual(input.streams);
    const added = what.streams[2]!;
    expect(added).toMatchObject({
      memberId: 'ben',
      kind: 'informal',
      currency: 'PHP',
      deletedAt: null,
      archived: false,
      startedOn: null,
      endedOn: null,
      expected: { amountMinor: 300_000, cadence: 'monthly' },
    });
    expect(what.rollups).toEqual(
      ['2026-10', '2026-11'].map((month) => ({
        key: rollupKey(added.id, month, 'PHP', 'received'),
        streamId: added.id,
        memberId: 'ben',
        month,
        currency: 'PHP',
        status: 'received',
        amountMinor: 300_000,
        baseMinor: 300_000,
        missingRateCount: 0,
        paidMinutes: 0,
        unpaidMinutes: 0,
        count: 1,
      })),
    );
  });
});

describe('earlier months logged', () => {
  it('adds one received row per month and stream, under the stream’s own member', () => {
    const what = withLoggedMonths(
      input,
      ['2026-08', '2026-09'],
      [
        { streamId: 'salary', amountMinor: 1_000 },
        { streamId: 'stall', amountMinor: 20 },
      ],
    );
    expect(
      what.rollups.map((r) => [r.key, r.memberId, r.baseMinor, r.count, r.missingRateCount]),
    ).toEqual([
      [rollupKey('salary', '2026-08', 'PHP', 'received'), 'ana', 1_000, 1, 0],
      [rollupKey('stall', '2026-08', 'PHP', 'received'), 'ben', 20, 1, 0],
      [rollupKey('salary', '2026-09', 'PHP', 'received'), 'ana', 1_000, 1, 0],
      [rollupKey('stall', '2026-09', 'PHP', 'received'), 'ben', 20, 1, 0],
    ]);
    expect(what.streams).toBe(input.streams);
  });
});
