/**
 * The stress test in plain words and in its table, from one set of figures: what income falls
 * to, what is left or short each month after the essentials, how long savings would cover a
 * shortfall, and the score. The sentence and the table both read this object, so they can never
 * disagree (issue 22: the sentence said "other income still covers the essentials" from the mean
 * income while the table's "Essentials covered" row showed steady income's share of them falling
 * 100% → 70%).
 *
 * The test reads W, the score's window: complete months only, which the card names ("Dec 2025 –
 * Nov 2026"). A stream with no income in those months is said so ("No income from X in … yet")
 * instead of "income falls from ₱0.00 to ₱0.00". Money is rounded to what the currency shows
 * (centavos for pesos, whole rupiah and đồng) before anything is compared, so a shortfall shown is
 * never "Rp 0" and "covered" is never a few hundredths short. Durations beyond two years are not shown as a number ("298 months" reads as
 * if losing the income helped): they are "more than 2 years".
 */
import type { IsoDate } from './model';
import { currencyExponent, displayDecimals } from './money';
import { monthRange } from './months';
import { completeMonths, type Period } from './periods';
import type { StressTest, UnknownReason } from './resilience';

/** Durations above this many months are said as "more than 2 years". */
export const MAX_SHOWN_MONTHS = 24;

/** A duration as shown: a number of months up to 24, or "more than 2 years". */
export type Duration = { months: number } | { moreThanMonths: typeof MAX_SHOWN_MONTHS };

export function durationOf(months: number): Duration {
  return months > MAX_SHOWN_MONTHS ? { moreThanMonths: MAX_SHOWN_MONTHS } : { months };
}

/** What a month's income leaves after the essentials: some left (≥ 0), or some short (> 0). */
export type Margin = { kind: 'left'; amountMinor: number } | { kind: 'short'; amountMinor: number };

/** One column of the table: today's income ("now") or the income after the change. */
export interface StressColumn {
  /** Mean monthly income over the period, rounded as shown; null when no month counts. */
  incomeMinor: number | null;
  /** Income − essentials; null when either is unknown. */
  margin: Margin | null;
  /** How long savings cover the shortfall; 'covered' when nothing is short; null when unknown. */
  lasts: Duration | 'covered' | null;
  score: number | null;
}

export type StressOutcome =
  /** The stream brought nothing in the period: the test has nothing to take away. */
  | { kind: 'no-income'; earlier: boolean }
  /** The income left still covers the essentials: savings are not touched. */
  | { kind: 'covered'; leftMinor: number }
  /** Short `shortfallMinor` a month; savings cover it for `lasts` (months: 0 when no savings). */
  | { kind: 'short'; shortfallMinor: number; lasts: Duration }
  /** Short `shortfallMinor` a month, and the savings are unknown (`reason`). */
  | { kind: 'short-unknown-savings'; shortfallMinor: number; reason: UnknownReason }
  /** E (or income) is unknown: the shortfall cannot be said. */
  | { kind: 'unknown'; reason: UnknownReason };

export interface StressStory {
  /** The months the figures read (complete months, the score's window); null when none yet. */
  period: Period | null;
  /** E, rounded as shown; null when unknown. */
  essentialMinor: number | null;
  now: StressColumn;
  after: StressColumn;
  /** The sentence's verdict: read off `after`, never computed apart. */
  outcome: StressOutcome;
  /**
   * Whether the table has a change to show: false when the stream brought nothing countable in
   * the period (its two columns would be the same).
   */
  compared: boolean;
  /**
   * Covered, but less of the income left is steady (the score's coverage part falls): the
   * reason the score drops while nothing is short.
   */
  lessSteady: boolean;
}

/**
 * The smallest amount `currency` is shown with, in minor units (IDR and VND are shown without
 * decimals: 100 minor units of IDR).
 */
function shownUnit(currency: string): number {
  return 10 ** Math.max(currencyExponent(currency) - displayDecimals(currency), 0);
}

/** The months `stress` read, as a period; null when its window is empty. */
export function stressPeriod(stress: StressTest, today: IsoDate): Period | null {
  if (stress.windowFrom === null) return null;
  const count = monthRange(stress.windowFrom, stress.month).length;
  return completeMonths(today, count, stress.month);
}

/**
 * The story of `stress` (computed by the dashboard of `today`), its money rounded to what
 * `currency` shows, so that every figure compared is one the card can say.
 */
export function stressStory(stress: StressTest, today: IsoDate, currency: string): StressStory {
  const unit = shownUnit(currency);
  const whole = (minor: number | null): number | null =>
    minor === null ? null : Math.round(minor / unit) * unit;
  const essential = whole(stress.essentialMinor);
  const knownE = essential !== null && essential > 0 ? essential : null;
  // Savings are usable only when the buffer's inputs are all there (no missing rate, a snapshot).
  const savings =
    knownE !== null && stress.savingsMinor !== null ? Math.max(stress.savingsMinor, 0) : null;

  const column = (mean: number | null, score: number | null): StressColumn => {
    const income = whole(mean);
    if (income === null || knownE === null) {
      return { incomeMinor: income, margin: null, lasts: null, score };
    }
    const gap = knownE - income;
    if (gap <= 0) {
      return {
        incomeMinor: income,
        // Not `-gap`: a gap of 0 would give −0, which formats as "-Rp 0".
        margin: { kind: 'left', amountMinor: income - knownE },
        lasts: 'covered',
        score,
      };
    }
    return {
      incomeMinor: income,
      margin: { kind: 'short', amountMinor: gap },
      lasts: savings === null ? null : durationOf(savings / gap),
      score,
    };
  };
  const now = column(stress.meanIncomeBefore, stress.scoreBefore);
  const after = column(stress.meanIncomeAfter, stress.scoreAfter);
  const story = {
    period: stressPeriod(stress, today),
    essentialMinor: knownE,
    now,
    after,
    lessSteady: false,
    compared: true,
  };

  const streamMean = stress.streamMeanMinor;
  if (streamMean === null || whole(streamMean) === 0) {
    // Nothing of this stream in the period (no month of it counted, or nothing in those that
    // were): the two columns are the same, so nothing is compared. A month left out for a
    // missing rate might have held some, which only the rate can tell.
    if (stress.flaggedMonths > 0)
      return { ...story, compared: false, outcome: { kind: 'unknown', reason: 'needs-rate' } };
    return {
      ...story,
      compared: false,
      outcome: { kind: 'no-income', earlier: stress.streamEarlier },
    };
  }
  const margin = after.margin;
  if (margin === null) {
    const reason: UnknownReason =
      knownE === null
        ? (stress.bufferReason ?? 'needs-essentials')
        : stress.flaggedMonths > 0
          ? 'needs-rate'
          : 'needs-income';
    return { ...story, outcome: { kind: 'unknown', reason } };
  }
  if (margin.kind === 'left') {
    const before = stress.coverageBefore.value;
    const afterCoverage = stress.coverageAfter.value;
    const lessSteady =
      before !== null &&
      afterCoverage !== null &&
      afterCoverage < before &&
      now.score !== null &&
      after.score !== null &&
      after.score < now.score;
    return { ...story, lessSteady, outcome: { kind: 'covered', leftMinor: margin.amountMinor } };
  }
  if (after.lasts === null || after.lasts === 'covered') {
    return {
      ...story,
      outcome: {
        kind: 'short-unknown-savings',
        shortfallMinor: margin.amountMinor,
        reason: stress.bufferReason ?? 'needs-savings',
      },
    };
  }
  return {
    ...story,
    outcome: { kind: 'short', shortfallMinor: margin.amountMinor, lasts: after.lasts },
  };
}
