/**
 * The sample household's savings group, one per country and named in its language: an arisan
 * (Indonesia), a paluwagan (the Philippines), a hụi (Vietnam, where turns are bid for). It began
 * four months before today's; every round of an earlier month is paid, this month's is due and
 * my turn is still to come, so the contributions paid show as savings at risk.
 */
import { createRng } from './random';
import type { Group, GroupPayment } from './group-model';
import { roundDates } from './groups';
import type { IsoDate } from './model';
import { addMonths, firstDayOf, inProgressMonth } from './months';
import type { SampleCountry } from './sample-country';

interface GroupProfile {
  name: string;
  members: number;
  /** Minor units. */
  contributionMinor: number;
  currency: string;
  day: number;
  turnRule: Group['turnRule'];
  myTurn: number;
  bidMinor: number;
}

const GROUPS: Readonly<Record<SampleCountry, GroupProfile>> = {
  ID: {
    name: 'Arisan RT 05',
    members: 10,
    contributionMinor: 500_000_00,
    currency: 'IDR',
    day: 10,
    turnRule: 'fixed',
    myTurn: 8,
    bidMinor: 0,
  },
  PH: {
    name: 'Paluwagan sa opisina',
    members: 10,
    contributionMinor: 2_000_00,
    currency: 'PHP',
    day: 15,
    turnRule: 'fixed',
    myTurn: 7,
    bidMinor: 0,
  },
  VN: {
    name: 'Hụi chợ Bà Chiểu',
    members: 12,
    contributionMinor: 2_000_000,
    currency: 'VND',
    day: 10,
    turnRule: 'bid',
    myTurn: 9,
    bidMinor: 1_500_000,
  },
};

export function sampleGroup(
  country: SampleCountry,
  today: IsoDate,
  now: string,
): { groups: Group[]; groupPayments: GroupPayment[] } {
  const profile = GROUPS[country];
  const rng = createRng(20260707);
  const base = { createdAt: now, updatedAt: now, deletedAt: null, isSample: true } as const;
  const current = inProgressMonth(today);
  const start = `${addMonths(current, -4)}-${String(profile.day).padStart(2, '0')}`;
  const group: Group = {
    ...base,
    id: rng.uuid(),
    name: profile.name,
    members: profile.members,
    contributionMinor: profile.contributionMinor,
    currency: profile.currency,
    cadence: 'monthly',
    startsOn: start,
    turnRule: profile.turnRule,
    myTurn: profile.myTurn,
    bidMinor: profile.bidMinor,
    note: '',
  };
  const groupPayments: GroupPayment[] = roundDates(group)
    .map((dueOn, i) => ({ dueOn, round: i + 1 }))
    .filter(({ dueOn }) => dueOn < firstDayOf(current))
    .map(({ dueOn, round }) => ({
      ...base,
      id: rng.uuid(),
      groupId: group.id,
      kind: 'contribution',
      round,
      dueOn,
      date: dueOn,
      amountMinor: profile.contributionMinor,
      currency: profile.currency,
      note: '',
    }));
  return { groups: [group], groupPayments };
}
