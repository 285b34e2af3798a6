import fc from 'fast-check';
import { getDaysInMonth } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { isValidIsoDate } from '../../src/lib/domain/dates';
import {
  addMonths,
  amountInMonth,
  daysInMonth,
  inProgressMonth,
  isMonthKey,
  lastCompleteMonth,
  lastDayOf,
  monthIndex,
  monthKeyAt,
  monthlyFactor,
  monthOf,
  monthRange,
  monthsBetween,
} from '../../src/lib/domain/months';

describe('month keys', () => {
  it('reads the month of a date', () => {
    expect(monthOf('2025-03-14')).toBe('2025-03');
    expect(isMonthKey('2025-03')).toBe(true);
    expect(isMonthKey('2025-13')).toBe(false);
  });

  it('round-trips month keys through month indexes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900 * 12, max: 2999 * 12 + 11 }), (i) => {
        expect(monthIndex(monthKeyAt(i))).toBe(i);
        expect(isMonthKey(monthKeyAt(i))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('adds months across years, both ways', () => {
    expect(addMonths('2024-11', 3)).toBe('2025-02');
    expect(addMonths('2025-01', -1)).toBe('2024-12');
    expect(addMonths('2025-01', -25)).toBe('2022-12');
    expect(monthsBetween('2024-11', '2025-02')).toBe(3);
  });

  it('lists ranges across years, empty when reversed', () => {
    expect(monthRange('2024-11', '2025-02')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthRange('2025-02', '2025-02')).toEqual(['2025-02']);
    expect(monthRange('2025-03', '2025-02')).toEqual([]);
  });

  it('knows month lengths and leap years', () => {
    expect(daysInMonth('2024-02')).toBe(29);
    expect(daysInMonth('2025-02')).toBe(28);
    expect(daysInMonth('1900-02')).toBe(28);
    expect(daysInMonth('2000-02')).toBe(29);
    expect(lastDayOf('2025-04')).toBe('2025-04-30');
    expect(lastDayOf('2025-12')).toBe('2025-12-31');
  });

  it('takes the month before today as the last complete one; today’s month is in progress', () => {
    expect(lastCompleteMonth('2025-07-10')).toBe('2025-06');
    expect(lastCompleteMonth('2025-01-01')).toBe('2024-12');
    expect(lastCompleteMonth('2025-03-31')).toBe('2025-02');
    expect(inProgressMonth('2025-01-01')).toBe('2025-01');
  });
});

describe('cadence → monthly amount', () => {
  it('converts each cadence with 52 weeks in 12 months', () => {
    expect(amountInMonth(1_200, 'monthly', '2025-01')).toBe(1_200);
    expect(amountInMonth(1_200, 'weekly', '2025-01')).toBeCloseTo((1_200 * 52) / 12, 9); // 5,200
    expect(amountInMonth(1_200, 'biweekly', '2025-01')).toBeCloseTo((1_200 * 26) / 12, 9); // 2,600
    expect(amountInMonth(1_200, 'yearly', '2025-01')).toBeCloseTo(100, 9);
    // Daily: days worked per week × 52 / 12; five days by default, six when the stream says.
    expect(amountInMonth(1_200, 'daily', '2025-01')).toBeCloseTo((1_200 * 5 * 52) / 12, 9);
    expect(amountInMonth(1_200, 'daily', '2025-01', { daysPerWeek: 6 })).toBeCloseTo(
      (1_200 * 6 * 52) / 12,
      9,
    );
    expect(monthlyFactor('weekly')).toBeCloseTo(4.333333333333, 11);
  });

  it('puts a one-off wholly in its due month, and has no rhythm for irregular income', () => {
    expect(amountInMonth(9_000, 'once', '2025-06', { dueOn: '2025-06-10' })).toBe(9_000);
    expect(amountInMonth(9_000, 'once', '2025-07', { dueOn: '2025-06-10' })).toBe(0);
    expect(amountInMonth(9_000, 'irregular', '2025-06')).toBeNull();
  });
});

describe('calendar facts agree with date-fns', () => {
  it('has the days of every month of 1900–2999 and every valid date, as date-fns counts them', () => {
    for (let year = 1900; year <= 2999; year++) {
      for (let mm = 1; mm <= 12; mm++) {
        const month = `${year}-${String(mm).padStart(2, '0')}`;
        const days = getDaysInMonth(new Date(year, mm - 1, 1));
        expect(daysInMonth(month)).toBe(days);
        expect(isValidIsoDate(`${month}-${days}`)).toBe(true);
        expect(isValidIsoDate(`${month}-${days + 1}`)).toBe(false);
      }
    }
  });
});
