// Issue 28 (mutation round): the unit constructors (units.ts) refuse a value with the error a
// person or a log reads, naming the value that was refused.
import { describe, expect, it } from 'vitest';
import { AnyamError } from '../../src/lib/domain/model';
import { currencyCode, isoDate, minor, monthKey } from '../../src/lib/domain/units';

const refusal = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return {
      code: (e as AnyamError).code,
      details: (e as AnyamError).details,
      anyam: e instanceof AnyamError,
    };
  }
  return null;
};

describe('a value that is not of its unit is refused, naming it', () => {
  it('a date', () => {
    expect(refusal(() => isoDate('2025-02-29'))).toEqual({
      code: 'date/invalid',
      details: { date: '2025-02-29' },
      anyam: true,
    });
    expect(refusal(() => isoDate('2024-02-29'))).toBeNull();
  });

  it('a month', () => {
    expect(refusal(() => monthKey('2025-13'))).toEqual({
      code: 'date/invalid',
      details: { month: '2025-13' },
      anyam: true,
    });
    expect(refusal(() => monthKey('2025-01'))).toBeNull();
  });

  it('a currency', () => {
    expect(refusal(() => currencyCode('idr'))).toEqual({
      code: 'money/unknown-currency',
      details: { currency: 'idr' },
      anyam: true,
    });
    expect(refusal(() => currencyCode('IDR'))).toBeNull();
  });

  it('an amount in minor units', () => {
    expect(refusal(() => minor(0.5))).toEqual({
      code: 'money/invalid',
      details: { input: 0.5 },
      anyam: true,
    });
    expect(refusal(() => minor(-0))).toBeNull();
  });
});
