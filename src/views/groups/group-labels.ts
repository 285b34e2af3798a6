import { m } from '../../paraglide/messages.js';
import type { Group, GroupCadence, TurnRule } from '../../lib/domain/group-model';
import { groupStanding, myPotDate, type GroupStanding } from '../../lib/domain/groups';
import type { GroupPayment } from '../../lib/domain/group-model';
import { monthOf } from '../../lib/domain/months';
import { registerErrorTexts } from '../../lib/i18n/error-text';
import { formatMonth, money } from '../../lib/state/format.svelte';

export const GROUP_CADENCE_LABEL: Record<GroupCadence, () => string> = {
  monthly: m.grp_cadence_monthly,
  weekly: m.grp_cadence_weekly,
};

export const TURN_RULE_LABEL: Record<TurnRule, () => string> = {
  fixed: m.grp_rule_fixed,
  drawn: m.grp_rule_drawn,
  bid: m.grp_rule_bid,
};

registerErrorTexts({
  'group/invalid-members': () => m.grp_err_members(),
  'group/invalid-turn': () => m.grp_err_turn(),
  'group/invalid-bid': () => m.grp_err_bid(),
  'group/invalid-amount': () => m.grp_err_amount(),
  'group-payment/unknown-group': () => m.grp_err_unknown_group(),
  'group-payment/invalid-turn': () => m.grp_err_turn(),
});

/**
 * What the group is to me now, in one sentence: the contributions at risk until my turn ("₱8,000
 * in the paluwagan, at risk until your turn in March"), what I owe after it, or done; '' before
 * anything is paid.
 */
export function standingText(group: Group, standing: GroupStanding): string {
  const amount = (minor: number) => money(minor, group.currency);
  if (standing.atRiskMinor > 0) {
    const date = myPotDate(group);
    return date === null
      ? m.grp_at_risk_undrawn({ amount: amount(standing.atRiskMinor), name: group.name })
      : m.grp_at_risk({
          amount: amount(standing.atRiskMinor),
          name: group.name,
          month: formatMonth(monthOf(date)),
        });
  }
  if (standing.pot !== null) {
    return standing.owedMinor > 0
      ? m.grp_owed({
          amount: amount(standing.owedMinor),
          rounds: String(standing.owedMinor / group.contributionMinor),
        })
      : m.grp_done();
  }
  return '';
}

/** The at-risk sentences of every group with money at risk. */
export function atRiskTexts(groups: readonly Group[], payments: readonly GroupPayment[]): string[] {
  return groups
    .map((g) => ({ g, s: groupStanding(g, payments) }))
    .filter(({ s }) => s.atRiskMinor > 0)
    .map(({ g, s }) => standingText(g, s));
}
