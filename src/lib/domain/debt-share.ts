/**
 * What debt costs the household each month, for the score and the dashboard.
 *
 * Debt payments of a month: Σ the instalments of the debts we owe that fall due in it, each
 * valued at the rate of its due date. An instalment counts unless, by its date, the debt was
 * already repaid in full or forgiven (a debt paid off early costs nothing more); paid, unpaid and
 * skipped alike, since a skipped instalment is still owed. A debt repaid "whenever" has no
 * instalments and adds nothing. These payments are essential costs (docs/resilience.md): they
 * are added to E in coverage, the buffer and the stress test.
 *
 * A debt in a currency no rate converts makes that month's payments unknown (null), never 0.
 *
 * Share of income: debt payments of this month ÷ what this month brings (the month card's
 * received + still expected, month-glance.ts `bringsMinor`), in whole percent.
 */
import { baseMinorOrNull, liveRates, type RateRecordLike } from './base-amount';
import type { Debt, Repayment } from './debt-model';
import { instalments } from './debt-schedule';
import type { CurrencyCode, MonthKey } from './model';

/** Per month of `months`: the debt payments due in it (base minor units), or null without a rate. */
export function debtPaymentsByMonth(
  debts: readonly Debt[],
  repayments: readonly Repayment[],
  months: readonly MonthKey[],
  baseCurrency: CurrencyCode,
  rates: readonly RateRecordLike[],
): (number | null)[] {
  const out: (number | null)[] = months.map(() => 0);
  if (months.length === 0) return out;
  const columnOf = new Map(months.map((m, i) => [m, i]));
  const live = liveRates(rates);
  // Stryker disable next-line StringLiteral: a shortcut only: an instalment before the first month has no column below either
  const first = `${months[0]}-01`;
  // Stryker disable next-line ArithmeticOperator: a shortcut only: an instalment after the last month has no column below either
  const last = `${months[months.length - 1]}-31`;
  for (const debt of debts) {
    if (debt.deletedAt !== null || debt.direction !== 'we-owe' || debt.schedule === null) continue;
    const paid = repayments
      .filter((r) => r.debtId === debt.id && r.deletedAt === null)
      .sort(
        // Stryker disable next-line ArrowFunction,ConditionalExpression,EqualityOperator,UnaryOperator: the repayments are only summed (those before each due day), which no order changes
        (a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0),
      );
    for (const i of instalments(debt.amountMinor, debt.schedule)) {
      if (i.dueOn < first || i.dueOn > last) continue;
      const col = columnOf.get(i.dueOn.slice(0, 7));
      if (col === undefined || out[col] === null) continue;
      if (debt.forgivenOn !== null && debt.forgivenOn <= i.dueOn) continue;
      let before = 0;
      for (const r of paid) if (r.date < i.dueOn) before += r.amountMinor;
      if (before >= debt.amountMinor) continue;
      const base = baseMinorOrNull(i.amountMinor, debt.currency, baseCurrency, i.dueOn, live);
      out[col] = base === null ? null : out[col]! + base;
    }
  }
  return out;
}

/** Debt payments as a whole-percent share of income; null when there is no income to compare. */
export function debtSharePercent(debtMinor: number, incomeMinor: number): number | null {
  return incomeMinor > 0 ? Math.round((debtMinor / incomeMinor) * 100) : null;
}
