/**
 * Type-level test of the units (model.ts, units.ts): `npm run check` (svelte-check, which reads
 * tests/ through tsconfig.json) fails when one unit passes for another, because each line marked
 * `@ts-expect-error` must be an error. The runtime part checks the constructors.
 */
import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../../src/lib/domain/dates';
import type { CurrencyCode, IsoDate, MinorUnits, MonthKey } from '../../src/lib/domain/model';
import { addMonths, firstDayOf, monthOf } from '../../src/lib/domain/months';
import { addMinor } from '../../src/lib/domain/money-math';
import { currencyCode, isoDate, minor, monthKey } from '../../src/lib/domain/units';

const month: MonthKey = monthKey('2026-03');
const date: IsoDate = isoDate('2026-03-14');
const idr: CurrencyCode = currencyCode('IDR');
const amount: MinorUnits = minor(150_000);

function typeChecks(): void {
  // @ts-expect-error a month key is not a date
  addDaysIso(month, 1);
  // @ts-expect-error a date is not a month key
  addMonths(date, 1);
  // @ts-expect-error a month key is not a date, even assigned
  const asDate: IsoDate = month;
  // @ts-expect-error a currency code is not a date
  monthOf(idr);
  // @ts-expect-error a date is not a currency code
  const asCurrency: CurrencyCode = date;
  // @ts-expect-error a month key is not a currency code
  currencyCode(month) satisfies MonthKey;
  // @ts-expect-error minor units are not a month
  firstDayOf(amount);
  // The right units fit.
  addDaysIso(date, 1);
  addMonths(month, 1);
  addMinor(amount, amount);
  void [asDate, asCurrency];
}

describe('unit constructors', () => {
  it('keep the type checks above compiled (and harmless)', () => {
    expect(typeof typeChecks).toBe('function');
  });

  it('check their value and say what is wrong', () => {
    expect(isoDate('2024-02-29')).toBe('2024-02-29');
    expect(() => isoDate('2025-02-29')).toThrow('date/invalid');
    expect(() => isoDate('2025-03')).toThrow('date/invalid');
    expect(monthKey('2025-12')).toBe('2025-12');
    expect(() => monthKey('2025-13')).toThrow('date/invalid');
    expect(() => monthKey('2025-03-01')).toThrow('date/invalid');
    expect(currencyCode('VND')).toBe('VND');
    expect(() => currencyCode('idr')).toThrow('money/unknown-currency');
    expect(minor(-250)).toBe(-250);
    expect(() => minor(1.5)).toThrow('money/invalid');
    expect(() => minor(2 ** 53)).toThrow('money/invalid');
  });

  it('keeps arithmetic on minor units whole', () => {
    expect(addMinor(minor(1), minor(2))).toBe(3);
    expect(() => addMinor(minor(Number.MAX_SAFE_INTEGER), minor(1))).toThrow('money/invalid');
  });
});
