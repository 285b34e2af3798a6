/**
 * "Today" for tests. A test that depends on the day never reads the machine's clock: it names
 * its day (`PINNED_TODAY`, or one of `EDGE_DAYS`) or draws one with `todayArb`, which favours
 * the days where periods turn over (the 1st, a month's last day, 29 February, 31 December).
 */
import fc from 'fast-check';
import { daysInMonth } from '../../src/lib/domain/months';
import type { IsoDate } from '../../src/lib/domain/model';
import { isoDate, monthKey } from '../../src/lib/domain/units';

/** The day a test uses when any ordinary mid-month day will do (Vitest's clock starts there). */
export { PINNED_NOW, PINNED_TODAY } from '../pinned-day';

/** Days on which periods turn over: each must give figures that make sense. */
export const EDGE_DAYS: readonly IsoDate[] = [
  isoDate('2027-01-01'),
  isoDate('2026-12-31'),
  isoDate('2027-03-31'),
  isoDate('2028-02-29'),
  isoDate('2026-12-05'),
  isoDate('2026-11-30'),
  isoDate('2027-02-28'),
];

const pad = (n: number): string => String(n).padStart(2, '0');

/** Any day of 2020–2030, one in two draws an edge day. */
export const todayArb: fc.Arbitrary<IsoDate> = fc.oneof(
  fc.constantFrom(...EDGE_DAYS),
  fc
    .record({ year: fc.integer({ min: 2020, max: 2030 }), month: fc.integer({ min: 1, max: 12 }) })
    .chain(({ year, month }) => {
      const key = `${year}-${pad(month)}`;
      return fc
        .oneof(
          fc.constant(1),
          fc.constant(daysInMonth(monthKey(key))),
          fc.integer({ min: 1, max: daysInMonth(monthKey(key)) }),
        )
        .map((day) => `${key}-${pad(day)}`);
    }),
);
