/**
 * What the 60-day projection (projection.ts) starts from and adds up, made from the household's
 * records with the one definition of each: money on hand is the latest balance of every
 * spendable place (cash, bank, e-wallet: savings.ts `balancesByPlace`); income is the pay days
 * still expected (due.ts `incomeOccurrences`, unanswered and not skipped), an estimate for a
 * stream with no pay day (plans.ts `forecast`, spread evenly over the days of each month) and
 * the pending payouts of a pay-day stream on its next pay day (pending.ts); outflows are the
 * unpaid, unskipped bills (due.ts `billsBetween`), and what is owed (projection-owed.ts): the
 * instalments still to pay or to be paid, the savings group rounds still to pay and my pot.
 *
 * An amount with no rate in force is named in `unconverted` and left out, never counted as 0.
 */
import { baseMinorOrNull, liveRates, type RateRecordLike } from './base-amount';
import { trailingReceived } from './dashboard';
import { addDaysIso, compareIso } from './dates';
import { billsBetween, incomeOccurrences, isUnpaid, type EntryDate } from './due';
import { incomeTable, monthSpanOfRows } from './income-table';
import type {
  CurrencyCode,
  IsoDate,
  Payment,
  Place,
  PlaceKind,
  Plan,
  Rollup,
  Saving,
  Skip,
  Stream,
} from './model';
import {
  daysInMonth,
  lastCompleteMonth,
  monthIndex,
  monthKeyAt,
  monthOf,
  monthRange,
} from './months';
import { streamOccurrences, streamPayDay } from './occurrences';
import { pendingByPeriod } from './pending';
import { forecast } from './plans';
import { owedFlows, type OwedSources } from './projection-owed';
import { project, PROJECTION_DAYS, type BaseFlow, type Flow, type Projection } from './projection';
import { balancesByPlace } from './savings';

/** The kinds of place whose money can be spent: not a savings group's pot, not 'other'. */
export const SPENDABLE_PLACE_KINDS: readonly PlaceKind[] = ['cash', 'bank', 'ewallet'];

export function isSpendable(place: Pick<Place, 'kind'>): boolean {
  return SPENDABLE_PLACE_KINDS.includes(place.kind);
}

/** The months of trailing history a stream estimate reads (as the dashboard's forecast). */
const TRAILING_MONTHS = 6;

export interface ProjectionSources extends OwedSources {
  today: IsoDate;
  days?: number;
  baseCurrency: CurrencyCode;
  rates: readonly RateRecordLike[];
  streams: readonly Stream[];
  plans: readonly Plan[];
  /** Payments and skips of occurrences due in the window (more do no harm). */
  payments: readonly Payment[];
  skips: readonly Skip[];
  /** The pay-day streams' entries around the window (16 days either side are enough). */
  entries: readonly EntryDate[];
  rollups: readonly Rollup[];
  places: readonly Place[];
  savings: readonly Saving[];
  /** More dated flows: instalments, group contributions. */
  extra?: readonly Flow[];
}

/** Something named and left out of the line: no rate in force for its currency. */
export interface Unconverted {
  name: string;
  currency: CurrencyCode;
}

export interface MoneyOnHand {
  totalMinor: number;
  /** Spendable places with a balance that converts. */
  places: number;
  /** The newest of their balances' dates; null with none. */
  asOf: IsoDate | null;
}

export interface ProjectionResult {
  /** Null when no spendable place has a balance: there is nothing to start the line from. */
  projection: Projection | null;
  onHand: MoneyOnHand;
  flows: BaseFlow[];
  unconverted: Unconverted[];
  /** Pending payouts of streams with no pay day in the window: no day they arrive. */
  undated: { name: string; baseMinor: number }[];
}

/** Money on hand today: the latest balance of each spendable place, in the base currency. */
export function moneyOnHand(
  places: readonly Place[],
  savings: readonly Saving[],
  today: IsoDate,
  baseCurrency: CurrencyCode,
  rates: readonly RateRecordLike[],
): MoneyOnHand & { unconverted: Unconverted[] } {
  const balances = balancesByPlace(places.filter(isSpendable), savings, today, baseCurrency, rates);
  let totalMinor = 0;
  let count = 0;
  let asOf: IsoDate | null = null;
  const unconverted: Unconverted[] = [];
  for (const b of balances) {
    const latest = b.balances[0];
    if (latest === undefined) continue;
    if (b.baseMinor === null) {
      unconverted.push({ name: b.place.name, currency: latest.currency });
      continue;
    }
    totalMinor += b.baseMinor;
    count += 1;
    if (asOf === null || latest.date > asOf) asOf = latest.date;
  }
  return { totalMinor, places: count, asOf, unconverted };
}

/** A stream counted by its pay days: live, unarchived, with a pay day and an expected amount. */
function paysOnPayDays(stream: Stream): boolean {
  return streamPayDay(stream) !== null && stream.expected.amountMinor > 0;
}

/** The part of `monthMinor` that falls on day `day` (1-based) when spread evenly; sums exactly. */
function spreadShare(monthMinor: number, day: number, days: number): number {
  return Math.round((monthMinor * day) / days) - Math.round((monthMinor * (day - 1)) / days);
}

/** Estimate flows of the streams with no pay day, in the base currency. */
function estimateFlows(
  sources: ProjectionSources,
  streams: readonly Stream[],
  rates: readonly RateRecordLike[],
  from: IsoDate,
  to: IsoDate,
): { flows: BaseFlow[]; unconverted: Unconverted[] } {
  const lastComplete = lastCompleteMonth(sources.today);
  const rowOf = new Map(streams.map((s, i) => [s.id, i]));
  const span = monthSpanOfRows(sources.rollups, rowOf);
  const first = Math.min(span?.min ?? Infinity, monthIndex(lastComplete) - TRAILING_MONTHS + 1);
  const table = incomeTable(sources.rollups, streams, monthKeyAt(first), lastComplete);
  const months = forecast({
    months: monthRange(monthOf(from), monthOf(to)),
    streams,
    // Stryker disable next-line ArrayDeclaration: the flows below read only the forecast's per-stream figures, never its plans
    plans: [],
    trailingReceived: trailingReceived(table, lastComplete),
    baseCurrency: sources.baseCurrency,
    rates,
  });
  const byId = new Map(streams.map((s) => [s.id, s]));
  const flows: BaseFlow[] = [];
  const missing = new Set<string>();
  for (const month of months) {
    for (const id of month.missingRateStreamIds) missing.add(id);
    const days = daysInMonth(month.month);
    for (const f of month.byStream) {
      const stream = byId.get(f.streamId)!;
      if (f.amountMinor <= 0) continue;
      for (let day = 1; day <= days; day++) {
        const date = `${month.month}-${String(day).padStart(2, '0')}`;
        if (date < from || date > to) continue;
        if (stream.startedOn !== null && date < stream.startedOn) continue;
        if (stream.endedOn !== null && date > stream.endedOn) continue;
        const baseMinor = spreadShare(f.amountMinor, day, days);
        if (baseMinor <= 0) continue;
        flows.push({
          date,
          direction: 'in',
          amountMinor: baseMinor,
          currency: sources.baseCurrency,
          baseMinor,
          name: stream.name,
          source: `stream:${stream.id}`,
          kind: 'estimate',
        });
      }
    }
  }
  const unconverted = [...missing].map((id) => ({
    name: byId.get(id)!.name,
    currency: byId.get(id)!.currency,
  }));
  return { flows, unconverted };
}

/** Pending payouts of each stream: on its next pay day in the window, else undated. */
function pendingFlows(
  sources: ProjectionSources,
  streams: readonly Stream[],
  from: IsoDate,
  to: IsoDate,
): { flows: BaseFlow[]; undated: ProjectionResult['undated']; unconverted: Unconverted[] } {
  const rowsOf = new Map<string, Rollup[]>();
  for (const r of sources.rollups) {
    if (r.status !== 'pending' || r.count <= 0) continue;
    const list = rowsOf.get(r.streamId);
    if (list) list.push(r);
    else rowsOf.set(r.streamId, [r]);
  }
  const flows: BaseFlow[] = [];
  const undated: ProjectionResult['undated'] = [];
  const unconverted: Unconverted[] = [];
  for (const stream of streams) {
    const rows = rowsOf.get(stream.id);
    if (!rows) continue;
    let baseMinor = 0;
    let missing = 0;
    for (const p of pendingByPeriod(rows, sources.today)) {
      baseMinor += p.totalMinor;
      missing += p.missingRateCount;
    }
    if (missing > 0) {
      // Stryker disable next-line OptionalChaining: `missing` is above 0 only when a row has a missingRateCount above 0, so `find` finds one
      const currency = rows.find((r) => r.missingRateCount > 0)?.currency ?? stream.currency;
      unconverted.push({ name: stream.name, currency });
    }
    if (baseMinor <= 0) continue;
    const next = streamPayDay(stream) === null ? undefined : streamOccurrences(stream, from, to)[0];
    if (next === undefined) {
      undated.push({ name: stream.name, baseMinor });
      continue;
    }
    flows.push({
      date: next,
      direction: 'in',
      amountMinor: baseMinor,
      currency: sources.baseCurrency,
      baseMinor,
      name: stream.name,
      source: `pending:${stream.id}`,
      kind: 'pending',
    });
  }
  return { flows, undated, unconverted };
}

/**
 * The flows' order, a consistent total order of their dates: oldest first; flows of one date
 * answer 0 and keep the order they were gathered in (own, estimates, pending).
 */
export function compareFlows(a: BaseFlow, b: BaseFlow): number {
  return compareIso(a.date, b.date);
}

/** The flows of the window and the projection they make. */
export function projectionOf(sources: ProjectionSources): ProjectionResult {
  const days = sources.days ?? PROJECTION_DAYS;
  const from = sources.today;
  const to = addDaysIso(from, days - 1);
  const rates = liveRates(sources.rates);
  const live = sources.streams.filter((s) => s.deletedAt === null && !s.archived);
  const onHand = moneyOnHand(sources.places, sources.savings, from, sources.baseCurrency, rates);
  const unconverted: Unconverted[] = [...onHand.unconverted];
  const flows: BaseFlow[] = [];

  const own: Flow[] = [];
  const streamName = new Map(live.map((s) => [s.id, s.name]));
  const payDayStreams = live.filter(paysOnPayDays);
  for (const o of incomeOccurrences(payDayStreams, sources.entries, sources.skips, from, to)) {
    if (o.matched || o.skipped || o.beforeCreation) continue;
    own.push({
      date: o.dueOn,
      direction: 'in',
      amountMinor: o.amountMinor,
      currency: o.currency,
      name: streamName.get(o.streamId)!,
      source: `stream:${o.streamId}`,
      kind: 'payday',
    });
  }
  const planName = new Map(sources.plans.map((p) => [p.id, p.name]));
  for (const b of billsBetween(sources.plans, sources.payments, sources.skips, from, to)) {
    if (!isUnpaid(b)) continue;
    own.push({
      date: b.dueOn,
      direction: 'out',
      amountMinor: b.amountMinor,
      currency: b.currency,
      name: planName.get(b.planId)!,
      source: `plan:${b.planId}`,
      kind: 'bill',
    });
  }
  const seen = new Set<string>();
  for (const f of [...own, ...owedFlows(sources, from, to), ...(sources.extra ?? [])]) {
    const baseMinor = baseMinorOrNull(
      f.amountMinor,
      f.currency,
      sources.baseCurrency,
      f.date,
      rates,
    );
    if (baseMinor !== null) {
      flows.push({ ...f, baseMinor });
      continue;
    }
    const key = `${f.source}|${f.currency}`;
    if (!seen.has(key)) unconverted.push({ name: f.name, currency: f.currency });
    seen.add(key);
  }

  const estimates = estimateFlows(
    sources,
    live.filter((s) => !paysOnPayDays(s)),
    rates,
    from,
    to,
  );
  const pending = pendingFlows(sources, live, from, to);
  flows.push(...estimates.flows, ...pending.flows);
  unconverted.push(...estimates.unconverted, ...pending.unconverted);
  flows.sort(compareFlows);

  const start = { totalMinor: onHand.totalMinor, places: onHand.places, asOf: onHand.asOf };
  return {
    projection:
      onHand.places === 0 ? null : project({ from, days, startMinor: onHand.totalMinor, flows }),
    onHand: start,
    flows,
    unconverted,
    undated: pending.undated,
  };
}
