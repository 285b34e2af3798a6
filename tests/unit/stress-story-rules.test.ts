// The rules of stress-story.ts on stress tests written out by hand (docs/testing.md, "Mutation
// testing"): money rounded to what the currency shows before it is compared, what is left or
// short, how long savings last, and which outcome the sentence says, essentials first.
import { describe, expect, it } from 'vitest';
import type { StressTest } from '../../src/lib/domain/resilience';
import { durationOf, stressPeriod, stressStory } from '../../src/lib/domain/stress-story';

const TODAY = '2026-12-05';
const known = (value: number) => ({ value, reason: null });

/** Salary of 5,000.00 a month stops; E is 3,000.00; savings 6,000.00 (PHP minor units). */
function stress(over: Partial<StressTest> = {}): StressTest {
  return {
    streamId: 'salary',
    fallPercent: 100,
    month: '2026-11',
    windowFrom: '2026-09',
    flaggedMonths: 0,
    streamMeanMinor: 500_000,
    streamEarlier: false,
    meanIncomeBefore: 600_000,
    meanIncomeAfter: 100_000,
    coverageBefore: known(1),
    coverageAfter: known(0.3),
    scoreBefore: 80,
    scoreAfter: 40,
    essentialMinor: 300_000,
    savingsMinor: 600_000,
    bufferLastsMonths: 3,
    bufferLastsMonthsBefore: Infinity,
    shortfallMinor: 200_000,
    bufferReason: null,
    ...over,
  };
}

describe('a duration', () => {
  it('is a number of months up to 24, and "more than 2 years" beyond', () => {
    expect(durationOf(0)).toEqual({ months: 0 });
    expect(durationOf(24)).toEqual({ months: 24 });
    expect(durationOf(24.01)).toEqual({ moreThanMonths: 24 });
  });
});

describe('the months the story reads', () => {
  it('are the complete months of the window, ending at the stress test’s month; none when W is empty', () => {
    expect(stressPeriod(stress(), TODAY)).toEqual({
      kind: 'complete-months',
      months: ['2026-09', '2026-10', '2026-11'],
      from: '2026-09-01',
      to: '2026-11-30',
      complete: true,
    });
    expect(stressPeriod(stress({ windowFrom: null }), TODAY)).toBeNull();
    expect(stressStory(stress({ windowFrom: null }), TODAY, 'PHP').period).toBeNull();
  });
});

describe('the story of a stream that stops', () => {
  it('short 2,000.00 a month: savings of 6,000.00 last 3 months; today 3,000.00 is left', () => {
    const s = stressStory(stress(), TODAY, 'PHP');
    expect(s.essentialMinor).toBe(300_000);
    expect(s.now).toEqual({
      incomeMinor: 600_000,
      margin: { kind: 'left', amountMinor: 300_000 },
      lasts: 'covered',
      score: 80,
    });
    expect(s.after).toEqual({
      incomeMinor: 100_000,
      margin: { kind: 'short', amountMinor: 200_000 },
      lasts: { months: 3 },
      score: 40,
    });
    expect(s.outcome).toEqual({ kind: 'short', shortfallMinor: 200_000, lasts: { months: 3 } });
    expect(s.compared).toBe(true);
    expect(s.lessSteady).toBe(false);
  });

  it('money is rounded to what the currency shows before it is compared: whole rupiah, centavos', () => {
    // Rp 2,999.60 left over reads as Rp 3,000 = E: nothing is short, rather than "short Rp 0".
    const idr = stressStory(
      stress({ meanIncomeAfter: 299_960, essentialMinor: 300_000 }),
      TODAY,
      'IDR',
    );
    expect(idr.after.incomeMinor).toBe(300_000);
    expect(idr.after.margin?.kind).toBe('left');
    // Exactly 0, never −0: formatted, −0 reads "-Rp 0" in the stress table and its sentence.
    expect(Object.is(idr.after.margin?.amountMinor, 0)).toBe(true);
    expect(idr.outcome.kind).toBe('covered');
    expect(stressStory(stress({ essentialMinor: 299_949 }), TODAY, 'IDR').essentialMinor).toBe(
      299_900,
    );
    // Pesos are shown in centavos: nothing to round.
    const php = stressStory(stress({ meanIncomeAfter: 299_999 }), TODAY, 'PHP');
    expect(php.after.margin).toEqual({ kind: 'short', amountMinor: 1 });
  });

  it('negative savings are none: the shortfall is said with 0 months', () => {
    const s = stressStory(stress({ savingsMinor: -50_000 }), TODAY, 'PHP');
    expect(s.outcome).toEqual({ kind: 'short', shortfallMinor: 200_000, lasts: { months: 0 } });
  });

  it('without savings the shortfall is said with the reason savings are unknown', () => {
    const none = stressStory(stress({ savingsMinor: null }), TODAY, 'PHP');
    expect(none.after.lasts).toBeNull();
    expect(none.outcome).toEqual({
      kind: 'short-unknown-savings',
      shortfallMinor: 200_000,
      reason: 'needs-savings',
    });
    const rate = stressStory(
      stress({ savingsMinor: null, bufferReason: 'needs-rate' }),
      TODAY,
      'PHP',
    );
    expect(rate.outcome).toEqual({
      kind: 'short-unknown-savings',
      shortfallMinor: 200_000,
      reason: 'needs-rate',
    });
  });

  it('no essentials (E 0 or unknown): no margin, and the outcome asks for them or for a rate', () => {
    for (const essentialMinor of [0, null]) {
      const s = stressStory(stress({ essentialMinor }), TODAY, 'PHP');
      expect(s.essentialMinor).toBeNull();
      expect(s.now).toEqual({ incomeMinor: 600_000, margin: null, lasts: null, score: 80 });
      expect(s.after.margin).toBeNull();
      expect(s.outcome).toEqual({ kind: 'unknown', reason: 'needs-essentials' });
    }
    const rate = stressStory(
      stress({ essentialMinor: null, bufferReason: 'needs-rate' }),
      TODAY,
      'PHP',
    );
    expect(rate.outcome).toEqual({ kind: 'unknown', reason: 'needs-rate' });
  });

  it('no month of income left to count: the outcome asks for a rate when months were left out, else for income', () => {
    const flagged = stressStory(stress({ meanIncomeAfter: null, flaggedMonths: 1 }), TODAY, 'PHP');
    expect(flagged.outcome).toEqual({ kind: 'unknown', reason: 'needs-rate' });
    const none = stressStory(stress({ meanIncomeAfter: null }), TODAY, 'PHP');
    expect(none.after).toEqual({ incomeMinor: null, margin: null, lasts: null, score: 40 });
    expect(none.outcome).toEqual({ kind: 'unknown', reason: 'needs-income' });
  });
});

describe('a stream with nothing to take away', () => {
  it('no income from it in the months read: nothing compared; it stopped earlier or has not begun', () => {
    for (const streamEarlier of [true, false]) {
      const s = stressStory(stress({ streamMeanMinor: 0, streamEarlier }), TODAY, 'PHP');
      expect(s.compared).toBe(false);
      expect(s.outcome).toEqual({ kind: 'no-income', earlier: streamEarlier });
    }
    // Less than one rupiah a month is nothing the card can show.
    const idr = stressStory(stress({ streamMeanMinor: 49 }), TODAY, 'IDR');
    expect(idr.outcome).toEqual({ kind: 'no-income', earlier: false });
    const noMonth = stressStory(stress({ streamMeanMinor: null }), TODAY, 'PHP');
    expect(noMonth.outcome).toEqual({ kind: 'no-income', earlier: false });
  });

  it('a month left out for a missing rate might have held some: the outcome asks for the rate', () => {
    const none = stressStory(stress({ streamMeanMinor: 0, flaggedMonths: 2 }), TODAY, 'PHP');
    expect(none.compared).toBe(false);
    expect(none.outcome).toEqual({ kind: 'unknown', reason: 'needs-rate' });
    // Every month of W left out: no mean at all, before or after.
    const allOut = stressStory(
      stress({
        streamMeanMinor: null,
        flaggedMonths: 3,
        meanIncomeBefore: null,
        meanIncomeAfter: null,
      }),
      TODAY,
      'PHP',
    );
    expect(allOut.outcome).toEqual({ kind: 'unknown', reason: 'needs-rate' });
    // Nothing of the stream counted, so its two columns are the same: no table of a change, and
    // the rate is what is asked for even when E is not known either.
    expect(allOut.compared).toBe(false);
    const noE = stressStory(
      stress({ streamMeanMinor: null, flaggedMonths: 3, essentialMinor: null }),
      TODAY,
      'PHP',
    );
    expect([noE.compared, noE.outcome]).toEqual([false, { kind: 'unknown', reason: 'needs-rate' }]);
  });
});

describe('covered, but less steady', () => {
  const covered = (over: Partial<StressTest>) =>
    stressStory(stress({ meanIncomeAfter: 400_000, ...over }), TODAY, 'PHP');

  it('the rest covers E: what is left is said, and savings are not touched', () => {
    const s = covered({});
    expect(s.after.lasts).toBe('covered');
    expect(s.outcome).toEqual({ kind: 'covered', leftMinor: 100_000 });
  });

  it('is said only when both the coverage part and the score fall', () => {
    expect(covered({}).lessSteady).toBe(true);
    expect(covered({ coverageAfter: known(1) }).lessSteady).toBe(false);
    expect(covered({ coverageAfter: known(1.2) }).lessSteady).toBe(false);
    expect(covered({ scoreAfter: 80 }).lessSteady).toBe(false);
    expect(covered({ scoreAfter: 81 }).lessSteady).toBe(false);
  });

  it('is not said when a coverage part or a score is unknown', () => {
    const unknown = { value: null, reason: 'needs-essentials' as const };
    expect(covered({ coverageBefore: unknown }).lessSteady).toBe(false);
    expect(covered({ coverageAfter: unknown }).lessSteady).toBe(false);
    expect(covered({ scoreBefore: null }).lessSteady).toBe(false);
    expect(covered({ scoreAfter: null }).lessSteady).toBe(false);
  });
});
