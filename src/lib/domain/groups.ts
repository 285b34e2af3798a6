/**
 * Savings groups (arisan, paluwagan, hụi): the rounds' dates, my pot, what is at risk before my
 * turn and what I owe the group after it, and a bid as a yearly rate. Pure.
 *
 * A group of n members runs n rounds; in every round each member (me included) pays the
 * contribution c and one member takes the pot n × c. Round k falls k − 1 months (or weeks) after
 * the start, computed from the start date each time: a group started on the 31st meets on the
 * last day of a shorter month and on the 31st again after it (date-fns `addMonths`).
 *
 * My turn is "taken" once my pot is recorded as received (a `pot` row): until then every
 * contribution I paid is savings at risk (groups do collapse); after it, every round I have not
 * paid (skipped ones included: the group still expects them) is a debt to the group.
 */
import { addMonths, addWeeks } from 'date-fns';
import { fromLocalDate, toLocalDate } from './dates';
import type { Group, GroupPayment } from './group-model';
import type { IsoDate } from './model';

type Schedule = Pick<Group, 'members' | 'cadence' | 'startsOn'>;

/** The date of round `round` (1…members). */
export function roundDate(group: Schedule, round: number): IsoDate {
  const start = toLocalDate(group.startsOn);
  const at = group.cadence === 'monthly' ? addMonths(start, round - 1) : addWeeks(start, round - 1);
  return fromLocalDate(at);
}

/** Every round's date, round 1 first. */
export function roundDates(group: Schedule): IsoDate[] {
  return Array.from({ length: group.members }, (_, i) => roundDate(group, i + 1));
}

/** The gross pot of one round: every member's contribution. */
export function grossPotMinor(group: Pick<Group, 'members' | 'contributionMinor'>): number {
  return group.members * group.contributionMinor;
}

/** What I take on my turn: the gross pot less what I gave up to take it (a bid). */
export function myPotMinor(
  group: Pick<Group, 'members' | 'contributionMinor' | 'turnRule' | 'bidMinor'>,
): number {
  return grossPotMinor(group) - (group.turnRule === 'bid' ? group.bidMinor : 0);
}

/** The date of my turn, or null while a drawn group has not named it. */
export function myPotDate(group: Group): IsoDate | null {
  return group.myTurn === null ? null : roundDate(group, group.myTurn);
}

/** The live rows of one group. */
function rowsOf(group: Group, payments: readonly GroupPayment[]): GroupPayment[] {
  return payments.filter((p) => p.groupId === group.id && p.deletedAt === null);
}

export interface GroupStanding {
  /** Σ contributions paid (live rows). */
  paidMinor: number;
  /** Rounds with a contribution paid. */
  paidRounds: number;
  /** My pot, once recorded as received. */
  pot: GroupPayment | null;
  /** Before my turn: every contribution paid (savings that may be lost); 0 after it. */
  atRiskMinor: number;
  /** After my turn: the rounds not yet paid × the contribution; 0 before it. */
  owedMinor: number;
  /** Rounds with neither a contribution nor a skip. */
  roundsOpen: number;
}

/**
 * Where I stand in a group, from its rows whose `date` is on or before `asOf` (all rows when
 * absent): the buffer reads it at each month's end.
 */
export function groupStanding(
  group: Group,
  payments: readonly GroupPayment[],
  asOf?: IsoDate,
): GroupStanding {
  const rows = rowsOf(group, payments).filter((p) => asOf === undefined || p.date <= asOf);
  const paid = new Set<number>();
  const answered = new Set<number>();
  let paidMinor = 0;
  let pot: GroupPayment | null = null;
  for (const row of rows) {
    if (row.kind === 'pot') pot = row;
    else {
      answered.add(row.round);
      if (row.kind === 'contribution') {
        paidMinor += row.amountMinor;
        paid.add(row.round);
      }
    }
  }
  const unpaid = group.members - paid.size;
  return {
    paidMinor,
    paidRounds: paid.size,
    pot,
    atRiskMinor: pot === null ? paidMinor : 0,
    owedMinor: pot === null ? 0 : unpaid * group.contributionMinor,
    roundsOpen: group.members - answered.size,
  };
}

/**
 * What I owe the group: after my turn, every round not yet paid × the contribution (0 before
 * it). The debts list shows it as a debt to the group.
 */
export function owedToGroup(group: Group, payments: readonly GroupPayment[]): number {
  return groupStanding(group, payments).owedMinor;
}

/** Contributions paid before my turn, by `asOf`: savings at risk. */
export function atRiskMinor(
  group: Group,
  payments: readonly GroupPayment[],
  asOf?: IsoDate,
): number {
  return groupStanding(group, payments, asOf).atRiskMinor;
}

/** The number of rounds of a group in a cadence's year. */
const ROUNDS_PER_YEAR = { monthly: 12, weekly: 52 } as const;

/**
 * A bid as a yearly rate, in percent: I take P − b at my turn k instead of the full pot P at the
 * last turn n, d = n − k rounds later. The rate r per round with (P − b)(1 + r)^d = P is
 * r = (P / (P − b))^(1/d) − 1; a year has R rounds (12 monthly, 52 weekly), so the yearly rate is
 * (P / (P − b))^(R/d) − 1. null when there is no bid, no known turn, the last turn (nothing
 * taken early) or a bid of the whole pot.
 */
export function bidYearlyRatePercent(group: Group): number | null {
  if (group.turnRule !== 'bid' || group.bidMinor <= 0 || group.myTurn === null) return null;
  const pot = grossPotMinor(group);
  const early = group.members - group.myTurn;
  if (early <= 0 || group.bidMinor >= pot) return null;
  const yearly = Math.pow(pot / (pot - group.bidMinor), ROUNDS_PER_YEAR[group.cadence] / early);
  return (yearly - 1) * 100;
}

export interface RoundFlow {
  round: number;
  /** Every member's contribution: members × c. */
  paidIn: number;
  /** The pot its taker receives: paidIn less the bid. */
  pot: number;
  /**
   * The bid shared among the other members: floor(bid / (n − 1)) each, the remainder one minor
   * unit each to the first members in turn order, so the shares add up to the bid exactly.
   */
  dividends: number[];
}

/**
 * A whole cycle as the group's treasurer sees it, with `bids[k]` the bid of round k + 1 (0 for
 * none): every contribution paid in goes out as a pot or a dividend.
 */
export function cycleFlows(
  members: number,
  contributionMinor: number,
  bids: readonly number[] = [],
): RoundFlow[] {
  return Array.from({ length: members }, (_, i) => {
    const bid = bids[i] ?? 0;
    const paidIn = members * contributionMinor;
    const others = members - 1;
    const share = Math.floor(bid / others);
    const rest = bid - share * others;
    const dividends = Array.from({ length: others }, (_, j) => share + (j < rest ? 1 : 0));
    return { round: i + 1, paidIn, pot: paidIn - bid, dividends };
  });
}
