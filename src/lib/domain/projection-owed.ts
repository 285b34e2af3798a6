/**
 * What a household owes and is owed, as dated flows of the 60-day projection (projection.ts):
 * each instalment neither repaid nor skipped (debt-due.ts: out when we owe it, in when it is owed
 * to us), each savings group round not yet paid (out) and my pot not yet received (in)
 * (groups-loop.ts). The same functions as the due list and the calendar export, so the three
 * never disagree on what is still to pay.
 */
import { instalmentOccurrences, isUnpaidInstalment } from './debt-due';
import type { Debt, Repayment } from './debt-model';
import type { Group, GroupPayment } from './group-model';
import { groupPotsBetween, groupRoundsBetween } from './groups-loop';
import type { IsoDate, Skip } from './model';
import type { Flow } from './projection';

export interface OwedSources {
  skips: readonly Skip[];
  debts?: readonly Debt[];
  repayments?: readonly Repayment[];
  groups?: readonly Group[];
  groupPayments?: readonly GroupPayment[];
}

export function owedFlows(sources: OwedSources, from: IsoDate, to: IsoDate): Flow[] {
  const out: Flow[] = [];
  // Stryker disable next-line ArrayDeclaration: an invented element in place of an omitted list is no live debt (its deletedAt is undefined, not null), so no instalment comes of it
  const debts = sources.debts ?? [];
  const instalments = instalmentOccurrences(
    debts,
    // Stryker disable next-line ArrayDeclaration: an invented element in place of an omitted list is no repayment of any debt (its debtId is undefined)
    sources.repayments ?? [],
    sources.skips,
    from,
    to,
  );
  for (const i of instalments) {
    if (!isUnpaidInstalment(i)) continue;
    out.push({
      date: i.dueOn,
      direction: i.direction === 'we-owe' ? 'out' : 'in',
      amountMinor: i.amountMinor,
      currency: i.currency,
      name: i.counterparty,
      source: `debt:${i.debtId}`,
      kind: 'instalment',
    });
  }
  // Stryker disable next-line ArrayDeclaration: an invented element in place of an omitted list is no live group (its deletedAt is undefined, not null)
  const groups = sources.groups ?? [];
  const name = new Map(groups.map((g) => [g.id, g.name]));
  // Stryker disable next-line ArrayDeclaration: an invented element in place of an omitted list is no live payment of any group (its deletedAt is undefined)
  const payments = sources.groupPayments ?? [];
  for (const r of groupRoundsBetween(groups, payments, from, to)) {
    if (r.paid || r.skipped) continue;
    out.push({
      date: r.dueOn,
      direction: 'out',
      amountMinor: r.amountMinor,
      currency: r.currency,
      // Stryker disable next-line StringLiteral: every round comes from a group of `groups`, so its name is always found
      name: name.get(r.groupId) ?? '',
      source: `group:${r.groupId}`,
      kind: 'contribution',
    });
  }
  for (const p of groupPotsBetween(groups, payments, from, to)) {
    if (p.received) continue;
    out.push({
      date: p.dueOn,
      direction: 'in',
      amountMinor: p.amountMinor,
      currency: p.currency,
      // Stryker disable next-line StringLiteral: every pot comes from a group of `groups`, so its name is always found
      name: name.get(p.groupId) ?? '',
      source: `pot:${p.groupId}`,
      kind: 'pot',
    });
  }
  return out;
}
