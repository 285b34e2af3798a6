import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDashboard } from '../../src/lib/domain/dashboard';
import type { Saving } from '../../src/lib/domain/model';
import { monthRange } from '../../src/lib/domain/months';
import { checkBalance, parseBalance } from '../../src/lib/domain/places';
import { rollupsFromEntries } from '../../src/lib/domain/rollup';
import { balancesByPlace, savingsAtMonthEnds } from '../../src/lib/domain/savings';
import { makeEntry, makePlan, makeRate, makeSaving, makeStream } from './analytics-fixtures';

const MONTHS = monthRange('2025-01', '2025-06');

describe('the buffer when all savings sit in one place', () => {
  /** The rule before places: the latest snapshot by date, then by updatedAt, at each month end. */
  function singleSnapshotRule(savings: readonly Saving[], month: string): number | null {
    const end = `${month}-31`;
    const live = savings
      .filter((s) => s.deletedAt === null && s.date <= end)
      .sort((a, b) => a.date.localeCompare(b.date) || a.updatedAt.localeCompare(b.updatedAt));
    return live.at(-1)?.amountMinor ?? null;
  }

  it('is the latest snapshot, exactly as before places, for any snapshots', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            day: fc.integer({ min: 0, max: 180 }),
            amount: fc.integer({ min: 0, max: 10_000_000_000 }),
            second: fc.integer({ min: 0, max: 59 }),
            deleted: fc.boolean(),
          }),
          { maxLength: 12 },
        ),
        (specs) => {
          const savings = specs.map((s) => {
            const date = new Date(Date.UTC(2025, 0, 1 + s.day)).toISOString().slice(0, 10);
            const at = `2025-07-01T00:00:${String(s.second).padStart(2, '0')}.000Z`;
            return makeSaving(date, s.amount, {
              updatedAt: at,
              deletedAt: s.deleted ? at : null,
            });
          });
          const got = savingsAtMonthEnds(savings, MONTHS, 'IDR', []).map(
            (x) => x?.amountMinor ?? null,
          );
          expect(got).toEqual(MONTHS.map((m) => singleSnapshotRule(savings, m)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('leaves reference household A (one salary, Rp6,600,000 saved) at 2 months of buffer', () => {
    // The reference test's household: E = 330,000,000 sen; one snapshot of 660,000,000 sen.
    const salary = makeStream({ id: 'salary', kind: 'formal', memberId: 'siti' });
    const months = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'];
    const entries = months.map((m) => makeEntry(salary, `${m}-25`, 500_000_000));
    const d = computeDashboard({
      rollups: rollupsFromEntries(entries, [], 'IDR'),
      streams: [salary],
      plans: [
        makePlan({ name: 'rent', amountMinor: 200_000_000, cadence: 'monthly' }),
        makePlan({ name: 'food', amountMinor: 30_000_000, cadence: 'weekly' }),
      ],
      savings: [makeSaving('2025-05-20', 660_000_000)],
      rates: [],
      training: [],
      baseCurrency: 'IDR',
      today: '2025-07-10',
    });
    expect(d.resilience.inputs.savingsMinor).toBe(660_000_000);
    expect(d.resilience.inputs.bufferMonths!).toBeCloseTo(2, 12);
  });
});

describe('the buffer with three places in two currencies', () => {
  // Base IDR (sen). Rates: USD 16,000 IDR from 2025-01-01, 16,500 from 2025-04-01.
  const rates = [makeRate('USD', '2025-01-01', '16000'), makeRate('USD', '2025-04-01', '16500')];
  const cash = { placeId: 'cash' };
  const bank = { placeId: 'bank' };
  const wallet = { placeId: 'wallet', currency: 'USD' };
  const savings = [
    makeSaving('2025-01-10', 100_000_000, cash), // Rp1,000,000
    makeSaving('2025-03-05', 80_000_000, cash), // Rp800,000 replaces it
    makeSaving('2025-02-01', 500_000_000, bank), // Rp5,000,000
    makeSaving('2025-02-20', 12_050, wallet), // US$120.50
    makeSaving('2025-04-15', 10_000, wallet), // US$100.00 replaces it
    // Deleted: never counted.
    makeSaving('2025-04-20', 999_000_000, { ...bank, deletedAt: '2025-04-21T00:00:00.000Z' }),
  ];

  it('sums the latest balance of each place up to each month end, each at its own date’s rate', () => {
    const got = savingsAtMonthEnds(
      savings,
      ['2025-01', '2025-02', '2025-03', '2025-04'],
      'IDR',
      rates,
    );
    expect(got.map((x) => x?.amountMinor)).toEqual([
      // January: only the cash, Rp1,000,000 = 100,000,000 sen.
      100_000_000,
      // February: cash 100,000,000 + bank 500,000,000 + US$120.50 × 16,000 = Rp1,928,000
      // = 192,800,000 sen → 792,800,000.
      792_800_000,
      // March: the cash is now 80,000,000 → 80,000,000 + 500,000,000 + 192,800,000 = 772,800,000.
      772_800_000,
      // April: the wallet is US$100.00 on 2025-04-15, at 16,500 → Rp1,650,000 = 165,000,000;
      // 80,000,000 + 500,000,000 + 165,000,000 = 745,000,000 (the deleted 999,000,000 is out).
      745_000_000,
    ]);
    expect(got.map((x) => x?.places)).toEqual([1, 3, 3, 3]);
  });

  it('flags a place whose currency has no rate instead of counting it as 0', () => {
    const withPesos = [
      ...savings,
      makeSaving('2025-03-01', 50_000, { placeId: 'gcash', currency: 'PHP' }),
    ];
    const got = savingsAtMonthEnds(withPesos, ['2025-02', '2025-03'], 'IDR', rates);
    expect(got[0]?.amountMinor).toBe(792_800_000);
    expect(got[1]).toMatchObject({ amountMinor: null });
    const places = [
      { id: 'cash', currency: 'IDR' },
      { id: 'gcash', currency: 'PHP' },
    ].map((p) => ({
      ...p,
      name: p.id,
      kind: 'cash' as const,
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
      deletedAt: null,
      isSample: false,
    }));
    const rows = balancesByPlace(places, withPesos, '2025-03-31', 'IDR', rates);
    expect(rows.map((r) => [r.place.id, r.baseMinor, r.missingRate])).toEqual([
      ['cash', 80_000_000, false],
      ['gcash', null, true],
    ]);
  });
});

describe('a balance', () => {
  it('may be negative (a debt) only for a place of kind "other"', () => {
    expect(() => checkBalance('other', -5)).not.toThrow();
    for (const kind of ['cash', 'bank', 'ewallet', 'group'] as const)
      expect(() => checkBalance(kind, -5)).toThrow(
        expect.objectContaining({ code: 'saving/negative-balance' }),
      );
    expect(() => checkBalance('cash', 0)).not.toThrow();
  });

  it('is read with a leading minus for a debt', () => {
    expect(parseBalance('-250.000', 'IDR', 'id-ID')).toBe(-25_000_000);
    expect(parseBalance('1,250.50', 'USD', 'en-US')).toBe(125_050);
    expect(parseBalance('−5', 'USD', 'en-US')).toBe(-500);
  });
});
