// Issue 28: the rules of month-totals.ts (a month's entries summed once in the base currency)
// that the mutation round found unstated.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthTotals } from '../../src/lib/domain/month-totals';
import { makeRate } from './analytics-fixtures';

type Status = 'received' | 'pending';
const entry = (
  currency: string,
  amountMinor: number,
  status: Status = 'received',
  date = '2025-07-10',
) => ({
  currency,
  amountMinor,
  status,
  date,
});
// 1 US cent = 58 centavos from 1 July; the deleted rate of 1 June converts nothing.
const RATES = [
  makeRate('USD', '2025-07-01', '58'),
  makeRate('USD', '2025-06-01', '99', { deletedAt: '2025-06-02T00:00:00.000Z' }),
];

describe("a month's totals", () => {
  it('received and pending are summed apart, per currency and in the base currency', () => {
    const t = monthTotals(
      [
        entry('PHP', 1_000),
        entry('USD', 10, 'pending'),
        entry('USD', 20),
        entry('PHP', 5, 'pending'),
      ],
      'PHP',
      RATES,
    );
    expect(t).toEqual({
      receivedMinor: 1_000 + 20 * 58,
      pendingMinor: 5 + 10 * 58,
      missingRateCount: 0,
      byCurrency: [
        { currency: 'PHP', receivedMinor: 1_000, pendingMinor: 5 },
        { currency: 'USD', receivedMinor: 20, pendingMinor: 10 },
      ],
    });
  });

  it('an entry no live rate converts is counted apart, out of the base sums, still in its currency', () => {
    const t = monthTotals(
      [
        entry('USD', 10, 'received', '2025-06-15'),
        entry('USD', 30, 'pending', '2025-06-20'),
        entry('PHP', 7),
      ],
      'PHP',
      RATES,
    );
    expect(t).toEqual({
      receivedMinor: 7,
      pendingMinor: 0,
      missingRateCount: 2,
      byCurrency: [
        { currency: 'PHP', receivedMinor: 7, pendingMinor: 0 },
        { currency: 'USD', receivedMinor: 10, pendingMinor: 30 },
      ],
    });
  });

  it('lists the base currency first, then the others by code, whatever the entries’ order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('USD', 'PHP', 'IDR', 'VND', 'EUR'), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.constantFrom('USD', 'PHP', 'IDR'),
        (currencies, base) => {
          const t = monthTotals(
            currencies.map((c) => entry(c, 1)),
            base,
            RATES,
          );
          const codes = t.byCurrency.map((c) => c.currency);
          const others = [...new Set(currencies)].filter((c) => c !== base).sort();
          expect(codes).toEqual(currencies.includes(base) ? [base, ...others] : others);
        },
      ),
      { numRuns: 300 },
    );
  });
});
