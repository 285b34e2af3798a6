/**
 * Random households for the stress test's property tests (domain and card): dated relative to a
 * random `today` (`todayArb`), with income this month only, pending pay, months without a rate,
 * no essentials or no savings.
 */
import fc from 'fast-check';
import type { Entry, Plan, Rate, Saving, Stream } from '../../src/lib/domain/model';
import { STREAM_KINDS } from '../../src/lib/domain/model';
import { addMonths, lastDayOf, monthOf } from '../../src/lib/domain/months';
import { todayArb } from '../factories/today';
import { makeEntry, makePlan, makeRate, makeSaving, makeStream } from './analytics-fixtures';
import { householdInput } from './reference-households';

/** Months before today's that a household's history may reach (0 = today's month). */
const SPAN = 15;

export const stressHouseholdArb = fc
  .record({ today: todayArb, streams: fc.integer({ min: 1, max: 4 }) })
  .chain(({ today, streams }) =>
    fc.record({
      today: fc.constant(today),
      kinds: fc.array(fc.constantFrom(...STREAM_KINDS), {
        minLength: streams,
        maxLength: streams,
      }),
      // Per stream, per month back from today's (index 0 = this month): nothing, received
      // income, or pending pay only. A stream may have income this month only.
      income: fc.array(
        fc.array(
          fc.oneof(
            { weight: 3, arbitrary: fc.constant(0) },
            { weight: 4, arbitrary: fc.integer({ min: 100, max: 900_000_000 }) },
            { weight: 1, arbitrary: fc.constant(-1) },
          ),
          { minLength: SPAN, maxLength: SPAN },
        ),
        { minLength: streams, maxLength: streams },
      ),
      /** How many months back each stream's history reaches (the rest is left empty). */
      reach: fc.array(fc.integer({ min: 0, max: SPAN - 1 }), {
        minLength: streams,
        maxLength: streams,
      }),
      // A stream paid in dollars with no rate on some months: those months are flagged.
      dollars: fc.option(fc.integer({ min: 0, max: SPAN - 1 }), { nil: null }),
      essential: fc.option(fc.integer({ min: 1, max: 900_000_000 }), { nil: null }),
      savings: fc.option(fc.integer({ min: 0, max: 5_000_000_000 }), { nil: null }),
      stressed: fc.nat({ max: 3 }),
      fall: fc.constantFrom(100, 75, 50, 25, 10),
    }),
  );

export type StressHousehold = typeof stressHouseholdArb extends fc.Arbitrary<infer T> ? T : never;

/** The household's records, dated relative to its `today`. */
export function stressRecords(h: StressHousehold) {
  const current = monthOf(h.today);
  const dateIn = (back: number) => (back === 0 ? h.today : lastDayOf(addMonths(current, -back)));
  const streams: Stream[] = h.kinds.map((kind, i) =>
    makeStream({ id: `s${i}`, name: `Stream ${i}`, kind, memberId: 'm0' }),
  );
  const entries: Entry[] = [];
  h.income.forEach((line, i) =>
    line.forEach((amount, back) => {
      if (back > h.reach[i]! || amount === 0) return;
      const status = amount < 0 ? 'pending' : 'received';
      entries.push(makeEntry(streams[i]!, dateIn(back), Math.abs(amount) * 10, { status }));
    }),
  );
  const rates: Rate[] = [];
  if (h.dollars !== null) {
    const usd = makeStream({ id: 'usd', name: 'Dollars', kind: 'microtask', currency: 'USD' });
    streams.push(usd);
    // A rate from three months back only: older months have none and are flagged.
    rates.push(makeRate('USD', lastDayOf(addMonths(current, -4)), '15000'));
    for (let back = 0; back <= h.dollars; back++) {
      entries.push(makeEntry(usd, dateIn(back), 2_000));
    }
  }
  const plans: Plan[] = h.essential === null ? [] : [makePlan({ amountMinor: h.essential })];
  const savings: Saving[] =
    h.savings === null ? [] : [makeSaving(lastDayOf(addMonths(current, -2)), h.savings)];
  return { streams, entries, plans, savings, rates };
}

export function stressInput(h: StressHousehold) {
  const rec = stressRecords(h);
  const input = householdInput({ ...rec, baseCurrency: 'IDR', today: h.today });
  const streamId = rec.streams[h.stressed % rec.streams.length]!.id;
  return { input, streamId, entries: rec.entries };
}
