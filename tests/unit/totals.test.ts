import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TOTAL_MINOR } from '../../src/lib/domain/money';
import { assertTotalsWithinLimit, planTotalsOf, totalsOf } from '../../src/lib/domain/totals';

/* The household's totals (domain/totals.ts) and the limit that keeps every sum an exact integer. */
const row = (currency: string, amountMinor: number, baseMinor?: number) => ({
  currency,
  amountMinor,
  baseMinor,
});

function refusal(...args: Parameters<typeof assertTotalsWithinLimit>) {
  try {
    assertTotalsWithinLimit(...args);
    return null;
  } catch (e) {
    return e as { code: string; details: Record<string, unknown> };
  }
}

describe('totalsOf', () => {
  it('sums each currency apart and the base amounts together; a row with no rate adds no base', () => {
    const t = totalsOf([
      row('IDR', 100, 100),
      row('USD', 7, 110),
      row('IDR', -30, -30),
      row('USD', 3),
    ]);
    expect([...t.byCurrency]).toEqual([
      ['IDR', 70],
      ['USD', 10],
    ]);
    expect(t.base).toBe(180);
  });

  it('is the plain sum per currency (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            currency: fc.constantFrom('IDR', 'USD', 'PHP'),
            amountMinor: fc.integer({ min: -1e6, max: 1e6 }),
          }),
        ),
        (rows) => {
          const t = totalsOf(rows);
          for (const c of ['IDR', 'USD', 'PHP']) {
            const mine = rows.filter((r) => r.currency === c);
            expect(t.byCurrency.get(c)).toBe(
              mine.length ? mine.reduce((s, r) => s + r.amountMinor, 0) : undefined,
            );
          }
          expect(t.base).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('planTotalsOf counts live plans only', () => {
    const t = planTotalsOf([
      { currency: 'IDR', amountMinor: 5, deletedAt: null },
      { currency: 'IDR', amountMinor: 9, deletedAt: '2026-11-01T00:00:00Z' },
      { currency: 'USD', amountMinor: 2, deletedAt: '2026-11-01T00:00:00Z' },
    ]);
    expect([...t.byCurrency]).toEqual([['IDR', 5]]);
  });
});

describe('a write may not raise a total past MAX_TOTAL_MINOR', () => {
  const totals = (idr: number, base = 0) => ({ byCurrency: new Map([['IDR', idr]]), base });

  it('allows a total exactly at the limit, refuses one past it with the currency and limit', () => {
    expect(refusal(null, totals(MAX_TOTAL_MINOR), 'IDR')).toBeNull();
    const e = refusal(null, totals(MAX_TOTAL_MINOR + 1), 'IDR');
    expect(e?.code).toBe('money/total-too-large');
    expect(e?.details).toEqual({ currency: 'IDR', limit: MAX_TOTAL_MINOR });
  });

  it('lets a household already past the limit keep or lower its total, never raise it', () => {
    const over = MAX_TOTAL_MINOR + 10;
    expect(refusal(totals(over), totals(over), 'IDR')).toBeNull();
    expect(refusal(totals(over), totals(over - 5), 'IDR')).toBeNull();
    expect(refusal(totals(over), totals(over + 1), 'IDR')?.code).toBe('money/total-too-large');
    expect(refusal(totals(MAX_TOTAL_MINOR - 1), totals(MAX_TOTAL_MINOR + 1), 'IDR')).not.toBeNull();
  });

  it('a currency that appears only after the write is compared with nothing', () => {
    const before = { byCurrency: new Map([['USD', MAX_TOTAL_MINOR + 5]]), base: 0 };
    expect(refusal(before, totals(MAX_TOTAL_MINOR + 1), 'IDR')?.code).toBe('money/total-too-large');
  });

  it('applies the same limit to the base total, named by the base currency', () => {
    expect(refusal(null, totals(0, MAX_TOTAL_MINOR), 'PHP')).toBeNull();
    const e = refusal(null, totals(0, MAX_TOTAL_MINOR + 1), 'PHP');
    expect(e?.code).toBe('money/total-too-large');
    expect(e?.details).toEqual({ currency: 'PHP', limit: MAX_TOTAL_MINOR, base: true });
    expect(
      refusal(totals(0, MAX_TOTAL_MINOR + 3), totals(0, MAX_TOTAL_MINOR + 3), 'PHP'),
    ).toBeNull();
    expect(
      refusal(totals(0, MAX_TOTAL_MINOR + 3), totals(0, MAX_TOTAL_MINOR + 4), 'PHP'),
    ).not.toBeNull();
  });

  it('names the first currency in code order when several pass the limit at once', () => {
    const over = MAX_TOTAL_MINOR + 1;
    // Rows in the order a store might give them: USD's before IDR's.
    const after = {
      byCurrency: new Map([
        ['USD', over],
        ['PHP', 5],
        ['IDR', over],
      ]),
      base: 0,
    };
    expect(refusal(null, after, 'IDR')?.details).toEqual({
      currency: 'IDR',
      limit: MAX_TOTAL_MINOR,
    });
  });
});
