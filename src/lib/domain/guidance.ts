/**
 * What the score means and what would raise it: a band in words and up to three actions, each
 * with the points it adds. Every point figure is a what-if — the same household's inputs with
 * one change (a savings snapshot, a new regular source, earlier months logged), run through
 * `computeDashboard` again — never a hand-tuned estimate, so a property test can apply each
 * action to the inputs and find the stated gain (tests/unit/guidance-properties.test.ts).
 * docs/resilience.md explains the bands and each action in plain words.
 */
import { whatIfDashboard, type DashboardData, type DashboardInput } from './dashboard';

/** What guidance reads of a computed dashboard. */
type Dashboard = Pick<DashboardData, 'resilience' | 'asOf' | 'memberId'>;
import type { IsoDate, MonthKey, Place, Rollup, Stream } from './model';
import type { PlaceBalance } from './savings';
import { currencyExponent } from './money';
import { addMonths, firstDayOf, inProgressMonth, lastCompleteMonth, lastDayOf } from './months';
import { RESILIENCE, type UnknownReason } from './resilience';
import { withLoggedMonths, withSavings, withSource } from './guidance-what-if';
import { BAND_FROM, type Band } from './score-bands';

export { BAND_FROM, type Band };

export function bandOf(score: number): Band {
  if (score >= BAND_FROM.strong) return 'strong';
  return score >= BAND_FROM.building ? 'building' : 'fragile';
}

/** At most this many actions are offered. */
export const MAX_ACTIONS = 3;

/**
 * A new regular source in the what-if brings this share of today's mean monthly income: a side
 * income a household could plausibly add (a second job, a stall, a regular remittance).
 */
export const NEW_SOURCE_SHARE = 0.25;

export type Action =
  /** Enter the essential plans: coverage and buffer are unknown without E. No points: E unknown. */
  | { kind: 'essentials'; points: null }
  /** Record the savings snapshot the buffer needs. No points: the amount is unknown. */
  | { kind: 'record-savings'; points: null }
  /**
   * Save `amountMinor` more (base currency) to reach `targetMonths` of essentials. The points
   * assume the savings recorded total `totalMinor` (today's savings + `amountMinor`): a new
   * balance of a place the savings are already in, never a new place holding the whole sum.
   */
  | {
      kind: 'save';
      points: number;
      amountMinor: number;
      targetMonths: number;
      totalMinor: number;
    }
  /**
   * A new regular source bringing `monthlyMinor` every month of the window. The points assume
   * `months` months of its income logged (the window's length): adding the stream alone, with
   * no income yet, leaves the score where it is.
   */
  | { kind: 'source'; points: number; monthlyMinor: number; sources: number; months: number }
  /**
   * Log the income of `months` (before the history starts): stability needs `needed` complete
   * months and `counted` are logged. The what-if logs, for each stream that could have paid
   * then, its mean monthly income over the window (`byStream`, base minor units).
   */
  | {
      kind: 'history';
      points: number;
      months: MonthKey[];
      counted: number;
      needed: number;
      byStream: { streamId: string; amountMinor: number }[];
      /** The month that is in progress and the day it starts to count. */
      inProgress: MonthKey;
      countsFrom: IsoDate;
    };

/** What completes an unknown component, and when. */
export interface ComponentHelp {
  reason: UnknownReason;
  /** For `needs-history`: the complete months counted so far (oldest first). */
  counted: MonthKey[];
  needed: number;
  inProgress: MonthKey;
  /** The day the in-progress month ends and starts to count. */
  countsFrom: IsoDate;
}

export interface Guidance {
  score: number | null;
  band: Band | null;
  /** Ranked: what completes the score first, then by points (largest first). */
  actions: Action[];
  /** Per unknown component, what completes it and when. */
  unknown: Partial<Record<'diversification' | 'stability' | 'coverage' | 'buffer', ComponentHelp>>;
}

/**
 * A round amount near `minor` (two significant digits of the major unit, never below one major
 * unit): people save "4,200,000", not "4,183,334". `up` rounds up so a target is still reached.
 */
export function roundAmount(minor: number, currency: string, up: boolean): number {
  const unit = 10 ** currencyExponent(currency);
  const major = minor / unit;
  if (major <= 0) return 0;
  const step = Math.max(1, 10 ** (Math.floor(Math.log10(major)) - 1));
  const rounded = (up ? Math.ceil(major / step - 1e-9) : Math.round(major / step)) * step;
  return Math.round(Math.max(rounded, 1) * unit);
}

/** The score of the input as the dashboard shows it by default (no stress test). */
function scoreOf(input: DashboardInput): number | null {
  return whatIfDashboard(input).resilience.score;
}

/** True when `stream` could have been paid in `month` (it had started by the month's end). */
function couldPay(stream: Stream, month: MonthKey): boolean {
  return stream.startedOn === null || stream.startedOn <= lastDayOf(month);
}

/**
 * The band and the ranked actions for `dash`, the dashboard computed from `input`. Actions are
 * offered only for the default view (the last complete month, the whole household): saving
 * today cannot change a past month's score, and a second source is the household's, not a
 * member's.
 */
export function guidanceOf(input: DashboardInput, dash: Dashboard): Guidance {
  const r = dash.resilience;
  const today = input.today;
  const inProgress = inProgressMonth(today);
  const countsFrom = firstDayOf(addMonths(inProgress, 1));
  const guidance = guidanceBasics(today, dash);
  const score = guidance.score;
  if (score === null) return guidance;
  if (dash.asOf !== lastCompleteMonth(today) || dash.memberId !== null) return guidance;

  const base: DashboardInput = { ...input, asOf: undefined, stress: null, memberId: null };
  const measure: Action[] = [];
  const gains: Action[] = [];
  const gain = (changed: DashboardInput): number => (scoreOf(changed) ?? score) - score;

  if (r.components.coverage.reason === 'needs-essentials') {
    measure.push({ kind: 'essentials', points: null });
  }
  const essential = r.inputs.essentialMinor;
  if (r.components.buffer.reason === 'needs-savings') {
    measure.push({ kind: 'record-savings', points: null });
  } else if (
    r.components.buffer.value !== null &&
    // Stryker disable next-line ConditionalExpression: a full buffer leaves nothing to save (`more` is 0)
    r.components.buffer.value < 1 &&
    // Stryker disable next-line ConditionalExpression: E with no rate leaves the buffer unknown (value null)
    essential !== null &&
    // Stryker disable next-line ConditionalExpression: no E leaves the buffer unknown (value null)
    essential > 0
  ) {
    const target = RESILIENCE.bufferTargetMonths * essential;
    const savings = Math.max(r.inputs.savingsMinor ?? 0, 0);
    const more = roundAmount(target - savings, input.baseCurrency, true);
    const points = gain(withSavings(base, savings + more));
    if (more > 0 && points > 0) {
      gains.push({
        kind: 'save',
        points,
        amountMinor: more,
        targetMonths: RESILIENCE.bufferTargetMonths,
        totalMinor: savings + more,
      });
    }
  }

  const mean = r.inputs.meanIncomeMinor;
  // Stryker disable next-line ArrayDeclaration: no month of history means no mean, so no source and these months are never read
  const windowMonths = r.window.from === null ? [] : monthsFrom(r.window.from, r.window.to);
  // Stryker disable next-line MethodExpression: a deleted stream has no share, and the new source's member plays no part in the household's score
  const streams = input.streams.filter((s) => s.deletedAt === null);
  if (
    mean !== null &&
    // Stryker disable next-line ConditionalExpression: a mean of 0 leaves diversification unknown, checked next
    mean > 0 &&
    // Stryker disable next-line ConditionalExpression: diversification is known exactly when the mean is above 0
    r.components.diversification.value !== null &&
    r.components.diversification.value < 1 &&
    // Stryker disable next-line ConditionalExpression: income above 0 comes from live streams, so there is one
    streams.length > 0
  ) {
    const monthly = roundAmount(mean * NEW_SOURCE_SHARE, input.baseCurrency, false);
    const memberId = streams[0]!.memberId;
    const points = gain(withSource(base, monthly, windowMonths, memberId));
    const sources = r.inputs.shares.filter((s) => s.incomeMinor > 0).length;
    if (monthly > 0 && points > 0)
      gains.push({
        kind: 'source',
        points,
        monthlyMinor: monthly,
        sources,
        months: windowMonths.length,
      });
  }

  const history = historyAction(base, dash, streams, score, inProgress, countsFrom);
  if (history !== null) gains.push(history);

  gains.sort((a, b) => (b.points ?? 0) - (a.points ?? 0));
  // Stryker disable next-line MethodExpression: at most three arise: a measure action leaves the buffer unknown, so it never comes with "save"
  guidance.actions = [...measure, ...gains].slice(0, MAX_ACTIONS);
  return guidance;
}

/**
 * The band and what completes each unknown part, without the actions: read off the dashboard
 * alone, with no what-if, so the score card can say it in the same task as the score while the
 * actions (each a dashboard computed again) follow in a later one.
 */
export function guidanceBasics(today: IsoDate, dash: Pick<DashboardData, 'resilience'>): Guidance {
  const r = dash.resilience;
  const inProgress = inProgressMonth(today);
  const countsFrom = firstDayOf(addMonths(inProgress, 1));
  const unknown: Guidance['unknown'] = {};
  for (const key of ['diversification', 'stability', 'coverage', 'buffer'] as const) {
    const c = r.components[key];
    if (c.reason === null) continue;
    unknown[key] = {
      reason: c.reason,
      counted: r.window.months,
      needed: RESILIENCE.minHistoryMonths,
      inProgress,
      countsFrom,
    };
  }
  const score = r.score;
  return { score, band: score === null ? null : bandOf(score), actions: [], unknown };
}

/** `guidanceOf` with the dashboard computed here (without a stress test, which plays no part). */
export function guidanceFor(input: DashboardInput): Guidance {
  const plain = { ...input, stress: null };
  return guidanceOf(plain, whatIfDashboard(plain));
}

/**
 * The place whose new balance "save more" and "record your savings" open: the one holding the
 * most (in the base currency), else the first place; null when there is no place yet (then the
 * action asks where the money is first). A new balance of a place already counted replaces its
 * old one, so following the action never counts the savings twice.
 */
export function placeToUpdate(rows: readonly PlaceBalance[]): Place | null {
  let best: PlaceBalance | null = null;
  for (const row of rows) {
    if (row.baseMinor === null) continue;
    if (best === null || row.baseMinor > best.baseMinor!) best = row;
  }
  return (best ?? rows[0])?.place ?? null;
}

function monthsFrom(from: MonthKey, to: MonthKey): MonthKey[] {
  const out: MonthKey[] = [];
  for (let mo = from; mo <= to; mo = addMonths(mo, 1)) out.push(mo);
  return out;
}

/**
 * "Log October's income": while stability lacks history, the months just before the first
 * logged one, each as an average month of the streams that could have paid then.
 */
function historyAction(
  base: DashboardInput,
  dash: Dashboard,
  streams: Stream[],
  score: number,
  inProgress: MonthKey,
  countsFrom: IsoDate,
): Action | null {
  const r = dash.resilience;
  // Stryker disable next-line LogicalOperator: when stability is known or needs a rate, a line below returns null (3 months counted, or a flagged month)
  if (r.components.stability.reason !== 'needs-history' || r.window.from === null) return null;
  if (r.window.flaggedMonths.length > 0) return null;
  const counted = r.window.months.length;
  const missing = RESILIENCE.minHistoryMonths - counted;
  // Stryker disable next-line LogicalOperator: stability needing history means fewer than 3 months counted, so `missing` is above 0
  if (counted === 0 || missing <= 0) return null;
  const months = Array.from({ length: missing }, (_, k) => addMonths(r.window.from!, k - missing));
  const first = months[0]!;
  const byStream = r.inputs.shares
    .filter((s) => s.incomeMinor > 0)
    .map((s) => ({ stream: streams.find((x) => x.id === s.streamId), s }))
    .filter(({ stream }) => stream !== undefined && couldPay(stream, first))
    .map(({ s }) => ({ streamId: s.streamId, amountMinor: Math.round(s.incomeMinor / counted) }))
    .filter((s) => s.amountMinor > 0);
  if (byStream.length === 0) return null;
  const changed = withLoggedMonths(base, months, byStream);
  const after = whatIfDashboard(changed).resilience.score;
  const points = (after ?? score) - score;
  if (points <= 0) return null;
  return {
    kind: 'history',
    points,
    months,
    counted,
    needed: RESILIENCE.minHistoryMonths,
    byStream,
    inProgress,
    countsFrom,
  };
}

// ---------------------------------------------------------------------------------------------
// Next step: what a household at each stage is asked to do first.

export type NextStep =
  | { stage: 'add-stream' }
  /** Streams but no entry yet: log the first income on `streamId`. */
  | { stage: 'log-first'; streamId: string }
  /**
   * Entries only in the month in progress: the score starts when it ends (`countsFrom`); income
   * of `lastMonth` would count at once.
   */
  | {
      stage: 'wait';
      inProgress: MonthKey;
      countsFrom: IsoDate;
      lastMonth: MonthKey;
      streamId: string;
    }
  | { stage: 'score' };

/**
 * The stage of a household: `streams` its live streams (oldest first), `rollups` its rows.
 * The stream to log on is the one the household added first that is still active.
 */
export function nextStepOf(
  streams: readonly Stream[],
  rollups: readonly Rollup[],
  today: IsoDate,
): NextStep {
  const live = streams.filter((s) => s.deletedAt === null && !s.archived);
  if (live.length === 0) return { stage: 'add-stream' };
  const ids = new Set(streams.filter((s) => s.deletedAt === null).map((s) => s.id));
  const months = rollups.filter((r) => r.count > 0 && ids.has(r.streamId)).map((r) => r.month);
  const streamId = live[0]!.id;
  if (months.length === 0) return { stage: 'log-first', streamId };
  const inProgress = inProgressMonth(today);
  if (months.every((mo) => mo >= inProgress)) {
    return {
      stage: 'wait',
      inProgress,
      countsFrom: firstDayOf(addMonths(inProgress, 1)),
      lastMonth: lastCompleteMonth(today),
      streamId,
    };
  }
  return { stage: 'score' };
}

/** The date quick add starts on to log `month`'s income: its last day. */
export function dateToLog(month: MonthKey): IsoDate {
  return lastDayOf(month);
}
