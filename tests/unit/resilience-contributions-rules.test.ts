// Issue 28: the rules of resilience-contributions.ts that the mutation round found unstated: the
// series of contributions over time is, column by column, the contribution of that month.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STREAM_KINDS } from '../../src/lib/domain/model';
import { monthRange } from '../../src/lib/domain/months';
import { resilienceContext } from '../../src/lib/domain/resilience';
import {
  contributionSeries,
  contributionsAtColumn,
} from '../../src/lib/domain/resilience-contributions';

const householdArb = fc
  .record({ months: fc.integer({ min: 1, max: 15 }), streams: fc.integer({ min: 1, max: 4 }) })
  .chain(({ months, streams }) =>
    fc.record({
      kinds: fc.array(fc.constantFrom(...STREAM_KINDS), { minLength: streams, maxLength: streams }),
      income: fc.array(
        fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2_000_000_000 })), {
          minLength: months,
          maxLength: months,
        }),
        { minLength: streams, maxLength: streams },
      ),
      flagged: fc.array(fc.boolean(), { minLength: months, maxLength: months }),
      historyStart: fc.integer({ min: 0, max: months - 1 }),
      essential: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3_000_000_000 })),
      savings: fc.option(fc.integer({ min: 0, max: 20_000_000_000 }), { nil: null }),
    }),
  )
  .map((h) => {
    const months = monthRange('2023-01', '2030-12').slice(0, h.flagged.length);
    return resilienceContext({
      months,
      streams: h.kinds.map((kind, i) => ({ id: `s${i}`, kind })),
      income: h.income.map((line) => Float64Array.from(line)),
      missing: h.income.map(() => Int32Array.from(h.flagged, (f) => (f ? 1 : 0))),
      historyStart: h.historyStart,
      essential: months.map(() => h.essential),
      savings: months.map(() =>
        h.savings === null ? null : { savingId: 'v', date: '2023-01-01', amountMinor: h.savings },
      ),
    });
  });

describe('contributions over time', () => {
  it('each column holds that month’s contribution, from the first column asked (never before 0) to the last', () => {
    fc.assert(
      fc.property(householdArb, fc.integer({ min: -3, max: 14 }), fc.nat(), (ctx, from, span) => {
        const width = ctx.streamIds.length > 0 ? ctx.months.length : 0;
        const to = Math.min(width - 1, Math.max(from, 0) + (span % width));
        const series = contributionSeries(ctx, from, to);
        expect(Object.keys(series)).toEqual(ctx.streamIds);
        const first = Math.max(from, 0);
        for (const id of ctx.streamIds)
          expect(series[id]).toHaveLength(Math.max(0, to - first + 1));
        for (let c = first; c <= to; c++) {
          const now = contributionsAtColumn(ctx, c);
          now.forEach((x, j) => {
            expect(series[x.streamId]![c - first]).toBe(x.points);
            expect(x.streamId).toBe(ctx.streamIds[j]);
            if (x.points === null) expect(x.exact).toBeNull();
            else expect(Math.abs(x.points - x.exact!)).toBeLessThanOrEqual(1);
          });
        }
      }),
      { numRuns: 300 },
    );
  });
});
