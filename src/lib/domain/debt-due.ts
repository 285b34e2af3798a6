/**
 * Debt instalments in the monthly loop: like a bill (due.ts), an instalment of a live, open
 * debt is due on its date until a repayment names it (`dueOn`) or it is skipped ("Not this
 * time", a skip of kind 'debt'). Its amount is the schedule's, or what is left when less.
 * Instalments of money owed to us come in (the due list says "Received"); those we owe go out
 * and are the household's debt payments (debt-share.ts).
 */
import { baseMinorOrNull, liveRates, type RateRecordLike } from './base-amount';
import { daysBetweenIso } from './dates';
import type { Debt, DebtDirection, DebtSchedule, Repayment } from './debt-model';
import { debtStatus, skippedInstalments } from './debts';
import { instalmentDate, type Instalment } from './debt-schedule';
import { dueRange } from './due';
import type { MonthGlance } from './month-glance';
import { firstDayOf, lastDayOf, monthOf, monthsBetween } from './months';
import type { CurrencyCode, IsoDate, MinorUnits, MonthKey, Skip } from './model';
import { occurrenceKey } from './occurrences';

export interface InstalmentOccurrence {
  debtId: string;
  counterparty: string;
  direction: DebtDirection;
  dueOn: IsoDate;
  amountMinor: MinorUnits;
  currency: CurrencyCode;
  /** The live repayments naming this instalment (normally one). */
  repayments: Repayment[];
  skipped: boolean;
}

export interface DueInstalment extends InstalmentOccurrence {
  overdue: boolean;
}

/**
 * Whether any instalment of `schedule` may fall in [from, to]: its first is not after `to` and
 * its last not before `from` (the repository reads the repayments of these debts only).
 */
export function scheduleReaches(
  schedule: DebtSchedule | null,
  from: IsoDate,
  to: IsoDate,
): boolean {
  if (schedule === null || schedule.firstDue > to || from > to) return false;
  return instalmentDate(schedule.firstDue, schedule.cadence, schedule.count - 1) >= from;
}

/**
 * The instalments due in [from, to], oldest first: the same as debt-schedule.ts
 * `instalmentsBetween`, computing only the dates from the window's start on. Instalment k falls
 * in the k-th month (or on the 7k-th day) after the first, so none before index
 * `months (or ⌊days ÷ 7⌋) from the first to from` can reach `from`. Property test:
 * tests/unit/debt-due-window.test.ts.
 */
export function instalmentsWithin(
  amountMinor: number,
  schedule: DebtSchedule,
  from: IsoDate,
  to: IsoDate,
): Instalment[] {
  const { count, amountMinor: each, cadence, firstDue } = schedule;
  // Stryker disable next-line LogicalOperator: a shortcut; for a window before the first instalment or an empty one the loop below finds none either
  if (to < firstDue || from > to) return [];
  const skip =
    from <= firstDue
      ? 0
      : cadence === 'monthly'
        ? monthsBetween(monthOf(firstDue), monthOf(from))
        : Math.floor(daysBetweenIso(firstDue, from) / 7);
  const out: Instalment[] = [];
  for (let index = skip; index < count; index++) {
    const dueOn = instalmentDate(firstDue, cadence, index);
    if (dueOn > to) break;
    if (dueOn < from) continue;
    // The remainder rule of debt-schedule.ts `instalmentAmounts`: the last takes what remains.
    out.push({
      index,
      dueOn,
      amountMinor: index < count - 1 ? each : amountMinor - (count - 1) * each,
    });
  }
  return out;
}

/**
 * The instalments' order, a consistent total order: oldest due date first; one date by debt id
 * (a debt has one instalment a date).
 */
export function compareInstalments(a: InstalmentOccurrence, b: InstalmentOccurrence): number {
  if (a.dueOn < b.dueOn) return -1;
  if (a.dueOn > b.dueOn) return 1;
  return a.debtId < b.debtId ? -1 : a.debtId > b.debtId ? 1 : 0;
}

/** Every instalment of the live debts due in [from, to], oldest first, with its repayments. */
export function instalmentOccurrences(
  debts: readonly Debt[],
  repayments: readonly Repayment[],
  skips: readonly Skip[],
  from: IsoDate,
  to: IsoDate,
): InstalmentOccurrence[] {
  const skipped = skippedInstalments(skips);
  const out: InstalmentOccurrence[] = [];
  for (const debt of debts) {
    if (debt.deletedAt !== null || debt.schedule === null) continue;
    const due = instalmentsWithin(debt.amountMinor, debt.schedule, from, to);
    // Most debts have no instalment in a month: their repayments are not looked at.
    if (due.length === 0) continue;
    const own = repayments.filter((r) => r.debtId === debt.id && r.deletedAt === null);
    const status = debtStatus(debt, own, skipped);
    for (const i of due) {
      const paid = own.filter((r) => r.dueOn === i.dueOn);
      // Once nothing is left (paid off early, forgiven), later instalments are not owed.
      if (paid.length === 0 && status.leftMinor === 0) continue;
      out.push({
        debtId: debt.id,
        counterparty: debt.counterparty,
        direction: debt.direction,
        dueOn: i.dueOn,
        amountMinor: paid.length > 0 ? i.amountMinor : Math.min(i.amountMinor, status.leftMinor),
        currency: debt.currency,
        repayments: paid,
        skipped: skipped.has(occurrenceKey(debt.id, i.dueOn)),
      });
    }
  }
  return out.sort(compareInstalments);
}

export function isUnpaidInstalment(i: InstalmentOccurrence): boolean {
  return i.repayments.length === 0 && !i.skipped;
}

/** The due list's instalments on `today`: as due.ts `dueBills` (this month up to two weeks ahead). */
export function dueInstalments(
  debts: readonly Debt[],
  repayments: readonly Repayment[],
  skips: readonly Skip[],
  today: IsoDate,
): DueInstalment[] {
  return instalmentOccurrences(
    debts,
    repayments,
    skips,
    firstDayOf(monthOf(today)),
    dueRange(today).to,
  )
    .filter(isUnpaidInstalment)
    .map((i) => ({ ...i, overdue: i.dueOn < today }));
}

export interface MonthInstalments {
  /** This month's instalments we owe, oldest first. */
  items: InstalmentOccurrence[];
  /**
   * Σ of them in base minor units, skipped ones included: a skipped instalment is still owed, so
   * this is the month's debt payments P(m) of docs/resilience.md (debt-share.ts), the share of
   * income's numerator. The card's costs leave a skipped one out (`leftMinor`).
   */
  totalMinor: number;
  /** Σ paid of them (their repayments). */
  paidMinor: number;
  /** Σ neither paid nor skipped. */
  leftMinor: number;
  /** Currencies of instalments no rate converts: flagged, never counted as 0. */
  missingRateCurrencies: CurrencyCode[];
}

/** The instalments the household pays in `month` (direction 'we-owe'), valued in the base currency. */
export function instalmentsOfMonth(
  debts: readonly Debt[],
  repayments: readonly Repayment[],
  skips: readonly Skip[],
  month: MonthKey,
  rates: readonly RateRecordLike[],
  baseCurrency: CurrencyCode,
): MonthInstalments {
  const live = liveRates(rates);
  const missing = new Set<CurrencyCode>();
  const items = instalmentOccurrences(
    debts.filter((d) => d.direction === 'we-owe'),
    repayments,
    skips,
    firstDayOf(month),
    lastDayOf(month),
  );
  let totalMinor = 0;
  let paidMinor = 0;
  let leftMinor = 0;
  for (const i of items) {
    const base = (amount: number) =>
      baseMinorOrNull(amount, i.currency, baseCurrency, i.dueOn, live);
    for (const r of i.repayments) {
      const b = base(r.amountMinor);
      if (b === null) missing.add(i.currency);
      else paidMinor += b;
    }
    const b = base(i.amountMinor);
    if (b === null) {
      missing.add(i.currency);
      continue;
    }
    totalMinor += b;
    if (isUnpaidInstalment(i)) leftMinor += b;
  }
  return { items, totalMinor, paidMinor, leftMinor, missingRateCurrencies: [...missing].sort() };
}

/** The month card's verdict with this month's instalments among its costs (month-glance.ts). */
export function glanceWithInstalments(glance: MonthGlance, inst: MonthInstalments): MonthGlance {
  const costsMinor = glance.costsMinor + inst.paidMinor + inst.leftMinor;
  const balanceMinor = glance.bringsMinor - costsMinor;
  return {
    ...glance,
    costsMinor,
    balanceMinor,
    shortMinor: Math.max(-balanceMinor, 0),
    missingRateCurrencies: [
      ...new Set([...glance.missingRateCurrencies, ...inst.missingRateCurrencies]),
    ].sort(),
  };
}
