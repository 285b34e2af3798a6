/**
 * The sample household's fund for its country's big date (issue 28, seventh round): the first
 * Lebaran, Christmas or Tết after today (a date 90 days ahead once the table runs out), named
 * with its year; its target in minor units; money set aside from the last two salary payouts
 * received by today in the fund's currency, each the set amount or the whole payout when it was
 * smaller, on the payout's day and linked to it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../../src/lib/domain/dates';
import type { Entry, IsoDate } from '../../src/lib/domain/model';
import { sampleFunds } from '../../src/lib/domain/sample-funds';
import { todayArb } from '../factories/today';

const base = {
  createdAt: '2026-11-29T08:00:00.000Z',
  updatedAt: '2026-11-29T08:00:00.000Z',
  deletedAt: null,
  isSample: true,
} as const;
const LEBARAN = ['2026-03-20', '2027-03-10', '2028-02-27', '2029-02-15', '2030-02-05'];
const TET = ['2026-02-17', '2027-02-06', '2028-01-26', '2029-02-13', '2030-02-03'];
const BIG = {
  ID: { name: 'Lebaran', target: 6_000_000, each: 600_000, unit: 100, currency: 'IDR' },
  PH: { name: 'Pasko', target: 20_000, each: 2_000, unit: 100, currency: 'PHP' },
  VN: { name: 'Tết', target: 6_000_000, each: 1_000_000, unit: 1, currency: 'VND' },
} as const;
type Country = keyof typeof BIG;
const countryArb = fc.constantFrom<Country>('ID', 'PH', 'VN');

function run(country: Country, today: IsoDate, salaryEntries: Entry[] = []) {
  let n = 0;
  const { unit, currency } = BIG[country];
  return sampleFunds({
    country,
    today,
    base,
    uuid: () => `id-${n++}`,
    currency,
    unit,
    salaryEntries,
  });
}

function expectedDue(country: Country, today: IsoDate): IsoDate {
  const year = Number(today.slice(0, 4));
  const table =
    country === 'ID' ? LEBARAN : country === 'VN' ? TET : [`${year}-12-25`, `${year + 1}-12-25`];
  return table.find((d) => d > today) ?? addDaysIso(today, 90);
}

describe('the big date', () => {
  it('is the first one after today, 90 days ahead past the table, named with its year', () => {
    fc.assert(
      fc.property(
        fc.oneof(todayArb, fc.constantFrom(...LEBARAN, ...TET, '2026-12-25', '2026-12-24')),
        countryArb,
        (today, country) => {
          const [fund] = run(country, today).funds;
          const dueOn = expectedDue(country, today);
          expect(fund).toEqual({
            ...base,
            id: 'id-0',
            name: `${BIG[country].name} ${dueOn.slice(0, 4)}`,
            targetMinor: BIG[country].target * BIG[country].unit,
            currency: BIG[country].currency,
            dueOn,
            note: fund!.note,
          });
          expect(fund!.dueOn > today).toBe(true);
          expect(fund!.note).not.toBe('');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on the big day itself, the next one is taken', () => {
    expect(run('ID', '2027-03-10').funds[0]!.dueOn).toBe('2028-02-27');
    expect(run('PH', '2026-12-25').funds[0]!.dueOn).toBe('2027-12-25');
    expect(run('VN', '2030-02-03').funds[0]!.dueOn).toBe('2030-05-04');
  });
});

describe('the money set aside', () => {
  const entryArb = fc.record({
    day: fc.integer({ min: -120, max: 30 }),
    status: fc.constantFrom('received' as const, 'pending' as const),
    local: fc.boolean(),
    amountMinor: fc.integer({ min: 1, max: 300_000_000 }),
  });

  it('comes from the last two salary payouts received by today in its currency', () => {
    fc.assert(
      fc.property(countryArb, fc.array(entryArb, { maxLength: 8 }), (country, rows) => {
        const today = '2026-11-15' as IsoDate;
        const { currency, unit, each } = BIG[country];
        const entries: Entry[] = rows.map((r, i) => ({
          ...base,
          id: `e${i}`,
          streamId: 's',
          memberId: 'm',
          date: addDaysIso(today, r.day),
          amountMinor: r.amountMinor,
          currency: r.local ? currency : 'USD',
          status: r.status,
          paidMinutes: 0,
          unpaidMinutes: 0,
          note: '',
        }));
        const { funds, setAsides } = run(country, today, entries);
        const counted = entries
          .filter((e) => e.status === 'received' && e.date <= today && e.currency === currency)
          .map((e) => e.date)
          .sort();
        const lastTwo = counted.slice(-2);
        expect(setAsides.map((s) => s.date)).toEqual(lastTwo);
        for (const s of setAsides) {
          const entry = entries.find((e) => e.id === s.entryId)!;
          expect(entry.date).toBe(s.date);
          expect(entry.status).toBe('received');
          expect(entry.currency).toBe(currency);
          expect(s).toMatchObject({ ...base, fundId: funds[0]!.id, currency });
          expect(s.amountMinor).toBe(Math.min(each * unit, entry.amountMinor));
        }
        expect(new Set([funds[0]!.id, ...setAsides.map((s) => s.id)]).size).toBe(
          1 + setAsides.length,
        );
      }),
      { numRuns: 300 },
    );
  });
});
