// Issue 28: the rules of outlier.ts (an amount far from what a stream usually pays) that the
// mutation round found unstated.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { outlierFrom, roundedFactor, type Outlier } from '../../src/lib/domain/outlier';

const usual = (amountMinor: number) => ({ amountMinor, basis: 'recent' as const });

describe('far from usual', () => {
  it('exactly ten times or a tenth is still usual; beyond either way asks', () => {
    expect(outlierFrom(1_000, usual(100))).toBeNull();
    expect(outlierFrom(10, usual(100))).toBeNull();
    expect(outlierFrom(1_001, usual(100))).toEqual({
      usualMinor: 100,
      ratio: 10.01,
      direction: 'over',
    });
    expect(outlierFrom(9, usual(100))).toEqual({
      usualMinor: 100,
      ratio: 0.09,
      direction: 'under',
    });
    expect(outlierFrom(0, usual(100))).toEqual({ usualMinor: 100, ratio: 0, direction: 'under' });
  });

  it('nothing usual, a usual of nothing or a negative amount never asks', () => {
    expect(outlierFrom(1_000_000, null)).toBeNull();
    expect(outlierFrom(1_000_000, usual(0))).toBeNull();
    expect(outlierFrom(1_000_000, usual(-5))).toBeNull();
    expect(outlierFrom(-1, usual(100))).toBeNull();
  });
});

describe('the factor as people say it', () => {
  const over = (ratio: number): Outlier => ({ usualMinor: 1, ratio, direction: 'over' });
  const under = (ratio: number): Outlier => ({ usualMinor: 1, ratio, direction: 'under' });

  it('two significant figures, never below 2, the same either way', () => {
    expect(roundedFactor(over(9.6))).toBe(10);
    expect(roundedFactor(over(11.2))).toBe(11);
    expect(roundedFactor(over(155))).toBe(160);
    expect(roundedFactor(over(1_337))).toBe(1_300);
    expect(roundedFactor(over(1.2))).toBe(2);
    expect(roundedFactor(under(1 / 40))).toBe(40);
    expect(roundedFactor(under(1 / 1_337))).toBe(1_300);
    fc.assert(
      fc.property(fc.double({ min: 10.0001, max: 1e9, noNaN: true }), (ratio) => {
        const f = roundedFactor(over(ratio));
        expect(roundedFactor(under(1 / ratio))).toBeCloseTo(f, 6);
        // Within 5% of the ratio (two significant figures) and no more figures than two.
        expect(Math.abs(f - ratio) / ratio).toBeLessThanOrEqual(0.05 + 1e-9);
        const digits = String(Math.round(f)).replace(/0+$/, '');
        expect(digits.length).toBeLessThanOrEqual(2);
      }),
      { numRuns: 300 },
    );
  });

  it('an amount of nothing is infinitely far below usual', () => {
    expect(roundedFactor(under(0))).toBe(Infinity);
  });
});
