// Issue 28: the rules of rate-coverage.ts (which entries an exchange rate covers) that the
// mutation round found unstated.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  entriesConverted,
  promptRateDate,
  uncoveredBefore,
  uncoveredEntries,
} from '../../src/lib/domain/rate-coverage';

const day = (n: number) => `2025-01-${String(n).padStart(2, '0')}`;
const sortedDays = fc
  .uniqueArray(fc.integer({ min: 1, max: 31 }), { maxLength: 10 })
  .map((ns) => ns.sort((a, b) => a - b).map(day));
const days = fc
  .uniqueArray(fc.integer({ min: 1, max: 31 }), { maxLength: 5 })
  .map((ns) => ns.map(day));

describe('the entries no rate covers', () => {
  it('with every entry covered there is neither an earliest nor a latest one', () => {
    expect(uncoveredEntries([day(5), day(6)], [day(1)])).toEqual({
      count: 0,
      earliest: null,
      latest: null,
      firstRate: day(1),
    });
  });

  it('are the entries dated before the first rate, from the first of them to the last', () => {
    fc.assert(
      fc.property(sortedDays, days, (entries, rates) => {
        const first = rates.length === 0 ? null : [...rates].sort()[0]!;
        const before = entries.filter((e) => first === null || e < first);
        expect(uncoveredEntries(entries, rates)).toEqual({
          count: before.length,
          earliest: before[0] ?? null,
          latest: before.at(-1) ?? null,
          firstRate: first,
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('the entries a rate converts', () => {
  it('are those from its date up to the nearest later rate, whatever the order of the other rates', () => {
    fc.assert(
      fc.property(sortedDays, days, fc.integer({ min: 1, max: 31 }), (entries, others, n) => {
        const date = day(n);
        const next = others.filter((d) => d > date).sort()[0];
        const expected = entries.filter((e) => e >= date && (next === undefined || e < next));
        expect(entriesConverted(entries, others, date)).toBe(expected.length);
      }),
      { numRuns: 300 },
    );
  });

  it('another rate on the same date does not end it', () => {
    expect(entriesConverted([day(5), day(6)], [day(5)], day(5))).toBe(2);
    expect(entriesConverted([day(5), day(6), day(9)], [day(20), day(8), day(5)], day(5))).toBe(2);
  });
});

describe('the date a rate typed in quick add is stored from', () => {
  it('is the entry’s own date when every other entry is covered', () => {
    expect(promptRateDate(day(9), [day(3), day(9)], [day(1)])).toBe(day(9));
    expect(promptRateDate(day(9), [], [])).toBe(day(9));
  });

  it('is an earlier uncovered entry’s date, never a later one', () => {
    expect(promptRateDate(day(9), [day(3), day(9)], [])).toBe(day(3));
    expect(promptRateDate(day(2), [day(3), day(9)], [])).toBe(day(2));
  });
});

describe('the uncovered entries before a date', () => {
  it('counts only entries dated before the date and before the first rate', () => {
    fc.assert(
      fc.property(sortedDays, days, fc.integer({ min: 1, max: 31 }), (entries, rates, n) => {
        const date = day(n);
        const first = [...rates].sort()[0];
        const expected = entries.filter((e) => e < date && (first === undefined || e < first));
        expect(uncoveredBefore(entries, rates, date)).toBe(expected.length);
      }),
      { numRuns: 300 },
    );
    expect(uncoveredBefore([day(1), day(10), day(20)], [day(15)], day(5))).toBe(1);
  });
});
