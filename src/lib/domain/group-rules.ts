/**
 * The rules a savings group keeps beyond its schema (group-schema.ts), registered in
 * record-rules.ts so that the form, Merge and Replace refuse the same groups.
 */
import type { Group } from './group-model';
import { grossPotMinor } from './groups';
import { MAX_MINOR } from './money';

/** record-rules.ts `RecordRule` for a group (restated: importing it would make a cycle). */
interface GroupRule {
  table: 'groups';
  code: string;
  field: string;
  broken: (group: Group) => Record<string, unknown> | null;
}

export const groupRules: readonly GroupRule[] = [
  {
    // My turn is one of the rounds; only a drawn group may not know it yet.
    table: 'groups',
    code: 'group/invalid-turn',
    field: 'myTurn',
    broken: (g) =>
      g.myTurn === null
        ? g.turnRule === 'drawn'
          ? null
          : { myTurn: null, members: g.members }
        : g.myTurn > g.members
          ? { myTurn: g.myTurn, members: g.members }
          : null,
  },
  {
    // A pot of members × contribution must still be an amount Anyam can hold exactly.
    table: 'groups',
    code: 'group/invalid-amount',
    field: 'contributionMinor',
    broken: (g) => (grossPotMinor(g) > MAX_MINOR ? { pot: grossPotMinor(g) } : null),
  },
  {
    // A bid belongs to the bid rule, and is less than the pot it is taken from.
    table: 'groups',
    code: 'group/invalid-bid',
    field: 'bidMinor',
    broken: (g) =>
      (g.turnRule !== 'bid' && g.bidMinor !== 0) ||
      (g.turnRule === 'bid' && g.bidMinor >= grossPotMinor(g))
        ? { bidMinor: g.bidMinor, pot: grossPotMinor(g) }
        : null,
  },
];
