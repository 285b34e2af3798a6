/**
 * What the score measures income against, per month of the dashboard's table (docs/resilience.md):
 * the essential costs E (the essential plans, the debt instalments due, the savings groups'
 * contributions due) and the buffer S (free savings, that is without the money set aside for a
 * fund, plus the groups' contributions at risk before my turn). One place, so that the score, the
 * stress test and the cards read the same E and S.
 */
import type { RateRecordLike } from './base-amount';
import type { Debt, Repayment } from './debt-model';
import { debtPaymentsByMonth } from './debt-share';
import { freeSavingsAtMonthEnds } from './funds';
import {
  atRiskByMonth,
  essentialWithGroups,
  savingsWithGroups,
  type GroupsInScore,
} from './groups-score';
import type { CurrencyCode, Fund, IsoDate, MonthKey, Plan, Saving, SetAside } from './model';
import { essentialMonthlyExpenses } from './plans';
import { savingsAtMonthEnds, type SavingsInForce } from './savings';

export interface ScoreNeedsInput extends GroupsInScore {
  plans: readonly Plan[];
  savings: readonly Saving[];
  funds?: readonly Fund[];
  setAsides?: readonly SetAside[];
  debts?: readonly Debt[];
  repayments?: readonly Repayment[];
  baseCurrency: CurrencyCode;
  today: IsoDate;
}

export interface ScoreNeeds {
  /** E before the groups: the essential plans and the debt instalments (null: a rate is missing). */
  essentialBeforeGroups: (number | null)[];
  /** E: with the groups' contributions due. */
  essential: (number | null)[];
  /** The groups' contributions at risk counted in S (null: a rate is missing). */
  atRisk: (number | null)[];
  /** S: free savings in force at each month's end, with the contributions at risk. */
  savings: (SavingsInForce | null)[];
}

export function scoreNeeds(
  input: ScoreNeedsInput,
  months: readonly MonthKey[],
  rates: readonly RateRecordLike[],
): ScoreNeeds {
  const base = input.baseCurrency;
  const debtPayments = debtPaymentsByMonth(
    // Stryker disable next-line ArrayDeclaration: an invented element in place of an omitted list is no live debt (its deletedAt is undefined, not null)
    input.debts ?? [],
    // Stryker disable next-line ArrayDeclaration: an invented element in place of an omitted list is no repayment of any debt (its debtId is undefined)
    input.repayments ?? [],
    months,
    base,
    rates,
  );
  const essentialBeforeGroups = months.map((month, col) => {
    const e = essentialMonthlyExpenses(input.plans, month, base, rates);
    const debt = debtPayments[col]!;
    return e.missingRatePlanIds.length > 0 || debt === null ? null : e.amountMinor + debt;
  });
  const essential = essentialWithGroups(essentialBeforeGroups, months, input, base, rates);
  const atRisk = atRiskByMonth(months, input, base, rates);
  const free = freeSavingsAtMonthEnds(
    savingsAtMonthEnds(input.savings, months, base, rates),
    months,
    // Stryker disable next-line ArrayDeclaration: an invented element in place of an omitted list is no live fund (its deletedAt is undefined), so nothing is set aside in it
    input.funds ?? [],
    // Stryker disable next-line ArrayDeclaration: an invented element in place of an omitted list is no live set-aside (its deletedAt is undefined, not null)
    input.setAsides ?? [],
    input.today,
    base,
    rates,
  );
  return {
    essentialBeforeGroups,
    essential,
    atRisk,
    savings: savingsWithGroups(free, months, atRisk),
  };
}
