/**
 * The resilience score of a household for a month m over the trailing window W: its four
 * components (each a value or the reason it is unknown), the plain inputs behind them, the
 * series over time, the contribution of each stream and the stress test. Formulas, thresholds
 * and their sources are in docs/resilience.md; the arithmetic is in resilience-kernel.ts.
 */
import type { MonthKey } from './model';
import {
  K,
  RESILIENCE,
  componentValues,
  rawScoreOf,
  type ResilienceContext,
} from './resilience-kernel';

export {
  RESILIENCE,
  resilienceContext,
  type ResilienceContext,
  type ResilienceContextInput,
} from './resilience-kernel';

/** Why a component is unknown: the input that would complete it. */
export type UnknownReason =
  'needs-essentials' | 'needs-savings' | 'needs-history' | 'needs-income' | 'needs-rate';

/** A component in [0, 1], or unknown (value null) with the reason. Unknown is never 0. */
export interface Component {
  value: number | null;
  reason: UnknownReason | null;
}

export interface Components {
  diversification: Component;
  stability: Component;
  coverage: Component;
  buffer: Component;
}

export interface ScoreSummary {
  /** round(100 × mean of the known components), or null when none is known. */
  score: number | null;
  /** The same before rounding. */
  rawScore: number | null;
  components: Components;
}

/** A what-if: stream `row`'s income multiplied by `factor` (0 = it stops). */
export interface Variant {
  row: number;
  factor: number;
}

const orNull = (x: number): number | null => (x === x ? x : null);

/** Why E cannot be used, or null when it can. */
function essentialGap(essential: number): UnknownReason | null {
  if (Number.isNaN(essential)) return 'needs-rate';
  return essential > 0 ? null : 'needs-essentials';
}

/** Why an income measure is unknown: every month of W lacks a rate, or there is no income. */
function incomeGap(v: Float64Array): UnknownReason {
  return v[K.n] === 0 && v[K.flagged]! > 0 ? 'needs-rate' : 'needs-income';
}

function componentsOf(ctx: ResilienceContext, col: number, v: Float64Array): Components {
  const part = (value: number, reason: () => UnknownReason): Component =>
    value === value ? { value, reason: null } : { value: null, reason: reason() };
  const eGap = essentialGap(ctx.essential[col]!);
  return {
    diversification: part(v[K.D]!, () => incomeGap(v)),
    stability: part(v[K.S]!, () => {
      const n = v[K.n]!;
      if (n >= RESILIENCE.minHistoryMonths) return 'needs-income';
      // Fewer than 3 counted months: history is short, or flagged months took the rest.
      return n + v[K.flagged]! >= RESILIENCE.minHistoryMonths ? 'needs-rate' : 'needs-history';
    }),
    coverage: part(v[K.C]!, () => eGap ?? incomeGap(v)),
    buffer: part(v[K.B]!, () => {
      if (eGap !== null) return eGap;
      return ctx.savingsMissingRate[col] ? 'needs-rate' : 'needs-savings';
    }),
  };
}

function summaryOf(ctx: ResilienceContext, col: number, v: Float64Array): ScoreSummary {
  const raw = rawScoreOf(v);
  return {
    score: raw === raw ? Math.round(raw) : null,
    rawScore: orNull(raw),
    components: componentsOf(ctx, col, v),
  };
}

function valuesAt(ctx: ResilienceContext, col: number, variant: Variant | null): Float64Array {
  const v = new Float64Array(K.size);
  componentValues(ctx, col, variant?.row ?? -1, variant?.factor ?? 1, v);
  return v;
}

export interface StreamShare {
  streamId: string;
  /** Σ_W I_s / Σ_W I. */
  share: number;
  /** Σ_W I_s, base minor units. */
  incomeMinor: number;
}

export interface Resilience extends ScoreSummary {
  month: MonthKey;
  window: {
    /** First month of W, null when W is empty (m before the history starts). */
    from: MonthKey | null;
    to: MonthKey;
    /** The months of W that count. */
    months: MonthKey[];
    /** Months of W left out because some received entry had no rate. */
    flaggedMonths: MonthKey[];
  };
  inputs: {
    /** Σ_W I, base minor units. */
    totalIncomeMinor: number;
    /** Mean monthly income over W, null when no month counts. */
    meanIncomeMinor: number | null;
    /** I(m) for each counted month of W. */
    incomeByMonth: number[];
    shares: StreamShare[];
    hhi: number | null;
    effectiveSources: number | null;
    cv: number | null;
    /** Months of W with I(m) < 0.75 × mean. */
    dipMonths: MonthKey[];
    /** Mean monthly stable income over W. */
    stableIncomeMinor: number | null;
    stableStreamIds: string[];
    /** E, null when an essential plan had no rate. */
    essentialMinor: number | null;
    /** The savings snapshot in force, base minor units; null when none or without rate. */
    savingsMinor: number | null;
    bufferMonths: number | null;
  };
}

/** The full resilience picture of column `col`: components, score, window and plain inputs. */
export function resilienceAtColumn(ctx: ResilienceContext, col: number): Resilience {
  const v = valuesAt(ctx, col, null);
  const rows = ctx.streamIds.length;
  const from = ctx.windowFrom[col]!;
  const counted: number[] = [];
  const flagged: number[] = [];
  for (let c = from; c <= col; c++) (ctx.flagged[c] ? flagged : counted).push(c);
  const total = v[K.total]!;
  const mean = v[K.mean]!;
  const hhi = v[K.hhi]!;
  const sumOf = (r: number) => ctx.windowSums[col * rows + r]!;
  return {
    ...summaryOf(ctx, col, v),
    month: ctx.months[col]!,
    window: {
      from: from <= col ? ctx.months[from]! : null,
      to: ctx.months[col]!,
      months: counted.map((c) => ctx.months[c]!),
      flaggedMonths: flagged.map((c) => ctx.months[c]!),
    },
    inputs: {
      totalIncomeMinor: total,
      meanIncomeMinor: orNull(mean),
      incomeByMonth: counted.map((c) => ctx.totals[c]!),
      shares:
        total > 0
          ? ctx.streamIds.map((streamId, r) => ({
              streamId,
              share: sumOf(r) / total,
              incomeMinor: sumOf(r),
            }))
          : [],
      hhi: orNull(hhi),
      effectiveSources: hhi === hhi ? 1 / hhi : null,
      cv: orNull(v[K.cv]!),
      dipMonths:
        mean > 0
          ? counted
              .filter((c) => ctx.totals[c]! < RESILIENCE.dipRatio * mean)
              .map((c) => ctx.months[c]!)
          : [],
      stableIncomeMinor: orNull(v[K.stable]!),
      stableStreamIds: ctx.streamIds.filter((_, r) => ctx.windowStable[col * rows + r] === 1),
      essentialMinor: orNull(ctx.essential[col]!),
      savingsMinor: ctx.savingsMissingRate[col] ? null : orNull(ctx.savings[col]!),
      bufferMonths: orNull(v[K.bufferMonths]!),
    },
  };
}

/** Score and components of column `col`, optionally with one stream changed. */
export function scoreAtColumn(
  ctx: ResilienceContext,
  col: number,
  variant: Variant | null = null,
): ScoreSummary {
  return summaryOf(ctx, col, valuesAt(ctx, col, variant));
}

/** The column of `month` in the context, or −1 when outside it. */
export function columnOf(ctx: ResilienceContext, month: MonthKey): number {
  return ctx.months.indexOf(month);
}

export interface ResilienceSeries {
  months: MonthKey[];
  score: (number | null)[];
  diversification: (number | null)[];
  stability: (number | null)[];
  coverage: (number | null)[];
  buffer: (number | null)[];
}

/** Score and components for every column from `fromCol` to `toCol` (both included). */
export function resilienceSeries(
  ctx: ResilienceContext,
  fromCol: number,
  toCol: number,
): ResilienceSeries {
  const out: ResilienceSeries = {
    months: [],
    score: [],
    diversification: [],
    stability: [],
    coverage: [],
    buffer: [],
  };
  const v = new Float64Array(K.size);
  for (let c = Math.max(fromCol, 0); c <= toCol; c++) {
    componentValues(ctx, c, -1, 1, v);
    const raw = rawScoreOf(v);
    out.months.push(ctx.months[c]!);
    out.score.push(raw === raw ? Math.round(raw) : null);
    out.diversification.push(orNull(v[K.D]!));
    out.stability.push(orNull(v[K.S]!));
    out.coverage.push(orNull(v[K.C]!));
    out.buffer.push(orNull(v[K.B]!));
  }
  return out;
}

/**
 * The first column from `fromCol` to `toCol` whose window counts at least the minimum history
 * (3 months): before it, volatility and steady streams cannot be measured and a stream's
 * contribution swings with too little history. −1 when there is none.
 */
export function firstMeasuredColumn(
  ctx: ResilienceContext,
  fromCol: number,
  toCol: number,
): number {
  for (let c = Math.max(fromCol, 0); c <= toCol; c++) {
    if (ctx.windowCount[c]! >= RESILIENCE.minHistoryMonths) return c;
  }
  return -1;
}

export interface StressTest {
  streamId: string;
  /** 100 = the stream stops. */
  fallPercent: number;
  month: MonthKey;
  /** First month of W (the test reads W: complete months only); null when W is empty. */
  windowFrom: MonthKey | null;
  /** Months of W left out of every income figure for a missing rate. */
  flaggedMonths: number;
  /** The stream's own mean monthly income over W, before the change; null when no month counts. */
  streamMeanMinor: number | null;
  /** Whether the stream had income in some month before W (it stopped, rather than not begun). */
  streamEarlier: boolean;
  meanIncomeBefore: number | null;
  meanIncomeAfter: number | null;
  coverageBefore: Component;
  coverageAfter: Component;
  scoreBefore: number | null;
  scoreAfter: number | null;
  essentialMinor: number | null;
  savingsMinor: number | null;
  /**
   * Months the buffer lasts: savings / max(E − remaining mean income, 0); Infinity when the
   * remaining income still covers E; null when an input is missing (see `bufferReason`).
   */
  bufferLastsMonths: number | null;
  /** The same with today's income, so that the two columns compare like with like. */
  bufferLastsMonthsBefore: number | null;
  /** max(E − remaining mean income, 0): what savings would have to pay each month; null when unknown. */
  shortfallMinor: number | null;
  bufferReason: UnknownReason | null;
}

/** "If stream `row` stops (or falls by `fallPercent`%)" at column `col`. */
export function stressTestAtColumn(
  ctx: ResilienceContext,
  col: number,
  row: number,
  fallPercent: number,
): StressTest {
  const fall = Math.min(Math.max(fallPercent, 0), 100);
  const before = valuesAt(ctx, col, null);
  const after = valuesAt(ctx, col, { row, factor: 1 - fall / 100 });
  const essential = ctx.essential[col]!;
  const savings = ctx.savings[col]!;
  const remaining = after[K.mean]!;
  let bufferReason: UnknownReason | null = essentialGap(essential);
  if (bufferReason === null && ctx.savingsMissingRate[col]) bufferReason = 'needs-rate';
  if (bufferReason === null && Number.isNaN(savings)) bufferReason = 'needs-savings';
  if (bufferReason === null && Number.isNaN(remaining)) bufferReason = incomeGap(after);
  const lasts = (income: number): number => {
    const gap = essential - income;
    return gap > 0 ? Math.max(savings, 0) / gap : Infinity;
  };
  const bufferLastsMonths = bufferReason === null ? lasts(remaining) : null;
  const incomeBefore = before[K.mean]!;
  const bufferLastsMonthsBefore =
    bufferReason === null && !Number.isNaN(incomeBefore) ? lasts(incomeBefore) : null;
  const shortfallMinor =
    essential > 0 && !Number.isNaN(remaining) ? Math.max(essential - remaining, 0) : null;
  const beforeSummary = summaryOf(ctx, col, before);
  const afterSummary = summaryOf(ctx, col, after);
  const from = ctx.windowFrom[col]!;
  const n = ctx.windowCount[col]!;
  const line = ctx.income[row]!;
  let streamEarlier = false;
  for (let c = 0; c < Math.min(from, col + 1); c++) if (line[c]! > 0) streamEarlier = true;
  return {
    streamId: ctx.streamIds[row]!,
    fallPercent: fall,
    month: ctx.months[col]!,
    windowFrom: from <= col ? ctx.months[from]! : null,
    flaggedMonths: from <= col ? col - from + 1 - n : 0,
    streamMeanMinor: n > 0 ? ctx.windowSums[col * ctx.streamIds.length + row]! / n : null,
    streamEarlier,
    meanIncomeBefore: orNull(before[K.mean]!),
    meanIncomeAfter: orNull(remaining),
    coverageBefore: beforeSummary.components.coverage,
    coverageAfter: afterSummary.components.coverage,
    scoreBefore: beforeSummary.score,
    scoreAfter: afterSummary.score,
    essentialMinor: orNull(essential),
    savingsMinor: ctx.savingsMissingRate[col] ? null : orNull(savings),
    bufferLastsMonths,
    bufferLastsMonthsBefore,
    shortfallMinor,
    bufferReason,
  };
}
