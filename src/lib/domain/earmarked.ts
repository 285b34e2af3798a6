/**
 * Earmarked coverage in plain words ("Covered: ₱5,257 earned vs ₱299 planned"; "more than 10
 * times" rather than "1,758%"), and the coverage of one month straight from rollups, for views
 * that do not compute the whole dashboard (the Pay view's micro-task rows).
 */
import { liveRates } from './base-amount';
import {
  STREAM_KINDS,
  type CurrencyCode,
  type IsoDate,
  type MonthKey,
  type Plan,
  type Rate,
  type Rollup,
  type Stream,
  type StreamKind,
} from './model';
import { completeMonth, monthSoFar, type Period } from './periods';
import {
  earmarkedCoverage,
  earmarkedNotYet,
  type EarmarkedCoverage,
  type KindIncome,
  type PlanNotYet,
} from './plans';

/** Ratios above this are said as "more than 10 times". */
export const MAX_SHOWN_TIMES = 10;

export type CoverageWords =
  /** Below twice the cost: a percentage ("paid 140% of the data plan"). */
  | { kind: 'percent'; ratio: number }
  /** From 2 to 10 times: "paid 3.5 times the data plan". */
  | { kind: 'times'; times: number }
  | { kind: 'more-than'; times: typeof MAX_SHOWN_TIMES };

export function coverageWords(ratio: number): CoverageWords {
  if (ratio > MAX_SHOWN_TIMES) return { kind: 'more-than', times: MAX_SHOWN_TIMES };
  return ratio >= 2 ? { kind: 'times', times: ratio } : { kind: 'percent', ratio };
}

/** Earmarked coverage of `month` from the household's rollups (received income per kind). */
export function earmarkedOfMonth(input: {
  rollups: readonly Rollup[];
  streams: readonly Stream[];
  plans: readonly Plan[];
  rates: readonly Rate[];
  baseCurrency: CurrencyCode;
  month: MonthKey;
}): EarmarkedCoverage[] {
  return earmarkedCoverage(
    input.plans,
    input.month,
    kindIncomeOfMonth(input.rollups, input.streams, input.month),
    input.baseCurrency,
    liveRates(input.rates),
  );
}

/** Earmarked coverage of one month-long period, and the plans it cannot judge yet. */
export interface EarmarkedOfPeriod {
  /** "December so far" or "November 2026" (a single month). */
  period: Period;
  groups: EarmarkedCoverage[];
  /** Earmarked plans first due after the period: "starts 10 Dec", never "0%". */
  notYet: PlanNotYet[];
}

/** Coverage of `period` (one month) from the income of its funding kinds in that month. */
export function earmarkedOfPeriod(
  period: Period,
  plans: readonly Plan[],
  income: KindIncome,
  baseCurrency: CurrencyCode,
  rates: readonly Rate[],
): EarmarkedOfPeriod {
  const month = period.months[period.months.length - 1]!;
  return {
    period,
    groups: earmarkedCoverage(plans, month, income, baseCurrency, liveRates(rates)),
    notYet: earmarkedNotYet(plans, month),
  };
}

/** Received income per kind in `month` from rollups (and the entries with no rate). */
function kindIncomeOfMonth(
  rollups: readonly Rollup[],
  streams: readonly Stream[],
  month: MonthKey,
): KindIncome {
  const kindOf = new Map<string, StreamKind>();
  for (const s of streams) if (s.deletedAt === null) kindOf.set(s.id, s.kind);
  const byKind = Object.fromEntries(STREAM_KINDS.map((k) => [k, 0])) as Record<StreamKind, number>;
  const missingByKind = { ...byKind };
  for (const r of rollups) {
    const kind = kindOf.get(r.streamId);
    if (kind === undefined || r.month !== month || r.status !== 'received') continue;
    if (r.count <= 0) continue;
    byKind[kind] += r.baseMinor;
    missingByKind[kind] += r.missingRateCount;
  }
  return { byKind, missingByKind };
}

/**
 * Earmarked coverage of this month so far and of the last complete month, each named by its
 * period, straight from rollups (the Pay view's micro-task rows).
 */
export function earmarkedNowAndLast(input: {
  rollups: readonly Rollup[];
  streams: readonly Stream[];
  plans: readonly Plan[];
  rates: readonly Rate[];
  baseCurrency: CurrencyCode;
  today: IsoDate;
}): { soFar: EarmarkedOfPeriod; last: EarmarkedOfPeriod } {
  const of = (period: Period) =>
    earmarkedOfPeriod(
      period,
      input.plans,
      kindIncomeOfMonth(input.rollups, input.streams, period.months[0]!),
      input.baseCurrency,
      input.rates,
    );
  return { soFar: of(monthSoFar(input.today)), last: of(completeMonth(input.today)) };
}
