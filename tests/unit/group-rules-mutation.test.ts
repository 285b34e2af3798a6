// Issue 28 (mutation round): the rules a savings group keeps beyond its schema (group-rules.ts),
// each at its boundary and with the details its refusal carries.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Group } from '../../src/lib/domain/group-model';
import { groupRules } from '../../src/lib/domain/group-rules';
import { MAX_MINOR } from '../../src/lib/domain/money';
import { assertRecordRules } from '../../src/lib/domain/record-rules';

const at = '2026-01-01T00:00:00.000Z';
const group = (over: Partial<Group> = {}): Group => ({
  id: 'g',
  createdAt: at,
  updatedAt: at,
  deletedAt: null,
  name: 'Paluwagan',
  members: 10,
  contributionMinor: 200_000,
  currency: 'PHP',
  cadence: 'monthly',
  startsOn: '2026-01-15',
  turnRule: 'fixed',
  myTurn: 7,
  bidMinor: 0,
  note: '',
  isSample: false,
  ...over,
});
const broken = (code: string, g: Group) => groupRules.find((r) => r.code === code)!.broken(g);
const turnRule = fc.constantFrom<Group['turnRule']>('fixed', 'drawn', 'bid');

describe('my turn is one of the rounds', () => {
  it('any turn from 1 to the number of members is kept; one past it is refused with both', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 1, max: 101 }),
        turnRule,
        (members, myTurn, rule) => {
          const details = broken('group/invalid-turn', group({ members, myTurn, turnRule: rule }));
          expect(details).toEqual(myTurn > members ? { myTurn, members } : null);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('only a drawn group may not know its turn yet', () => {
    expect(broken('group/invalid-turn', group({ turnRule: 'drawn', myTurn: null }))).toBeNull();
    expect(broken('group/invalid-turn', group({ turnRule: 'fixed', myTurn: null }))).toEqual({
      myTurn: null,
      members: 10,
    });
    expect(broken('group/invalid-turn', group({ turnRule: 'bid', myTurn: null }))).toEqual({
      myTurn: null,
      members: 10,
    });
  });
});

describe('the pot is an amount Anyam can hold exactly', () => {
  it('a pot of exactly MAX_MINOR is kept, one minor unit more is refused with the pot', () => {
    expect(
      broken('group/invalid-amount', group({ members: 10, contributionMinor: MAX_MINOR / 10 })),
    ).toBeNull();
    expect(
      broken('group/invalid-amount', group({ members: 1, contributionMinor: MAX_MINOR + 1 })),
    ).toEqual({ pot: MAX_MINOR + 1 });
  });
});

describe('a bid belongs to the bid rule and is less than the pot', () => {
  it('without the bid rule the bid is 0, and any other bid is refused with the pot', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Group['turnRule']>('fixed', 'drawn'),
        fc.integer({ min: 0, max: 3_000_000 }),
        (rule, bidMinor) => {
          const details = broken('group/invalid-bid', group({ turnRule: rule, bidMinor }));
          expect(details).toEqual(bidMinor === 0 ? null : { bidMinor, pot: 2_000_000 });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('under the bid rule any bid below the pot is kept, the whole pot or more refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3_000_000 }), (bidMinor) => {
        const details = broken('group/invalid-bid', group({ turnRule: 'bid', bidMinor }));
        expect(details).toEqual(bidMinor >= 2_000_000 ? { bidMinor, pot: 2_000_000 } : null);
      }),
      { numRuns: 300 },
    );
    expect(broken('group/invalid-bid', group({ turnRule: 'bid', bidMinor: 1_999_999 }))).toBeNull();
    expect(broken('group/invalid-bid', group({ turnRule: 'bid', bidMinor: 2_000_000 }))).toEqual({
      bidMinor: 2_000_000,
      pot: 2_000_000,
    });
  });
});

describe('the group rules as record-rules runs them', () => {
  it('each is about the groups table and names its field', () => {
    expect(groupRules.map((r) => [r.table, r.code, r.field])).toEqual([
      ['groups', 'group/invalid-turn', 'myTurn'],
      ['groups', 'group/invalid-amount', 'contributionMinor'],
      ['groups', 'group/invalid-bid', 'bidMinor'],
    ]);
  });

  it('a group keeping every rule passes; a broken one throws with its field', () => {
    const ctx = { today: '2026-11-24', streams: new Map() };
    expect(() => assertRecordRules('groups', group(), ctx)).not.toThrow();
    expect(() => assertRecordRules('groups', group({ myTurn: 11 }), ctx)).toThrow(
      expect.objectContaining({
        code: 'group/invalid-turn',
        details: { field: 'myTurn', myTurn: 11, members: 10 },
      }),
    );
  });
});
