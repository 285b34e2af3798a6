/**
 * The stress test's sentence and table read one story (issue 22): for random households on a
 * random day (`todayArb`: the 1st, a month's last day, 29 February, 31 December favoured), with
 * income this month only, pending pay, months without a rate, no essentials or no savings:
 *
 * - the verdict ("covered", "short Z") is the table's "after" column, figure for figure;
 * - the "now" score is the score card's score, and the months read are the score's window,
 *   complete months only;
 * - a stream with no income in those months is "no income", never a fall from 0 to 0.
 *
 * fast-check, 300 runs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeDashboard } from '../../src/lib/domain/dashboard';
import { monthOf, monthRange } from '../../src/lib/domain/months';
import { stressStory } from '../../src/lib/domain/stress-story';
import { stressHouseholdArb, stressInput } from './stress-households';

describe('the stress sentence and table agree', () => {
  it('on any day, for any household: one verdict, one set of figures, no "from 0 to 0"', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(stressHouseholdArb, (h) => {
        const { input, streamId } = stressInput(h);
        const dash = computeDashboard({ ...input, stress: { streamId, fallPercent: h.fall } });
        const stress = dash.stress!;
        const story = stressStory(stress, h.today, input.baseCurrency);
        seen.add(story.outcome.kind);

        // The months read: the score's window, complete months only, named as a period.
        const w = dash.resilience.window;
        if (w.from === null) {
          expect(story.period).toBeNull();
        } else {
          expect(story.period!.months).toEqual(monthRange(w.from, w.to));
          expect(story.period!.complete).toBe(true);
          expect(story.period!.months.at(-1)! < monthOf(h.today)).toBe(true);
        }
        // "Now" is the score card's score.
        expect(story.now.score).toBe(dash.resilience.score);

        // The stream's received income in the counted months of the window.
        const counted = new Set(w.months);
        const own = input.rollups
          .filter((r) => r.streamId === streamId && r.status === 'received')
          .filter((r) => counted.has(r.month))
          .reduce((sum, r) => sum + r.baseMinor, 0);
        if (story.outcome.kind === 'no-income') {
          expect(own).toBe(0);
          expect(w.flaggedMonths).toEqual([]);
          expect(story.compared).toBe(false);
          return;
        }
        if (!story.compared) {
          // Nothing countable of the stream, and months without a rate might have held some.
          expect(story.outcome).toEqual({ kind: 'unknown', reason: 'needs-rate' });
          expect(w.flaggedMonths.length).toBeGreaterThan(0);
          return;
        }
        // Compared: the stream brought something, so income never "falls from 0 to 0".
        expect(own).toBeGreaterThan(0);
        expect(story.now.incomeMinor).not.toBe(0);

        // Each column's margin is its own income against E, in whole minor units.
        for (const col of [story.now, story.after]) {
          if (col.margin === null) continue;
          const gap = story.essentialMinor! - col.incomeMinor!;
          expect(col.margin).toEqual(
            gap > 0 ? { kind: 'short', amountMinor: gap } : { kind: 'left', amountMinor: -gap },
          );
          expect(col.lasts === 'covered').toBe(col.margin.kind === 'left');
        }

        // The verdict is the "after" column.
        const after = story.after;
        switch (story.outcome.kind) {
          case 'covered':
            expect(after.margin).toEqual({ kind: 'left', amountMinor: story.outcome.leftMinor });
            expect(after.lasts).toBe('covered');
            break;
          case 'short':
            expect(story.outcome.shortfallMinor).toBeGreaterThan(0);
            expect(after.margin).toEqual({
              kind: 'short',
              amountMinor: story.outcome.shortfallMinor,
            });
            expect(after.lasts).toEqual(story.outcome.lasts);
            break;
          case 'short-unknown-savings':
            expect(after.margin).toEqual({
              kind: 'short',
              amountMinor: story.outcome.shortfallMinor,
            });
            expect(after.lasts).toBeNull();
            break;
          case 'unknown':
            expect(after.margin).toBeNull();
            break;
        }
        // Savings last the same whichever column asks, for the same shortfall.
        if (story.now.margin?.kind === 'short' && after.margin?.kind === 'short') {
          if (story.now.margin.amountMinor === after.margin.amountMinor)
            expect(story.now.lasts).toEqual(after.lasts);
        }
      }),
      { numRuns: 300 },
    );
    // The generator reaches every verdict, the "no income yet" one included.
    expect([...seen].sort()).toEqual(
      ['covered', 'no-income', 'short', 'short-unknown-savings', 'unknown'].sort(),
    );
  });
});
