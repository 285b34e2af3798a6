// Issue 28: the rules of usual-amount.ts (one usual amount for quick add's chip and the
// far-from-usual warning) that the mutation round found unstated.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { medianMinor, usualAmount, usualWindowStart } from '../../src/lib/domain/usual-amount';

/** The same day 6 calendar months back, clamped to that month's length, then one day later. */
function windowStartByDate(today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const lastOfTarget = new Date(Date.UTC(y, m - 1 - 6 + 1, 0)).getUTCDate();
  const start = new Date(Date.UTC(y, m - 1 - 6, Math.min(d, lastOfTarget) + 1));
  return start.toISOString().slice(0, 10);
}

const dayArb = fc
  .date({
    min: new Date('2001-01-01T00:00:00Z'),
    max: new Date('2099-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10));

describe('the window of the usual amount', () => {
  it('starts the day after the same day six months back, clamped to that month', () => {
    fc.assert(
      fc.property(dayArb, (today) => {
        expect(usualWindowStart(today)).toBe(windowStartByDate(today));
      }),
      { numRuns: 300 },
    );
    expect(usualWindowStart('2027-01-15')).toBe('2026-07-16');
    expect(usualWindowStart('2026-06-30')).toBe('2025-12-31');
    expect(usualWindowStart('2026-07-01')).toBe('2026-01-02');
    expect(usualWindowStart('2024-08-31')).toBe('2024-03-01');
    expect(usualWindowStart('2026-12-31')).toBe('2026-07-01');
  });
});

describe('the median of amounts', () => {
  it('is the middle amount in numeric order, or the mean of the middle two rounded half up', () => {
    expect(medianMinor([100, 9, 20])).toBe(20);
    expect(medianMinor([1_000, 9, 20, 100])).toBe(60);
    expect(medianMinor([1, 2])).toBe(2);
    expect(medianMinor([7])).toBe(7);
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1e12 }), { minLength: 1, maxLength: 9 }),
        (xs) => {
          const got = medianMinor(xs);
          expect(xs.filter((x) => x < got).length).toBeLessThanOrEqual(xs.length / 2);
          expect(xs.filter((x) => x > got).length).toBeLessThanOrEqual(xs.length / 2);
          expect(Number.isInteger(got)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the usual amount', () => {
  const today = '2026-12-05';
  const at = (date: string, amountMinor: number) => ({ date, amountMinor });
  it('counts entries from the window’s first day to today, both included', () => {
    const from = usualWindowStart(today);
    expect(from).toBe('2026-06-06');
    const inside = [at(from, 100), at('2026-09-01', 200), at(today, 300)];
    expect(usualAmount(inside, today)).toEqual({ amountMinor: 200, basis: 'recent' });
    // Entries dated after today (a payout logged ahead) are not part of the window.
    const ahead = [...inside, at('2026-12-06', 900), at('2026-12-31', 900)];
    expect(usualAmount(ahead, today)).toEqual({ amountMinor: 200, basis: 'recent' });
    const outside = [at('2026-06-05', 100), at('2026-09-01', 200), at('2026-12-06', 300)];
    expect(usualAmount(outside, today, 5_000)).toEqual({ amountMinor: 5_000, basis: 'expected' });
    expect(usualAmount(outside, today)).toBeNull();
  });

  it('needs three entries: two leave it to the expected amount, none without one', () => {
    const two = [at('2026-11-01', 100), at('2026-11-02', 300)];
    expect(usualAmount(two, today, 250)).toEqual({ amountMinor: 250, basis: 'expected' });
    expect(usualAmount(two, today, 0)).toBeNull();
    expect(usualAmount(two, today, -5)).toBeNull();
    expect(usualAmount(two, today, 1)).toEqual({ amountMinor: 1, basis: 'expected' });
    expect(usualAmount([...two, at('2026-11-03', 200)], today, 250)).toEqual({
      amountMinor: 200,
      basis: 'recent',
    });
  });
});
