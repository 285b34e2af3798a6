// Issue 28 (mutation round): savings groups in the monthly loop (groups-loop.ts): which rounds
// and pots fall in a range and how each was answered, what the due list shows, the month card's
// rounds, the contributions per month and what is at risk at a month's end.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDaysIso } from '../../src/lib/domain/dates';
import type { Group, GroupPayment } from '../../src/lib/domain/group-model';
import {
  groupContributionsByMonth,
  groupPotsBetween,
  groupRoundsBetween,
  groupsAtRiskAt,
  groupsDue,
  groupsDueCount,
  groupsOfMonth,
} from '../../src/lib/domain/groups-loop';

const at = '2026-01-01T00:00:00.000Z';
const group = (over: Partial<Group> = {}): Group => ({
  id: 'g1',
  createdAt: at,
  updatedAt: at,
  deletedAt: null,
  name: 'Paluwagan',
  members: 4,
  contributionMinor: 1_000,
  currency: 'PHP',
  cadence: 'monthly',
  // Rounds on 15 Jan, 15 Feb, 15 Mar, 15 Apr; my pot in round 3.
  startsOn: '2026-01-15',
  turnRule: 'fixed',
  myTurn: 3,
  bidMinor: 0,
  note: '',
  isSample: false,
  ...over,
});
let n = 0;
const row = (
  kind: GroupPayment['kind'],
  round: number,
  over: Partial<GroupPayment> = {},
): GroupPayment => ({
  id: `p${n++}`,
  createdAt: at,
  updatedAt: at,
  deletedAt: null,
  groupId: 'g1',
  kind,
  round,
  dueOn: '2026-01-15',
  date: '2026-01-15',
  amountMinor: 1_000,
  currency: 'PHP',
  note: '',
  isSample: false,
  ...over,
});

describe('the rounds due in a range', () => {
  it('lists each round of a live group inside [from, to], both ends included', () => {
    const rounds = groupRoundsBetween([group()], [], '2026-02-15', '2026-03-15');
    expect(rounds).toEqual([
      {
        groupId: 'g1',
        round: 2,
        dueOn: '2026-02-15',
        amountMinor: 1_000,
        currency: 'PHP',
        paid: null,
        skipped: false,
      },
      {
        groupId: 'g1',
        round: 3,
        dueOn: '2026-03-15',
        amountMinor: 1_000,
        currency: 'PHP',
        paid: null,
        skipped: false,
      },
    ]);
    expect(groupRoundsBetween([group()], [], '2026-02-16', '2026-03-14')).toEqual([]);
    expect(groupRoundsBetween([group({ deletedAt: at })], [], '2026-01-01', '2026-12-31')).toEqual(
      [],
    );
  });

  it('a round is paid by its live contribution, skipped by a skip; a contribution wins over a skip', () => {
    const paid = row('contribution', 1);
    const skip = row('skip', 2);
    const both = [row('contribution', 3), row('skip', 3)];
    const bothOtherOrder = [row('skip', 4), row('contribution', 4)];
    const rounds = groupRoundsBetween(
      [group()],
      [paid, skip, ...both, ...bothOtherOrder, row('contribution', 1, { groupId: 'other' })],
      '2026-01-01',
      '2026-12-31',
    );
    expect(rounds.map((r) => [r.round, r.paid?.id ?? null, r.skipped])).toEqual([
      [1, paid.id, false],
      [2, null, true],
      [3, both[0]!.id, false],
      [4, bothOtherOrder[1]!.id, false],
    ]);
  });

  it('my pot’s row does not hide a skip of the same round, whichever was recorded first', () => {
    for (const payments of [
      [row('pot', 3), row('skip', 3)],
      [row('skip', 3), row('pot', 3)],
    ]) {
      const round = groupRoundsBetween([group()], payments, '2026-03-15', '2026-03-15')[0]!;
      expect([round.paid, round.skipped]).toEqual([null, true]);
    }
  });

  it('a deleted row and a pot row answer no round', () => {
    const rounds = groupRoundsBetween(
      [group()],
      [row('contribution', 1, { deletedAt: at }), row('skip', 2, { deletedAt: at }), row('pot', 3)],
      '2026-01-01',
      '2026-12-31',
    );
    expect(rounds.map((r) => [r.paid, r.skipped])).toEqual([
      [null, false],
      [null, false],
      [null, false],
      [null, false],
    ]);
  });

  it('sorts the rounds of several groups by date (property: any order of groups)', () => {
    const groups = [
      group({ id: 'a', startsOn: '2026-01-20' }),
      group({ id: 'b', startsOn: '2026-01-05', cadence: 'weekly', members: 6 }),
      group({ id: 'c', startsOn: '2026-02-01' }),
    ];
    fc.assert(
      fc.property(fc.shuffledSubarray(groups, { minLength: 3, maxLength: 3 }), (order) => {
        const dates = groupRoundsBetween(order, [], '2026-01-01', '2026-12-31').map((r) => r.dueOn);
        expect(dates).toEqual([...dates].sort());
        expect(dates).toHaveLength(14);
      }),
      { numRuns: 300 },
    );
  });
});

describe('my pots due in a range', () => {
  it('is my turn’s date and my pot, received once a live pot row is recorded', () => {
    const bid = group({ turnRule: 'bid', bidMinor: 500 });
    expect(groupPotsBetween([bid], [], '2026-03-15', '2026-03-15')).toEqual([
      {
        groupId: 'g1',
        round: 3,
        dueOn: '2026-03-15',
        amountMinor: 3_500,
        currency: 'PHP',
        received: null,
      },
    ]);
    const pot = row('pot', 3, { amountMinor: 3_500 });
    expect(groupPotsBetween([bid], [pot], '2026-03-01', '2026-03-31')[0]!.received).toEqual(pot);
    expect(
      groupPotsBetween([bid], [{ ...pot, deletedAt: at }], '2026-03-01', '2026-03-31')[0]!.received,
    ).toBeNull();
  });

  it('has none outside the range, for a deleted group, or while a drawn turn is unknown', () => {
    expect(groupPotsBetween([group()], [], '2026-03-16', '2026-12-31')).toEqual([]);
    expect(groupPotsBetween([group()], [], '2026-01-01', '2026-03-14')).toEqual([]);
    expect(groupPotsBetween([group({ deletedAt: at })], [], '2026-01-01', '2026-12-31')).toEqual(
      [],
    );
    expect(
      groupPotsBetween(
        [group({ turnRule: 'drawn', myTurn: null })],
        [],
        '2026-01-01',
        '2026-12-31',
      ),
    ).toEqual([]);
  });

  it('sorts pots by date whatever order the groups come in', () => {
    const a = group({ id: 'a', myTurn: 4 });
    const b = group({ id: 'b', myTurn: 1 });
    const c = group({ id: 'c', myTurn: 2 });
    for (const order of [
      [a, b, c],
      [c, a, b],
      [b, c, a],
      [a, c, b],
    ]) {
      expect(groupPotsBetween(order, [], '2026-01-01', '2026-12-31').map((p) => p.groupId)).toEqual(
        ['b', 'c', 'a'],
      );
    }
  });
});

describe('what the due list shows of the groups', () => {
  // Today 20 March: the month began 1 March; the list looks 31 days back and 14 ahead (3 April).
  const today = '2026-03-20';

  it('shows unpaid, unskipped rounds from the 1st of this month to 14 days ahead, overdue before today', () => {
    const g = group({
      startsOn: '2026-01-01',
      cadence: 'weekly',
      members: 20,
      myTurn: null,
      turnRule: 'drawn',
    });
    const due = groupsDue([g], [], today);
    // Weekly from 1 Jan: 5, 12, 19, 26 March and 2 April.
    expect(due.contributions.map((r) => [r.dueOn, r.overdue])).toEqual([
      ['2026-03-05', true],
      ['2026-03-12', true],
      ['2026-03-19', true],
      ['2026-03-26', false],
      ['2026-04-02', false],
    ]);
    const answered = groupsDue([g], [row('contribution', 10), row('skip', 11)], today);
    expect(answered.contributions.map((r) => r.dueOn)).toEqual([
      '2026-03-19',
      '2026-03-26',
      '2026-04-02',
    ]);
  });

  it('shows a round due today as due, not overdue, and one 14 days ahead but not 15', () => {
    const g = group({ startsOn: '2026-03-20', members: 1, myTurn: 1 });
    expect(groupsDue([g], [], today).contributions.map((r) => r.overdue)).toEqual([false]);
    expect(
      groupsDue([group({ startsOn: '2026-04-03', members: 1, myTurn: 1 })], [], today)
        .contributions,
    ).toHaveLength(1);
    expect(
      groupsDue([group({ startsOn: '2026-04-04', members: 1, myTurn: 1 })], [], today)
        .contributions,
    ).toHaveLength(0);
  });

  it('shows my pot not yet received from 31 days back, overdue before today', () => {
    const g = group({ startsOn: '2026-01-18', myTurn: 2 }); // my pot on 18 February
    expect(groupsDue([g], [], today).pots.map((p) => [p.dueOn, p.overdue])).toEqual([
      ['2026-02-18', true],
    ]);
    expect(groupsDue([g], [row('pot', 2)], today).pots).toEqual([]);
    const old = group({ startsOn: '2026-01-17', myTurn: 2 }); // 17 February: 31 days back
    expect(groupsDue([old], [], today).pots).toHaveLength(1);
    const older = group({ startsOn: '2026-01-16', myTurn: 2 });
    expect(groupsDue([older], [], today).pots).toHaveLength(0);
    const onToday = group({ startsOn: '2026-03-20', myTurn: 1, members: 2 });
    expect(groupsDue([onToday], [], today).pots.map((p) => p.overdue)).toEqual([false]);
  });

  it('counts the lines due now and coming up, rounds and pots together', () => {
    const rounds = group({
      id: 'r',
      startsOn: '2026-03-13',
      cadence: 'weekly',
      members: 4,
      turnRule: 'drawn',
      myTurn: null,
    });
    const pots = group({ id: 'p', startsOn: '2026-02-25', myTurn: 2, members: 2 }); // pot 25 March
    const payments = [
      row('contribution', 1, { groupId: 'p' }),
      row('contribution', 2, { groupId: 'p' }),
    ];
    const due = groupsDue([rounds, pots], payments, today);
    // Rounds 13 and 20 March now, 27 March and 3 April soon; the pot of 25 March soon.
    expect(groupsDueCount(due, today, 'now')).toBe(2);
    expect(groupsDueCount(due, today, 'soon')).toBe(3);
    const potOnly = groupsDue([pots], payments, '2026-03-26');
    expect(groupsDueCount(potOnly, '2026-03-26', 'now')).toBe(1);
    expect(groupsDueCount(potOnly, '2026-03-26', 'soon')).toBe(0);
  });
});

describe('the month card', () => {
  it('gives the rounds and pots of the month, from its first to its last day', () => {
    const g = group({ startsOn: '2026-01-31' }); // 31 Jan, 28 Feb, 31 Mar, 30 Apr
    const march = groupsOfMonth([g], [], '2026-03');
    expect(march.rounds.map((r) => r.dueOn)).toEqual(['2026-03-31']);
    expect(march.pots.map((p) => p.dueOn)).toEqual(['2026-03-31']);
    const early = group({ startsOn: '2026-01-01' });
    expect(groupsOfMonth([early], [], '2026-02').rounds.map((r) => r.dueOn)).toEqual([
      '2026-02-01',
    ]);
    expect(groupsOfMonth([g], [], '2026-05')).toEqual({ rounds: [], pots: [] });
  });
});

describe('the contributions due in each month', () => {
  it('add every live group’s rounds in the month, at the rate at the month’s end', () => {
    const weekly = group({
      id: 'w',
      cadence: 'weekly',
      members: 6,
      startsOn: '2026-01-01',
      currency: 'USD',
      contributionMinor: 10,
    });
    const rates = [
      { currency: 'USD', date: '2026-01-31', value: '50', deletedAt: null },
      { currency: 'USD', date: '2026-02-01', value: '60', deletedAt: null },
    ];
    // Weekly from 1 Jan: five in January (1, 8, 15, 22, 29), one in February (5).
    expect(
      groupContributionsByMonth([weekly], ['2026-01', '2026-02', '2026-03'], 'PHP', rates),
    ).toEqual([5 * 500, 600, 0]);
    expect(
      groupContributionsByMonth([group(), weekly], ['2026-01', '2026-02'], 'PHP', rates),
    ).toEqual([1_000 + 2_500, 1_000 + 600]);
    expect(groupContributionsByMonth([group({ deletedAt: at })], ['2026-01'], 'PHP', [])).toEqual([
      0,
    ]);
  });

  it('is unknown in a month a group’s currency has no rate, whatever the other groups add', () => {
    const usd = group({ id: 'u', currency: 'USD', startsOn: '2026-02-15' });
    expect(
      groupContributionsByMonth([usd, group()], ['2026-01', '2026-02', '2026-05'], 'PHP', []),
    ).toEqual([1_000, null, null]);
    expect(groupContributionsByMonth([group(), usd], ['2026-02'], 'PHP', [])).toEqual([null]);
  });
});

describe('the contributions at risk at a month’s end', () => {
  it('are the contributions paid by the month’s end while my pot is not received', () => {
    const payments = [
      row('contribution', 1, { date: '2026-01-15' }),
      row('contribution', 2, { date: '2026-02-28' }),
    ];
    expect(groupsAtRiskAt([group()], payments, '2026-01', 'PHP', [])).toBe(1_000);
    expect(groupsAtRiskAt([group()], payments, '2026-02', 'PHP', [])).toBe(2_000);
    const pot = row('pot', 3, { date: '2026-03-15', amountMinor: 4_000 });
    expect(groupsAtRiskAt([group()], [...payments, pot], '2026-03', 'PHP', [])).toBe(0);
    expect(groupsAtRiskAt([group({ deletedAt: at })], payments, '2026-02', 'PHP', [])).toBe(0);
  });

  it('are converted at the month’s end; unknown without a rate, but a group with nothing at risk needs none', () => {
    const usd = group({ id: 'u', currency: 'USD' });
    const paid = [row('contribution', 1, { groupId: 'u', date: '2026-01-15', amountMinor: 10 })];
    const rates = [{ currency: 'USD', date: '2026-01-31', value: '50', deletedAt: null }];
    expect(groupsAtRiskAt([usd], paid, '2026-01', 'PHP', rates)).toBe(500);
    expect(groupsAtRiskAt([usd], paid, '2026-01', 'PHP', [])).toBeNull();
    expect(groupsAtRiskAt([usd, group()], [], '2026-01', 'PHP', [])).toBe(0);
    expect(
      groupsAtRiskAt([usd, group()], [...paid, row('contribution', 1)], '2026-01', 'PHP', rates),
    ).toBe(1_500);
  });

  it('match the sum of each group read alone (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            round: fc.integer({ min: 1, max: 4 }),
            day: fc.integer({ min: 0, max: 120 }),
            g: fc.constantFrom('a', 'b'),
          }),
          { maxLength: 8 },
        ),
        fc.constantFrom('2026-01', '2026-02', '2026-03', '2026-04'),
        (raw, month) => {
          const groups = [group({ id: 'a' }), group({ id: 'b', contributionMinor: 7 })];
          const payments = raw.map((r) =>
            row('contribution', r.round, {
              groupId: r.g,
              date: addDaysIso('2026-01-01', r.day),
              amountMinor: r.g === 'a' ? 1_000 : 7,
            }),
          );
          const alone = groups.map((g) => groupsAtRiskAt([g], payments, month, 'PHP', [])!);
          expect(groupsAtRiskAt(groups, payments, month, 'PHP', [])).toBe(alone[0]! + alone[1]!);
        },
      ),
      { numRuns: 300 },
    );
  });
});
