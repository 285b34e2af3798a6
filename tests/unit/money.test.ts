import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnyamError } from '../../src/lib/domain/model';
import {
  parseDecimal,
  currencyExponent,
  decimalStringToMinor,
  formatMoney,
  isCurrencyCode,
  isValidRateValue,
  MAX_MINOR,
  minorToDecimalString,
  parseMoney,
} from '../../src/lib/domain/money';
import {
  convertMinor,
  rateInForce,
  toBaseMinor,
  type RateLike,
} from '../../src/lib/domain/money-math';

const LOCALES = ['id-ID', 'fil-PH', 'vi-VN', 'en-PH'] as const;
const CURRENCIES = ['IDR', 'PHP', 'VND', 'USD'] as const;

/** Intl output may hold NBSP or narrow NBSP; compare with plain spaces. */
const plain = (s: string): string => s.replace(/[\u00A0\u202F]/g, ' ');

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof AnyamError) return e.code;
    throw e;
  }
  return 'no error';
}

describe('currencies', () => {
  it.each([
    ['IDR', 2],
    ['PHP', 2],
    ['VND', 0],
    ['USD', 2],
    ['JPY', 0],
    ['KWD', 3],
  ])('%s has exponent %i', (code, exponent) => {
    expect(currencyExponent(code)).toBe(exponent);
    expect(isCurrencyCode(code)).toBe(true);
  });

  it.each(['usd', 'US', 'USDX', '', '12A', 'R$ '])('rejects %j', (code) => {
    expect(isCurrencyCode(code)).toBe(false);
    expect(codeOf(() => currencyExponent(code))).toBe('money/unknown-currency');
    expect(codeOf(() => parseMoney('1', code, 'en'))).toBe('money/unknown-currency');
  });
});

describe('parseMoney', () => {
  // [locale, currency, input, minor units]
  const accepted: [string, string, string, number][] = [
    // id-ID: '.' groups, ',' is the decimal mark
    ['id-ID', 'IDR', 'Rp 50.000', 5_000_000],
    ['id-ID', 'IDR', 'Rp50.000', 5_000_000],
    ['id-ID', 'IDR', 'Rp. 1.000', 100_000],
    ['id-ID', 'IDR', 'IDR 7.500', 750_000],
    ['id-ID', 'IDR', '1.234.567', 123_456_700],
    ['id-ID', 'IDR', '1.234.567,5', 123_456_750],
    ['id-ID', 'IDR', '1234567', 123_456_700],
    ['id-ID', 'IDR', '50,000', 5_000_000], // one separator + 3 digits in a ','-decimal locale
    ['id-ID', 'IDR', '12,5', 1_250],
    ['id-ID', 'IDR', '+10.000', 1_000_000],
    ['id-ID', 'IDR', '\u00A0Rp\u202F50.000\u00A0', 5_000_000],
    ['id-ID', 'PHP', 'PHP 1.500,50', 150_050],
    ['id-ID', 'PHP', '₱1.500', 150_000],
    ['id-ID', 'PHP', '12.5', 1_250], // keypads often offer only '.'
    ['id-ID', 'VND', '50.000', 50_000],
    ['id-ID', 'VND', '50.000,00', 50_000], // zero decimals of VND are tolerated
    ['id-ID', 'USD', 'US$12,50', 1_250],
    ['id-ID', 'USD', '$1.234,56', 123_456],
    ['id-ID', 'USD', '1,234.56', 123_456], // typed en-style: last separator is the decimal
    // vi-VN: like id-ID, symbol after the number
    ['vi-VN', 'VND', '50.000 ₫', 50_000],
    ['vi-VN', 'VND', '50.000đ', 50_000],
    ['vi-VN', 'VND', '1.234.567', 1_234_567],
    ['vi-VN', 'VND', '50000', 50_000],
    ['vi-VN', 'VND', 'VND 20.000', 20_000],
    ['vi-VN', 'IDR', '50.000 IDR', 5_000_000],
    ['vi-VN', 'PHP', '1.500,25 PHP', 150_025],
    ['vi-VN', 'USD', '12,50 US$', 1_250],
    // en-PH and fil-PH: ',' groups, '.' is the decimal mark
    ['en-PH', 'PHP', '₱1,500', 150_000],
    ['en-PH', 'PHP', '1,234,567.50', 123_456_750],
    ['en-PH', 'PHP', 'PHP 99.99', 9_999],
    ['en-PH', 'PHP', '1234567', 123_456_700],
    ['en-PH', 'USD', '$12.50', 1_250],
    ['en-PH', 'USD', 'USD 12.50', 1_250],
    ['en-PH', 'USD', '.5', 50],
    ['en-PH', 'IDR', 'IDR 50,000', 5_000_000],
    ['en-PH', 'IDR', 'Rp50,000', 5_000_000],
    ['en-PH', 'VND', '₫50,000', 50_000],
    ['en-PH', 'VND', '50,000.00', 50_000],
    ['fil-PH', 'PHP', '₱ 2,000.75', 200_075],
    ['fil-PH', 'PHP', '+₱10', 1_000],
    ['fil-PH', 'USD', '$0.99', 99],
    ['fil-PH', 'IDR', '1,000,000', 100_000_000],
    ['fil-PH', 'VND', '25,000', 25_000],
    // the limit itself is allowed
    ['en-PH', 'USD', '10000000000000', MAX_MINOR],
    ['vi-VN', 'VND', '1000000000000000', MAX_MINOR],
  ];
  it.each(accepted)('%s %s %j -> %i', (locale, currency, input, minor) => {
    expect(parseMoney(input, currency, locale)).toBe(minor);
  });

  // [locale, currency, input, code]
  const rejected: [string, string, string, string][] = [
    ['id-ID', 'IDR', '1.000,123', 'money/invalid'], // three decimals
    ['id-ID', 'IDR', '₱1.000', 'money/invalid'], // another currency's sign
    ['id-ID', 'IDR', '1,234,567.50.1', 'money/invalid'],
    ['id-ID', 'IDR', '5Rp000', 'money/invalid'],
    ['id-ID', 'VND', '50.000,5', 'money/invalid'], // VND has no minor unit
    ['vi-VN', 'VND', '1.000,000', 'money/invalid'], // three zero decimals are not tolerated
    ['vi-VN', 'VND', '12,5 ₫', 'money/invalid'],
    ['en-PH', 'PHP', '1.500', 'money/invalid'], // 1.5 or 1500? refuse to guess
    ['en-PH', 'PHP', '12,5', 'money/invalid'], // malformed grouping
    ['en-PH', 'PHP', '1,23,456', 'money/invalid'],
    ['en-PH', 'PHP', '1234,567', 'money/invalid'],
    ['en-PH', 'USD', '12.345', 'money/invalid'],
    ['en-PH', 'VND', '1.000', 'money/invalid'],
    ['fil-PH', 'PHP', '₱', 'money/invalid'],
    ['fil-PH', 'PHP', '1 000 PHP PHP', 'money/invalid'],
    ['en-PH', 'USD', '10000000000000.01', 'money/too-large'],
    ['id-ID', 'IDR', 'Rp -5.000', 'money/negative'],
    ['en-PH', 'PHP', '−5', 'money/negative'], // U+2212 minus
    // A minus before zero is refused like any minus: −0 is never stored (issue 24).
    ['id-ID', 'IDR', 'Rp -0', 'money/negative'],
    ['en-PH', 'PHP', '-0.00', 'money/negative'],
    ['vi-VN', 'VND', '−0', 'money/negative'],
  ];
  it.each(rejected)('%s %s %j -> %s', (locale, currency, input, code) => {
    expect(codeOf(() => parseMoney(input, currency, locale))).toBe(code);
  });

  const everywhere: [string, string][] = [
    ['', 'money/invalid'],
    ['   ', 'money/invalid'],
    ['abc', 'money/invalid'],
    ['NaN', 'money/invalid'],
    ['Infinity', 'money/invalid'],
    ['-Infinity', 'money/invalid'],
    ['1e5', 'money/invalid'],
    ['0x10', 'money/invalid'],
    ['1.2.3,4,5', 'money/invalid'],
    ['1,,000', 'money/invalid'],
    ['--5', 'money/invalid'],
    ['5-', 'money/invalid'],
    ['-5', 'money/negative'],
    ['+-5', 'money/invalid'],
    ['99999999999999999', 'money/too-large'],
  ];
  for (const locale of LOCALES) {
    for (const currency of CURRENCIES) {
      it.each(everywhere)(`${locale} ${currency} %j -> %s`, (input, code) => {
        expect(codeOf(() => parseMoney(input, currency, locale))).toBe(code);
      });
    }
  }

  it('round-trips formatted amounts in every locale', () => {
    for (const locale of LOCALES) {
      for (const currency of CURRENCIES) {
        // IDR is shown without sen, so only whole rupiah survive the trip.
        const step = currency === 'IDR' ? 100 : 1;
        fc.assert(
          fc.property(fc.integer({ min: 0, max: MAX_MINOR / step }), (n) => {
            const minor = n * step;
            expect(parseMoney(formatMoney(minor, currency, locale), currency, locale)).toBe(minor);
          }),
          { numRuns: 200 },
        );
      }
    }
  });
});

describe('formatMoney', () => {
  // 123456789 minor units in each locale; IDR and VND are shown without decimals.
  const table: [string, string, string][] = [
    ['id-ID', 'IDR', 'Rp 1.234.568'],
    ['id-ID', 'PHP', 'PHP 1.234.567,89'],
    ['id-ID', 'VND', '₫123.456.789'],
    ['id-ID', 'USD', 'US$1.234.567,89'],
    ['vi-VN', 'IDR', '1.234.568 IDR'],
    ['vi-VN', 'PHP', '1.234.567,89 PHP'],
    ['vi-VN', 'VND', '123.456.789 ₫'],
    ['vi-VN', 'USD', '1.234.567,89 US$'],
    ['en-PH', 'IDR', 'IDR 1,234,568'],
    ['en-PH', 'PHP', '₱1,234,567.89'],
    ['en-PH', 'VND', '₫123,456,789'],
    ['en-PH', 'USD', '$1,234,567.89'],
    ['fil-PH', 'IDR', 'IDR 1,234,568'],
    ['fil-PH', 'PHP', '₱1,234,567.89'],
    ['fil-PH', 'VND', '₫123,456,789'],
    ['fil-PH', 'USD', '$1,234,567.89'],
  ];
  it.each(table)('%s %s -> %s', (locale, currency, expected) => {
    expect(plain(formatMoney(123_456_789, currency, locale))).toBe(expected);
  });

  it('shows IDR and VND without decimals, others with their exponent', () => {
    expect(plain(formatMoney(5_000_000, 'IDR', 'id-ID'))).toBe('Rp 50.000');
    expect(plain(formatMoney(50_000, 'VND', 'vi-VN'))).toBe('50.000 ₫');
    expect(plain(formatMoney(100, 'PHP', 'en-PH'))).toBe('₱1.00');
    expect(plain(formatMoney(5, 'USD', 'en-PH'))).toBe('$0.05');
  });

  it('keeps every digit of large amounts', () => {
    expect(formatMoney(MAX_MINOR, 'USD', 'en-PH')).toBe('$10,000,000,000,000.00');
    expect(formatMoney(999_999_999_999_999, 'USD', 'en-PH')).toBe('$9,999,999,999,999.99');
    expect(plain(formatMoney(MAX_MINOR, 'VND', 'vi-VN'))).toBe('1.000.000.000.000.000 ₫');
  });

  it('supports sign display and compact notation', () => {
    expect(formatMoney(100, 'PHP', 'en-PH', { signDisplay: 'always' })).toBe('+₱1.00');
    expect(formatMoney(0, 'PHP', 'en-PH', { signDisplay: 'exceptZero' })).toBe('₱0.00');
    expect(formatMoney(-100, 'PHP', 'en-PH')).toBe('-₱1.00');
    expect(formatMoney(123_456_789, 'PHP', 'en-PH', { compact: true })).toBe('₱1.2M');
    expect(plain(formatMoney(123_456_789, 'IDR', 'id-ID', { compact: true }))).toBe('Rp 1,2 jt');
  });

  it('rejects amounts that are not safe integers', () => {
    expect(codeOf(() => formatMoney(1.5, 'USD', 'en'))).toBe('money/invalid');
    expect(codeOf(() => formatMoney(Number.NaN, 'USD', 'en'))).toBe('money/invalid');
    expect(codeOf(() => formatMoney(1, 'XX', 'en'))).toBe('money/unknown-currency');
  });
});

describe('decimal strings', () => {
  it.each([
    [123_450, 'USD', '1234.50'],
    [5, 'USD', '0.05'],
    [-5, 'PHP', '-0.05'],
    [0, 'IDR', '0.00'],
    [50_000, 'VND', '50000'],
    [-50_000, 'VND', '-50000'],
    [MAX_MINOR, 'IDR', '10000000000000.00'],
  ])('%i %s <-> %s', (minor, currency, text) => {
    expect(minorToDecimalString(minor, currency)).toBe(text);
    expect(decimalStringToMinor(text, currency)).toBe(minor);
  });

  it('accepts fewer decimals than the exponent', () => {
    expect(decimalStringToMinor('1234.5', 'USD')).toBe(123_450);
    expect(decimalStringToMinor('7', 'PHP')).toBe(700);
    expect(Object.is(decimalStringToMinor('-0', 'USD'), 0)).toBe(true);
  });

  it.each([
    ['1234.567', 'USD', 'money/invalid'],
    ['50000.0', 'VND', 'money/invalid'],
    ['1,000', 'USD', 'money/invalid'],
    ['1e5', 'USD', 'money/invalid'],
    ['', 'USD', 'money/invalid'],
    [' 1', 'USD', 'money/invalid'],
    ['+1', 'USD', 'money/invalid'],
    ['.5', 'USD', 'money/invalid'],
    ['10000000000000.01', 'USD', 'money/too-large'],
    ['-10000000000000.01', 'USD', 'money/too-large'],
  ])('%j %s -> %s', (text, currency, code) => {
    expect(codeOf(() => decimalStringToMinor(text, currency))).toBe(code);
  });

  it('round-trips every amount', () => {
    for (const currency of CURRENCIES) {
      fc.assert(
        fc.property(fc.integer({ min: -MAX_MINOR, max: MAX_MINOR }), (n) => {
          expect(decimalStringToMinor(minorToDecimalString(n, currency), currency)).toBe(n);
        }),
      );
    }
  });
});

describe('rates', () => {
  it.each([
    ['16250.5', true],
    ['0.000039370079', true],
    ['1', true],
    ['007', true],
    ['0', false],
    ['0.000', false],
    ['-1', false],
    ['1e3', false],
    ['1,5', false],
    ['', false],
    ['.5', false],
    ['1.', false],
    ['0.0000000000001', false], // 13 decimals
    [' 1', false],
  ])('isValidRateValue(%j) = %s', (value, ok) => {
    expect(isValidRateValue(value)).toBe(ok);
  });

  const rates: (RateLike & { id: string; deletedAt?: string | null })[] = [
    { id: 'b', currency: 'USD', date: '2026-07-01', value: '16500.5' },
    { id: 'p', currency: 'PHP', date: '2026-01-01', value: '280' },
    { id: 'a', currency: 'USD', date: '2026-01-01', value: '16000' },
    {
      id: 'x',
      currency: 'USD',
      date: '2026-09-01',
      value: '99999',
      deletedAt: '2026-09-02T00:00:00.000Z',
    },
    { id: 'c1', currency: 'USD', date: '2026-10-01', value: '17000' },
    { id: 'c2', currency: 'USD', date: '2026-10-01', value: '17100' },
  ];

  it('finds the latest rate on or before the date, in unsorted input', () => {
    expect(rateInForce(rates, 'USD', '2025-12-31')).toBeNull();
    expect(rateInForce(rates, 'USD', '2026-01-01')?.id).toBe('a');
    expect(rateInForce(rates, 'USD', '2026-06-30')?.id).toBe('a');
    expect(rateInForce(rates, 'USD', '2026-07-01')?.id).toBe('b');
    expect(rateInForce(rates, 'USD', '2026-09-15')?.id).toBe('b'); // deleted rate skipped
    expect(rateInForce(rates, 'USD', '2026-12-31')?.id).toBe('c2'); // same date: last wins
    expect(rateInForce(rates, 'VND', '2026-12-31')).toBeNull();
  });

  it('converts to the base currency with the rate in force on the date', () => {
    // $10.00 -> IDR: 10 x 16000 = 160,000 rupiah; after the mid-year change 10 x 16500.5
    expect(toBaseMinor(1_000, 'USD', 'IDR', '2026-03-15', rates)).toBe(16_000_000);
    expect(toBaseMinor(1_000, 'USD', 'IDR', '2026-07-01', rates)).toBe(16_500_500);
    expect(toBaseMinor(123, 'IDR', 'IDR', '1999-01-01', [])).toBe(123);
  });

  it('reports a missing rate rather than counting zero', () => {
    const error = (() => {
      try {
        toBaseMinor(1_000, 'USD', 'IDR', '2025-12-31', rates);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AnyamError);
    expect((error as AnyamError).code).toBe('rate/missing');
    expect((error as AnyamError).details).toEqual({ currency: 'USD', date: '2025-12-31' });
    expect(codeOf(() => toBaseMinor(1, 'VND', 'IDR', '2026-05-01', rates))).toBe('rate/missing');
  });

  it.each([
    // amount, from, to, rate, expected
    [1_000, 'USD', 'IDR', '16250.5', 16_250_500], // exponent 2 -> 2
    [1, 'USD', 'VND', '25400', 254], // exponent 2 -> 0
    [1_234, 'USD', 'VND', '25400', 313_436],
    [25_000, 'VND', 'USD', '0.0000394', 99], // 98.5 cents rounds up
    [100, 'IDR', 'VND', '1.5631', 2],
    [5, 'USD', 'USD', '0.1', 1], // 0.5 -> 1
    [-5, 'USD', 'USD', '0.1', -1], // -0.5 -> -1: half away from zero
    [15, 'USD', 'USD', '0.1', 2],
    [-15, 'USD', 'USD', '0.1', -2],
    [14, 'USD', 'USD', '0.1', 1],
    [-14, 'USD', 'USD', '0.1', -1],
    [4, 'USD', 'USD', '0.1', 0],
    [-4, 'USD', 'USD', '0.1', 0],
    [0, 'USD', 'IDR', '16000', 0],
    // large amounts keep every digit (a float product would not)
    [999_999_999_999_999, 'VND', 'USD', '0.000039370079', 3_937_007_900_000],
    [-999_999_999_999_999, 'VND', 'USD', '0.000039370079', -3_937_007_900_000],
    [123_456_789_012_345, 'PHP', 'PHP', '1.000000000001', 123_456_789_012_468],
    [99_999_999_999, 'USD', 'PHP', '9999.99', 999_998_999_990_000],
  ])('convertMinor(%i %s -> %s at %s) = %i', (amount, from, to, rate, expected) => {
    const result = convertMinor(amount, from, to, rate);
    expect(result).toBe(expected);
    expect(Object.is(result, -0)).toBe(false);
  });

  it('rejects bad input and results beyond the limit', () => {
    expect(codeOf(() => convertMinor(1, 'USD', 'IDR', '0'))).toBe('rate/invalid-value');
    expect(codeOf(() => convertMinor(1, 'USD', 'IDR', 'abc'))).toBe('rate/invalid-value');
    expect(codeOf(() => convertMinor(1.5, 'USD', 'IDR', '1'))).toBe('money/invalid');
    expect(codeOf(() => convertMinor(1, 'XX', 'IDR', '1'))).toBe('money/unknown-currency');
    expect(codeOf(() => convertMinor(MAX_MINOR, 'USD', 'IDR', '16250'))).toBe('money/too-large');
  });
});

describe('parseDecimal (exchange rates as typed)', () => {
  it.each([
    ['16.250,5', 'id-ID', '16250.5'],
    ['16250,5', 'vi-VN', '16250.5'],
    ['16,250.5', 'en-PH', '16250.5'],
    ['16,250', 'en-PH', '16250'],
    ['16.250', 'id-ID', '16250'],
    ['0.0000623', 'en-PH', '0.0000623'],
    ['56.10', 'fil-PH', '56.1'],
  ])('reads %s in %s as %s', (input, locale, expected) => {
    expect(parseDecimal(input, locale)).toBe(expected);
  });

  it.each(['', 'abc', '1.2.3,4,5', '-5'])('rejects %j', (input) => {
    expect(() => parseDecimal(input, 'en-PH')).toThrow(
      expect.objectContaining({ code: 'money/invalid' }),
    );
  });
});
