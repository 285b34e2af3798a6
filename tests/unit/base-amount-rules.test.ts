// Issue 28: the rules of base-amount.ts (conversion that reports a missing rate as null) that the
// mutation round found unstated.
import { describe, expect, it } from 'vitest';
import { baseMinorOrNull, liveRates } from '../../src/lib/domain/base-amount';

const rate = (date: string, value: string, deletedAt?: string | null) => ({
  currency: 'USD',
  date,
  value,
  ...(deletedAt === undefined ? {} : { deletedAt }),
});

describe('the rates in use', () => {
  it('a soft-deleted rate is left out; a rate without the mark or with null is live', () => {
    const plain = rate('2025-01-01', '16000');
    const kept = rate('2025-02-01', '16100', null);
    const gone = rate('2025-03-01', '17000', '2025-03-02T00:00:00.000Z');
    expect(liveRates([plain, kept, gone])).toEqual([plain, kept]);
  });
});

describe('an amount in the base currency', () => {
  it('an amount already in the base currency is itself, with no rate at all', () => {
    expect(baseMinorOrNull(12_345, 'IDR', 'IDR', '2025-01-01', [])).toBe(12_345);
  });

  it('converts with the rate in force on the date, and is null before the first rate', () => {
    const rates = [rate('2025-01-01', '16000'), rate('2025-02-01', '16500')];
    expect(baseMinorOrNull(100, 'USD', 'IDR', '2025-01-31', rates)).toBe(1_600_000);
    expect(baseMinorOrNull(100, 'USD', 'IDR', '2025-02-01', rates)).toBe(1_650_000);
    expect(baseMinorOrNull(100, 'USD', 'IDR', '2024-12-31', rates)).toBeNull();
    expect(baseMinorOrNull(100, 'PHP', 'IDR', '2025-02-01', rates)).toBeNull();
  });

  it('is null with no base currency yet, even when a rate is stored', () => {
    const rates = [rate('2025-01-01', '16000')];
    expect(baseMinorOrNull(100, 'USD', '', '2025-02-01', rates)).toBeNull();
  });
});
