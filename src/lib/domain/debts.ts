/**
 * What is left of a debt, its next instalment, whether it is paid off: pure functions of the
 * debt, its repayments and its skipped instalments (debt-model.ts).
 *
 * The one equation: repaid + forgiven + left = amount, at every step. `left` is the amount less
 * the live repayments while the debt is open; forgiving it moves what was left into `forgiven`.
 * A repayment is refused when it is larger than what is left (repo/debts.ts), so `left` never
 * goes below zero.
 */
import type { Debt, DebtDirection, Repayment } from './debt-model';
import { instalments, type Instalment } from './debt-schedule';
import type { CurrencyCode, IsoDate, MinorUnits, Skip } from './model';
import { occurrenceKey } from './occurrences';

export interface DebtStatus {
  debt: Debt;
  /** Sum of the live repayments. */
  repaidMinor: MinorUnits;
  /** Forgiven: what was left on the day it was forgiven; else 0. */
  forgivenMinor: MinorUnits;
  leftMinor: MinorUnits;
  /** Live repayments, oldest first. */
  repayments: Repayment[];
  /** Nothing left and not forgiven. */
  paidOff: boolean;
  forgiven: boolean;
  /** The first instalment neither paid nor skipped, while something is left; else null. */
  nextDue: Instalment | null;
}

/** The repayments' order, a consistent total order: oldest date first; one date by id. */
export function compareRepayments(a: Repayment, b: Repayment): number {
  if (a.date < b.date) return -1;
  if (a.date > b.date) return 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The keys of the debt instalments answered "not this time". */
export function skippedInstalments(skips: readonly Skip[]): Set<string> {
  const out = new Set<string>();
  for (const s of skips) {
    if (s.deletedAt === null && s.kind === 'debt') out.add(occurrenceKey(s.sourceId, s.dueOn));
  }
  return out;
}

/** One debt's standing; `repayments` may hold other debts' rows (they are ignored). */
export function debtStatus(
  debt: Debt,
  repayments: readonly Repayment[],
  skipped: ReadonlySet<string> = new Set(),
): DebtStatus {
  const own = repayments
    .filter((r) => r.debtId === debt.id && r.deletedAt === null)
    .sort(compareRepayments);
  const repaidMinor = own.reduce((sum, r) => sum + r.amountMinor, 0);
  const open = Math.max(0, debt.amountMinor - repaidMinor);
  const forgiven = debt.forgivenOn !== null && open > 0;
  const leftMinor = forgiven ? 0 : open;
  // Stryker disable next-line MethodExpression: a null kept among the answered dates equals no instalment's date, so the same instalments are answered
  const answered = new Set(own.map((r) => r.dueOn).filter((d): d is IsoDate => d !== null));
  const nextDue =
    leftMinor > 0 && debt.schedule !== null
      ? (instalments(debt.amountMinor, debt.schedule).find(
          (i) => !answered.has(i.dueOn) && !skipped.has(occurrenceKey(debt.id, i.dueOn)),
        ) ?? null)
      : null;
  return {
    debt,
    repaidMinor,
    forgivenMinor: forgiven ? open : 0,
    leftMinor,
    repayments: own,
    paidOff: leftMinor === 0 && !forgiven,
    forgiven,
    nextDue: nextDue && { ...nextDue, amountMinor: Math.min(nextDue.amountMinor, leftMinor) },
  };
}

/**
 * A row of the "what is owed" list. Generic on purpose: a debt gives one, and a savings group
 * after my turn (the rounds still to pay) can give one too without the list knowing groups.
 */
export interface OwedRow {
  /** The record the row stands for. */
  id: string;
  source: 'debt' | 'group';
  name: string;
  direction: DebtDirection;
  amountMinor: MinorUnits;
  leftMinor: MinorUnits;
  currency: CurrencyCode;
  nextDueOn: IsoDate | null;
  nextDueMinor: MinorUnits | null;
  paymentsCount: number;
  paidMinor: MinorUnits;
  state: 'open' | 'paid-off' | 'forgiven';
}

export function owedRow(status: DebtStatus): OwedRow {
  const { debt } = status;
  return {
    id: debt.id,
    source: 'debt',
    name: debt.counterparty,
    direction: debt.direction,
    amountMinor: debt.amountMinor,
    leftMinor: status.leftMinor,
    currency: debt.currency,
    nextDueOn: status.nextDue?.dueOn ?? null,
    nextDueMinor: status.nextDue?.amountMinor ?? null,
    paymentsCount: status.repayments.length,
    paidMinor: status.repaidMinor,
    state: status.forgiven ? 'forgiven' : status.paidOff ? 'paid-off' : 'open',
  };
}

/** 0 for an open row, 1 for one paid off or forgiven: the open ones head the list. */
function rank(r: OwedRow): number {
  return r.state === 'open' ? 0 : 1;
}

/**
 * The list's order, a consistent total order: open rows first (the soonest next due first, then
 * those with none, by name), then paid off and forgiven by name; one name (as the locale sorts
 * it) by id, so only the same row answers 0.
 */
export function compareOwedRows(a: OwedRow, b: OwedRow): number {
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  const da = a.nextDueOn ?? '9999-12-31';
  const db = b.nextDueOn ?? '9999-12-31';
  if (da < db) return -1;
  if (da > db) return 1;
  return a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The owed rows in the list's order (`compareOwedRows`). */
export function sortOwedRows(rows: readonly OwedRow[]): OwedRow[] {
  return [...rows].sort(compareOwedRows);
}

/** The live debts' standings, with the repayments and skips read for them. */
export function debtStatuses(
  debts: readonly Debt[],
  repayments: readonly Repayment[],
  skips: readonly Skip[],
): DebtStatus[] {
  const byDebt = new Map<string, Repayment[]>();
  for (const r of repayments) {
    const list = byDebt.get(r.debtId);
    if (list) list.push(r);
    else byDebt.set(r.debtId, [r]);
  }
  const skipped = skippedInstalments(skips);
  return debts
    .filter((d) => d.deletedAt === null)
    .map(
      // Stryker disable next-line ArrayDeclaration: an invented element in place of no repayments is no repayment of this debt (its debtId is undefined)
      (d) => debtStatus(d, byDebt.get(d.id) ?? [], skipped),
    );
}
