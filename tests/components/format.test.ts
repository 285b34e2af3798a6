// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { money } from '../../src/lib/state/format.svelte';

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
