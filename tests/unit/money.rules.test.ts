/**
 * Rules of money.ts that the mutation run (docs/testing.md, "Mutation testing") found no test
 * stating. Each test names the rule; money.test.ts holds the tables of accepted and refused input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnyamError } from '../../src/lib/domain/model';
import {
  checkRateValue,
  currencyExponent,
  decimalStringToMinor,
  formatMoney,
  isCurrencyCode,
  parseDecimal,
  parseMoney,
} from '../../src/lib/domain/money';
import { convertMinor } from '../../src/lib/domain/money-math';

describe('locales', () => {
  it('a locale the phone does not know formats and parses as English', () => {
    expect(formatMoney(123_456, 'USD', 'zz')).toBe('$1,234.56');
    expect(parseMoney('1,234.56', 'USD', 'zz')).toBe(123_456);
  });

  it('a locale tag that cannot be read at all formats and parses as English', () => {
    expect(formatMoney(123_456, 'USD', '12')).toBe('$1,234.56');
    expect(parseMoney('1,234.56', 'USD', '12')).toBe(123_456);
  });

  it("a locale's own grouping character (de-CH's apostrophe) groups thousands", () => {
    expect(parseMoney("1'234.50", 'CHF', 'de-CH')).toBe(123_450);
    expect(parseDecimal("16'250.5", 'de-CH')).toBe('16250.5');
  });

  it("a locale's own decimal and grouping signs (Arabic ٫ and ٬) are read as '.' and ','", () => {
    expect(parseDecimal('16٬250٫5', 'ar-EG')).toBe('16250.5');
    expect(parseMoney('1٬234٫50', 'USD', 'ar-EG')).toBe(123_450);
  });
  it("where the decimal mark reads as '.' (en-PH, Arabic ٫), '1.500' is refused rather than read as thousands", () => {
    expect(errorOf(() => parseMoney('1.500', 'USD', 'ar-EG')).code).toBe('money/invalid');
    expect(errorOf(() => parseMoney('1.500', 'USD', 'en-PH')).code).toBe('money/invalid');
    expect(parseMoney('1.500', 'USD', 'id-ID')).toBe(150_000);
  });

  it('a rate typed without its leading zero is stored with one', () => {
    expect(parseDecimal(',5', 'id-ID')).toBe('0.5');
    expect(parseDecimal('.0625', 'en-PH')).toBe('0.0625');
    expect(parseDecimal('007.50', 'en-PH')).toBe('7.5');
  });
});

describe('currency codes', () => {
  it('a currency code is a string: a value that merely prints as one is refused', () => {
    const notAString = ['USD'] as unknown as string;
    expect(isCurrencyCode(notAString)).toBe(false);
    expect(() => currencyExponent(notAString)).toThrow(
      expect.objectContaining({ code: 'money/unknown-currency' }),
    );
  });
});

/** The error `fn` throws, or a failure when it throws none. */
function errorOf(fn: () => unknown): AnyamError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AnyamError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('thousands groups', () => {
  it("a locale's own grouping character still groups in threes (Walser writes 1'234,5)", () => {
    expect(parseMoney("1'234,50", 'CHF', 'wae')).toBe(123_450);
    expect(errorOf(() => parseMoney("12'34,5", 'CHF', 'wae')).code).toBe('money/invalid');
  });

  it('every group after the first has exactly three digits, with or without decimals', () => {
    const group = fc.oneof(
      fc.stringMatching(/^\d{3}$/),
      fc.stringMatching(/^\d{1,2}$|^\d{4,5}$/).map((g) => ({ bad: g })),
    );
    fc.assert(
      fc.property(
        fc.stringMatching(/^[1-9]\d{0,2}$/),
        fc.array(group, { minLength: 2, maxLength: 3 }),
        fc.boolean(),
        (head, groups, withCents) => {
          const text = [head, ...groups.map((g) => (typeof g === 'string' ? g : g.bad))].join(',');
          const input = withCents ? `${text}.50` : text;
          const wellFormed = groups.every((g) => typeof g === 'string');
          if (wellFormed) {
            const digits = text.replaceAll(',', '');
            expect(parseMoney(input, 'PHP', 'en-PH')).toBe(
              Number(digits) * 100 + (withCents ? 50 : 0),
            );
          } else {
            expect(errorOf(() => parseMoney(input, 'PHP', 'en-PH')).code).toBe('money/invalid');
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(errorOf(() => parseMoney('12,34.50', 'PHP', 'en-PH')).code).toBe('money/invalid');
    expect(errorOf(() => parseMoney('1.23,5', 'IDR', 'id-ID')).code).toBe('money/invalid');
  });
});

describe('what a refusal carries', () => {
  it('a refused amount names what was typed (the form shows the code, a log the input)', () => {
    expect(errorOf(() => parseMoney('abc', 'USD', 'en-PH')).details).toEqual({ input: 'abc' });
    expect(errorOf(() => parseMoney('-5', 'USD', 'en-PH')).details).toEqual({ input: '-5' });
    expect(errorOf(() => parseMoney('99999999999999999', 'USD', 'en-PH')).details).toEqual({
      input: '99999999999999999',
    });
    expect(errorOf(() => decimalStringToMinor('10000000000000.01', 'USD')).details).toEqual({
      input: '10000000000000.01',
    });
    expect(errorOf(() => currencyExponent('usd')).details).toEqual({ currency: 'usd' });
  });

  it('too many decimals says which currency and how many decimals it takes (the form shows both)', () => {
    expect(errorOf(() => parseMoney('1,5', 'IDR', 'id-ID', { decimals: 0 })).details).toEqual({
      input: '1,5',
      currency: 'IDR',
      decimals: 0,
    });
    expect(errorOf(() => parseMoney('1.234', 'USD', 'en-PH', { decimals: 2 }))).toMatchObject({
      code: 'money/too-many-decimals',
      details: { input: '1.234', currency: 'USD', decimals: 2 },
    });
  });

  it('a refused rate names the rate, and a conversion too large names what was converted', () => {
    expect(errorOf(() => checkRateValue('abc')).details).toEqual({ value: 'abc' });
    expect(errorOf(() => checkRateValue('100000001')).details).toEqual({ value: '100000001' });
    expect(errorOf(() => checkRateValue('0.00000001')).details).toEqual({ value: '0.00000001' });
    expect(errorOf(() => convertMinor(1, 'USD', 'IDR', 'x')).details).toEqual({ value: 'x' });
    expect(errorOf(() => convertMinor(1e15, 'USD', 'IDR', '16250')).details).toEqual({
      amountMinor: 1e15,
      fromCurrency: 'USD',
      toCurrency: 'IDR',
    });
  });
});
