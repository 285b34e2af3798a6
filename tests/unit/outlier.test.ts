import { describe, expect, it } from 'vitest';
import {
  medianMinor,
  outlierOf,
  outlierWindowStart,
  roundedFactor,
} from '../../src/lib/domain/outlier';

const on = (date: string, amountMinor: number) => ({ date, amountMinor });

describe('the usual amount of a stream', () => {
  it('is the median, so one odd payout does not move it', () => {
    expect(medianMinor([120, 100, 110_000, 130, 90])).toBe(120);
    expect(medianMinor([100, 200])).toBe(150);
  });

  it('is taken from the last 6 months ending on the entry date', () => {
    expect(outlierWindowStart('2026-11-30')).toBe('2026-05-31');
    expect(outlierWindowStart('2026-08-31')).toBe('2026-03-01'); // 28 Feb + 1 day
    expect(outlierWindowStart('2026-03-15')).toBe('2025-09-16');
  });
});

describe('the outlier rule', () => {
  const usual = [on('2026-09-03', 120), on('2026-10-03', 110), on('2026-11-03', 130)];

  it('asks about 40 times the median of the last 6 months', () => {
    const found = outlierOf(4_800, usual, '2026-11-20');
    expect(found).toEqual({ usualMinor: 120, ratio: 40, direction: 'over' });
    expect(roundedFactor(found!)).toBe(40);
  });

  it('asks about a tenth or less, and says the factor the other way', () => {
    const found = outlierOf(3, usual, '2026-11-20');
    expect(found?.direction).toBe('under');
    expect(roundedFactor(found!)).toBe(40);
  });

  it('stays quiet within 10× either way', () => {
    expect(outlierOf(1_200, usual, '2026-11-20')).toBeNull();
    expect(outlierOf(12, usual, '2026-11-20')).toBeNull();
    expect(outlierOf(120, usual, '2026-11-20')).toBeNull();
  });

  it('never warns for a stream with fewer than 3 entries in the window', () => {
    expect(outlierOf(1_000_000, usual.slice(0, 2), '2026-11-20')).toBeNull();
    expect(outlierOf(1_000_000, [], '2026-11-20')).toBeNull();
  });

  it('ignores entries older than 6 months and later than the entry', () => {
    const old = [on('2026-01-05', 100_000), on('2026-02-05', 100_000), on('2026-03-05', 100_000)];
    // Only the three old ones and one future one: nothing in the window, nothing asked.
    expect(outlierOf(120, [...old, on('2026-12-01', 5)], '2026-11-20')).toBeNull();
    // The window's own three decide, not the large old payouts.
    expect(outlierOf(4_800, [...old, ...usual], '2026-11-20')?.usualMinor).toBe(120);
  });

  it('has no scale for a stream that usually pays nothing', () => {
    expect(
      outlierOf(500, [on('2026-11-01', 0), on('2026-11-02', 0), on('2026-11-03', 0)], '2026-11-20'),
    ).toBeNull();
  });

  it('rounds the factor to two significant figures', () => {
    expect(roundedFactor({ usualMinor: 1, ratio: 41.7, direction: 'over' })).toBe(42);
    expect(roundedFactor({ usualMinor: 1, ratio: 1_337, direction: 'over' })).toBe(1_300);
    expect(roundedFactor({ usualMinor: 1, ratio: 11.2, direction: 'over' })).toBe(11);
  });
});
