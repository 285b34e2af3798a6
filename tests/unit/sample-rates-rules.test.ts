/**
 * The sample's exchange rates (issue 28, seventh round). A rate is written as a person writes it:
 * whole units from 100, at most two decimals from 1, four significant digits below 1, no
 * trailing zeros and never an exponent; and the sample carries one rate per needed currency and
 * date in the household's base currency, none for the base itself, none for a base outside its
 * table.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidRateValue } from '../../src/lib/domain/money';
import { sampleRates, sensibleRate } from '../../src/lib/domain/sample-rates';

const PLAIN = /^\d+(\.\d*[1-9])?$/;
const DATES = ['2025-05-01', '2025-11-01', '2026-06-01'];

describe('a rate is written as a person would write it', () => {
  it('from 100: whole units, off by at most a half', () => {
    fc.assert(
      fc.property(fc.double({ min: 100, max: 1e9, noNaN: true }), (value) => {
        const text = sensibleRate(value);
        expect(text).toMatch(/^\d+$/);
        expect(Math.abs(Number(text) - value)).toBeLessThanOrEqual(0.5);
      }),
      { numRuns: 300 },
    );
  });

  it('from 1 to 100: at most two decimals, off by at most half a hundredth', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 99.99, noNaN: true }), (value) => {
        const text = sensibleRate(value);
        expect(text).toMatch(PLAIN);
        expect(text.split('.')[1]?.length ?? 0).toBeLessThanOrEqual(2);
        expect(Math.abs(Number(text) - value)).toBeLessThanOrEqual(0.005 + 1e-12);
      }),
      { numRuns: 300 },
    );
  });

  it('below 1: four significant digits, at least two decimals’ worth, no exponent', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 0.9999, noNaN: true }), (value) => {
        const text = sensibleRate(value);
        expect(text).toMatch(PLAIN);
        expect(isValidRateValue(text)).toBe(true);
        expect(Math.abs(Number(text) - value) / value).toBeLessThanOrEqual(5e-4 + 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('drops trailing zeros and a bare decimal point, never the zeros of a whole number', () => {
    expect(sensibleRate(58.3)).toBe('58.3');
    expect(sensibleRate(2)).toBe('2');
    expect(sensibleRate(99.999)).toBe('100');
    expect(sensibleRate(100)).toBe('100');
    expect(sensibleRate(16_400)).toBe('16400');
    expect(sensibleRate(0.5)).toBe('0.5');
    expect(sensibleRate(0.06)).toBe('0.06');
    expect(sensibleRate(0.99999)).toBe('1');
  });
});

describe('the rates the sample carries', () => {
  it('one per needed currency and date, in the base currency, none for the base itself', () => {
    expect(sampleRates('IDR', ['IDR', 'USD'], DATES)).toEqual([
      { currency: 'USD', date: DATES[0], value: '15850' },
      { currency: 'USD', date: DATES[1], value: '16240' },
      { currency: 'USD', date: DATES[2], value: '16410' },
    ]);
    expect(sampleRates('PHP', ['PHP', 'USD'], DATES).map((r) => r.value)).toEqual([
      '56.4',
      '57.85',
      '58.3',
    ]);
    expect(sampleRates('USD', ['VND', 'USD'], DATES).map((r) => [r.currency, r.value])).toEqual([
      ['VND', '0.00004024'],
      ['VND', '0.00003935'],
      ['VND', '0.00003828'],
    ]);
  });

  it('between two currencies of its table, the rate is the cross of their dollar rates', () => {
    const cur = fc.constantFrom('IDR', 'PHP', 'VND', 'USD');
    fc.assert(
      fc.property(cur, cur, (base, other) => {
        fc.pre(base !== other);
        const rates = sampleRates(base, [other], DATES);
        expect(rates.map((r) => r.date)).toEqual(DATES);
        const viaUsd = sampleRates(base, ['USD'], DATES);
        const otherInUsd = sampleRates('USD', [other], DATES);
        rates.forEach((r, i) => {
          const usd = base === 'USD' ? 1 : Number(viaUsd[i]!.value);
          const inUsd = other === 'USD' ? 1 : Number(otherInUsd[i]!.value);
          expect(Math.abs(Number(r.value) - inUsd * usd) / Number(r.value)).toBeLessThan(0.01);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('a base outside its table gets no rates: the months stay flagged until the person adds them', () => {
    expect(sampleRates('EUR', ['IDR', 'USD'], DATES)).toEqual([]);
    expect(sampleRates('IDR', [], DATES)).toEqual([]);
    expect(sampleRates('IDR', ['IDR'], DATES)).toEqual([]);
  });
});
