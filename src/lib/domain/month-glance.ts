/**
 * "This month at a glance": income received so far against what the month should bring, the
 * month's bills paid and left to pay, and the verdict: everything the month brings (received +
 * still expected) against everything it costs (paid + left to pay).
 *
 * The verdict is one figure, `balanceMinor = (received + still expected) − (paid + left)`, short
 * when negative. Receiving a due pay day at its expected amount moves that amount from "still
 * expected" to "received", and paying a bill at its amount moves it from "left" to "paid", so
 * neither changes the verdict; only a different amount, a skip or a new bill or stream can.
 * A payment is valued at the rate of its bill's due date (the rate its bill is valued at), so
 * paying a foreign-currency bill a few days late does not move the verdict either.
 *
 * `billsMinor` is the one total of "this month's bills" (due.ts `billsOfMonth`, skipped ones
 * left out): the month card and the Plans view both show it. Keep it exported and its meaning
 * stable.
 *
 * Payments are a record of what happened, shown beside the plans; the resilience formulas
 * (coverage uses planned essential costs) do not read them.
 */
import { baseMinorOrNull, liveRates, type RateRecordLike } from './base-amount';
import {
  billsOfMonth,
  incomeOccurrences,
  isUnpaid,
  type BillOccurrence,
  type EntryDate,
} from './due';
import { amountInMonth, firstDayOf, isRecurringCadence, lastDayOf } from './months';
import type {
  CurrencyCode,
  IsoDate,
  MinorUnits,
  MonthKey,
  Payment,
  Plan,
  Rollup,
  Skip,
  Stream,
} from './model';
import { streamPayDay } from './occurrences';

export interface GlanceBill extends BillOccurrence {
  /** The bill's amount in base minor units; null without a rate. */
  baseMinor: number | null;
  /** Stream kinds earmarked to pay it (empty when none). */
  fundedBy: Plan['fundedBy'];
}

export interface MonthGlance {
  month: MonthKey;
  /** Received income of the month so far, base minor units. */
  receivedMinor: number;
  /** What the streams with an expected amount should bring this month (skipped pay days not). */
  expectedMinor: number;
  /** Of that, what has not come yet: unanswered pay days, or the rest of a stream's estimate. */
  stillExpectedMinor: number;
  /**
   * Σ this month's bills (due.ts `billsOfMonth`), skipped ones left out: THE total of "this
   * month's bills" every screen shows (the month card, Plans). Exported and stable.
   */
  billsMinor: number;
  /** Σ the payments of this month's bills, each at the rate of its bill's due date. */
  paidMinor: number;
  /** Σ the bills neither paid nor skipped. */
  leftMinor: number;
  /** What the month brings: received + still expected. */
  bringsMinor: number;
  /** What the month costs: paid + left to pay. */
  costsMinor: number;
  /** The verdict: brings − costs. Negative: the month is short by that much. */
  balanceMinor: number;
  /** −balance when the month is short, else 0. */
  shortMinor: number;
  bills: GlanceBill[];
  /** Currencies of amounts left out because no rate converts them. */
  missingRateCurrencies: CurrencyCode[];
}

export interface MonthGlanceInput {
  month: MonthKey;
  streams: readonly Stream[];
  plans: readonly Plan[];
  /** Entries of the pay-day streams around the month (due.ts `loopEntryRange`). */
  entries: readonly EntryDate[];
  /** The month's rollup rows. */
  rollups: readonly Rollup[];
  payments: readonly Payment[];
  skips: readonly Skip[];
  rates: readonly RateRecordLike[];
  baseCurrency: CurrencyCode;
}

export function monthGlance(input: MonthGlanceInput): MonthGlance {
  const { month, baseCurrency } = input;
  const rates = liveRates(input.rates);
  const missing = new Set<CurrencyCode>();
  const toBase = (amount: MinorUnits, currency: CurrencyCode, date: IsoDate): number | null => {
    const base = baseMinorOrNull(amount, currency, baseCurrency, date, rates);
    if (base === null) missing.add(currency);
    return base;
  };

  let receivedMinor = 0;
  const receivedByStream = new Map<string, number>();
  for (const r of input.rollups) {
    if (r.month !== month || r.status !== 'received') continue;
    receivedMinor += r.baseMinor;
    receivedByStream.set(r.streamId, (receivedByStream.get(r.streamId) ?? 0) + r.baseMinor);
    if (r.missingRateCount > 0) missing.add(r.currency);
  }

  const first = firstDayOf(month);
  const last = lastDayOf(month);
  // Pay days are whole minor units; the monthly estimates of streams without one are fractions
  // (a weekly amount × weeks in the month), summed apart and rounded once, so that answering a
  // pay day moves "still expected" by exactly its amount (never by a rounding step).
  let expectedMinor = 0;
  let stillExpectedMinor = 0;
  let estimatedMinor = 0;
  let stillEstimatedMinor = 0;
  const paydays = incomeOccurrences(input.streams, input.entries, input.skips, first, last);
  for (const o of paydays) {
    // A pay day before the stream was added counts only when an entry answered it.
    if (o.skipped || (o.beforeCreation && !o.matched)) continue;
    const base = toBase(o.amountMinor, o.currency, o.dueOn);
    if (base === null) continue;
    expectedMinor += base;
    if (!o.matched) stillExpectedMinor += base;
  }
  for (const stream of input.streams) {
    if (stream.deletedAt !== null || stream.archived || streamPayDay(stream) !== null) continue;
    const { cadence, amountMinor, daysPerWeek } = stream.expected;
    if (!isRecurringCadence(cadence) || amountMinor <= 0) continue;
    if (stream.startedOn !== null && stream.startedOn > last) continue;
    if (stream.endedOn !== null && stream.endedOn < first) continue;
    const base = toBase(amountMinor, stream.currency, last);
    if (base === null) continue;
    const expected = amountInMonth(base, cadence, month, { daysPerWeek }) ?? 0;
    estimatedMinor += expected;
    stillEstimatedMinor += Math.max(expected - (receivedByStream.get(stream.id) ?? 0), 0);
  }

  const plansById = new Map(input.plans.map((p) => [p.id, p]));
  let billsMinor = 0;
  let paidMinor = 0;
  let leftMinor = 0;
  const bills: GlanceBill[] = [];
  for (const bill of billsOfMonth(input.plans, input.payments, input.skips, month)) {
    const baseMinor = toBase(bill.amountMinor, bill.currency, bill.dueOn);
    // Stryker disable next-line OptionalChaining,ArrayDeclaration: equivalent: every bill comes from a plan of input.plans, so the plan is always found
    bills.push({ ...bill, baseMinor, fundedBy: plansById.get(bill.planId)?.fundedBy ?? [] });
    for (const p of bill.payments) paidMinor += toBase(p.amountMinor, p.currency, bill.dueOn) ?? 0;
    if (bill.skipped || baseMinor === null) continue;
    billsMinor += baseMinor;
    if (isUnpaid(bill)) leftMinor += baseMinor;
  }

  expectedMinor += Math.round(estimatedMinor);
  stillExpectedMinor += Math.round(stillEstimatedMinor);
  const bringsMinor = receivedMinor + stillExpectedMinor;
  const costsMinor = paidMinor + leftMinor;
  const balanceMinor = bringsMinor - costsMinor;
  return {
    month,
    receivedMinor,
    expectedMinor,
    stillExpectedMinor,
    billsMinor,
    paidMinor,
    leftMinor,
    bringsMinor,
    costsMinor,
    balanceMinor,
    shortMinor: Math.max(-balanceMinor, 0),
    bills,
    missingRateCurrencies: [...missing].sort(),
  };
}
