/**
 * The sample household on the day a month turns over: built from `today`, it must make sense on
 * the 1st (no entries of the new month yet, its bills not yet due unpaid), on a month's last day,
 * on 29 February and on 31 December, and the months before today's must be the same whichever
 * day of the month it is built on (reference tests read them).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstDayOf, lastDayOf, monthOf } from '../../src/lib/domain/months';
import { planOccurrences } from '../../src/lib/domain/occurrences';
import { buildSampleHousehold } from '../../src/lib/domain/sample-household';
import type { SampleCountry } from '../../src/lib/domain/sample-country';
import { validateRecord } from '../../src/lib/domain/schema';
import { EDGE_DAYS, todayArb } from '../factories/today';

const NOW = '2026-11-29T08:00:00.000Z';
const COUNTRIES: [SampleCountry, string][] = [
  ['ID', 'IDR'],
  ['PH', 'PHP'],
  ['VN', 'VND'],
];
const countryArb = fc.constantFrom(...COUNTRIES);

/** Every date a sample record carries, with where it came from. */
function datesOf(sample: ReturnType<typeof buildSampleHousehold>): [string, string][] {
  return [
    ...sample.entries.map((e) => ['entry', e.date] as [string, string]),
    ...sample.payments.flatMap((p) => [
      ['payment', p.date] as [string, string],
      ['payment due', p.dueOn] as [string, string],
    ]),
    ...sample.savings.map((s) => ['saving', s.date] as [string, string]),
    ...sample.training.map((t) => ['training', t.date] as [string, string]),
    ...sample.rates.map((r) => ['rate', r.date] as [string, string]),
    ...sample.skips.map((s) => ['skip', s.dueOn] as [string, string]),
  ];
}

describe('the sample household on any day', () => {
  it('is valid and holds nothing dated after today', () => {
    fc.assert(
      fc.property(todayArb, countryArb, (today, [country, currency]) => {
        const sample = buildSampleHousehold(today, NOW, currency, country);
        const tables = Object.entries(sample) as [keyof typeof sample, unknown[]][];
        for (const [table, rows] of tables) {
          for (const row of rows) validateRecord(table, row);
        }
        for (const [what, date] of datesOf(sample)) {
          expect(date <= today, `${what} ${date} after ${today}`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('pays each bill on its day up to today, leaves this month’s data plan and every later bill unpaid', () => {
    fc.assert(
      fc.property(todayArb, countryArb, (today, [country, currency]) => {
        const sample = buildSampleHousehold(today, NOW, currency, country);
        const month = monthOf(today);
        const paid = new Set(sample.payments.map((p) => `${p.planId}|${p.dueOn}`));
        const dataPlan = sample.plans[4]!;
        for (const plan of sample.plans) {
          const from = sample.plans[0]!.dueOn;
          for (const dueOn of planOccurrences(plan, from, lastDayOf(month))) {
            const expected =
              dueOn <= today && !(plan.id === dataPlan.id && dueOn >= firstDayOf(month));
            expect(paid.has(`${plan.id}|${dueOn}`), `${plan.name} due ${dueOn}`).toBe(expected);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the months before today’s the same on every day of the month', () => {
    fc.assert(
      fc.property(todayArb, countryArb, (today, [country, currency]) => {
        const month = monthOf(today);
        const onTheFirst = buildSampleHousehold(firstDayOf(month), NOW, currency, country);
        const onTheDay = buildSampleHousehold(today, NOW, currency, country);
        const before = (e: { date: string }) => e.date < firstDayOf(month);
        // Place ids are drawn after this month's entries too: an arrival names its place.
        const placed = (s: typeof onTheDay) =>
          s.entries.filter(before).map((e) => {
            if (!e.arrival) return e;
            const place = s.places.find((p) => p.id === e.arrival!.placeId);
            return { ...e, arrival: { ...e.arrival, placeId: place?.name ?? null } };
          });
        expect(placed(onTheDay)).toEqual(placed(onTheFirst));
        // Ids drawn after this month's entries differ; the figures do not.
        const figures = (rows: { date?: string; dueOn?: string; amountMinor: number }[]) =>
          rows.map((r) => [r.date ?? r.dueOn, r.amountMinor]);
        expect(figures(onTheDay.savings)).toEqual(figures(onTheFirst.savings));
        expect(figures(onTheDay.plans)).toEqual(figures(onTheFirst.plans));
      }),
      { numRuns: 300 },
    );
  });
});

describe.each(COUNTRIES)('the sample household of %s at a month’s turn', (country, currency) => {
  it.each(EDGE_DAYS.filter((d) => d.endsWith('-01')))(
    'has no entry of the new month on %s, and last month in full, nothing pending',
    (today) => {
      const sample = buildSampleHousehold(today, NOW, currency, country);
      const month = monthOf(today);
      expect(sample.entries.filter((e) => monthOf(e.date) === month)).toEqual([]);
      const last = sample.entries.filter((e) => e.date < firstDayOf(month));
      expect(last.length).toBeGreaterThan(0);
      // Last month's salary (the 25th) and remittance (the 5th) are in.
      const lastMonth = monthOf(
        last
          .map((e) => e.date)
          .sort()
          .at(-1)!,
      );
      expect(lastMonth).not.toBe(month);
      const salary = sample.streams[0]!;
      expect(
        sample.entries.some((e) => e.streamId === salary.id && e.date === `${lastMonth}-25`),
      ).toBe(true);
    },
  );

  it.each(['2028-02-29', '2026-12-31', '2027-03-31'])(
    'on %s has the whole month up to that day, its last week pending',
    (today) => {
      const sample = buildSampleHousehold(today, NOW, currency, country);
      const month = monthOf(today);
      const ofMonth = sample.entries.filter((e) => monthOf(e.date) === month);
      expect(ofMonth.some((e) => e.date === `${month}-25`)).toBe(true);
      expect(ofMonth.filter((e) => e.date === `${month}-28`).length).toBeGreaterThan(0);
      for (const e of sample.entries) {
        if (e.status === 'pending') expect(monthOf(e.date)).toBe(month);
      }
    },
  );
});
