// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatMonth,
  formatNumber,
  formatPercent,
  money,
} from '../../src/lib/state/format.svelte';

describe('money on screen', () => {
  it('shows a fractional average to the nearest minor unit instead of throwing', () => {
    expect(money(123_456.6, 'USD')).toBe(money(123_457, 'USD'));
    expect(money(-0.4, 'IDR')).toBe(money(0, 'IDR'));
  });

  it('shows a dash for a figure that is not a number', () => {
    expect(money(Number.NaN, 'IDR')).toBe('—');
    expect(money(Number.POSITIVE_INFINITY, 'IDR')).toBe('—');
  });
});

describe('dates and numbers on screen', () => {
  it('formats with the current language and gives the same text on repeated calls', () => {
    expect(formatMonth('2026-03')).toBe(formatMonth('2026-03'));
    expect(formatMonth('2026-03')).toMatch(/2026/);
    expect(formatDate('2026-03-15', 'long')).toMatch(/15/);
    expect(formatPercent(0.25)).toMatch(/25/);
    expect(formatNumber(1.26)).toMatch(/1[.,]3/);
  });
});
