/**
 * The arithmetic core of the resilience score: the thresholds, the per-month window statistics
 * and one allocation-free function computing the four components of a month, optionally with one
 * stream scaled (0 = removed, for contributions; 1 − p/100 for the stress test).
 *
 * Why flat typed arrays and one kernel: the dashboard computes the score of every month, and again
 * without each stream in every month (10 years × 20 streams = 2,400 recomputations). Window sums
 * and "is this stream steady" flags are computed once per month for all streams, in a single pass
 * the engine optimises early; each recomputation is then O(streams + W) arithmetic.
 */
import type { MonthKey, StreamKind } from './model';
import type { SavingsInForce } from './savings';

/** Thresholds of the score; docs/resilience.md gives the source of each. */
export const RESILIENCE = {
  /** W: the trailing window, in months, ending at m. */
  windowMonths: 12,
  /** Volatility needs at least this many months of W. */
  minHistoryMonths: 3,
  /** ENS at which diversification is full (four equal sources). */
  fullDiversificationSources: 4,
  /** CV at which stability reaches 0 (US Financial Diaries: 56% for the lowest incomes). */
  volatileCv: 0.6,
  /** A stream whose own CV over W is below this counts as stable income. */
  stableCv: 0.15,
  /** A month below this share of the mean is a dip (US Financial Diaries). */
  dipRatio: 0.75,
  /** Savings covering this many months of E give a full buffer score. */
  bufferTargetMonths: 3,
} as const;

export interface ResilienceContextInput {
  /** Consecutive months, one per column. */
  months: readonly MonthKey[];
  /** One per row of `income`. */
  streams: readonly { id: string; kind: StreamKind }[];
  /** [row][col]: received income in base minor units. */
  income: readonly Float64Array[];
  /** [row][col]: received entries with no rate. A month with any is flagged and left out of W. */
  missing: readonly Int32Array[];
  /** Column of the first month of history, or −1 when there is none. */
  historyStart: number;
  /** Per column: E in base minor units, null when an essential plan had no rate. */
  essential: readonly (number | null)[];
  /** Per column: the savings snapshot in force at the end of the month. */
  savings: readonly (SavingsInForce | null)[];
}

export interface ResilienceContext {
  readonly months: readonly MonthKey[];
  readonly streamIds: readonly string[];
  readonly kinds: readonly StreamKind[];
  readonly income: readonly Float64Array[];
  /** Per column: Σ of every row. */
  readonly totals: Float64Array;
  /** Per column: 1 when some received entry of the month had no rate. */
  readonly flagged: Uint8Array;
  readonly historyStart: number;
  /** Per column: E, NaN when a rate is missing. */
  readonly essential: Float64Array;
  /** Per column: savings in base minor units; NaN when there is no snapshot yet. */
  readonly savings: Float64Array;
  /** Per column: 1 when the snapshot in force had no rate. */
  readonly savingsMissingRate: Uint8Array;
  /** Per column: first column of W; greater than the column itself when W is empty. */
  readonly windowFrom: Int32Array;
  /** Per column: months of W that count (flagged months left out). */
  readonly windowCount: Int32Array;
  /** [col × rows + row]: Σ of the row's income over the counted months of W. */
  readonly windowSums: Float64Array;
  /** [col × rows + row]: 1 when the row is stable income over W. */
  readonly windowStable: Uint8Array;
}

/**
 * W for each column c: from max(history start, c − 11) to c. Flagged months stay in the window's
 * span but are left out of every income statistic, so a missing rate never reads as a month
 * without income; the window is not stretched further back to make up for them.
 * A stream is stable income over W when it is `formal`, or when its own CV over the counted months
 * (months without income count as 0) is below 0.15 — which takes at least 3 months to show.
 */
function fillWindows(
  ctx: Omit<ResilienceContext, 'windowFrom' | 'windowCount' | 'windowSums' | 'windowStable'>,
) {
  const width = ctx.months.length;
  const rows = ctx.income.length;
  const flagged = ctx.flagged;
  const windowFrom = new Int32Array(width);
  const windowCount = new Int32Array(width);
  const windowSums = new Float64Array(width * rows);
  const windowStable = new Uint8Array(width * rows);
  for (let col = 0; col < width; col++) {
    const from =
      ctx.historyStart < 0
        ? col + 1
        : Math.max(ctx.historyStart, col - RESILIENCE.windowMonths + 1);
    windowFrom[col] = from;
    let n = 0;
    for (let c = from; c <= col; c++) if (!flagged[c]) n++;
    windowCount[col] = n;
  }
  // Stream by stream, so that each stream's line stays at hand for all its windows. Income read
  // from rollups is whole minor units: while a stream's running total stays a safe integer, a
  // window's sum is one exact subtraction of running totals. Otherwise (fractions, as in tests
  // that scale income) each window is summed directly, which keeps small windows accurate.
  const running = new Float64Array(width + 1);
  for (let r = 0; r < rows; r++) {
    const line = ctx.income[r]!;
    const formal = ctx.kinds[r] === 'formal';
    // Stryker disable next-line BooleanLiteral: starting inexact only sends each window to the direct sum, exact too for whole minor units below 2^53
    let exact = true;
    for (let c = 0; c < width; c++) {
      const x = flagged[c] ? 0 : line[c]!;
      running[c + 1] = running[c]! + x;
      // Stryker disable next-line ArithmeticOperator: running[c - 1] is undefined at c = 0, so every row would start inexact: the direct sum below gives the same sums
      if (!Number.isSafeInteger(x) || !Number.isSafeInteger(running[c + 1])) exact = false;
    }
    for (let col = 0; col < width; col++) {
      const from = windowFrom[col]!;
      const n = windowCount[col]!;
      let sum = 0;
      if (exact) sum = from <= col ? running[col + 1]! - running[from]! : 0;
      else for (let c = from; c <= col; c++) if (!flagged[c]) sum += line[c]!;
      const at = col * rows + r;
      windowSums[at] = sum;
      if (formal) {
        windowStable[at] = 1;
      } else if (n >= RESILIENCE.minHistoryMonths && sum > 0) {
        const mean = sum / n;
        let sq = 0;
        for (let c = from; c <= col; c++) {
          if (flagged[c]) continue;
          const d = line[c]! - mean;
          sq += d * d;
        }
        windowStable[at] = Math.sqrt(sq / n) / mean < RESILIENCE.stableCv ? 1 : 0;
      }
    }
  }
  return { windowFrom, windowCount, windowSums, windowStable };
}

export function resilienceContext(input: ResilienceContextInput): ResilienceContext {
  const width = input.months.length;
  const totals = new Float64Array(width);
  const flagged = new Uint8Array(width);
  input.income.forEach((line, r) => {
    const miss = input.missing[r]!;
    for (let c = 0; c < width; c++) {
      totals[c]! += line[c]!;
      if (miss[c]! > 0) flagged[c] = 1;
    }
  });
  const essential = new Float64Array(width);
  const savings = new Float64Array(width);
  const savingsMissingRate = new Uint8Array(width);
  for (let c = 0; c < width; c++) {
    essential[c] = input.essential[c] ?? NaN;
    const snap = input.savings[c] ?? null;
    savings[c] = snap === null ? NaN : (snap.amountMinor ?? NaN);
    savingsMissingRate[c] = snap !== null && snap.amountMinor === null ? 1 : 0;
  }
  const base = {
    months: input.months,
    streamIds: input.streams.map((s) => s.id),
    kinds: input.streams.map((s) => s.kind),
    income: input.income,
    totals,
    flagged,
    historyStart: input.historyStart,
    essential,
    savings,
    savingsMissingRate,
  };
  return { ...base, ...fillWindows(base) };
}

/** Slots of the kernel's output array. */
export const K = {
  /** Diversification D in [0, 1], NaN when unknown. */
  D: 0,
  /** Stability S. */
  S: 1,
  /** Coverage C. */
  C: 2,
  /** Buffer B. */
  B: 3,
  /** Σ_W I. */
  total: 4,
  /** Mean monthly income over W (NaN when no month counts). */
  mean: 5,
  hhi: 6,
  cv: 7,
  /** Mean monthly stable income over W. */
  stable: 8,
  bufferMonths: 9,
  /** Months of W that count. */
  n: 10,
  /** Months of W left out for a missing rate. */
  flagged: 11,
  size: 12,
} as const;

/**
 * The components of column `col` with row `vRow` multiplied by `vFactor` (vRow −1: as is), into
 * `out` (length K.size). Unknown components are NaN; their reasons are decided by the caller from
 * n, flagged, E and savings. Removing a row (factor 0) gives bit-for-bit the same numbers as
 * leaving it out, since adding 0 changes no sum.
 */
export function componentValues(
  ctx: ResilienceContext,
  col: number,
  vRow: number,
  vFactor: number,
  out: Float64Array,
): void {
  const rows = ctx.streamIds.length;
  const at = col * rows;
  const sums = ctx.windowSums;
  const stableRows = ctx.windowStable;
  const totals = ctx.totals;
  const flagged = ctx.flagged;
  const from = ctx.windowFrom[col]!;
  const n = ctx.windowCount[col]!;
  const span = col - from + 1;
  out[K.n] = n;
  out[K.flagged] = span > 0 ? span - n : 0;

  let total = 0;
  let stableSum = 0;
  for (let r = 0; r < rows; r++) {
    const s = r === vRow ? sums[at + r]! * vFactor : sums[at + r]!;
    total += s;
    if (stableRows[at + r]) stableSum += s;
  }
  out[K.total] = total;

  // Diversification: HHI over the window's income shares; ENS = 1 / HHI; D = (ENS − 1) / 3.
  let hhi = NaN;
  let d = NaN;
  if (n > 0 && total > 0) {
    hhi = 0;
    for (let r = 0; r < rows; r++) {
      const s = r === vRow ? sums[at + r]! * vFactor : sums[at + r]!;
      const share = s / total;
      hhi += share * share;
    }
    d = Math.min(Math.max((1 / hhi - 1) / (RESILIENCE.fullDiversificationSources - 1), 0), 1);
  }
  out[K.hhi] = hhi;
  out[K.D] = d;

  // Stability: population CV of monthly household income over W; S = 1 − min(CV / 0.6, 1).
  const mean = n > 0 ? total / n : NaN;
  out[K.mean] = mean;
  let cv = NaN;
  let st = NaN;
  if (n >= RESILIENCE.minHistoryMonths && mean > 0) {
    const line = vRow >= 0 ? ctx.income[vRow]! : null;
    const cut = 1 - vFactor;
    let sq = 0;
    for (let c = from; c <= col; c++) {
      if (flagged[c]) continue;
      const dev = (line === null ? totals[c]! : totals[c]! - cut * line[c]!) - mean;
      sq += dev * dev;
    }
    cv = Math.sqrt(sq / n) / mean;
    st = 1 - Math.min(cv / RESILIENCE.volatileCv, 1);
  }
  out[K.cv] = cv;
  out[K.S] = st;

  // Coverage: mean stable income over W against E. Buffer: savings in months of E.
  const essential = ctx.essential[col]!;
  const stable = n > 0 ? stableSum / n : NaN;
  out[K.stable] = stable;
  out[K.C] = essential > 0 && n > 0 ? Math.min(stable / essential, 1) : NaN;
  const savings = ctx.savings[col]!;
  const bufferMonths =
    essential > 0 && !ctx.savingsMissingRate[col] && savings === savings
      ? Math.max(savings, 0) / essential
      : NaN;
  out[K.bufferMonths] = bufferMonths;
  out[K.B] = Math.min(bufferMonths / RESILIENCE.bufferTargetMonths, 1);
}

/** 100 × the mean of the known components in `out`; NaN when none is known. */
export function rawScoreOf(out: Float64Array): number {
  let sum = 0;
  let count = 0;
  for (let k = K.D; k <= K.B; k++) {
    const v = out[k]!;
    if (v === v) {
      sum += v;
      count++;
    }
  }
  return count > 0 ? (100 * sum) / count : NaN;
}

/**
 * Reusable buffers for `rawScoresWithoutEach`, sized for `rows` streams: prefix and suffix sums
 * over streams of the window sums, of their squares and of the stable ones.
 */
export function withoutEachScratch(rows: number): Float64Array {
  return new Float64Array(6 * (rows + 1));
}

/**
 * For each stream j, the raw score of column `col` recomputed without j, into `out` (NaN when
 * no component is known); returns the household's own raw score.
 *
 * The same formulas as `componentValues`, arranged so that leaving j out costs O(W) instead of
 * O(streams + W): Σ_{i≠j} of the window sums, their squares (HHI = Σ T_i² / (Σ T_i)²) and the
 * stable ones come from prefix + suffix sums, never from a subtraction that would cancel when j
 * dominates. A stream with no income in W changes nothing: its score is the household's own.
 */
export function rawScoresWithoutEach(
  ctx: ResilienceContext,
  col: number,
  out: Float64Array,
  scratch: Float64Array,
  values: Float64Array,
): number {
  componentValues(ctx, col, -1, 1, values);
  const base = rawScoreOf(values);
  const rows = ctx.streamIds.length;
  const at = col * rows;
  const from = ctx.windowFrom[col]!;
  const n = ctx.windowCount[col]!;
  const essential = ctx.essential[col]!;
  const buffer = values[K.B]!; // income plays no part in it
  const w = rows + 1;
  const sums = ctx.windowSums;
  const stableRows = ctx.windowStable;
  const totals = ctx.totals;
  const flagged = ctx.flagged;
  // Layout: [preT | preQ | preS | sufT | sufQ | sufS], each rows + 1 long.
  scratch.fill(0);
  for (let r = 0; r < rows; r++) {
    const t = sums[at + r]!;
    scratch[r + 1] = scratch[r]! + t;
    scratch[w + r + 1] = scratch[w + r]! + t * t;
    scratch[2 * w + r + 1] = scratch[2 * w + r]! + (stableRows[at + r] ? t : 0);
  }
  for (let r = rows - 1; r >= 0; r--) {
    const t = sums[at + r]!;
    scratch[3 * w + r] = scratch[3 * w + r + 1]! + t;
    scratch[4 * w + r] = scratch[4 * w + r + 1]! + t * t;
    scratch[5 * w + r] = scratch[5 * w + r + 1]! + (stableRows[at + r] ? t : 0);
  }
  for (let j = 0; j < rows; j++) {
    if (sums[at + j] === 0) {
      out[j] = base;
      continue;
    }
    const total = scratch[j]! + scratch[3 * w + j + 1]!;
    const squares = scratch[w + j]! + scratch[4 * w + j + 1]!;
    const stableSum = scratch[2 * w + j]! + scratch[5 * w + j + 1]!;
    let sum = 0;
    let count = 0;
    if (n > 0 && total > 0) {
      const ens = (total * total) / squares;
      sum += Math.min(Math.max((ens - 1) / (RESILIENCE.fullDiversificationSources - 1), 0), 1);
      count++;
    }
    const mean = n > 0 ? total / n : NaN;
    if (n >= RESILIENCE.minHistoryMonths && mean > 0) {
      const line = ctx.income[j]!;
      let sq = 0;
      for (let c = from; c <= col; c++) {
        if (flagged[c]) continue;
        const dev = totals[c]! - line[c]! - mean;
        sq += dev * dev;
      }
      sum += 1 - Math.min(Math.sqrt(sq / n) / mean / RESILIENCE.volatileCv, 1);
      count++;
    }
    if (essential > 0 && n > 0) {
      sum += Math.min(stableSum / n / essential, 1);
      count++;
    }
    if (buffer === buffer) {
      sum += buffer;
      count++;
    }
    out[j] = count > 0 ? (100 * sum) / count : NaN;
  }
  return base;
}
