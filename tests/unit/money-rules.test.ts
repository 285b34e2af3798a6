// Issue 28 (2026-12-05, seventh round): rules of money.ts lines 217–391 (parsing what is typed,
// decimal strings of files, rate values) that the mutation round found unstated. The earlier
// rounds' rules are in money.rules.test.ts and money-math-rules.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnyamError } from '../../src/lib/domain/model';
import {
  checkRateValue,
  decimalStringToMinor,
  isValidRateValue,
  parseDecimal,
  parseMoney,
} from '../../src/lib/domain/money';

function codeOf(f: () => unknown): string | null {
  try {
    f();
    return null;
  } catch (error) {
    if (error instanceof AnyamError) return error.code;
    throw error;
  }
}

describe('what a person types, as money', () => {
  it('a value that is not text is money/invalid, never a crash', () => {
    expect(codeOf(() => parseMoney(1234 as unknown as string, 'USD', 'en-PH'))).toBe(
      'money/invalid',
    );
    expect(codeOf(() => parseMoney(null as unknown as string, 'USD', 'en-PH'))).toBe(
      'money/invalid',
    );
  });

  it('fewer decimals than the currency has are zeros: 12.5 is 12.50, 12 is 12.00', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9_999_999 }),
        fc.integer({ min: 0, max: 9 }),
        (units, tenth) => {
          expect(parseMoney(`${units}`, 'USD', 'en-PH')).toBe(units * 100);
          expect(parseMoney(`${units}.${tenth}`, 'USD', 'en-PH')).toBe(units * 100 + tenth * 10);
        },
      ),
      { numRuns: 300 },
    );
    // A decimal point with nothing after it, as a phone keypad leaves it while typing.
    expect(parseMoney('5.', 'USD', 'en-PH')).toBe(500);
  });

  it('more decimals than the currency has are refused, said as such when the form asks for decimals', () => {
    expect(codeOf(() => parseMoney('12.345', 'USD', 'en-PH'))).toBe('money/invalid');
    expect(codeOf(() => parseMoney('12.3456', 'USD', 'en-PH'))).toBe('money/invalid');
    expect(codeOf(() => parseMoney('12.345', 'USD', 'en-PH', { decimals: 2 }))).toBe(
      'money/too-many-decimals',
    );
    expect(codeOf(() => parseMoney('12.5', 'IDR', 'en-PH', { decimals: 0 }))).toBe(
      'money/too-many-decimals',
    );
    // A currency without minor unit: zero decimals as on a bank statement, never a dong's half.
    expect(parseMoney('50.000,00', 'VND', 'vi-VN')).toBe(50_000);
    expect(parseMoney('50.000,0', 'VND', 'vi-VN')).toBe(50_000);
    expect(codeOf(() => parseMoney('50.000,5', 'VND', 'vi-VN'))).toBe('money/invalid');
    expect(codeOf(() => parseMoney('50.000,05', 'VND', 'vi-VN'))).toBe('money/invalid');
  });

  it("a bank statement's zero decimals are let through only where no decimals are typed", () => {
    // Typed with one decimal, a second one is too many even when it is a zero.
    expect(codeOf(() => parseMoney('12.50', 'USD', 'en-PH', { decimals: 1 }))).toBe(
      'money/too-many-decimals',
    );
    expect(parseMoney('12.5', 'USD', 'en-PH', { decimals: 1 })).toBe(1_250);
    expect(parseMoney('4.800.000,00', 'IDR', 'id-ID', { decimals: 0 })).toBe(480_000_000);
  });

  it("a currency's symbol that only the browser's locale data knows is read too", () => {
    // Anyam lists its own aliases only for IDR, PHP, VND and USD; € and £ come from Intl.
    expect(parseMoney('€5', 'EUR', 'en-PH')).toBe(500);
    expect(parseMoney('£ 12.50', 'GBP', 'en-PH')).toBe(1_250);
    expect(parseMoney('12.50 £', 'GBP', 'en-PH')).toBe(1_250);
    // A symbol with a space in it, as Intl writes the West African franc's: "F CFA".
    expect(parseMoney('5 F CFA', 'XOF', 'en-PH')).toBe(5);
    expect(parseMoney('F\u00a0CFA 5', 'XOF', 'en-PH')).toBe(5);
  });

  it('a symbol that ends with a shorter one is taken whole, after the number as before it', () => {
    // JP¥ and ¥, AU$ and $: stripping the shorter one would leave "JP" or "AU" behind.
    expect(parseMoney('5 JP¥', 'JPY', 'en-PH')).toBe(5);
    expect(parseMoney('5 AU$', 'AUD', 'en-PH')).toBe(500);
    expect(parseMoney('AU$5', 'AUD', 'en-PH')).toBe(500);
  });

  it('three different separators in one number are money/invalid', () => {
    for (const input of ['1.234,5/6', '1,234.5/6', "1'234.567,5"]) {
      expect(codeOf(() => parseMoney(input, 'USD', 'en-PH'))).toBe('money/invalid');
    }
  });

  it('a letter inside or after the number is money/invalid, not a separator', () => {
    for (const input of ['1.500x', '1,500x', '1.234x5', '12x']) {
      expect(codeOf(() => parseMoney(input, 'USD', 'en-PH'))).toBe('money/invalid');
    }
  });
});

describe('decimal strings in files', () => {
  it('a value that is not text is money/invalid, even one that reads as a number', () => {
    expect(codeOf(() => decimalStringToMinor(1234 as unknown as string, 'USD'))).toBe(
      'money/invalid',
    );
    expect(codeOf(() => decimalStringToMinor(null as unknown as string, 'USD'))).toBe(
      'money/invalid',
    );
  });
});

describe('rate values', () => {
  it('a rate is text: a number is not a valid rate value', () => {
    expect(isValidRateValue(16250 as unknown as string)).toBe(false);
    expect(isValidRateValue('16250')).toBe(true);
  });

  it('a rate of zero is no rate, however it is written', () => {
    for (const zero of ['0', '000', '0.0', '0.000000000000'])
      expect(isValidRateValue(zero)).toBe(false);
    expect(isValidRateValue('0.000000000001')).toBe(true);
  });

  it('leading zeros do not count toward the bounds', () => {
    expect(() => checkRateValue('0010000000')).not.toThrow();
    expect(() => checkRateValue('00016250.5')).not.toThrow();
    expect(codeOf(() => checkRateValue('0010000001'))).toBe('rate/too-high');
    expect(codeOf(() => checkRateValue('00.00000001'))).toBe('rate/too-low');
    expect(() => checkRateValue('00.0000001')).not.toThrow();
  });

  it('exactly 10^7 is the highest rate: zero decimals after it are fine, any other is too high', () => {
    expect(() => checkRateValue('10000000.0')).not.toThrow();
    expect(() => checkRateValue('10000000.000')).not.toThrow();
    expect(codeOf(() => checkRateValue('10000000.5'))).toBe('rate/too-high');
    expect(codeOf(() => checkRateValue('10000000.000001'))).toBe('rate/too-high');
  });
});

describe('a rate as typed', () => {
  it('spaces and invisible marks pasted along are ignored', () => {
    expect(parseDecimal('16\u00a0250.5', 'en-PH')).toBe('16250.5');
    expect(parseDecimal(' 16250 ', 'en-PH')).toBe('16250');
  });

  it('a plain number without separators is itself', () => {
    expect(parseDecimal('16250', 'en-PH')).toBe('16250');
    expect(parseDecimal('7', 'id-ID')).toBe('7');
  });

  it('only leading zeros and trailing decimal zeros are dropped', () => {
    expect(parseDecimal('1005', 'en-PH')).toBe('1005');
    expect(parseDecimal('0100.0500', 'en-PH')).toBe('100.05');
    expect(parseDecimal('1.500', 'en-PH')).toBe('1.5');
    expect(parseDecimal('2.5000', 'en-PH')).toBe('2.5');
  });

  it('a letter inside or after the number is refused', () => {
    for (const input of ['1.500x', '16,250x', '1.234x5', '5a']) {
      expect(codeOf(() => parseDecimal(input, 'en-PH'))).toBe('money/invalid');
    }
  });
});
