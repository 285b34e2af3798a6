/**
 * A household's savings group for the factory: one monthly group of 10 starting with the
 * history, every round up to the last day paid (a few skipped), and my pot received when my
 * turn has come. Its own generator, so the rest of the household stays as it was.
 */
import type { Group, GroupPayment } from '../../src/lib/domain/group-model';
import { myPotMinor, roundDates } from '../../src/lib/domain/groups';
import type { BaseRecord } from '../../src/lib/domain/model';
import { createRng } from './rng';

export function makeGroupTables(
  seed: number,
  currency: string,
  firstDay: string,
  lastDay: string,
  common: Omit<BaseRecord, 'id'> & { isSample: boolean },
): { groups: Group[]; groupPayments: GroupPayment[] } {
  const rng = createRng(seed * 7 + 707);
  const group: Group = {
    id: rng.uuid(),
    ...common,
    name: 'Arisan kantor',
    members: 10,
    contributionMinor: currency === 'VND' ? 500_000 : 200_000_00,
    currency,
    cadence: 'monthly',
    startsOn: firstDay,
    turnRule: 'fixed',
    myTurn: rng.int(1, 10),
    bidMinor: 0,
    note: '',
  };
  const groupPayments: GroupPayment[] = [];
  roundDates(group).forEach((dueOn, i) => {
    if (dueOn > lastDay) return;
    const skip = rng.bool(0.1);
    groupPayments.push({
      id: rng.uuid(),
      ...common,
      groupId: group.id,
      kind: skip ? 'skip' : 'contribution',
      round: i + 1,
      dueOn,
      date: dueOn,
      amountMinor: skip ? 0 : group.contributionMinor,
      currency,
      note: '',
    });
    if (i + 1 === group.myTurn) {
      groupPayments.push({
        id: rng.uuid(),
        ...common,
        groupId: group.id,
        kind: 'pot',
        round: i + 1,
        dueOn,
        date: dueOn,
        amountMinor: myPotMinor(group),
        currency,
        note: '',
      });
    }
  });
  return { groups: [group], groupPayments };
}
