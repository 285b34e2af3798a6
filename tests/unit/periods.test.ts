import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths, monthOf } from '../../src/lib/domain/months';
import {
  clipFrom,
  completeMonth,
  completeMonths,
  inPeriod,
  monthSoFar,
  periodHasMonth,
  periodLabel,
  sinceMonth,
} from '../../src/lib/domain/periods';
import { isValidIsoDate } from '../../src/lib/domain/dates';
import { EDGE_DAYS, todayArb } from '../factories/today';

describe('periods', () => {
  it('this month so far runs from the 1st to today and is never complete', () => {
    expect(monthSoFar('2026-12-04')).toEqual({
      kind: 'month-so-far',
      months: ['2026-12'],
      from: '2026-12-01',
      to: '2026-12-04',
      complete: false,
    });
    expect(periodLabel(monthSoFar('2027-01-01'))).toEqual({ kind: 'so-far', month: '2027-01' });
  });

  it('the last complete month is the one before today, across a year and on 29 February', () => {
    expect(completeMonth('2027-01-01').months).toEqual(['2026-12']);
    expect(completeMonth('2027-01-01').to).toBe('2026-12-31');
    expect(completeMonth('2028-03-01').to).toBe('2028-02-29');
    expect(completeMonth('2028-02-29').to).toBe('2028-01-31');
    expect(() => completeMonth('2026-12-04', '2026-12')).toThrow(RangeError);
  });

  it('the last 3 complete months end before today and are labelled as a range', () => {
    const p = completeMonths('2027-01-01');
    expect(p.months).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(p.from).toBe('2026-10-01');
    expect(p.to).toBe('2026-12-31');
    expect(periodLabel(p)).toEqual({
      kind: 'range',
      from: '2026-10',
      to: '2026-12',
      toSoFar: false,
    });
    expect(completeMonths('2026-12-04', 3, '2026-06').months).toEqual([
      '2026-04',
      '2026-05',
      '2026-06',
    ]);
    expect(() => completeMonths('2026-12-04', 0)).toThrow(RangeError);
  });

  it("a plan's period starts at its first due month and is null before it", () => {
    expect(sinceMonth('2026-12', '2026-11-30')).toBeNull();
    expect(sinceMonth('2026-12', '2026-12-01')?.months).toEqual(['2026-12']);
    const recent = completeMonths('2026-12-04');
    expect(clipFrom(recent, '2026-12')).toBeNull();
    expect(clipFrom(recent, '2026-10')?.months).toEqual(['2026-10', '2026-11']);
    expect(clipFrom(recent, '2026-10')?.from).toBe('2026-10-01');
  });

  it('on any day, the complete periods end before today and so-far contains today', () => {
    fc.assert(
      fc.property(todayArb, fc.integer({ min: 1, max: 24 }), (today, count) => {
        const soFar = monthSoFar(today);
        expect(inPeriod(soFar, today)).toBe(true);
        const last = completeMonth(today);
        expect(last.to < today).toBe(true);
        expect(isValidIsoDate(last.to)).toBe(true);
        const recent = completeMonths(today, count);
        expect(recent.months).toHaveLength(count);
        expect(recent.months.at(-1)).toBe(addMonths(monthOf(today), -1));
        expect(recent.to).toBe(last.to);
        expect(inPeriod(recent, today)).toBe(false);
      }),
      { numRuns: 300, examples: EDGE_DAYS.map((d) => [d, 3] as [string, number]) },
    );
  });

  it('each period says which kind it is', () => {
    expect(monthSoFar('2026-12-04').kind).toBe('month-so-far');
    expect(completeMonth('2026-12-04').kind).toBe('complete-month');
    expect(completeMonths('2026-12-04').kind).toBe('complete-months');
    expect(sinceMonth('2026-10', '2026-12-04')?.kind).toBe('since');
  });

  it("a plan's period runs to today, so it is never complete", () => {
    const since = sinceMonth('2026-10', '2026-12-04');
    expect(since).toEqual({
      kind: 'since',
      months: ['2026-10', '2026-11', '2026-12'],
      from: '2026-10-01',
      to: '2026-12-04',
      complete: false,
    });
    expect(periodLabel(since!)).toEqual({
      kind: 'range',
      from: '2026-10',
      to: '2026-12',
      toSoFar: true,
    });
  });

  it('a month not yet ended is refused as the end of complete months, and the refusal names it', () => {
    expect(() => completeMonths('2026-12-04', 3, '2026-12')).toThrow(
      new RangeError('2026-12 has not ended on 2026-12-04'),
    );
    expect(() => completeMonths('2026-12-04', 3, '2027-01')).toThrow(RangeError);
    expect(completeMonths('2026-12-04', 3, '2026-11').months).toEqual([
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    expect(() => completeMonth('2026-12-04', '2026-12')).toThrow(
      new RangeError('2026-12 has not ended on 2026-12-04'),
    );
    expect(() => completeMonths('2026-12-04', 1.5)).toThrow(new RangeError('count 1.5'));
  });

  it('one complete month is labelled as that month, not as so far', () => {
    expect(periodLabel(completeMonth('2026-12-04'))).toEqual({ kind: 'month', month: '2026-11' });
    expect(periodLabel(completeMonths('2026-12-04', 1))).toEqual({
      kind: 'month',
      month: '2026-11',
    });
  });

  it("a month is one of the period's exactly when the period lists it", () => {
    fc.assert(
      fc.property(
        todayArb,
        fc.integer({ min: 1, max: 24 }),
        fc.integer({ min: -30, max: 3 }),
        (today, count, shift) => {
          const p = completeMonths(today, count);
          const month = addMonths(monthOf(today), shift);
          expect(periodHasMonth(p, month)).toBe(shift <= -1 && shift >= -count);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('clipping at or before the first month leaves the period as it was', () => {
    const recent = completeMonths('2026-12-04');
    expect(clipFrom(recent, '2026-09')).toEqual(recent);
    expect(clipFrom(recent, '2026-11')).toEqual({
      ...recent,
      months: ['2026-11'],
      from: '2026-11-01',
    });
  });
});
