/**
 * The income statement a lender asks for (issue 26): one member's or the household's received
 * income over the last 3, 6 or 12 complete months, per source and per month, with the average
 * month, the lowest month, the months with income, the largest source's share and how much
 * income varies.
 *
 * One definition per figure:
 * - a month's income is the sum of its received entries, each converted by `amountOf`. By default
 *   that is the dated rate (base-amount.ts, as month-totals.ts sums a month); the payouts that
 *   record what landed plug in their own function (what reached the household, net of fees).
 *   An entry `amountOf` cannot convert is counted apart per month, never as 0;
 * - how much income varies is the resilience score's stability, computed by the score's own
 *   kernel (resilience-kernel.ts) over the statement's months as its window.
 */
import { baseMinorOrNull, liveRates, type RateRecordLike } from './base-amount';
import type { CurrencyCode, Entry, IsoDate, MinorUnits, MonthKey, Rollup, Stream } from './model';
import { addMonths, lastCompleteMonth, monthIndex, monthOf, monthRange } from './months';
import { componentValues, K, RESILIENCE, resilienceContext } from './resilience-kernel';

export const STATEMENT_MONTHS = [3, 6, 12] as const;
export type StatementMonths = (typeof STATEMENT_MONTHS)[number];

export type StatementEntry = Pick<
  Entry,
  'streamId' | 'memberId' | 'date' | 'amountMinor' | 'currency' | 'status' | 'deletedAt'
>;
export type StatementStream = Pick<Stream, 'id' | 'name' | 'memberId' | 'kind' | 'deletedAt'>;

/** An entry's received amount in base minor units, or null when it cannot be converted. */
export type ReceivedAmount<E extends StatementEntry = StatementEntry> = (
  entry: E,
  rates: readonly RateRecordLike[],
) => MinorUnits | null;

/** Today's rule: the amount at the rate in force on the entry's date. */
export function datedRateAmount(baseCurrency: CurrencyCode): ReceivedAmount {
  return (e, rates) => baseMinorOrNull(e.amountMinor, e.currency, baseCurrency, e.date, rates);
}

export interface StatementInput<E extends StatementEntry = StatementEntry> {
  entries: readonly E[];
  streams: readonly StatementStream[];
  rates: readonly RateRecordLike[];
  baseCurrency: CurrencyCode;
  today: IsoDate;
  months: StatementMonths;
  /** One member's streams; null for the household. */
  memberId: string | null;
  /** Per-entry received amount; by default the dated rate. */
  amountOf?: ReceivedAmount<E>;
  /**
   * Where the score's history starts (its first month with any entry of these streams), read from
   * the rollups when `entries` hold only the period's; from `entries` when omitted.
   */
  history?: readonly Pick<Rollup, 'streamId' | 'month' | 'count'>[];
}

export interface StatementSource {
  streamId: string;
  name: string;
  /** Per month of `months`, base minor units. */
  perMonth: MinorUnits[];
  totalMinor: MinorUnits;
}

/**
 * The statement's order of sources, a consistent total order: the largest total first; equal
 * totals by name.
 */
export function compareSources(a: StatementSource, b: StatementSource): number {
  if (b.totalMinor !== a.totalMinor) return b.totalMinor - a.totalMinor;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** How much income varies, in words: by the score's own thresholds. */
export type Variation = 'steady' | 'varies' | 'varies-a-lot';

export interface IncomeStatement {
  baseCurrency: CurrencyCode;
  memberId: string | null;
  /** The complete months covered, oldest first. */
  months: MonthKey[];
  /** Sources with income in the period, largest first (then by name). */
  sources: StatementSource[];
  /** Per month: the sum of every source. */
  monthTotals: MinorUnits[];
  totalMinor: MinorUnits;
  /** Total ÷ months, rounded to the minor unit. */
  averageMinor: MinorUnits;
  /** The first month with the smallest total. */
  lowest: { month: MonthKey; amountMinor: MinorUnits };
  monthsWithIncome: number;
  /** The largest source and its share of the total (0–1); null when there is no income. */
  largest: { streamId: string; name: string; share: number } | null;
  /**
   * The score's stability over the statement's months: the coefficient of variation of monthly
   * income and S = 1 − min(CV / 0.6, 1), with the words it reads as. Null when fewer than 3
   * months count or there is no income (the score leaves it unknown then too).
   */
  stability: { cv: number; score: number; words: Variation } | null;
  /** Per month: received entries left out because they could not be converted. */
  missingPerMonth: number[];
}

/** The last `count` complete months before `today`'s month, oldest first. */
export function statementMonths(today: IsoDate, count: StatementMonths): MonthKey[] {
  const last = lastCompleteMonth(today);
  return monthRange(addMonths(last, 1 - count), last);
}

/** The words of a coefficient of variation, by the score's thresholds (stable income < 15%). */
export function variationWords(cv: number): Variation {
  if (cv < RESILIENCE.stableCv) return 'steady';
  return cv < RESILIENCE.volatileCv / 2 ? 'varies' : 'varies-a-lot';
}

export function incomeStatement<E extends StatementEntry>(
  input: StatementInput<E>,
): IncomeStatement {
  const months = statementMonths(input.today, input.months);
  const width = months.length;
  const first = monthIndex(months[0]!);
  const rates = liveRates(input.rates);
  const amountOf = input.amountOf ?? datedRateAmount(input.baseCurrency);
  const streams = input.streams.filter(
    (s) => s.deletedAt === null && (input.memberId === null || s.memberId === input.memberId),
  );
  const rowOf = new Map<string, number>();
  streams.forEach((s, i) => rowOf.set(s.id, i));
  const income = streams.map(() => new Float64Array(width));
  const missing = streams.map(() => new Int32Array(width));
  // The score's history starts at the first month with any entry of these streams.
  let historyIndex: number | null = null;
  for (const e of input.entries) {
    if (e.deletedAt !== null) continue;
    const row = rowOf.get(e.streamId);
    if (row === undefined) continue;
    const index = monthIndex(monthOf(e.date));
    if (!input.history && (historyIndex === null || index < historyIndex)) historyIndex = index;
    const col = index - first;
    if (e.status !== 'received' || col < 0 || col >= width) continue;
    const amount = amountOf(e, rates);
    if (amount === null) missing[row]![col]! += 1;
    else income[row]![col]! += amount;
  }

  // Stryker disable next-line ArrayDeclaration: a made-up element has no count and no stream, so it is skipped
  for (const r of input.history ?? []) {
    if (r.count <= 0 || !rowOf.has(r.streamId)) continue;
    const index = monthIndex(r.month);
    if (historyIndex === null || index < historyIndex) historyIndex = index;
  }

  const sources: StatementSource[] = [];
  streams.forEach((s, r) => {
    const perMonth = Array.from(income[r]!, (x) => x as MinorUnits);
    const totalMinor = perMonth.reduce((a, b) => a + b, 0);
    if (totalMinor !== 0 || missing[r]!.some((n) => n > 0))
      sources.push({ streamId: s.id, name: s.name, perMonth, totalMinor });
  });
  sources.sort(compareSources);
  const monthTotals = months.map((_, c) => income.reduce((sum, line) => sum + line[c]!, 0));
  const totalMinor = monthTotals.reduce((a, b) => a + b, 0);
  let low = 0;
  monthTotals.forEach((t, c) => {
    if (t < monthTotals[low]!) low = c;
  });
  const top = sources[0];

  const ctx = resilienceContext({
    months,
    streams,
    income,
    missing,
    historyStart: historyIndex === null ? -1 : Math.max(0, historyIndex - first),
    // Stryker disable next-line ArrowFunction: the kernel reads undefined as null (`?? NaN`, `?? null`)
    essential: months.map(() => null),
    // Stryker disable next-line ArrowFunction: the kernel reads undefined as null (`?? NaN`, `?? null`)
    savings: months.map(() => null),
  });
  const out = new Float64Array(K.size);
  componentValues(ctx, width - 1, -1, 1, out);
  const cv = out[K.cv]!;
  const score = out[K.S]!;

  return {
    baseCurrency: input.baseCurrency,
    memberId: input.memberId,
    months,
    sources,
    monthTotals,
    totalMinor,
    averageMinor: Math.round(totalMinor / width),
    lowest: { month: months[low]!, amountMinor: monthTotals[low]! },
    monthsWithIncome: monthTotals.filter((t) => t > 0).length,
    largest:
      top && totalMinor > 0
        ? { streamId: top.streamId, name: top.name, share: top.totalMinor / totalMinor }
        : null,
    stability: Number.isNaN(cv) ? null : { cv, score, words: variationWords(cv) },
    missingPerMonth: months.map((_, c) => missing.reduce((sum, line) => sum + line[c]!, 0)),
  };
}
