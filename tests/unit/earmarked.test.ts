import { describe, expect, it } from 'vitest';
import {
  coverageWords,
  earmarkedNowAndLast,
  earmarkedOfMonth,
  earmarkedOfPeriod,
  MAX_SHOWN_TIMES,
} from '../../src/lib/domain/earmarked';
import type { Rollup, Stream } from '../../src/lib/domain/model';
import { completeMonth } from '../../src/lib/domain/periods';
import { makePlan, makeStream } from './analytics-fixtures';

/* Earmarked coverage (domain/earmarked.ts): what counts as a month's funding income, and its words. */
describe('coverage in words: the edges', () => {
  it('says "times" from exactly twice the cost, a percentage just below it', () => {
    expect(coverageWords(2)).toEqual({ kind: 'times', times: 2 });
    expect(coverageWords(1.999)).toEqual({ kind: 'percent', ratio: 1.999 });
  });

  it('says "more than 10 times" only past 10', () => {
    expect(coverageWords(MAX_SHOWN_TIMES)).toEqual({ kind: 'times', times: 10 });
    expect(coverageWords(10.001)).toEqual({ kind: 'more-than', times: 10 });
  });
});

const task = makeStream({ id: 'task', kind: 'microtask', currency: 'PHP' });
const gig = makeStream({ id: 'gig', kind: 'informal', currency: 'PHP' });
const job = makeStream({ id: 'job', kind: 'formal', currency: 'PHP' });
const gone: Stream = {
  ...makeStream({ id: 'gone', kind: 'microtask', currency: 'PHP' }),
  deletedAt: '2025-01-01T00:00:00.000Z',
};

function rollup(
  stream: Stream,
  month: string,
  baseMinor: number,
  over: Partial<Rollup> = {},
): Rollup {
  const status = over.status ?? 'received';
  return {
    key: `${stream.id}|${month}|PHP|${status}`,
    streamId: stream.id,
    memberId: stream.memberId,
    month,
    currency: 'PHP',
    status,
    amountMinor: baseMinor,
    baseMinor,
    missingRateCount: 0,
    paidMinutes: 0,
    unpaidMinutes: 0,
    count: 1,
    ...over,
  };
}

const dataPlan = makePlan({
  id: 'data',
  currency: 'PHP',
  amountMinor: 10_000,
  fundedBy: ['microtask', 'informal'],
  dueOn: '2025-01-05',
});

describe("a month's funding income, from rollups", () => {
  const coverage = (rollups: Rollup[], streams: Stream[] = [task, gig, job, gone]) =>
    earmarkedOfMonth({
      rollups,
      streams,
      plans: [dataPlan],
      rates: [],
      baseCurrency: 'PHP',
      month: '2025-05',
    })[0]!;

  it('adds the received income of the funding kinds in the month, and nothing else', () => {
    const c = coverage([
      rollup(task, '2025-05', 7_000),
      rollup(gig, '2025-05', 3_000),
      rollup(job, '2025-05', 50_000), // a kind the plan is not funded by
      rollup(task, '2025-04', 9_000), // another month
      rollup(task, '2025-05', 4_000, { status: 'pending' }), // not received
      rollup(gone, '2025-05', 8_000), // a deleted stream
      rollup(makeStream({ id: 'unknown', kind: 'microtask' }), '2025-05', 6_000), // no such stream
    ]);
    expect(c.incomeMinor).toBe(10_000);
    expect(c.costMinor).toBe(10_000);
    expect(c.ratio).toBe(1);
    expect(c.incomeIncomplete).toBe(false);
  });

  it('leaves out a row whose entries were all deleted (count 0)', () => {
    expect(
      coverage([rollup(task, '2025-05', 5_000, { count: 0 }), rollup(gig, '2025-05', 2_500)])
        .incomeMinor,
    ).toBe(2_500);
  });

  it('says the income is incomplete when an entry of a funding kind had no rate', () => {
    const c = coverage([rollup(task, '2025-05', 5_000, { missingRateCount: 1 })]);
    expect(c.incomeIncomplete).toBe(true);
    expect(
      coverage([rollup(job, '2025-05', 5_000, { missingRateCount: 2 })]).incomeIncomplete,
    ).toBe(false);
  });
});

describe('coverage of this month so far and of the last complete month', () => {
  const later = makePlan({
    id: 'later',
    currency: 'PHP',
    amountMinor: 1_000,
    fundedBy: ['microtask'],
    dueOn: '2025-06-10',
  });

  it('names each period and counts the income of its own month', () => {
    const { soFar, last } = earmarkedNowAndLast({
      rollups: [rollup(task, '2025-06', 20_000), rollup(task, '2025-05', 5_000)],
      streams: [task],
      plans: [dataPlan, later],
      rates: [],
      baseCurrency: 'PHP',
      today: '2025-06-12',
    });
    expect(soFar.period).toMatchObject({
      kind: 'month-so-far',
      months: ['2025-06'],
      to: '2025-06-12',
    });
    expect(last.period).toMatchObject({ kind: 'complete-month', months: ['2025-05'] });
    // June: both plans are due, one group per set of funding kinds.
    expect(soFar.groups.map((g) => g.incomeMinor)).toEqual([20_000, 20_000]);
    expect(last.groups.map((g) => g.incomeMinor)).toEqual([5_000]);
    // The plan first due in June is judged in June, and said to start later in May.
    expect(last.notYet).toEqual([{ planId: 'later', firstDueOn: '2025-06-10' }]);
    expect(soFar.notYet).toEqual([]);
  });

  it('judges a period by its (last) month', () => {
    const period = completeMonth('2025-06-12', '2025-05');
    const r = earmarkedOfPeriod(
      period,
      [dataPlan, later],
      { byKind: { formal: 0, informal: 0, microtask: 4_000, support: 0 } },
      'PHP',
      [],
    );
    expect(r.period).toBe(period);
    expect(r.groups[0]).toMatchObject({ incomeMinor: 4_000, costMinor: 10_000, planIds: ['data'] });
    expect(r.notYet.map((n) => n.planId)).toEqual(['later']);
  });
});
