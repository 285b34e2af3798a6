// Issue 28: rules of guidance.ts's small functions (round amounts, the place to update, the next
// step, the day to log a month) that the mutation round found unstated.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateToLog, nextStepOf, placeToUpdate, roundAmount } from '../../src/lib/domain/guidance';
import type { Place, Rollup } from '../../src/lib/domain/model';
import type { PlaceBalance } from '../../src/lib/domain/savings';
import { makeStream } from './analytics-fixtures';

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
  const row = (id: string, baseMinor: number | null): PlaceBalance =>
    ({
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
