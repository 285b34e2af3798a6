/**
 * The next 60 days, day by day: money on hand today plus what is expected to come in, less what
 * falls due, as a balance at the end of each day; its lowest point, what it comes after and the
 * next income after it; and, when the line goes below zero, what would avoid it.
 *
 * The algorithm knows nothing of streams or plans: it takes dated inflows and outflows already in
 * the base currency (projection-flows.ts makes them from pay days, stream estimates, pending
 * payouts and bills; instalments and group contributions are more flows of the same shape).
 * Pure, and linear in days + flows.
 */
import { addDaysIso, daysBetweenIso } from './dates';
import type { CurrencyCode, IsoDate, MinorUnits } from './model';

/** How many days the projection covers, today included. */
export const PROJECTION_DAYS = 60;

/**
 * What a flow is: a pay day, a stream's estimate spread over the days (no pay day known), a
 * pending payout counted on its stream's next pay day, a bill; other parts add their own kinds
 * (an instalment, a group contribution).
 */
export type FlowKind = 'payday' | 'estimate' | 'pending' | 'bill' | (string & {});

/** A dated amount coming in or going out, in its own currency. */
export interface Flow {
  date: IsoDate;
  direction: 'in' | 'out';
  /** Positive minor units of `currency`. */
  amountMinor: MinorUnits;
  currency: CurrencyCode;
  /** What the household calls it: "Salary", "Rent". */
  name: string;
  /** The record it comes from ('stream:…', 'plan:…'), for keys and tests. */
  source: string;
  kind: FlowKind;
}

/** A flow converted to the base currency. */
export interface BaseFlow extends Flow {
  /** Positive base minor units. */
  baseMinor: MinorUnits;
}

export interface ProjectionDay {
  date: IsoDate;
  inMinor: number;
  outMinor: number;
  /** The balance at the end of the day. */
  balanceMinor: number;
}

export interface LowestPoint {
  date: IsoDate;
  balanceMinor: number;
  /** The outflows of that day, largest first (what it comes after). */
  outflows: BaseFlow[];
  /** The largest of them; null when none falls that day. */
  after: BaseFlow | null;
  /** The first lump of income (not a spread estimate) after that day, within the window. */
  nextIncome: BaseFlow | null;
}

/** What would keep the balance at or above zero (only when it goes below). */
export interface Avoid {
  /** The amount short at the lowest point: this much more on hand lifts every day to ≥ 0. */
  shortMinor: number;
  /**
   * Moving the outflow of the lowest day to the day of the next income keeps every day ≥ 0;
   * null when no such move is enough (or there is no next income).
   */
  move: { flow: BaseFlow; to: IsoDate } | null;
}

export interface Projection {
  from: IsoDate;
  to: IsoDate;
  startMinor: number;
  days: ProjectionDay[];
  lowest: LowestPoint;
  /** The first day the balance ends below zero; null when it never does. */
  firstBelowZero: IsoDate | null;
  avoid: Avoid | null;
}

/** The end-of-day balances of `days` days from `from`: one sweep over the sorted flows. */
export function dailyBalances(
  from: IsoDate,
  days: number,
  startMinor: number,
  flows: readonly BaseFlow[],
): ProjectionDay[] {
  const inByDay = new Float64Array(days);
  const outByDay = new Float64Array(days);
  for (const f of flows) {
    const k = daysBetweenIso(from, f.date);
    // Stryker disable next-line LogicalOperator: a typed array ignores a write outside its length, so a flow outside the window adds to no day either way
    if (k < 0 || k >= days) continue;
    if (f.direction === 'in') inByDay[k]! += f.baseMinor;
    else outByDay[k]! += f.baseMinor;
  }
  const out: ProjectionDay[] = [];
  let balance = startMinor;
  for (let k = 0; k < days; k++) {
    balance += inByDay[k]! - outByDay[k]!;
    out.push({
      date: addDaysIso(from, k),
      inMinor: inByDay[k]!,
      outMinor: outByDay[k]!,
      balanceMinor: balance,
    });
  }
  return out;
}

/** Index of the lowest end-of-day balance; the earliest of equal ones. */
function lowestIndex(days: readonly ProjectionDay[]): number {
  let best = 0;
  for (let k = 1; k < days.length; k++)
    if (days[k]!.balanceMinor < days[best]!.balanceMinor) best = k;
  return best;
}

/**
 * The order of one day's flows (the outflows listed, the next income picked), a consistent total
 * order: the largest first, then by name, then by source, so every engine names the same one.
 */
export function compareLargestFirst(a: BaseFlow, b: BaseFlow): number {
  if (a.baseMinor !== b.baseMinor) return b.baseMinor - a.baseMinor;
  if (a.name < b.name) return -1;
  if (a.name > b.name) return 1;
  return a.source < b.source ? -1 : a.source > b.source ? 1 : 0;
}

/** The lowest point of `days` and its cause among `flows`. */
export function lowestPoint(
  days: readonly ProjectionDay[],
  flows: readonly BaseFlow[],
): LowestPoint {
  const k = lowestIndex(days);
  const day = days[k]!;
  const last = days[days.length - 1]!.date;
  const outflows = flows
    .filter((f) => f.direction === 'out' && f.date === day.date)
    .sort(compareLargestFirst);
  const after = outflows[0] ?? null;
  let nextIncome: BaseFlow | null = null;
  for (const f of flows) {
    if (f.direction !== 'in' || f.kind === 'estimate' || f.date <= day.date || f.date > last)
      continue;
    if (
      nextIncome === null ||
      f.date < nextIncome.date ||
      (f.date === nextIncome.date && compareLargestFirst(f, nextIncome) < 0)
    )
      nextIncome = f;
  }
  return { date: day.date, balanceMinor: day.balanceMinor, outflows, after, nextIncome };
}

/** The projection of `days` days from `from`, its lowest point and what would avoid going below 0. */
export function project(input: {
  from: IsoDate;
  days?: number;
  startMinor: number;
  flows: readonly BaseFlow[];
}): Projection {
  const count = input.days ?? PROJECTION_DAYS;
  const days = dailyBalances(input.from, count, input.startMinor, input.flows);
  const lowest = lowestPoint(days, input.flows);
  const firstBelowZero = days.find((d) => d.balanceMinor < 0)?.date ?? null;
  let avoid: Avoid | null = null;
  if (lowest.balanceMinor < 0) {
    let move: Avoid['move'] = null;
    if (lowest.after !== null && lowest.nextIncome !== null) {
      const moved = input.flows.map((f) =>
        f === lowest.after ? { ...f, date: lowest.nextIncome!.date } : f,
      );
      const again = dailyBalances(input.from, count, input.startMinor, moved);
      if (again.every((d) => d.balanceMinor >= 0))
        move = { flow: lowest.after, to: lowest.nextIncome.date };
    }
    avoid = { shortMinor: -lowest.balanceMinor, move };
  }
  return {
    from: input.from,
    to: days[days.length - 1]!.date,
    startMinor: input.startMinor,
    days,
    lowest,
    firstBelowZero,
    avoid,
  };
}
