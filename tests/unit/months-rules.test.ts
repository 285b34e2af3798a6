// The rules of month keys (months.ts) that months.test.ts leaves unstated: what is refused and
// how, years written with four digits, the later and earlier of two months, which cadences
// repeat, and a one-off amount with no due date (issue 28, sixth round).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnyamError } from '../../src/lib/domain/model';
import {
  amountInMonth,
  earlierMonth,
  firstDayOf,
  isMonthKey,
  isRecurringCadence,
  lastDayOf,
  laterMonth,
  monthIndex,
  monthKeyAt,
  monthOf,
  type Cadence,
} from '../../src/lib/domain/months';

const RUNS = { numRuns: 300 };
const keyArb = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }))
  .map(([y, m]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`);

function refusal(run: () => unknown): AnyamError {
  try {
    run();
  } catch (e) {
    if (e instanceof AnyamError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('what is a month key', () => {
  it('only a string is a month key, not a value that reads as one', () => {
    expect(isMonthKey('2026-12')).toBe(true);
    for (const v of [['2026-12'], { toString: () => '2026-12' }, 202612, null, undefined])
      expect(isMonthKey(v)).toBe(false);
  });

  it('the month of a date that is not a date is refused as date/invalid, naming the month', () => {
    const e = refusal(() => monthOf('2026-13-05'));
    expect(e.code).toBe('date/invalid');
    expect(e.details).toEqual({ month: '2026-13' });
  });

  it('the first and last day of a month that does not exist are refused as date/invalid, naming the date', () => {
    const first = refusal(() => firstDayOf('2026-13'));
    expect([first.code, first.details]).toEqual(['date/invalid', { date: '2026-13-01' }]);
    const last = refusal(() => lastDayOf('2026-00'));
    expect(last.code).toBe('date/invalid');
    expect(last.details).toEqual({ date: '2026-00-31' });
  });
});

describe('month indexes', () => {
  it('any key from year 0000 to 9999 comes back from its index, the year in four digits', () => {
    fc.assert(
      fc.property(keyArb, (key) => {
        expect(monthKeyAt(monthIndex(key))).toBe(key);
      }),
      RUNS,
    );
    expect(monthKeyAt(0)).toBe('0000-01');
    expect(monthKeyAt(999 * 12 + 4)).toBe('0999-05');
  });
});

describe('the later and the earlier of two months', () => {
  it('are the months with the larger and the smaller index, either order', () => {
    fc.assert(
      fc.property(keyArb, keyArb, (a, b) => {
        const [lo, hi] = monthIndex(a) <= monthIndex(b) ? [a, b] : [b, a];
        expect(laterMonth(a, b)).toBe(hi);
        expect(laterMonth(b, a)).toBe(hi);
        expect(earlierMonth(a, b)).toBe(lo);
        expect(earlierMonth(b, a)).toBe(lo);
      }),
      RUNS,
    );
    expect(laterMonth('2026-05', '2026-05')).toBe('2026-05');
    expect(earlierMonth('2026-05', '2026-05')).toBe('2026-05');
  });
});

describe('cadences', () => {
  it('every cadence repeats at a rhythm except a one-off and an irregular one', () => {
    const repeats: Cadence[] = ['monthly', 'biweekly', 'weekly', 'daily', 'yearly'];
    for (const c of repeats) expect(isRecurringCadence(c)).toBe(true);
    expect(isRecurringCadence('once')).toBe(false);
    expect(isRecurringCadence('irregular')).toBe(false);
  });

  it('a one-off amount with no due date falls in no month', () => {
    expect(amountInMonth(5_000, 'once', '2026-12')).toBe(0);
    expect(amountInMonth(5_000, 'once', '2026-12', { dueOn: null })).toBe(0);
    expect(amountInMonth(5_000, 'once', '2026-12', { dueOn: '2026-12-31' })).toBe(5_000);
  });
});
