/**
 * The stress test in plain words, on the hand-computed households: a shortfall and how long
 * savings cover it, no shortfall, and durations over 24 months said as "more than 2 years".
 */
import { describe, expect, it } from 'vitest';
import { computeDashboard, type DashboardInput } from '../../src/lib/domain/dashboard';
import { durationOf, stressStory } from '../../src/lib/domain/stress-story';
import { buildSampleHousehold } from '../../src/lib/domain/sample-household';
import { rollupsFromEntries } from '../../src/lib/domain/rollup';
import { householdA, householdB, householdC } from './reference-households';

const story = (input: DashboardInput, streamId: string, fallPercent = 100) =>
  stressStory(computeDashboard({ ...input, stress: { streamId, fallPercent } }).stress!);

describe('stress story', () => {
  it('shortfall: the salary stops, Rp3,300,000 short a month, savings cover 2 months', () => {
    const s = story(householdA(), 'salary');
    // Income 491,666,666.67 → 0; short E − 0 = 330,000,000; 660,000,000 / 330,000,000 = 2.
    expect(s.incomeBeforeMinor).toBeCloseTo(2_950_000_000 / 6, 6);
    expect(s.incomeAfterMinor).toBe(0);
    expect(s.outcome).toEqual({ kind: 'short', shortfallMinor: 330_000_000, lasts: { months: 2 } });
    // Like with like: today the salary covers E, so savings are not drawn on at all.
    expect(s.lastsBefore).toBe('covered');
    expect(s.lastsAfter).toEqual({ months: 2 });
  });

  it('shortfall over 24 months: the remittance stops, savings last "more than 2 years"', () => {
    const s = story(householdB(), 'ana-remittance');
    // Remaining 3,125,000 vs E 3,216,666.67: short 91,666.67; 4,825,000 / 91,666.67 = 52.6.
    expect(s.outcome.kind).toBe('short');
    if (s.outcome.kind !== 'short') return;
    expect(s.outcome.shortfallMinor).toBeCloseTo(9_650_000 / 3 - 3_125_000, 6);
    expect(s.outcome.lasts).toEqual({ moreThanMonths: 24 });
    expect(s.lastsAfter).toEqual({ moreThanMonths: 24 });
  });

  it('a shortfall of 24 months exactly is still a number', () => {
    expect(durationOf(24)).toEqual({ months: 24 });
    expect(durationOf(24.01)).toEqual({ moreThanMonths: 24 });
    // Falls by 40%: remaining 295,000,000, short 35,000,000: 660 / 35 = 18.857 months.
    const s = story(householdA(), 'salary', 40);
    expect(s.outcome.kind === 'short' && s.outcome.lasts).toEqual({ months: 660 / 35 });
  });

  it('no shortfall: the micro-tasks stop and the rest still covers the essentials', () => {
    const s = story(householdB(), 'cara-tasks');
    // Remaining 3,625,000 − 291,666.67 = 3,333,333.33 ≥ E 3,216,666.67.
    expect(s.outcome).toEqual({ kind: 'covered' });
    expect(s.lastsBefore).toBe('covered');
    expect(s.lastsAfter).toBe('covered');
  });

  it('a shortfall with no savings recorded says what is short and what is missing', () => {
    const s = story(householdC(), 'dewi-tasks');
    // Remaining tutoring 350,000,000 / 12 = 29,166,666.67; short 150,000,000 − that.
    expect(s.outcome).toEqual({
      kind: 'short-unknown-savings',
      shortfallMinor: 150_000_000 - 350_000_000 / 12,
      reason: 'needs-savings',
    });
  });

  it('the sample household never shows a duration over 24 months as a number', () => {
    let shown = 0;
    for (const base of ['IDR', 'PHP', 'VND']) {
      const today = '2026-11-30';
      const sample = buildSampleHousehold(today, '2026-11-30T00:00:00.000Z', base);
      const input: DashboardInput = {
        rollups: rollupsFromEntries(sample.entries, sample.rates, base),
        streams: sample.streams,
        plans: sample.plans,
        savings: sample.savings,
        rates: sample.rates,
        training: [],
        baseCurrency: base,
        today,
      };
      for (const stream of sample.streams) {
        for (const fall of [100, 75, 50, 25, 10]) {
          const s = story(input, stream.id, fall);
          if (s.outcome.kind === 'short') shown++;
          for (const d of [
            s.lastsBefore,
            s.lastsAfter,
            s.outcome.kind === 'short' ? s.outcome.lasts : null,
          ]) {
            if (d !== null && d !== 'covered' && 'months' in d)
              expect(d.months).toBeLessThanOrEqual(24);
          }
        }
      }
    }
    // The sample does have shortfalls (its salary stopping, in IDR): the check is not vacuous.
    expect(shown).toBeGreaterThan(0);
  });
});
