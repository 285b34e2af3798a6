/**
 * Planned expenses: their cost in a month, the essential monthly expenses E of the resilience
 * score, earmarked coverage ("micro-tasks paid 140% of this month's data plan") and the
 * three-month forecast of expected income against planned expenses.
 */
import { baseMinorOrNull, type RateRecordLike } from './base-amount';
import { addDaysIso, compareIso } from './dates';
import type { MonthGlance } from './month-glance';
import { amountInMonth, firstDayOf, isRecurringCadence, lastDayOf, monthOf } from './months';
import { planOccurrences } from './occurrences';
import {
  STREAM_KINDS,
  type CurrencyCode,
  type IsoDate,
  type MonthKey,
  type Plan,
  type PlanCategory,
  type Stream,
  type StreamKind,
} from './model';

/** A plan's cost in `month` in its own currency: monthly ×1, weekly ×52/12, yearly /12, once in its due month. */
export function planCostInMonth(plan: Plan, month: MonthKey): number {
  return amountInMonth(plan.amountMinor, plan.cadence, month, { dueOn: plan.dueOn }) ?? 0;
}

/**
 * A plan's cost in `month` in base minor units (fractional), or null when its currency has no
 * rate. A one-off converts at the rate of its due date; a recurring plan at the rate in force at
 * the end of the month (the latest known rate for months still to come).
 */
export function planCostInMonthInBase(
  plan: Plan,
  month: MonthKey,
  baseCurrency: CurrencyCode,
  rates: readonly RateRecordLike[],
): number | null {
  const cost = planCostInMonth(plan, month);
  if (cost === 0) return 0;
  const date = plan.cadence === 'once' ? plan.dueOn : lastDayOf(month);
  const base = baseMinorOrNull(plan.amountMinor, plan.currency, baseCurrency, date, rates);
  return base === null
    ? null
    : (amountInMonth(base, plan.cadence, month, { dueOn: plan.dueOn }) ?? 0);
}

export interface CostByCategory {
  month: MonthKey;
  /** Base minor units per category (fractional: round only for display). */
  byCategory: Record<PlanCategory, number>;
  total: number;
  /** Plans whose currency had no rate: left out of the totals above. */
  missingRatePlanIds: string[];
}

/** The cost of the live plans in `month`, by category, in base minor units. */
export function monthlyCostByCategory(
  plans: readonly Plan[],
  month: MonthKey,
  baseCurrency: CurrencyCode,
  rates: readonly RateRecordLike[],
): CostByCategory {
  const byCategory: Record<PlanCategory, number> = { essential: 0, digital: 0, other: 0 };
  const missingRatePlanIds: string[] = [];
  let total = 0;
  for (const plan of plans) {
    if (plan.deletedAt !== null) continue;
    const cost = planCostInMonthInBase(plan, month, baseCurrency, rates);
    if (cost === null) missingRatePlanIds.push(plan.id);
    else {
      byCategory[plan.category] += cost;
      total += cost;
    }
  }
  return { month, byCategory, total, missingRatePlanIds };
}

export interface EssentialExpenses {
  /** E: monthly essential expenses in base minor units (0 when there are no essential plans). */
  amountMinor: number;
  /** Essential plans that could not be converted; E is then unknown (`needs-rate`). */
  missingRatePlanIds: string[];
}

/**
 * E, the household's steady monthly essential expenses in `month`: the recurring `essential`
 * plans converted to a monthly amount. One-off essentials are left out on purpose: E measures
 * what income must cover every month (coverage) and how fast savings drain (buffer); a one-off
 * bill would make a single month's score swing. They still appear in the forecast and in the
 * monthly cost by category.
 */
export function essentialMonthlyExpenses(
  plans: readonly Plan[],
  month: MonthKey,
  baseCurrency: CurrencyCode,
  rates: readonly RateRecordLike[],
): EssentialExpenses {
  let amountMinor = 0;
  const missingRatePlanIds: string[] = [];
  for (const plan of plans) {
    if (plan.deletedAt !== null || plan.category !== 'essential') continue;
    if (!isRecurringCadence(plan.cadence)) continue;
    const cost = planCostInMonthInBase(plan, month, baseCurrency, rates);
    if (cost === null) missingRatePlanIds.push(plan.id);
    else amountMinor += cost;
  }
  return { amountMinor, missingRatePlanIds };
}

export interface EarmarkedCoverage {
  /** The funding kinds of the group, in STREAM_KINDS order. */
  kinds: StreamKind[];
  /** 'informal+microtask': stable id of the group. */
  key: string;
  /** Plans of the group that cost something in the month. */
  planIds: string[];
  /** Σ their cost in the month, base minor units. */
  costMinor: number;
  /** Σ received income of the funding kinds in the month, base minor units. */
  incomeMinor: number;
  /** income / cost (1.4 = "paid 140%"); null when a rate is missing on either side. */
  ratio: number | null;
  missingRatePlanIds: string[];
  /** True when some funding income of the month had no rate (the ratio would be too low). */
  incomeIncomplete: boolean;
}

export interface KindIncome {
  /** Received income per kind in the month, base minor units. */
  byKind: Readonly<Record<StreamKind, number>>;
  /** Received entries per kind in the month with no rate. */
  missingByKind?: Readonly<Record<StreamKind, number>>;
}

function fundingKinds(plan: Plan): StreamKind[] {
  return STREAM_KINDS.filter((k) => plan.fundedBy.includes(k));
}

/** The month a plan is first due: nothing of it is judged for an earlier month. */
export function firstDueMonth(plan: Pick<Plan, 'dueOn'>): MonthKey {
  return monthOf(plan.dueOn);
}

/** The groups' order, a consistent total order: by key ('informal+microtask'), one per group. */
export function compareCoverage(a: EarmarkedCoverage, b: EarmarkedCoverage): number {
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * Earmarked coverage of `month` per plan group (plans funded by the same kinds K):
 * Σ income of kinds K / Σ cost of the group's plans. Groups with no cost this month are left out,
 * and so is a plan whose first due month is after `month`: a data plan first due on 10 December
 * was not "0% covered" in November (`earmarkedNotYet` lists it with the day it starts).
 */
export function earmarkedCoverage(
  plans: readonly Plan[],
  month: MonthKey,
  income: KindIncome,
  baseCurrency: CurrencyCode,
  rates: readonly RateRecordLike[],
): EarmarkedCoverage[] {
  const groups = new Map<string, EarmarkedCoverage>();
  for (const plan of plans) {
    if (plan.deletedAt !== null) continue;
    const kinds = fundingKinds(plan);
    if (kinds.length === 0 || planCostInMonth(plan, month) === 0) continue;
    if (firstDueMonth(plan) > month) continue;
    const key = kinds.join('+');
    let group = groups.get(key);
    if (!group) {
      group = {
        kinds,
        key,
        planIds: [],
        costMinor: 0,
        incomeMinor: kinds.reduce((sum, k) => sum + income.byKind[k], 0),
        ratio: null,
        missingRatePlanIds: [],
        incomeIncomplete: kinds.some((k) => (income.missingByKind?.[k] ?? 0) > 0),
      };
      groups.set(key, group);
    }
    group.planIds.push(plan.id);
    const cost = planCostInMonthInBase(plan, month, baseCurrency, rates);
    if (cost === null) group.missingRatePlanIds.push(plan.id);
    else group.costMinor += cost;
  }
  for (const group of groups.values()) {
    const known = group.missingRatePlanIds.length === 0 && !group.incomeIncomplete;
    group.ratio = known && group.costMinor > 0 ? group.incomeMinor / group.costMinor : null;
  }
  return [...groups.values()].sort(compareCoverage);
}

export interface PlanNotYet {
  planId: string;
  /** Its first due date, in a month after the one judged. */
  firstDueOn: IsoDate;
}

/**
 * The earmarked plans (funded by some kind) not due yet in `month`: their first due month is
 * later; soonest first (ties as given). A card says when each starts instead of judging it.
 */
export function earmarkedNotYet(plans: readonly Plan[], month: MonthKey): PlanNotYet[] {
  return plans
    .filter((p) => p.deletedAt === null && p.fundedBy.length > 0 && firstDueMonth(p) > month)
    .map((p) => ({ planId: p.id, firstDueOn: p.dueOn }))
    .sort((a, b) => compareIso(a.firstDueOn, b.firstDueOn));
}

/**
 * The plan's next due date on `today`: its first occurrence on or after today (today itself
 * when it falls due today). A yearly fee first due 1 June 2025 is next due 1 June 2027 on
 * 5 December 2026, never "due 1 Jun 2025". A one-off whose day has passed has no next due date
 * (null). Occurrences follow occurrences.ts: 31 Jan → 28 Feb → 31 Mar, and 29 Feb → 28 Feb in a
 * common year.
 */
export function nextDueOn(plan: Pick<Plan, 'cadence' | 'dueOn'>, today: IsoDate): IsoDate | null {
  // Stryker disable next-line StringLiteral: a one-off read as recurring gives the same answer: planOccurrences yields its due date once, inside [max(dueOn, today), +366 days] exactly when dueOn >= today
  if (plan.cadence === 'once') return plan.dueOn >= today ? plan.dueOn : null;
  const from = plan.dueOn > today ? plan.dueOn : today;
  // The longest gap between two occurrences is a yearly one across a 29 February: 366 days.
  return planOccurrences(plan, from, addDaysIso(from, 366))[0] ?? null;
}

export interface MonthBills {
  month: MonthKey;
  /**
   * This month's bills: the month card's `monthGlance(...).billsMinor` itself (Σ the month's
   * occurrences, skipped ones left out), so the Plans view and the month card can never show
   * two totals for one month.
   */
  totalMinor: number;
  /** The same bills by the category of their plan; the three add up to `totalMinor`. */
  byCategory: Record<PlanCategory, number>;
  /** Plans with a bill this month that no rate converts: left out of the totals above. */
  missingRatePlanIds: string[];
}

/** This month's bills by category, from the month card's glance (one definition of the total). */
export function monthBills(glance: MonthGlance, plans: readonly Plan[]): MonthBills {
  const categoryOf = new Map(plans.map((p) => [p.id, p.category]));
  const byCategory: Record<PlanCategory, number> = { essential: 0, digital: 0, other: 0 };
  const missing = new Set<string>();
  for (const bill of glance.bills) {
    if (bill.skipped) continue;
    if (bill.baseMinor === null) {
      missing.add(bill.planId);
      continue;
    }
    byCategory[categoryOf.get(bill.planId) ?? 'other'] += bill.baseMinor;
  }
  return {
    month: glance.month,
    totalMinor: glance.billsMinor,
    byCategory,
    missingRatePlanIds: [...missing],
  };
}

export interface MonthlyShare {
  /** Σ yearly cost ÷ 12 of the live yearly plans, base minor units (fractional). */
  totalMinor: number;
  planIds: string[];
  missingRatePlanIds: string[];
}

/**
 * What the yearly plans cost per month when spread over the year (yearly cost ÷ 12): a monthly
 * share to set aside, never part of this month's bills (a yearly fee is a bill only in the month
 * it falls due, where `monthBills` counts it whole).
 */
export function yearlyMonthlyShare(
  plans: readonly Plan[],
  month: MonthKey,
  baseCurrency: CurrencyCode,
  rates: readonly RateRecordLike[],
): MonthlyShare {
  let totalMinor = 0;
  const planIds: string[] = [];
  const missingRatePlanIds: string[] = [];
  for (const plan of plans) {
    if (plan.deletedAt !== null || plan.cadence !== 'yearly') continue;
    planIds.push(plan.id);
    const cost = planCostInMonthInBase(plan, month, baseCurrency, rates);
    if (cost === null) missingRatePlanIds.push(plan.id);
    else totalMinor += cost;
  }
  return { totalMinor, planIds, missingRatePlanIds };
}

/** The median of the known values (null ones are months with a missing rate); null when none. */
export function medianOfKnown(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (known.length === 0) return null;
  const mid = known.length >> 1;
  return known.length % 2 === 1 ? known[mid]! : (known[mid - 1]! + known[mid]!) / 2;
}

/** Whether a stream brings income in `month`: live, not archived, started, not yet ended. */
export function isStreamActiveIn(stream: Stream, month: MonthKey): boolean {
  if (stream.deletedAt !== null || stream.archived) return false;
  if (stream.startedOn !== null && stream.startedOn > lastDayOf(month)) return false;
  if (stream.endedOn !== null && stream.endedOn < firstDayOf(month)) return false;
  return true;
}

export type ForecastBasis = 'expected' | 'median';

export interface StreamForecast {
  streamId: string;
  amountMinor: number;
  basis: ForecastBasis;
}

export interface ForecastMonth {
  month: MonthKey;
  /** Expected income, base minor units. */
  incomeMinor: number;
  /** Planned expenses of every category, base minor units. */
  expensesMinor: number;
  /** income − expenses (negative = shortfall). */
  balanceMinor: number;
  /** True when planned expenses exceed expected income. */
  shortfall: boolean;
  byStream: StreamForecast[];
  missingRatePlanIds: string[];
  missingRateStreamIds: string[];
}

export interface ForecastInput {
  /** The months to forecast (the in-progress month and the two after it, on the dashboard). */
  months: readonly MonthKey[];
  streams: readonly Stream[];
  plans: readonly Plan[];
  /**
   * Per stream: received income (base minor units) of the 6 complete months before the forecast,
   * null for months with a missing rate; months before the stream began are left out.
   */
  trailingReceived: ReadonlyMap<string, readonly (number | null)[]>;
  baseCurrency: CurrencyCode;
  rates: readonly RateRecordLike[];
}

/**
 * Expected income of one stream in `month`: its expected amount × cadence factor, or for an
 * irregular stream (or one with no expected amount) the median of its trailing received income.
 */
function streamForecast(
  stream: Stream,
  month: MonthKey,
  input: ForecastInput,
): StreamForecast | null {
  const { expected } = stream;
  if (expected.amountMinor <= 0 || !isRecurringCadence(expected.cadence)) {
    const median = medianOfKnown(input.trailingReceived.get(stream.id) ?? []);
    return { streamId: stream.id, amountMinor: median ?? 0, basis: 'median' };
  }
  const base = baseMinorOrNull(
    expected.amountMinor,
    stream.currency,
    input.baseCurrency,
    lastDayOf(month),
    input.rates,
  );
  if (base === null) return null;
  const amountMinor =
    amountInMonth(base, expected.cadence, month, { daysPerWeek: expected.daysPerWeek }) ?? 0;
  return { streamId: stream.id, amountMinor, basis: 'expected' };
}

/** The forecast of `input.months`, each flagged when planned expenses exceed expected income. */
export function forecast(input: ForecastInput): ForecastMonth[] {
  return input.months.map((month) => {
    const byStream: StreamForecast[] = [];
    const missingRateStreamIds: string[] = [];
    let incomeMinor = 0;
    for (const stream of input.streams) {
      if (!isStreamActiveIn(stream, month)) continue;
      const f = streamForecast(stream, month, input);
      if (f === null) missingRateStreamIds.push(stream.id);
      else {
        byStream.push(f);
        incomeMinor += f.amountMinor;
      }
    }
    const costs = monthlyCostByCategory(input.plans, month, input.baseCurrency, input.rates);
    return {
      month,
      incomeMinor,
      expensesMinor: costs.total,
      balanceMinor: incomeMinor - costs.total,
      shortfall: costs.total > incomeMinor,
      byStream,
      missingRatePlanIds: costs.missingRatePlanIds,
      missingRateStreamIds,
    };
  });
}
