/**
 * Every action the guidance suggests, applied to the household's own records by this test (a
 * savings snapshot, a new stream with an entry a month, entries in earlier months) and the
 * dashboard recomputed, raises the score by the points it states (±1 for rounding). No action
 * is suggested that would not raise it. fast-check, 300 runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDashboard, whatIfDashboard } from '../../src/lib/domain/dashboard';
import { guidanceBasics, guidanceFor, guidanceOf } from '../../src/lib/domain/guidance';
import { STREAM_KINDS, type Entry, type Plan, type Saving } from '../../src/lib/domain/model';
import { addMonths } from '../../src/lib/domain/months';
import { householdInput } from './reference-households';
import { makeEntry, makePlan, makeSaving, makeStream } from './analytics-fixtures';

const TODAY = '2025-07-10';
const LAST = '2025-06';

const householdArb = fc
  .record({ months: fc.integer({ min: 1, max: 15 }), streams: fc.integer({ min: 1, max: 4 }) })
  .chain(({ months, streams }) =>
    fc.record({
      // Months of history ending `gap` months before the last complete month.
      months: fc.constant(months),
      gap: fc.integer({ min: 0, max: 2 }),
      kinds: fc.array(fc.constantFrom(...STREAM_KINDS), { minLength: streams, maxLength: streams }),
      started: fc.array(fc.option(fc.integer({ min: -20, max: 0 }), { nil: null }), {
        minLength: streams,
        maxLength: streams,
      }),
      income: fc.array(
        fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1_000_000, max: 900_000_000 })), {
          minLength: months,
          maxLength: months,
        }),
        { minLength: streams, maxLength: streams },
      ),
      essential: fc.option(fc.integer({ min: 10_000_000, max: 900_000_000 }), { nil: null }),
      savings: fc.option(fc.integer({ min: 0, max: 5_000_000_000 }), { nil: null }),
      // A snapshot recorded earlier, or already today (the one a new snapshot replaces).
      savedOn: fc.constantFrom('2025-03-01', TODAY),
    }),
  );

type Household = typeof householdArb extends fc.Arbitrary<infer T> ? T : never;

function recordsOf(h: Household) {
  const first = addMonths(LAST, -(h.months - 1 + h.gap));
  const streams = h.kinds.map((kind, i) =>
    makeStream({
      id: `s${i}`,
      kind,
      memberId: `m${i % 2}`,
      startedOn: h.started[i] === null ? null : `${addMonths(first, h.started[i]!)}-01`,
    }),
  );
  const entries: Entry[] = [];
  h.income.forEach((line, i) =>
    line.forEach((amount, k) => {
      if (amount > 0) entries.push(makeEntry(streams[i]!, `${addMonths(first, k)}-15`, amount));
    }),
  );
  const plans: Plan[] = h.essential === null ? [] : [makePlan({ amountMinor: h.essential })];
  const savings: Saving[] = h.savings === null ? [] : [makeSaving(h.savedOn, h.savings)];
  return { streams, entries, plans, savings };
}

describe('guidance actions are what-ifs of the score', () => {
  it('raises the score by the stated points when the household does what it says', () => {
    let checked = 0;
    const kinds = new Set<string>();
    fc.assert(
      fc.property(householdArb, (h) => {
        const rec = recordsOf(h);
        const input = householdInput({ ...rec, baseCurrency: 'IDR', today: TODAY });
        const dash = computeDashboard(input);
        const g = guidanceOf(input, dash);
        const score = dash.resilience.score;
        expect(g.actions.length).toBeLessThanOrEqual(3);
        // Saving is always offered while the buffer is short and it would add a whole point.
        const c = dash.resilience.components;
        const known = [c.diversification, c.stability, c.coverage, c.buffer].filter(
          (x) => x.value !== null,
        ).length;
        if (c.buffer.value !== null && (100 * (1 - c.buffer.value)) / known >= 1.5) {
          expect(g.actions.map((a) => a.kind)).toContain('save');
        }
        for (const action of g.actions) {
          if (action.points === null) {
            // A "measure" action only where the component it completes is unknown.
            const reason =
              action.kind === 'essentials'
                ? dash.resilience.components.coverage.reason
                : dash.resilience.components.buffer.reason;
            expect(reason).toBe(
              action.kind === 'essentials' ? 'needs-essentials' : 'needs-savings',
            );
            continue;
          }
          expect(action.points).toBeGreaterThan(0);
          let after = rec;
          if (action.kind === 'save') {
            const now = dash.resilience.inputs.savingsMinor ?? 0;
            after = {
              ...rec,
              // Recorded now: later than any snapshot already there.
              savings: [
                ...rec.savings,
                makeSaving(TODAY, now + action.amountMinor, {
                  updatedAt: '2099-01-01T00:00:00.000Z',
                }),
              ],
            };
          } else if (action.kind === 'source') {
            const extra = makeStream({ id: 'new-source', kind: 'informal', memberId: 'm0' });
            const added = dash.resilience.window.months.map((mo) =>
              makeEntry(extra, `${mo}-15`, action.monthlyMinor),
            );
            after = {
              ...rec,
              streams: [...rec.streams, extra],
              entries: [...rec.entries, ...added],
            };
          } else if (action.kind === 'history') {
            // No earlier month is suggested for a stream that had not started then.
            const added = action.months.flatMap((mo) =>
              action.byStream.map(({ streamId, amountMinor }) => {
                const stream = rec.streams.find((s) => s.id === streamId)!;
                expect(stream.startedOn === null || stream.startedOn <= `${mo}-31`).toBe(true);
                return makeEntry(stream, `${mo}-15`, amountMinor);
              }),
            );
            after = { ...rec, entries: [...rec.entries, ...added] };
          }
          const recomputed = computeDashboard(
            householdInput({ ...after, baseCurrency: 'IDR', today: TODAY }),
          ).resilience.score!;
          expect(Math.abs(recomputed - score! - action.points)).toBeLessThanOrEqual(1);
          checked++;
          kinds.add(action.kind);
        }
      }),
      { numRuns: 300 },
    );
    // The generator reaches every kind of action often enough to matter.
    expect(checked).toBeGreaterThan(100);
    expect([...kinds].sort()).toEqual(['history', 'save', 'source']);
  });

  it('says the band and the unknown parts the same from the dashboard alone (the score card draws them before the actions)', () => {
    fc.assert(
      fc.property(householdArb, fc.integer({ min: 0, max: 100 }), (h, fall) => {
        const input = householdInput({ ...recordsOf(h), baseCurrency: 'IDR', today: TODAY });
        // The dashboard the view draws carries a stress test; the band must not depend on it.
        const stressed = computeDashboard({
          ...input,
          stress: { streamId: 's0', fallPercent: fall },
        });
        const full = guidanceFor(input);
        expect(guidanceBasics(TODAY, stressed)).toEqual({ ...full, actions: [] });
      }),
      { numRuns: 200 },
    );
  });

  it('scores a what-if exactly as the full dashboard does (it skips only the series)', () => {
    fc.assert(
      fc.property(
        householdArb,
        fc.constantFrom(undefined, '2025-01', '2025-04'),
        fc.constantFrom(null, 'm0', 'm1'),
        (h, asOf, memberId) => {
          const input = {
            ...householdInput({ ...recordsOf(h), baseCurrency: 'IDR', today: TODAY }),
            asOf,
            memberId,
          };
          const full = computeDashboard(input);
          expect(whatIfDashboard(input)).toEqual({
            resilience: full.resilience,
            asOf: full.asOf,
            memberId: full.memberId,
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('suggests nothing for a past month or one member', () => {
    fc.assert(
      fc.property(householdArb, (h) => {
        const input = householdInput({ ...recordsOf(h), baseCurrency: 'IDR', today: TODAY });
        const past = computeDashboard({ ...input, asOf: '2025-01' });
        expect(guidanceOf({ ...input, asOf: '2025-01' }, past).actions).toEqual([]);
        const member = computeDashboard({ ...input, memberId: 'm0' });
        expect(guidanceOf({ ...input, memberId: 'm0' }, member).actions).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
