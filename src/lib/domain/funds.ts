/**
 * Funds for the big dates, pure: what is still needed, per month and as a share of each payout,
 * whether a fund is reached or its date has passed, the rules of setting money aside, and the
 * split of the savings buffer into free money and money set aside (docs/resilience.md).
 *
 * A **payout** is one expected income occurrence: a pay day of a live, unarchived stream with a
 * known pay day (due.ts `incomeOccurrences`), from tomorrow up to and including the fund's date,
 * not answered "not this time", counted at the stream's expected amount. Today's pay day is not
 * a payout still to come: once it arrives it is an entry, and money is set aside from it.
 */
import { baseMinorOrNull, liveRates, type RateRecordLike } from './base-amount';
import { addDaysIso } from './dates';
import { incomeOccurrences } from './due';
import { lastDayOf, monthOf, monthsBetween } from './months';
import {
  AnyamError,
  type CurrencyCode,
  type Entry,
  type Fund,
  type SetAside,
  type IsoDate,
  type MinorUnits,
  type MonthKey,
  type Skip,
  type Stream,
} from './model';
import type { SavingsInForce } from './savings';

export type FundStatus = 'active' | 'reached' | 'passed';

export interface FundPayouts {
  /** Payouts expected from tomorrow to the fund's date (see the definition above). */
  count: number;
  /** Their expected amounts in the fund's currency (those that could be converted). */
  totalMinor: number;
  /** Currencies of payouts left out because no rate converts them (never counted as 0). */
  missingRate: CurrencyCode[];
}

export interface FundProgress {
  fund: Fund;
  /** Live money set aside for it, in its currency. */
  setAsideMinor: number;
  /** max(target − set aside, 0). */
  stillNeededMinor: number;
  /** 'reached' once set aside ≥ target (even after the date); 'passed' when the date is gone. */
  status: FundStatus;
  /** Calendar months from this month to the date's month, both counted (≥ 1 while active). */
  monthsLeft: number;
  /** Still needed / months left, rounded up to a whole minor unit; null unless active. */
  perMonthMinor: number | null;
  payouts: FundPayouts;
  /** Still needed as a whole percentage of each payout (rounded up); null without a payout. */
  payoutPercent: number | null;
}

/** Live set-asides of live funds. */
function liveSetAsides(funds: readonly Fund[], setAsides: readonly SetAside[]): SetAside[] {
  // Stryker disable next-line MethodExpression: its only caller reads the sums of live funds, so a set-aside of a deleted fund lands under a key never read
  const live = new Set(funds.filter((f) => f.deletedAt === null).map((f) => f.id));
  // Stryker disable next-line MethodExpression,LogicalOperator: setAsideByFund leaves out deleted set-asides again and fundsProgress reads only live funds
  return setAsides.filter((s) => s.deletedAt === null && live.has(s.fundId));
}

/** Money set aside per fund id (live set-asides only). */
export function setAsideByFund(setAsides: readonly SetAside[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of setAsides) {
    if (s.deletedAt !== null) continue;
    out.set(s.fundId, (out.get(s.fundId) ?? 0) + s.amountMinor);
  }
  return out;
}

/** Money already set aside from each entry (live set-asides only), by entry id. */
export function setAsideByEntry(setAsides: readonly SetAside[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of setAsides) {
    if (s.deletedAt !== null || s.entryId === null) continue;
    out.set(s.entryId, (out.get(s.entryId) ?? 0) + s.amountMinor);
  }
  return out;
}

/** The expected payouts from tomorrow to `until`, in `currency` (see the module comment). */
export function payoutsUntil(input: {
  streams: readonly Stream[];
  skips: readonly Skip[];
  rates: readonly RateRecordLike[];
  baseCurrency: CurrencyCode;
  currency: CurrencyCode;
  today: IsoDate;
  until: IsoDate;
}): FundPayouts {
  const from = addDaysIso(input.today, 1);
  if (input.until < from) return { count: 0, totalMinor: 0, missingRate: [] };
  const rates = liveRates(input.rates);
  const missing = new Set<CurrencyCode>();
  let count = 0;
  let totalMinor = 0;
  // Stryker disable next-line ArrayDeclaration: the entries only mark an occurrence `matched`, which a payout count never reads
  for (const o of incomeOccurrences(input.streams, [], input.skips, from, input.until)) {
    if (o.skipped) continue;
    count++;
    const amount =
      o.currency === input.currency
        ? o.amountMinor
        : input.currency === input.baseCurrency
          ? baseMinorOrNull(o.amountMinor, o.currency, input.baseCurrency, input.today, rates)
          : null;
    if (amount === null) missing.add(o.currency);
    else totalMinor += amount;
  }
  return { count, totalMinor, missingRate: [...missing].sort() };
}

/** Months from `today`'s month to the month of `dueOn`, both counted; 0 once the date passed. */
export function monthsLeft(today: IsoDate, dueOn: IsoDate): number {
  if (dueOn < today) return 0;
  return monthsBetween(monthOf(today), monthOf(dueOn)) + 1;
}

/** `part` as a whole percentage of `whole`, rounded up (a share that reaches the target). */
export function sharePercent(part: number, whole: number): number {
  // The tolerance keeps an exact share (25.000000000000004 from floating point) at 25.
  return Math.ceil((part / whole) * 100 - 1e-9);
}

/** One fund's progress on `today`. */
export function fundProgress(
  fund: Fund,
  setAsideMinor: number,
  payouts: FundPayouts,
  today: IsoDate,
): FundProgress {
  const stillNeededMinor = Math.max(fund.targetMinor - setAsideMinor, 0);
  const status: FundStatus =
    stillNeededMinor === 0 ? 'reached' : fund.dueOn < today ? 'passed' : 'active';
  const left = monthsLeft(today, fund.dueOn);
  const active = status === 'active';
  return {
    fund,
    setAsideMinor,
    stillNeededMinor,
    status,
    monthsLeft: left,
    perMonthMinor: active ? Math.ceil(stillNeededMinor / left) : null,
    payouts,
    payoutPercent:
      active && payouts.count > 0 && payouts.totalMinor > 0
        ? sharePercent(stillNeededMinor, payouts.totalMinor)
        : null,
  };
}

/** The funds' order, a consistent total order: soonest date first; one date by id. */
export function compareFunds(a: Fund, b: Fund): number {
  if (a.dueOn < b.dueOn) return -1;
  if (a.dueOn > b.dueOn) return 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Every live fund's progress, soonest date first. The share of each payout is what is still
 * needed over the sum of the payouts expected before the date: setting that share of every one
 * of them aside reaches the target on the date.
 */
export function fundsProgress(input: {
  funds: readonly Fund[];
  setAsides: readonly SetAside[];
  streams: readonly Stream[];
  skips: readonly Skip[];
  rates: readonly RateRecordLike[];
  baseCurrency: CurrencyCode;
  today: IsoDate;
}): FundProgress[] {
  const byFund = setAsideByFund(liveSetAsides(input.funds, input.setAsides));
  return input.funds
    .filter((f) => f.deletedAt === null)
    .sort(compareFunds)
    .map((fund) =>
      fundProgress(
        fund,
        byFund.get(fund.id) ?? 0,
        payoutsUntil({ ...input, currency: fund.currency, until: fund.dueOn }),
        input.today,
      ),
    );
}

// ---------------------------------------------------------------------------------------------
// Rules (the repositories, the backup checks and the forms share them)

/** A new or moved fund date must not lie in the past (a passed fund is kept, never created). */
export function checkFundDate(dueOn: IsoDate, today: IsoDate): void {
  if (dueOn < today) throw new AnyamError('fund/date-in-past', { field: 'dueOn', dueOn, today });
}

/**
 * Setting `amountMinor` aside from `entry` for `fund`: the entry must be received, in the fund's
 * currency, and still hold that much once what was already set aside from it is taken away.
 */
export function checkSetAside(
  fund: Pick<Fund, 'currency'>,
  entry: Pick<Entry, 'status' | 'currency' | 'amountMinor' | 'deletedAt'>,
  alreadyMinor: number,
  amountMinor: MinorUnits,
): void {
  if (entry.deletedAt !== null || entry.status !== 'received')
    throw new AnyamError('set-aside/not-received', { field: 'entryId' });
  if (entry.currency !== fund.currency)
    throw new AnyamError('set-aside/other-currency', {
      field: 'amount',
      entryCurrency: entry.currency,
      fundCurrency: fund.currency,
    });
  const leftMinor = Math.max(entry.amountMinor - alreadyMinor, 0);
  if (amountMinor > leftMinor)
    throw new AnyamError('set-aside/more-than-received', {
      field: 'amount',
      leftMinor,
      currency: entry.currency,
    });
}

// ---------------------------------------------------------------------------------------------
// The buffer: free savings + money set aside = the savings balances

export interface BufferSplit {
  /** The savings balances in force (base minor units). */
  totalMinor: number;
  /** Money set aside and still held, as far as the balances hold it: ≤ max(total, 0). */
  setAsideMinor: number;
  /** total − set aside: what the resilience score's buffer reads. */
  freeMinor: number;
  /** Set aside beyond the balances (they were not updated since): not counted twice. */
  uncoveredMinor: number;
}

/**
 * Money set aside held on `day`, in base minor units: live set-asides dated by then, of live
 * funds whose date is `day` or later (once the big date has come the money was for it, and the
 * balances entered afterwards say what is left). Null when one has no rate on its date.
 */
export function heldOn(
  funds: readonly Fund[],
  setAsides: readonly SetAside[],
  day: IsoDate,
  baseCurrency: CurrencyCode,
  rates: readonly RateRecordLike[],
): number | null {
  const open = new Set(
    funds.filter((f) => f.deletedAt === null && f.dueOn >= day).map((f) => f.id),
  );
  let sum = 0;
  for (const s of setAsides) {
    if (s.deletedAt !== null || s.date > day || !open.has(s.fundId)) continue;
    const base = baseMinorOrNull(s.amountMinor, s.currency, baseCurrency, s.date, rates);
    if (base === null) return null;
    sum += base;
  }
  return sum;
}

/** Splits the balances `totalMinor` into free money and money set aside (`heldMinor`). */
export function bufferSplit(totalMinor: number, heldMinor: number): BufferSplit {
  const setAsideMinor = Math.min(heldMinor, Math.max(totalMinor, 0));
  return {
    totalMinor,
    setAsideMinor,
    freeMinor: totalMinor - setAsideMinor,
    uncoveredMinor: heldMinor - setAsideMinor,
  };
}

/**
 * The savings buffer of each month (savings.ts `savingsAtMonthEnds`) with the money set aside
 * taken out: on the earlier of the month's last day and today. Unknown (null amount) when a
 * set-aside has no rate, like a balance without one.
 */
export function freeSavingsAtMonthEnds(
  savings: readonly (SavingsInForce | null)[],
  months: readonly MonthKey[],
  funds: readonly Fund[],
  setAsides: readonly SetAside[],
  today: IsoDate,
  baseCurrency: CurrencyCode,
  rates: readonly RateRecordLike[],
): (SavingsInForce | null)[] {
  if (!setAsides.some((s) => s.deletedAt === null)) return [...savings];
  const live = liveRates(rates);
  return savings.map((inForce, i) => {
    if (inForce === null || inForce.amountMinor === null) return inForce;
    const end = lastDayOf(months[i]!);
    const held = heldOn(funds, setAsides, end < today ? end : today, baseCurrency, live);
    if (held === null) return { ...inForce, amountMinor: null };
    return { ...inForce, amountMinor: bufferSplit(inForce.amountMinor, held).freeMinor };
  });
}

// ---------------------------------------------------------------------------------------------
// The phone's calendar

export interface FundDateItem {
  /** Stable across exports: the same fund is the same calendar event. */
  uid: string;
  fundId: string;
  date: IsoDate;
  name: string;
  targetMinor: MinorUnits;
  currency: CurrencyCode;
}

/** Each live fund's date in [from, to], soonest first, for the calendar export. */
export function fundDateItems(funds: readonly Fund[], from: IsoDate, to: IsoDate): FundDateItem[] {
  return funds
    .filter((f) => f.deletedAt === null && f.dueOn >= from && f.dueOn <= to)
    .sort(compareFunds)
    .map((f) => ({
      uid: `fund-${f.id}@anyam`,
      fundId: f.id,
      date: f.dueOn,
      name: f.name,
      targetMinor: f.targetMinor,
      currency: f.currency,
    }));
}
