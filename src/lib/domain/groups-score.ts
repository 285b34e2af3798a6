/**
 * Savings groups in the resilience score (docs/resilience.md "Savings groups"): the rounds
 * due in a month are essential costs (E, coverage and buffer), and the contributions paid
 * before my turn count in the buffer — as savings at risk, which the card says.
 */
import type { RateRecordLike } from './base-amount';
import type { Group, GroupPayment } from './group-model';
import { groupContributionsByMonth, groupsAtRiskAt } from './groups-loop';
import type { CurrencyCode, MonthKey } from './model';
import { lastDayOf } from './months';
import type { SavingsInForce } from './savings';

export interface GroupsInScore {
  groups?: readonly Group[];
  groupPayments?: readonly GroupPayment[];
}

/** E per month with each month's contributions added; null where a group's rate is missing. */
export function essentialWithGroups(
  essential: readonly (number | null)[],
  months: readonly MonthKey[],
  input: GroupsInScore,
  baseCurrency: CurrencyCode,
  rates: readonly RateRecordLike[],
): (number | null)[] {
  // Stryker disable next-line ArrayDeclaration: any list that holds no live group adds 0 to every month, as the early return below does
  const groups = input.groups ?? [];
  if (groups.length === 0) return [...essential];
  const own = groupContributionsByMonth(groups, months, baseCurrency, rates);
  return essential.map((e, c) => (e === null || own[c] === null ? null : e + own[c]!));
}

/** The contributions at risk at each month's end, base minor units (null: no rate). */
export function atRiskByMonth(
  months: readonly MonthKey[],
  input: GroupsInScore,
  baseCurrency: CurrencyCode,
  rates: readonly RateRecordLike[],
): (number | null)[] {
  // Stryker disable next-line ArrayDeclaration: any list that holds no live group has nothing at risk, as the early return below says
  const groups = input.groups ?? [];
  if (groups.length === 0) return months.map(() => 0);
  return months.map((month) =>
    // Stryker disable next-line ArrayDeclaration: rows that belong to no group pay nothing in, so an invented one changes no sum
    groupsAtRiskAt(groups, input.groupPayments ?? [], month, baseCurrency, rates),
  );
}

/**
 * The buffer in force at each month's end with the contributions at risk added; a month with
 * contributions at risk and no balance yet has the contributions alone.
 */
export function savingsWithGroups(
  savings: readonly (SavingsInForce | null)[],
  months: readonly MonthKey[],
  atRisk: readonly (number | null)[],
): (SavingsInForce | null)[] {
  return savings.map((snap, c) => {
    const risk = atRisk[c]!;
    if (risk === 0) return snap;
    if (snap === null) {
      return { savingId: '', date: lastDayOf(months[c]!), amountMinor: risk };
    }
    return {
      ...snap,
      amountMinor: snap.amountMinor === null || risk === null ? null : snap.amountMinor + risk,
    };
  });
}
