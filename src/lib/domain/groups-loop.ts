/**
 * Savings groups in the monthly loop and the score: each round's contribution is due like a
 * bill (Paid / a different amount / Not this time), my pot is expected income on my turn's
 * date, contributions due are essential costs, and contributions at risk count in the buffer
 * as such. Pure.
 */
import { baseMinorOrNull, type RateRecordLike } from './base-amount';
import { compareIso } from './dates';
import { dueRange, dueWhen } from './due';
import type { Group, GroupPayment } from './group-model';
import { groupStanding, myPotDate, myPotMinor, roundDates } from './groups';
import type { CurrencyCode, IsoDate, MinorUnits, MonthKey } from './model';
import { firstDayOf, lastDayOf, monthOf } from './months';

export interface GroupRound {
  groupId: string;
  round: number;
  dueOn: IsoDate;
  amountMinor: MinorUnits;
  currency: CurrencyCode;
  /** The live contribution paid for it, if any. */
  paid: GroupPayment | null;
  skipped: boolean;
}

export interface GroupPot {
  groupId: string;
  round: number;
  dueOn: IsoDate;
  amountMinor: MinorUnits;
  currency: CurrencyCode;
  received: GroupPayment | null;
}

/** Every round of the live groups due in [from, to], oldest first, with how it was answered. */
export function groupRoundsBetween(
  groups: readonly Group[],
  payments: readonly GroupPayment[],
  from: IsoDate,
  to: IsoDate,
): GroupRound[] {
  const answers = new Map<string, GroupPayment>();
  for (const p of payments) {
    if (p.deletedAt !== null || p.kind === 'pot') continue;
    const key = `${p.groupId}|${p.round}`;
    // A contribution answers a round even when a skip of it is also there.
    if (!answers.has(key) || p.kind === 'contribution') answers.set(key, p);
  }
  const out: GroupRound[] = [];
  for (const group of groups) {
    if (group.deletedAt !== null) continue;
    roundDates(group).forEach((dueOn, i) => {
      if (dueOn < from || dueOn > to) return;
      const answer = answers.get(`${group.id}|${i + 1}`) ?? null;
      out.push({
        groupId: group.id,
        round: i + 1,
        dueOn,
        amountMinor: group.contributionMinor,
        currency: group.currency,
        paid: answer?.kind === 'contribution' ? answer : null,
        skipped: answer?.kind === 'skip',
      });
    });
  }
  return out.sort((a, b) => compareIso(a.dueOn, b.dueOn));
}

/** My pots of the live groups due in [from, to], with whether each was received. */
export function groupPotsBetween(
  groups: readonly Group[],
  payments: readonly GroupPayment[],
  from: IsoDate,
  to: IsoDate,
): GroupPot[] {
  const out: GroupPot[] = [];
  for (const group of groups) {
    if (group.deletedAt !== null || group.myTurn === null) continue;
    const dueOn = myPotDate(group)!;
    if (dueOn < from || dueOn > to) continue;
    out.push({
      groupId: group.id,
      round: group.myTurn,
      dueOn,
      amountMinor: myPotMinor(group),
      currency: group.currency,
      received: groupStanding(group, payments).pot,
    });
  }
  return out.sort((a, b) => compareIso(a.dueOn, b.dueOn));
}

export interface GroupsDue {
  /** Unpaid, unskipped contributions: today's month up to `COMING_UP_DAYS` ahead (like bills). */
  contributions: (GroupRound & { overdue: boolean })[];
  /** My pot not yet received: from the due list's lookback up to `COMING_UP_DAYS` ahead. */
  pots: (GroupPot & { overdue: boolean })[];
}

/** What the due list shows of the groups on `today`. */
export function groupsDue(
  groups: readonly Group[],
  payments: readonly GroupPayment[],
  today: IsoDate,
): GroupsDue {
  const range = dueRange(today);
  return {
    contributions: groupRoundsBetween(groups, payments, firstDayOf(monthOf(today)), range.to)
      .filter((r) => r.paid === null && !r.skipped)
      .map((r) => ({ ...r, overdue: r.dueOn < today })),
    pots: groupPotsBetween(groups, payments, range.from, range.to)
      .filter((p) => p.received === null)
      .map((p) => ({ ...p, overdue: p.dueOn < today })),
  };
}

/** How many of the groups' due lines fall in the due list's group `when` on `today`. */
export function groupsDueCount(due: GroupsDue, today: IsoDate, when: 'now' | 'soon'): number {
  const inGroup = (d: { dueOn: IsoDate }) => dueWhen(d.dueOn, today) === when;
  return due.contributions.filter(inGroup).length + due.pots.filter(inGroup).length;
}

/** The rounds and pots of `month` (the month card). */
export function groupsOfMonth(
  groups: readonly Group[],
  payments: readonly GroupPayment[],
  month: MonthKey,
): { rounds: GroupRound[]; pots: GroupPot[] } {
  const from = firstDayOf(month);
  const to = lastDayOf(month);
  return {
    rounds: groupRoundsBetween(groups, payments, from, to),
    pots: groupPotsBetween(groups, payments, from, to),
  };
}

/**
 * The contributions due in each of `months`, in base minor units: each round that falls in a
 * month, at the rate in force at the month's end (an essential cost of the coverage component);
 * null for a month when a group's currency has no rate. Every group's round dates are worked out
 * once, not once a month (the score reads up to 120 months).
 */
export function groupContributionsByMonth(
  groups: readonly Group[],
  months: readonly MonthKey[],
  baseCurrency: CurrencyCode,
  rates: readonly RateRecordLike[],
): (number | null)[] {
  const column = new Map(months.map((month, c) => [month, c]));
  const out: (number | null)[] = months.map(() => 0);
  for (const group of groups) {
    if (group.deletedAt !== null) continue;
    for (const dueOn of roundDates(group)) {
      const c = column.get(monthOf(dueOn));
      if (c === undefined || out[c] === null) continue;
      const base = baseMinorOrNull(
        group.contributionMinor,
        group.currency,
        baseCurrency,
        lastDayOf(months[c]!),
        rates,
      );
      out[c] = base === null ? null : out[c]! + base;
    }
  }
  return out;
}

/**
 * The contributions at risk at the end of `month` in base minor units (paid by then, before my
 * pot was received), converted at the rate in force at the month's end; null without a rate.
 */
export function groupsAtRiskAt(
  groups: readonly Group[],
  payments: readonly GroupPayment[],
  month: MonthKey,
  baseCurrency: CurrencyCode,
  rates: readonly RateRecordLike[],
): number | null {
  const end = lastDayOf(month);
  let sum = 0;
  for (const group of groups) {
    if (group.deletedAt !== null) continue;
    const risk = groupStanding(group, payments, end).atRiskMinor;
    if (risk === 0) continue;
    const base = baseMinorOrNull(risk, group.currency, baseCurrency, end, rates);
    if (base === null) return null;
    sum += base;
  }
  return sum;
}
