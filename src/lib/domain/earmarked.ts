/**
 * Earmarked coverage in plain words ("Covered: ₱5,257 earned vs ₱299 planned"; "more than 10
 * times" rather than "1,758%"), and the coverage of one month straight from rollups, for views
 * that do not compute the whole dashboard (the Pay view's micro-task rows).
 */
import { liveRates } from './base-amount';
import {
  STREAM_KINDS,
  type CurrencyCode,
  type MonthKey,
  type Plan,
  type Rate,
  type Rollup,
  type Stream,
  type StreamKind,
} from './model';
import { earmarkedCoverage, type EarmarkedCoverage } from './plans';

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
  const kindOf = new Map<string, StreamKind>();
  for (const s of input.streams) if (s.deletedAt === null) kindOf.set(s.id, s.kind);
  const byKind = Object.fromEntries(STREAM_KINDS.map((k) => [k, 0])) as Record<StreamKind, number>;
  const missingByKind = { ...byKind };
  for (const r of input.rollups) {
    const kind = kindOf.get(r.streamId);
    if (kind === undefined || r.month !== input.month || r.status !== 'received') continue;
    if (r.count <= 0) continue;
    byKind[kind] += r.baseMinor;
    missingByKind[kind] += r.missingRateCount;
  }
  return earmarkedCoverage(
    input.plans,
    input.month,
    { byKind, missingByKind },
    input.baseCurrency,
    liveRates(input.rates),
  );
}
