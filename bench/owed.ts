/**
 * What the benchmark household owes and is owed (issue 25, acceptance 5): 20 debts and 3 savings
 * groups, dated around the day the bench runs, so that the due list and the month card have
 * instalments and contributions to show (overdue, due, coming up) and the score has debt to see.
 *
 * - Debts: both directions (every third is owed to us), schedules monthly (12), weekly (4) and
 *   "whenever" (4); the instalments due before today repaid on their day, except the last
 *   month's of every fourth debt (overdue in the due list); "whenever" debts repaid in two
 *   parts; debt 7 forgiven, debt 1 paid off (its whole schedule in the past and repaid); debt 5
 *   in USD (the household has USD rates).
 * - Groups: a monthly arisan in a fixed order (my turn #7, to come: its contributions are at
 *   risk), a weekly paluwagan whose turns were drawn (my turn #3 taken, pot received), a monthly
 *   hụi by bid (I gave up Rp100,000 to take turn #2, pot received); every round due before
 *   today paid, except one skipped and the weekly group's last week.
 *
 * Deterministic: the same `asOf`, base currency, seed and creation stamp give the same records.
 */
import type { Debt, Repayment } from '../src/lib/domain/debt-model';
import { DEBT_KINDS } from '../src/lib/domain/debt-model';
import { defaultFirstDue, instalments, scheduleOfCount } from '../src/lib/domain/debt-schedule';
import { addDaysIso } from '../src/lib/domain/dates';
import type { Group, GroupPayment, TurnRule } from '../src/lib/domain/group-model';
import { myPotMinor, roundDates } from '../src/lib/domain/groups';
import type { IsoDate } from '../src/lib/domain/model';
import { addMonths, monthOf } from '../src/lib/domain/months';
import { createRng } from '../src/lib/domain/random';

export const BENCH_DEBT_COUNT = 20;
export const BENCH_GROUP_COUNT = 3;
/** The debt forgiven and the debt paid off (by index). */
export const FORGIVEN_DEBT = 7;
export const PAID_OFF_DEBT = 1;

interface Common {
  createdAt: string;
  updatedAt: string;
  deletedAt: null;
  isSample: boolean;
}

function cadenceOf(i: number): 'monthly' | 'weekly' | null {
  const k = i % 5;
  return k <= 2 ? 'monthly' : k === 3 ? 'weekly' : null;
}

/** The bench's 20 debts and their repayments, as of `asOf` (today). */
export function benchDebts(
  asOf: IsoDate,
  base: string,
  common: Common,
  seed = 25,
): { debts: Debt[]; repayments: Repayment[] } {
  const rng = createRng(seed * 31 + 2_025);
  const debts: Debt[] = [];
  const repayments: Repayment[] = [];
  for (let i = 0; i < BENCH_DEBT_COUNT; i++) {
    const cadence = cadenceOf(i);
    const currency = i === 5 ? 'USD' : base;
    // IDR sen (Rp100,000 … Rp5,000,000) or USD cents ($20 … $300).
    const amountMinor = currency === 'USD' ? rng.int(20, 300) * 100 : rng.int(1, 50) * 10_000_000;
    const paidOff = i === PAID_OFF_DEBT;
    const date = addDaysIso(asOf, -(paidOff ? 330 : rng.int(40, 300)));
    const count = cadence === 'weekly' ? rng.int(4, 20) : rng.int(3, 12);
    const schedule =
      cadence === null
        ? null
        : scheduleOfCount(
            amountMinor,
            paidOff ? 6 : count,
            cadence,
            defaultFirstDue(date, cadence),
          );
    const forgivenOn = i === FORGIVEN_DEBT ? addDaysIso(asOf, -5) : null;
    const debt: Debt = {
      id: rng.uuid(),
      ...common,
      counterparty: `${i % 3 === 2 ? 'Borrower' : 'Lender'} ${i + 1}`,
      kind: DEBT_KINDS[i % DEBT_KINDS.length]!,
      direction: i % 3 === 2 ? 'owed-to-us' : 'we-owe',
      amountMinor,
      currency,
      date,
      schedule,
      forgivenOn,
      note: '',
    };
    debts.push(debt);
    const repay = (dueOn: IsoDate | null, day: IsoDate, amount: number) =>
      repayments.push({
        id: rng.uuid(),
        ...common,
        debtId: debt.id,
        dueOn,
        date: day,
        amountMinor: amount,
        currency,
        note: '',
      });
    if (schedule === null) {
      // "Whenever": two repayments of a fifth each, when their day has come.
      for (const after of [15, 45]) {
        const day = addDaysIso(date, after);
        if (day < asOf) repay(null, day, Math.floor(amountMinor / 5));
      }
      continue;
    }
    // Every fourth debt left its last month's instalments unpaid: overdue in the due list.
    const paidUntil = i % 4 === 0 ? addDaysIso(asOf, -30) : addDaysIso(asOf, -1);
    for (const x of instalments(amountMinor, schedule)) {
      if (x.dueOn > paidUntil || (forgivenOn !== null && x.dueOn >= forgivenOn)) break;
      repay(x.dueOn, x.dueOn, x.amountMinor);
    }
  }
  return { debts, repayments };
}

const GROUP_SHAPES: {
  name: string;
  turnRule: TurnRule;
  cadence: 'monthly' | 'weekly';
  members: number;
  /** Rounds (months or weeks) since the start, today. */
  since: number;
  myTurn: number;
  bidMinor: number;
  /** Rp contribution, in sen. */
  contributionMinor: number;
}[] = [
  {
    name: 'Arisan kantor',
    turnRule: 'fixed',
    cadence: 'monthly',
    members: 10,
    since: 4,
    myTurn: 7,
    bidMinor: 0,
    contributionMinor: 20_000_000,
  },
  {
    name: 'Paluwagan',
    turnRule: 'drawn',
    cadence: 'weekly',
    members: 12,
    since: 6,
    myTurn: 3,
    bidMinor: 0,
    contributionMinor: 5_000_000,
  },
  {
    name: 'Hụi',
    turnRule: 'bid',
    cadence: 'monthly',
    members: 8,
    since: 2,
    myTurn: 2,
    bidMinor: 10_000_000,
    contributionMinor: 50_000_000,
  },
];

/** The bench's 3 savings groups (fixed order, drawn, bid) and their rows, as of `asOf`. */
export function benchGroups(
  asOf: IsoDate,
  base: string,
  common: Common,
  seed = 25,
): { groups: Group[]; groupPayments: GroupPayment[] } {
  const rng = createRng(seed * 37 + 2_026);
  const groups: Group[] = [];
  const groupPayments: GroupPayment[] = [];
  GROUP_SHAPES.forEach((shape, g) => {
    const day = String(5 + 5 * g).padStart(2, '0');
    const startsOn =
      shape.cadence === 'monthly'
        ? `${addMonths(monthOf(asOf), -shape.since)}-${day}`
        : addDaysIso(asOf, -7 * shape.since + 2);
    const group: Group = {
      id: rng.uuid(),
      ...common,
      name: shape.name,
      members: shape.members,
      contributionMinor: shape.contributionMinor,
      currency: base,
      cadence: shape.cadence,
      startsOn,
      turnRule: shape.turnRule,
      myTurn: shape.myTurn,
      bidMinor: shape.bidMinor,
      note: '',
    };
    groups.push(group);
    const row = (kind: GroupPayment['kind'], round: number, dueOn: IsoDate, amount: number) =>
      groupPayments.push({
        id: rng.uuid(),
        ...common,
        groupId: group.id,
        kind,
        round,
        dueOn,
        date: dueOn,
        amountMinor: amount,
        currency: base,
        note: '',
      });
    // The weekly group's last week is not paid yet (overdue); round 2 of the arisan was skipped.
    const paidUntil = shape.cadence === 'weekly' ? addDaysIso(asOf, -7) : addDaysIso(asOf, -1);
    roundDates(group).forEach((dueOn, i) => {
      if (dueOn > paidUntil) return;
      const round = i + 1;
      if (g === 0 && round === 2) row('skip', round, dueOn, 0);
      else row('contribution', round, dueOn, group.contributionMinor);
      if (round === group.myTurn) row('pot', round, dueOn, myPotMinor(group));
    });
  });
  return { groups, groupPayments };
}
