import { isMainThread } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addDaysIso,
  compareIso,
  daysBetweenIso,
  fromLocalDate,
  isoDateToUtcMs,
  isValidIsoDate,
  todayIso,
  toLocalDate,
} from '../../src/lib/domain/dates';
import { AnyamError } from '../../src/lib/domain/model';

describe('isValidIsoDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2026-02-28', true],
    ['2000-02-29', true], // divisible by 400
    ['1900-01-01', true],
    ['2999-12-31', true],
    ['2026-02-30', false],
    ['2025-02-29', false],
    ['1900-02-29', false], // divisible by 100, not 400
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['1899-12-31', false],
    ['3000-01-01', false],
    ['2026-1-5', false],
    ['2026/01/05', false],
    ['2026-01-05T00:00', false],
    [' 2026-01-05', false],
    ['', false],
    ['２０２６-01-05', false], // full-width digits
  ])('%j -> %s', (s, ok) => {
    expect(isValidIsoDate(s)).toBe(ok);
  });
});

describe('todayIso', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    // Assigning undefined would store the string 'undefined'.
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  // A worker thread (Stryker's runner) cannot change its time zone: process.env.TZ is its own copy.
  it.skipIf(!isMainThread)('uses the local calendar date, not the UTC one', () => {
    process.env.TZ = 'Asia/Jakarta'; // UTC+7
    // 18:30 UTC on the 4th is 01:30 on the 5th in Jakarta.
    expect(todayIso(new Date('2026-01-04T18:30:00.000Z'))).toBe('2026-01-05');
    process.env.TZ = 'America/Los_Angeles';
    expect(todayIso(new Date('2026-01-04T03:00:00.000Z'))).toBe('2026-01-03');
  });

  it('defaults to now and returns a valid date', () => {
    expect(isValidIsoDate(todayIso())).toBe(true);
  });
});

describe('arithmetic', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-01-31', 0, '2026-01-31'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2026-03-29', 1, '2026-03-30'], // a DST change in Europe does not matter
  ])('addDaysIso(%s, %i) = %s', (date, days, expected) => {
    expect(addDaysIso(date, days)).toBe(expected);
  });

  it('rejects invalid input with date/invalid', () => {
    expect(() => addDaysIso('2026-02-30', 1)).toThrow(AnyamError);
    expect(() => addDaysIso('2026-02-01', 1.5)).toThrow(/date\/invalid/);
    expect(() => isoDateToUtcMs('nope')).toThrow(/date\/invalid/);
  });

  it('compares and measures dates', () => {
    expect(['2026-03-01', '2025-12-31', '2026-01-15'].sort(compareIso)).toEqual([
      '2025-12-31',
      '2026-01-15',
      '2026-03-01',
    ]);
    expect(compareIso('2026-01-01', '2026-01-01')).toBe(0);
    expect(daysBetweenIso('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetweenIso('2026-03-10', '2026-03-01')).toBe(-9);
    expect(isoDateToUtcMs('1970-01-02')).toBe(86_400_000);
  });
});

describe('the rules of a date (mutation testing, docs/testing.md)', () => {
  it('a value that is not text is no date, even one that reads as a date', () => {
    for (const value of [['2025-01-01'], new Date('2025-01-01'), 20250101, null, undefined, {}]) {
      expect(isValidIsoDate(value)).toBe(false);
    }
    expect(isValidIsoDate({ toString: () => '2025-01-01' })).toBe(false);
  });

  it('each refusal says date/invalid and names what it refused', () => {
    const refusal = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return { code: (error as AnyamError).code, details: (error as AnyamError).details };
      }
      throw new Error('not refused');
    };
    expect(refusal(() => toLocalDate('2026-02-30'))).toEqual({
      code: 'date/invalid',
      details: { date: '2026-02-30' },
    });
    expect(refusal(() => isoDateToUtcMs('nope'))).toEqual({
      code: 'date/invalid',
      details: { date: 'nope' },
    });
    expect(refusal(() => addDaysIso('2026-02-01', 1.5))).toEqual({
      code: 'date/invalid',
      details: { date: '2026-02-01', days: 1.5 },
    });
    // A Date outside 1900–2999, or an Invalid Date, names no day Anyam stores.
    expect(refusal(() => fromLocalDate(new Date(1899, 11, 31)))).toEqual({
      code: 'date/invalid',
      details: { date: '1899-12-31' },
    });
    expect(refusal(() => fromLocalDate(new Date(3000, 0, 1)))).toMatchObject({
      code: 'date/invalid',
    });
    expect(refusal(() => fromLocalDate(new Date(Number.NaN)))).toMatchObject({
      code: 'date/invalid',
    });
    expect(fromLocalDate(new Date(1900, 0, 1))).toBe('1900-01-01');
  });

  it('a later date compares after an earlier one, whichever comes first', () => {
    expect(compareIso('2026-02-01', '2026-01-31')).toBe(1);
    expect(compareIso('2026-01-31', '2026-02-01')).toBe(-1);
  });
});
