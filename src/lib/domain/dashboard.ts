/**
 * The one entry point of the dashboard (and of the benchmark): everything it draws, computed
 * from rollups and the small tables, with no database or UI. Pure and synchronous, so Node can
 * import it and a worker could run it.
 *
 * Speed: the rollup rows are read once into dense per-stream month arrays (income-table.ts);
 * the rest is array arithmetic (resilience.ts). 10 years × 20 streams takes a few ms.
 */
import { liveRates } from './base-amount';
import type { Debt, Repayment } from './debt-model';
import { incomeTable, monthSpanOfRows, type IncomeTable } from './income-table';
import {
  STREAM_KINDS,
  type CurrencyCode,
  type IsoDate,
  type MonthKey,
  type Plan,
  type Rate,
  type Rollup,
  type Saving,
  type Stream,
  type StreamKind,
  type Training,
  type Fund,
  type SetAside,
} from './model';
import {
  addMonths,
  inProgressMonth,
  lastCompleteMonth,
  monthIndex,
  monthKeyAt,
  monthOf,
} from './months';
import { earmarkedCoverage, forecast, type EarmarkedCoverage, type ForecastMonth } from './plans';
import {
  contributionSeries,
  contributionsAtColumn,
  type StreamContribution,
} from './resilience-contributions';
import {
  firstMeasuredColumn,
  resilienceAtColumn,
  resilienceContext,
  resilienceSeries,
  type ResilienceSeries,
  stressTestAtColumn,
  type Resilience,
  type StreamShare,
  type StressTest,
} from './resilience';
import { pendingByPeriod, type PendingInPeriod } from './pending';
import { flaggedMonthsOf, type FlaggedMonth } from './rollup-series';
import type { GroupsInScore } from './groups-score';
import { scoreNeeds } from './score-needs';

export interface DashboardInput extends GroupsInScore {
  rollups: Rollup[];
  streams: Stream[];
  plans: Plan[];
  savings: Saving[];
  rates: Rate[];
  /** Not used by the dashboard itself (see pay.ts); accepted so callers pass one bundle. */
  training: Training[];
  /** Funds and the money set aside for them (optional: none leaves the buffer as it was). */
  funds?: Fund[];
  setAsides?: SetAside[];
  baseCurrency: CurrencyCode;
  today: IsoDate;
  /** The month to show; by default the last complete month. Never the in-progress month. */
  asOf?: MonthKey;
  /** Only this member's streams count as income (expenses stay household-wide). */
  memberId?: string | null;
  stress?: { streamId: string; fallPercent: number } | null;
  /** Debts and their repayments: instalments due are essential costs (debt-share.ts). */
  debts?: readonly Debt[];
  repayments?: readonly Repayment[];
}

/** `months` run from the first month of history to `asOf`. */
export interface DashboardSeries extends ResilienceSeries {
  /** Received income, base minor units. Flagged months hold only the entries that had a rate. */
  incomeTotal: number[];
  incomeByKind: Record<StreamKind, number[]>;
  incomeByStream: Record<string, number[]>;
  pendingTotal: number[];
  /** True where some received entry had no rate (the month is left out of W). */
  flagged: boolean[];
}

export interface DashboardData {
  /**
   * Savings groups at `asOf` (groups-score.ts): the contributions at risk counted in the buffer
   * and the contributions counted in E, base minor units (null: a rate is missing).
   */
  groups: { atRiskMinor: number | null; contributionsMinor: number | null };
  baseCurrency: CurrencyCode;
  memberId: string | null;
  /** The month shown: the score, components and shares are of this month's window. */
  asOf: MonthKey;
  /** The current month: shown apart, never in a window. */
  inProgressMonth: MonthKey;
  /** First month with any entry (or, with none yet, the earliest stream start). */
  historyStart: MonthKey | null;
  /**
   * First month up to `asOf` whose window counts 3 months (the minimum history): the "over time"
   * charts start there. null when no month has that much history yet.
   */
  measuredFrom: MonthKey | null;
  /** Score, components (value or unknown reason), window and plain inputs at `asOf`. */
  resilience: Resilience;
  series: DashboardSeries;
  /** Shares by stream over the window ending at `asOf` (the last 12 months). */
  shares: StreamShare[];
  contributions: {
    now: StreamContribution[];
    /** Per stream, aligned with `series.months`. */
    overTime: Record<string, (number | null)[]>;
  };
  stress: StressTest | null;
  /** Earmarked coverage per plan group in `asOf`. */
  earmarked: EarmarkedCoverage[];
  /** The in-progress month and the two after it. */
  forecast: ForecastMonth[];
  /**
   * Pending (earned, not paid out) per period, newest first (pending.ts pendingByPeriod): this
   * month so far, the last complete month, then older months when some are still pending. Each
   * period's figure is shown once, with its period's name.
   */
  pending: PendingInPeriod[];
  /** Every month with an entry lacking a rate, any status. */
  flaggedMonths: FlaggedMonth[];
  inProgress: {
    month: MonthKey;
    receivedMinor: number;
    byKind: Record<StreamKind, number>;
    /** This month so far's pending: the same object as `pending[0]`. */
    pending: PendingInPeriod;
    missingRateCount: number;
  };
}

const FORECAST_MONTHS = 3;
const FORECAST_TRAILING_MONTHS = 6;

function emptyByKind(): Record<StreamKind, number> {
  return { formal: 0, informal: 0, microtask: 0, support: 0 };
}

/** Received income and missing-rate counts per kind in column `col`. */
function kindTotalsAt(table: IncomeTable, col: number) {
  const byKind = emptyByKind();
  const missingByKind = emptyByKind();
  // Stryker disable next-line LogicalOperator: both callers pass a column inside the table (the month shown and the month in progress lie between its first and last month), so the guard is always true
  if (col >= 0 && col < table.months.length) {
    table.streams.forEach((s, r) => {
      byKind[s.kind] += table.received[r]![col]!;
      missingByKind[s.kind] += table.receivedMissing[r]![col]!;
    });
  }
  return { byKind, missingByKind };
}

/**
 * Per stream, received income of the 6 complete months before the forecast (null where a rate
 * is missing), starting no earlier than the stream's start (or its first entry).
 */
export function trailingReceived(
  table: IncomeTable,
  lastComplete: MonthKey,
): Map<string, (number | null)[]> {
  const out = new Map<string, (number | null)[]>();
  const endCol = monthIndex(lastComplete) - table.firstIndex;
  table.streams.forEach((s, r) => {
    const line = table.received[r]!;
    const miss = table.receivedMissing[r]!;
    // Stryker disable next-line UnaryOperator: without a start the value is replaced on the next lines before it is read
    let startCol = s.startedOn !== null ? monthIndex(monthOf(s.startedOn)) - table.firstIndex : -1;
    if (s.startedOn === null) {
      startCol = line.findIndex((v, c) => v !== 0 || miss[c]! > 0 || table.pending[r]![c]! !== 0);
      if (startCol < 0) startCol = endCol + 1;
    }
    const values: (number | null)[] = [];
    for (let c = Math.max(endCol - FORECAST_TRAILING_MONTHS + 1, startCol, 0); c <= endCol; c++) {
      if (c < table.months.length) values.push(miss[c]! > 0 ? null : line[c]!);
    }
    out.set(s.id, values);
  });
  return out;
}

/**
 * The parts of the dashboard guidance reads, for a what-if on changed inputs: the same score as
 * computeDashboard's (the same table and context, one shared function), without the series,
 * charts and forecast a what-if never shows: guidance runs up to four of these per change.
 */
export function whatIfDashboard(
  input: DashboardInput,
): Pick<DashboardData, 'resilience' | 'asOf' | 'memberId'> {
  const base = dashboardBase(input);
  return {
    resilience: resilienceAtColumn(base.ctx, base.asOfCol),
    asOf: base.asOf,
    memberId: base.memberId,
  };
}

/** The income table and resilience context both the dashboard and a what-if start from. */
function dashboardBase(input: DashboardInput) {
  const memberId = input.memberId ?? null;
  const rates = liveRates(input.rates);
  const streams = input.streams.filter(
    (s) => s.deletedAt === null && (memberId === null || s.memberId === memberId),
  );
  const inProgress = inProgressMonth(input.today);
  const lastComplete = lastCompleteMonth(input.today);
  const asOf = input.asOf !== undefined && input.asOf < inProgress ? input.asOf : lastComplete;

  // History: the first month with any entry; with none yet, the earliest stream start.
  const rowOf = new Map<string, number>();
  streams.forEach((s, i) => rowOf.set(s.id, i));
  const span = monthSpanOfRows(input.rollups, rowOf);
  let historyIndex = span?.min ?? null;
  if (historyIndex === null) {
    for (const s of streams) {
      if (s.startedOn === null) continue;
      const i = monthIndex(monthOf(s.startedOn));
      if (historyIndex === null || i < historyIndex) historyIndex = i;
    }
  }
  const asOfIndex = monthIndex(asOf);
  const firstIndex = Math.min(historyIndex ?? asOfIndex, asOfIndex);
  const lastIndex = Math.max(span?.max ?? 0, monthIndex(inProgress) + FORECAST_MONTHS - 1);
  const table = incomeTable(input.rollups, streams, monthKeyAt(firstIndex), monthKeyAt(lastIndex));
  const width = table.months.length;
  const asOfCol = asOfIndex - firstIndex;
  // Stryker disable next-line UnaryOperator: with no history the table starts at the month shown (column 0), whose window is empty from column 1 as from none
  const historyCol = historyIndex === null ? -1 : historyIndex - firstIndex;

  // E and S (score-needs.ts): plans, debt instalments and groups' contributions; free savings
  // and the groups' contributions at risk.
  const { essentialBeforeGroups, essential, atRisk, savings } = scoreNeeds(
    input,
    table.months,
    rates,
  );
  // Savings are a stock, not a flow: on the default view (the last complete month) the buffer is
  // the latest snapshot up to today, so a snapshot taken this month counts at once. A past month
  // chosen explicitly keeps the snapshot in force at its end.
  const inProgressColumn = monthIndex(inProgress) - firstIndex;
  if (asOf === lastComplete && savings[inProgressColumn]) {
    savings[asOfCol] = savings[inProgressColumn];
  }
  const ctx = resilienceContext({
    months: table.months,
    streams,
    income: table.received,
    missing: table.receivedMissing,
    historyStart: historyCol,
    essential,
    savings,
  });

  return {
    memberId,
    rates,
    streams,
    inProgress,
    lastComplete,
    asOf,
    historyIndex,
    firstIndex,
    table,
    width,
    asOfCol,
    historyCol,
    ctx,
    groups: {
      atRiskMinor: atRisk[asOf === lastComplete ? inProgressColumn : asOfCol] ?? 0,
      contributionsMinor:
        essential[asOfCol] === null || essentialBeforeGroups[asOfCol] === null
          ? null
          : essential[asOfCol]! - essentialBeforeGroups[asOfCol]!,
    },
  };
}

export function computeDashboard(input: DashboardInput): DashboardData {
  const {
    memberId,
    rates,
    streams,
    inProgress,
    lastComplete,
    asOf,
    historyIndex,
    firstIndex,
    table,
    width,
    asOfCol,
    historyCol,
    ctx,
    groups,
  } = dashboardBase(input);
  const resilience = resilienceAtColumn(ctx, asOfCol);
  const seriesFrom = historyCol < 0 ? asOfCol : Math.min(historyCol, asOfCol);
  const scores = resilienceSeries(ctx, seriesFrom, asOfCol);
  const slice = (line: ArrayLike<number>): number[] =>
    Array.from({ length: asOfCol - seriesFrom + 1 }, (_, k) => line[seriesFrom + k]!);

  const incomeByStream: Record<string, number[]> = {};
  streams.forEach((s, r) => (incomeByStream[s.id] = slice(table.received[r]!)));
  const incomeByKind = {} as Record<StreamKind, number[]>;
  for (const kind of STREAM_KINDS)
    incomeByKind[kind] = new Array<number>(scores.months.length).fill(0);
  streams.forEach((s, r) => {
    const line = incomeByKind[s.kind];
    const received = table.received[r]!;
    for (let k = 0; k < line.length; k++) line[k]! += received[seriesFrom + k]!;
  });
  const pendingPerMonth = new Float64Array(width);
  table.pending.forEach((line) => {
    for (let c = 0; c < width; c++) pendingPerMonth[c]! += line[c]!;
  });
  const rowOfStream = table.rowOf;
  const pending = pendingByPeriod(input.rollups, input.today, (id) => rowOfStream.has(id));

  const measuredCol = firstMeasuredColumn(ctx, seriesFrom, asOfCol);
  // Stryker disable next-line UnaryOperator: without a stress test the row is never read (`input.stress &&` below)
  const stressRow = input.stress ? streams.findIndex((s) => s.id === input.stress!.streamId) : -1;
  const inProgressCol = monthIndex(inProgress) - firstIndex;
  const current = kindTotalsAt(table, inProgressCol);
  const asOfKinds = kindTotalsAt(table, asOfCol);
  const forecastMonths = Array.from({ length: FORECAST_MONTHS }, (_, k) =>
    addMonths(inProgress, k),
  );

  return {
    groups,
    baseCurrency: input.baseCurrency,
    memberId,
    asOf,
    inProgressMonth: inProgress,
    historyStart: historyIndex === null ? null : monthKeyAt(historyIndex),
    measuredFrom: measuredCol < 0 ? null : table.months[measuredCol]!,
    resilience,
    series: {
      ...scores,
      incomeTotal: slice(ctx.totals),
      incomeByKind,
      incomeByStream,
      pendingTotal: slice(pendingPerMonth),
      flagged: slice(ctx.flagged).map((f) => f === 1),
    },
    shares: resilience.inputs.shares,
    contributions: {
      now: contributionsAtColumn(ctx, asOfCol),
      overTime: contributionSeries(ctx, seriesFrom, asOfCol),
    },
    stress:
      input.stress && stressRow >= 0
        ? stressTestAtColumn(ctx, asOfCol, stressRow, input.stress.fallPercent)
        : null,
    earmarked: earmarkedCoverage(input.plans, asOf, asOfKinds, input.baseCurrency, rates),
    forecast: forecast({
      months: forecastMonths,
      streams,
      plans: input.plans,
      trailingReceived: trailingReceived(table, lastComplete),
      baseCurrency: input.baseCurrency,
      rates,
    }),
    pending,
    flaggedMonths: flaggedMonthsOf(table),
    inProgress: {
      month: inProgress,
      receivedMinor: Object.values(current.byKind).reduce((a, b) => a + b, 0),
      byKind: current.byKind,
      pending: pending[0]!,
      missingRateCount: Object.values(current.missingByKind).reduce((a, b) => a + b, 0),
    },
  };
}
