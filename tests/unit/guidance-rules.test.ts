// Issue 28: rules of guidance.ts that the mutation rounds found unstated: the small functions
// (round amounts, the place to update, the next step, the day to log a month) and which actions
// `guidanceOf` offers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDashboard, type DashboardInput } from '../../src/lib/domain/dashboard';
import {
  dateToLog,
  guidanceBasics,
  guidanceOf,
  nextStepOf,
  placeToUpdate,
  roundAmount,
} from '../../src/lib/domain/guidance';
import type { Entry, Place, Rollup, Stream } from '../../src/lib/domain/model';
import type { PlaceBalance } from '../../src/lib/domain/savings';
import { householdInput } from './reference-households';
import { makeEntry, makePlan, makeSaving, makeStream } from './analytics-fixtures';

describe('a round amount to save', () => {
  // From ten major units up (below, the step is one major unit).
  it('keeps two significant figures of the major unit, up when asked so a target is still reached', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_000, max: 1e13 }), fc.boolean(), (minor, up) => {
        const got = roundAmount(minor, 'PHP', up);
        if (up) expect(got).toBeGreaterThanOrEqual(minor);
        expect(Math.abs(got - minor) / minor).toBeLessThanOrEqual(up ? 0.1 + 1e-9 : 0.05 + 1e-9);
        expect(got % 100).toBe(0);
        expect(String(got / 100).replace(/0+$/, '').length).toBeLessThanOrEqual(2);
      }),
      { numRuns: 300 },
    );
  });

  it('nothing or less is nothing; anything above is at least one major unit', () => {
    expect(roundAmount(0, 'PHP', true)).toBe(0);
    expect(roundAmount(-500, 'PHP', true)).toBe(0);
    expect(roundAmount(1, 'PHP', true)).toBe(100);
    expect(roundAmount(1, 'PHP', false)).toBe(100);
    expect(roundAmount(7, 'VND', false)).toBe(7);
    expect(roundAmount(1_250, 'PHP', false)).toBe(1_300);
    expect(roundAmount(1_249, 'PHP', false)).toBe(1_200);
    expect(roundAmount(1_201, 'PHP', true)).toBe(1_300);
    expect(roundAmount(1_200, 'PHP', true)).toBe(1_200);
  });
});

describe('the place to update', () => {
  const place = (id: string): Place => ({ id }) as unknown as Place;
  const row = (id: string, baseMinor: number | null): PlaceBalance => ({
    place: place(id),
    balances: [],
    baseMinor,
    missingRate: baseMinor === null,
  });

  it('is the place holding most, leaving out places without a rate; the first on a tie', () => {
    expect(placeToUpdate([row('a', 100), row('b', 500), row('c', null), row('d', 300)])!.id).toBe(
      'b',
    );
    expect(placeToUpdate([row('a', 500), row('b', 500)])!.id).toBe('a');
    expect(placeToUpdate([row('a', null), row('b', 0)])!.id).toBe('b');
  });

  it('is the first place when none has a known balance, and none without places', () => {
    expect(placeToUpdate([row('a', null), row('b', null)])!.id).toBe('a');
    expect(placeToUpdate([])).toBeNull();
  });
});

describe('the next step of a household', () => {
  const s1 = makeStream({ id: 's1', kind: 'formal' });
  const s2 = makeStream({ id: 's2', kind: 'informal' });
  const rows = (streamId: string, months: string[], count = 1): Rollup[] =>
    months.map((month) => ({ streamId, month, count }) as unknown as Rollup);

  it('rows of deleted streams or with no entry left do not count as logged income', () => {
    const gone = { ...s2, deletedAt: '2025-07-01T00:00:00.000Z' };
    expect(nextStepOf([s1, gone], rows('s2', ['2025-05']), '2025-07-10')).toEqual({
      stage: 'log-first',
      streamId: 's1',
    });
    // A deleted stream is never the one to log on, even if it was added first.
    expect(nextStepOf([gone, s1], [], '2025-07-10')).toEqual({
      stage: 'log-first',
      streamId: 's1',
    });
    expect(nextStepOf([s1], rows('s1', ['2025-05'], 0), '2025-07-10')).toEqual({
      stage: 'log-first',
      streamId: 's1',
    });
  });

  it('an archived stream’s income still counts, but it is not the one to log on', () => {
    const old = { ...s1, archived: true };
    expect(nextStepOf([old, s2], rows('s1', ['2025-05']), '2025-07-10')).toEqual({
      stage: 'score',
    });
    expect(nextStepOf([old, s2], [], '2025-07-10')).toEqual({ stage: 'log-first', streamId: 's2' });
  });

  it('income only in the month in progress waits for the month to end', () => {
    expect(nextStepOf([s1], rows('s1', ['2025-07']), '2025-07-31')).toEqual({
      stage: 'wait',
      inProgress: '2025-07',
      countsFrom: '2025-08-01',
      lastMonth: '2025-06',
      streamId: 's1',
    });
  });
});

describe('the day to log a month', () => {
  it('is the month’s last day', () => {
    expect(dateToLog('2024-02')).toBe('2024-02-29');
    expect(dateToLog('2025-02')).toBe('2025-02-28');
    expect(dateToLog('2025-12')).toBe('2025-12-31');
  });
});

describe('the actions offered', () => {
  // Every household here: today 2025-07-10, so June is the last complete month and the six
  // months January–June are the window.
  const TODAY = '2025-07-10';
  const MONTHS = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'];
  const monthly = (s: Stream, amount: (k: number) => number): Entry[] =>
    MONTHS.map((m, k) => makeEntry(s, `${m}-15`, amount(k)));
  const input = (parts: Omit<Parameters<typeof householdInput>[0], 'baseCurrency' | 'today'>) =>
    householdInput({ ...parts, baseCurrency: 'IDR', today: TODAY });
  const guide = (i: DashboardInput) => guidanceOf(i, computeDashboard(i));
  const salary = makeStream({ id: 'salary', kind: 'formal' });
  const four = [0, 1, 2, 3].map((i) => makeStream({ id: `f${i}`, kind: 'formal' }));
  const rent = makePlan({ amountMinor: 100_000_000 });

  it('a household with no score yet has no band and is offered nothing', () => {
    // A stream started in January with no income logged, no plans, no savings: no component known.
    const idle = makeStream({ id: 'idle', kind: 'informal', startedOn: '2025-01-01' });
    const i = input({ streams: [idle], entries: [] });
    const dash = computeDashboard(i);
    expect(dash.resilience.score).toBeNull();
    expect(guidanceOf(i, dash)).toMatchObject({ score: null, band: null, actions: [] });
    expect(guidanceBasics(TODAY, dash).band).toBeNull();
  });

  it('lists what completes only the parts that are unknown', () => {
    // One salary, no plans: diversification and stability known, coverage and buffer need E.
    const g = guide(input({ streams: [salary], entries: monthly(salary, () => 500_000_000) }));
    expect(Object.keys(g.unknown).sort()).toEqual(['buffer', 'coverage']);
    expect(g.unknown.coverage?.reason).toBe('needs-essentials');
  });

  it('without essential plans, asks for them first', () => {
    const g = guide(input({ streams: [salary], entries: monthly(salary, () => 500_000_000) }));
    expect(g.score).not.toBeNull();
    expect(g.actions[0]).toEqual({ kind: 'essentials', points: null });
  });

  it('suggests no amount to save while the savings have no rate (the amount would be a guess)', () => {
    const g = guide(
      input({
        streams: [salary],
        entries: monthly(salary, () => 500_000_000),
        plans: [makePlan({ amountMinor: 300_000_000 })],
        savings: [makeSaving('2025-03-01', 10_000, { currency: 'USD' })],
      }),
    );
    expect(g.unknown.buffer?.reason).toBe('needs-rate');
    expect(g.actions.map((a) => a.kind)).toEqual(['source']);
  });

  it('offers nothing that would not raise the score as shown (a rounded point)', () => {
    // Four equal steady salaries (D = 1, S = 1, C = 1) and savings of 2.97 months (B = 0.99):
    // raw 99.75, shown 100; saving the rest shows 100 again.
    const equal = four.flatMap((s) => monthly(s, () => 100_000_000));
    const save = guide(
      input({
        streams: four,
        entries: equal,
        plans: [rent],
        savings: [makeSaving('2025-03-01', 297_000_000)],
      }),
    );
    expect(save.score).toBe(100);
    expect(save.actions).toEqual([]);
    // One salary 10% smaller: D = 0.9974, raw 99.93, shown 100; a new source shows 100 again.
    const unequal = four.flatMap((s, i) => monthly(s, () => (i === 3 ? 90_000_000 : 100_000_000)));
    const source = guide(
      input({
        streams: four,
        entries: unequal,
        plans: [rent],
        savings: [makeSaving('2025-03-01', 300_000_000)],
      }),
    );
    expect(source.score).toBe(100);
    expect(source.actions).toEqual([]);
  });

  it('suggests a new source only while diversification is short of full', () => {
    // Four equal shares (D = 1), but each swings between 100 and 200 a month (S < 1): a steady
    // new source would raise stability, yet diversification is what it is offered for.
    const swinging = four.flatMap((s) => monthly(s, (k) => (k % 2 ? 200_000_000 : 100_000_000)));
    const i = input({
      streams: four,
      entries: swinging,
      plans: [rent],
      savings: [makeSaving('2025-03-01', 300_000_000)],
    });
    const dash = computeDashboard(i);
    expect(dash.resilience.components.diversification.value).toBe(1);
    expect(dash.resilience.components.stability.value).toBeLessThan(1);
    const g = guidanceOf(i, dash);
    expect(g.actions).toEqual([]);
  });

  it('counts as sources only the streams with income in the window', () => {
    const idle = makeStream({ id: 'idle', kind: 'informal' });
    const g = guide(
      input({
        streams: [salary, idle],
        entries: monthly(salary, () => 500_000_000),
        plans: [makePlan({ amountMinor: 300_000_000 })],
        savings: [makeSaving('2025-03-01', 900_000_000)],
      }),
    );
    expect(g.actions).toEqual([
      { kind: 'source', points: 4, monthlyMinor: 130_000_000, sources: 1, months: 6 },
    ]);
  });
});

describe('the months of history to log', () => {
  // Today 2025-07-10: June is the last complete month; a warung logged in May and June.
  const TODAY = '2025-07-10';
  const warung = makeStream({ id: 'warung', kind: 'informal' });
  const guide = (streams: Stream[], entries: Entry[]) => {
    const i = householdInput({ streams, entries, baseCurrency: 'IDR', today: TODAY });
    return guidanceOf(i, computeDashboard(i));
  };
  const historyOf = (g: ReturnType<typeof guide>) => g.actions.find((a) => a.kind === 'history');

  it('are asked of a stream that had started by the last day of the month to log', () => {
    const entries = (s: Stream) => [
      makeEntry(s, '2025-05-15', 200_000_000),
      makeEntry(s, '2025-06-15', 300_000_000),
    ];
    const onTheLastDay = { ...warung, startedOn: '2025-04-30' };
    expect(historyOf(guide([onTheLastDay], entries(onTheLastDay)))).toMatchObject({
      months: ['2025-04'],
      byStream: [{ streamId: 'warung', amountMinor: 250_000_000 }],
    });
    const nextDay = { ...warung, startedOn: '2025-05-01' };
    expect(historyOf(guide([nextDay], entries(nextDay)))).toBeUndefined();
  });

  it('are not asked while a month of the window lacks a rate (that month is what is missing)', () => {
    // May counted, June's income in dollars with no rate: one month counted, one left out.
    const g = guide(
      [warung],
      [
        makeEntry(warung, '2025-05-15', 200_000_000),
        makeEntry(warung, '2025-06-15', 10_000, { currency: 'USD' }),
      ],
    );
    expect(g.unknown.stability?.reason).toBe('needs-history');
    expect(historyOf(g)).toBeUndefined();
  });
});
