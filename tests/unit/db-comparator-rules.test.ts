// Issue 28 (twelfth round): the orders the repo lists and the CSV exports write, stated as rules
// of their comparators (tests/unit/comparator-rules.test.ts says why `sort` alone could not: V8
// reads only whether an answer is below zero). Each rule: the comparator's sign is the sign of
// comparing the order's keys one after another, in both directions; equal keys answer 0, which
// leaves the table's id order to the stable sort. No database is opened: the comparators are pure.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { expectOrderOf } from '../order-rules';
import type { DebtStatus } from '../../src/lib/domain/debts';
import type { Group } from '../../src/lib/domain/group-model';
import type {
  Fund,
  Member,
  Payment,
  Place,
  Plan,
  SetAside,
  Stream,
  Training,
} from '../../src/lib/domain/model';
import { compareDebtStatuses } from '../../src/lib/db/backup/csv-debts-export';
import { compareSetAsidesOldestFirst } from '../../src/lib/db/backup/csv-funds-export';
import { comparePayments } from '../../src/lib/db/backup/csv-payments';
import { compareFunds, compareSetAsidesNewestFirst } from '../../src/lib/db/repo/funds';
import { compareGroups } from '../../src/lib/db/repo/groups';
import { compareMembers } from '../../src/lib/db/repo/members';
import { comparePlaces } from '../../src/lib/db/repo/places';
import { comparePlans } from '../../src/lib/db/repo/plans';
import { compareStreams } from '../../src/lib/db/repo/streams';
import { compareTraining } from '../../src/lib/db/repo/training';

/** A record of type T with only the fields its comparator reads. */
function rowOf<T>(fields: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<T> {
  return fields.map((x) => x as unknown as T);
}

// Few values each, so that ties of every key come up often.
const day = fc.constantFrom('2026-11-30', '2026-12-01', '2026-12-02');
const stamp = fc.constantFrom('2026-12-01T08:00:00.000Z', '2026-12-01T09:00:00.000Z');
const id = fc.constantFrom('a', 'b', 'c');

describe('the orders of added things: members, places, streams', () => {
  const added = <T>() => rowOf<T>(fc.record({ id, createdAt: stamp }));

  it('is the one added first first, one millisecond a tie', () => {
    expectOrderOf(added<Member>(), compareMembers, (x) => [x.createdAt]);
    expectOrderOf(added<Place>(), comparePlaces, (x) => [x.createdAt]);
    expectOrderOf(added<Stream>(), compareStreams, (x) => [x.createdAt]);
  });
});

describe('the orders by a date, soonest or oldest first', () => {
  it('lists plans and funds by due date, one date a tie', () => {
    expectOrderOf(rowOf<Plan>(fc.record({ id, dueOn: day })), comparePlans, (x) => [x.dueOn]);
    expectOrderOf(rowOf<Fund>(fc.record({ id, dueOn: day })), compareFunds, (x) => [x.dueOn]);
  });

  it('lists groups by the day their first round starts, one day a tie', () => {
    const group = rowOf<Group>(fc.record({ id, startsOn: day }));
    expectOrderOf(group, compareGroups, (x) => [x.startsOn]);
  });

  it("exports one fund's set-asides oldest first, one date a tie", () => {
    const setAside = rowOf<SetAside>(fc.record({ id, date: day, createdAt: stamp }));
    expectOrderOf(setAside, compareSetAsidesOldestFirst, (x) => [x.date]);
  });

  it('exports debts by their date, oldest first, one date a tie', () => {
    const status = fc
      .record({ id, date: day })
      .map((debt) => ({ debt, repaidMinor: 0 }) as unknown as DebtStatus);
    expectOrderOf(status, compareDebtStatuses, (x) => [x.debt.date]);
  });

  it('exports payments oldest first, then by id', () => {
    const payment = rowOf<Payment>(fc.record({ id, date: day }));
    expectOrderOf(payment, comparePayments, (x) => [x.date, x.id]);
  });
});

describe('the orders newest first', () => {
  const desc = (text: string) => -Date.parse(text);

  it('lists training by date, newest first, one date a tie', () => {
    const training = rowOf<Training>(fc.record({ id, date: day }));
    expectOrderOf(training, compareTraining, (x) => [desc(x.date)]);
  });

  it('lists set-asides newest date first, then the one created last first', () => {
    const setAside = rowOf<SetAside>(fc.record({ id, date: day, createdAt: stamp }));
    expectOrderOf(setAside, compareSetAsidesNewestFirst, (x) => [desc(x.date), desc(x.createdAt)]);
  });
});
