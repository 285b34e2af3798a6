import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Group, GroupPayment } from '../../src/lib/domain/group-model';
import {
  atRiskMinor,
  bidYearlyRatePercent,
  cycleFlows,
  groupStanding,
  myPotDate,
  myPotMinor,
  owedToGroup,
  roundDates,
} from '../../src/lib/domain/groups';
import { validateRecord } from '../../src/lib/domain/schema';
import { assertRecordRules } from '../../src/lib/domain/record-rules';

const at = '2026-01-01T00:00:00.000Z';
const group = (over: Partial<Group> = {}): Group => ({
  id: '6f0c1a52-3d1e-4b7a-9f0e-2b8c4d5e6f70',
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
let n = 0;
const paid = (
  g: Group,
  kind: GroupPayment['kind'],
  round: number,
  amountMinor = g.contributionMinor,
): GroupPayment => {
  const dueOn = roundDates(g)[round - 1]!;
  return {
    id: `6f0c1a52-3d1e-4b7a-9f0e-${String(++n).padStart(12, '0')}`,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    groupId: g.id,
    kind,
    round,
    dueOn,
    date: dueOn,
    amountMinor: kind === 'skip' ? 0 : amountMinor,
    currency: g.currency,
    note: '',
    isSample: false,
  };
};

describe('round dates', () => {
  it('fall on the 31st or the last day of a shorter month, counted from the start', () => {
    expect(roundDates(group({ startsOn: '2026-01-31', members: 5 }))).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
      '2026-05-31',
    ]);
  });
  it('run weekly across a new year', () => {
    expect(roundDates(group({ startsOn: '2026-12-17', members: 4, cadence: 'weekly' }))).toEqual([
      '2026-12-17',
      '2026-12-24',
      '2026-12-31',
      '2027-01-07',
    ]);
  });
});

describe('my pot, at risk and owed', () => {
  const g = group();
  it('a 10-member ₱2,000 paluwagan with my turn #7 pays ₱20,000 in July', () => {
    expect(myPotMinor(g)).toBe(2_000_000);
    expect(myPotDate(g)).toBe('2026-07-15');
  });
  it('before my turn every contribution paid is at risk, nothing owed', () => {
    const rows = [1, 2, 3, 4].map((r) => paid(g, 'contribution', r));
    expect(atRiskMinor(g, rows)).toBe(800_000);
    expect(owedToGroup(g, rows)).toBe(0);
    // As of a date: only what was paid by then.
    expect(atRiskMinor(g, rows, '2026-02-20')).toBe(400_000);
  });
  it('after my pot the rounds still to pay are owed, skipped ones included', () => {
    const rows = [
      ...[1, 2, 3, 4, 5, 6, 7].map((r) => paid(g, 'contribution', r)),
      paid(g, 'skip', 8),
      paid(g, 'pot', 7, 2_000_000),
    ];
    const standing = groupStanding(g, rows);
    expect(standing.atRiskMinor).toBe(0);
    expect(standing.owedMinor).toBe(3 * 200_000);
    expect(standing.roundsOpen).toBe(2);
    // Undo of the pot (soft delete): at risk again.
    const undone = rows.map((r) => (r.kind === 'pot' ? { ...r, deletedAt: at } : r));
    expect(atRiskMinor(g, undone)).toBe(1_400_000);
    expect(owedToGroup(g, undone)).toBe(0);
  });
  it('a drawn group whose turn is unknown has no pot date', () => {
    expect(myPotDate(group({ turnRule: 'drawn', myTurn: null }))).toBeNull();
  });
});

describe('a bid as a yearly rate', () => {
  it('is (P / (P − b))^(R/d) − 1: ₱1,000 given up of ₱20,000, 3 months early', () => {
    const g = group({ turnRule: 'bid', bidMinor: 100_000 });
    // P = 2,000,000; P − b = 1,900,000; d = 10 − 7 = 3 months; R = 12.
    const expected = (Math.pow(2_000_000 / 1_900_000, 12 / 3) - 1) * 100;
    expect(bidYearlyRatePercent(g)).toBeCloseTo(expected, 10);
    expect(bidYearlyRatePercent(g)).toBeCloseTo(22.77, 1);
    expect(myPotMinor(g)).toBe(1_900_000);
  });
  it('weekly rounds compound 52 times a year', () => {
    const g = group({ turnRule: 'bid', bidMinor: 20_000, cadence: 'weekly', myTurn: 9 });
    expect(bidYearlyRatePercent(g)).toBeCloseTo(
      (Math.pow(2_000_000 / 1_980_000, 52) - 1) * 100,
      10,
    );
  });
  it('is null without a bid, on the last turn, or with the turn unknown', () => {
    expect(bidYearlyRatePercent(group())).toBeNull();
    expect(bidYearlyRatePercent(group({ turnRule: 'bid', bidMinor: 1, myTurn: 10 }))).toBeNull();
    expect(bidYearlyRatePercent(group({ turnRule: 'bid', bidMinor: 1, myTurn: null }))).toBeNull();
  });
  it('grows with the bid and falls the later the turn', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 40 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.nat(),
        fc.nat(),
        (members, c, t, b) => {
          const pot = members * c;
          const turn = 1 + (t % (members - 2));
          const bid = 1 + (b % (pot - 2));
          const g = group({
            members,
            contributionMinor: c,
            turnRule: 'bid',
            myTurn: turn,
            bidMinor: bid,
          });
          const rate = bidYearlyRatePercent(g)!;
          expect(rate).toBeGreaterThan(0);
          expect(bidYearlyRatePercent({ ...g, bidMinor: bid + 1 })!).toBeGreaterThanOrEqual(rate);
          expect(bidYearlyRatePercent({ ...g, myTurn: turn + 1 })!).toBeGreaterThanOrEqual(rate);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('a whole cycle', () => {
  it('pays out in pots and dividends exactly what came in (members × rounds × c)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 100 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.array(fc.nat(), { maxLength: 100 }),
        (members, c, raw) => {
          const bids = raw.map((b) => b % (members * c));
          const flows = cycleFlows(members, c, bids);
          expect(flows).toHaveLength(members);
          const paidIn = flows.reduce((s, f) => s + f.paidIn, 0);
          const paidOut = flows.reduce(
            (s, f) => s + f.pot + f.dividends.reduce((a, d) => a + d, 0),
            0,
          );
          expect(paidIn).toBe(members * members * c);
          expect(paidOut).toBe(paidIn);
          for (const f of flows) {
            expect(f.dividends).toHaveLength(members - 1);
            expect(Math.max(...f.dividends) - Math.min(...f.dividends)).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
  it('paid in full, a member ends where it started: pot = contributions (no bid)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.nat(),
        (members, c, t) => {
          const g = group({ members, contributionMinor: c, myTurn: 1 + (t % members) });
          const rows = [
            ...Array.from({ length: members }, (_, i) => paid(g, 'contribution', i + 1)),
            paid(g, 'pot', g.myTurn!, myPotMinor(g)),
          ];
          const s = groupStanding(g, rows);
          expect(s.paidMinor).toBe(myPotMinor(g));
          expect(s.owedMinor).toBe(0);
          expect(s.atRiskMinor).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('bad groups are refused', () => {
  const check = (g: Group) => {
    const valid = validateRecord('groups', g);
    assertRecordRules('groups', valid, { today: '2026-01-01', streams: new Map() });
  };
  it.each([
    ['fewer than 2 members', { members: 1 }, 'group/invalid-members'],
    ['more than 100 members', { members: 101 }, 'group/invalid-members'],
    ['my turn 0', { myTurn: 0 }, 'group/invalid-turn'],
    ['my turn past the members', { myTurn: 11 }, 'group/invalid-turn'],
    ['no turn for a fixed order', { myTurn: null }, 'group/invalid-turn'],
    ['a contribution of 0', { contributionMinor: 0 }, 'group/invalid-amount'],
    ['a negative contribution', { contributionMinor: -5 }, 'group/invalid-amount'],
    ['an absurd pot', { contributionMinor: 1e14, members: 20 }, 'group/invalid-amount'],
    ['a bid without the bid rule', { bidMinor: 5 }, 'group/invalid-bid'],
    ['a bid of the whole pot', { turnRule: 'bid', bidMinor: 2_000_000 }, 'group/invalid-bid'],
  ] as const)('%s', (_name, over, code) => {
    expect(() => check(group(over as Partial<Group>))).toThrow(expect.objectContaining({ code }));
  });
  it('a drawn group may not know my turn yet', () => {
    expect(() => check(group({ turnRule: 'drawn', myTurn: null }))).not.toThrow();
  });
});
