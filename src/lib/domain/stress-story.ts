/**
 * The stress test in plain words: what income falls to, what would be short each month for the
 * essentials, and how long savings would cover that shortfall. Durations beyond two years are
 * not shown as a number ("298 months" reads as if losing the income helped): they are "more
 * than 2 years".
 */
import type { StressTest, UnknownReason } from './resilience';

/** Durations above this many months are said as "more than 2 years". */
export const MAX_SHOWN_MONTHS = 24;

/** A duration as shown: a number of months up to 24, or "more than 2 years". */
export type Duration = { months: number } | { moreThanMonths: typeof MAX_SHOWN_MONTHS };

export function durationOf(months: number): Duration {
  return months > MAX_SHOWN_MONTHS ? { moreThanMonths: MAX_SHOWN_MONTHS } : { months };
}

export type StressOutcome =
  /** The income left still covers the essentials: savings are not touched. */
  | { kind: 'covered' }
  /** Short `shortfallMinor` a month; savings cover it for `lasts` (months: 0 when no savings). */
  | { kind: 'short'; shortfallMinor: number; lasts: Duration }
  /** Short `shortfallMinor` a month, and the savings are unknown (`reason`). */
  | { kind: 'short-unknown-savings'; shortfallMinor: number; reason: UnknownReason }
  /** E (or income) is unknown: the shortfall cannot be said. */
  | { kind: 'unknown'; reason: UnknownReason };

export interface StressStory {
  incomeBeforeMinor: number | null;
  incomeAfterMinor: number | null;
  outcome: StressOutcome;
  /** How long savings last, now and after the change: like with like, for the table. */
  lastsBefore: Duration | 'covered' | null;
  lastsAfter: Duration | 'covered' | null;
}

function lasting(months: number | null): Duration | 'covered' | null {
  if (months === null) return null;
  return months === Infinity ? 'covered' : durationOf(months);
}

export function stressStory(stress: StressTest): StressStory {
  const story = {
    incomeBeforeMinor: stress.meanIncomeBefore,
    incomeAfterMinor: stress.meanIncomeAfter,
    lastsBefore: lasting(stress.bufferLastsMonthsBefore),
    lastsAfter: lasting(stress.bufferLastsMonths),
  };
  const short = stress.shortfallMinor;
  if (short === null) {
    return {
      ...story,
      outcome: { kind: 'unknown', reason: stress.bufferReason ?? 'needs-income' },
    };
  }
  if (short <= 0) return { ...story, outcome: { kind: 'covered' } };
  if (stress.bufferLastsMonths === null) {
    return {
      ...story,
      outcome: {
        kind: 'short-unknown-savings',
        shortfallMinor: short,
        reason: stress.bufferReason ?? 'needs-savings',
      },
    };
  }
  return {
    ...story,
    outcome: { kind: 'short', shortfallMinor: short, lasts: durationOf(stress.bufferLastsMonths) },
  };
}
