import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Group, GroupPayment } from '../../src/lib/domain/group-model';
import {
  bidYearlyRatePercent,
  cycleFlows,
  groupStanding,
  myPotMinor,
} from '../../src/lib/domain/groups';

const at = '2026-01-01T00:00:00.000Z';
const group = (over: Partial<Group> = {}): Group => ({
  id: 'g1',
  createdAt: at,
  updatedAt: at,
  deletedAt: null,
  name: 'Arisan',
  members: 10,
  contributionMinor: 100_000,
  currency: 'IDR',
  cadence: 'monthly',
  startsOn: '2026-01-15',
  turnRule: 'bid',
  myTurn: 3,
  bidMinor: 50_000,
  note: '',
  isSample: false,
  ...over,
});
const row = (kind: GroupPayment['kind'], round: number, date: string): GroupPayment => ({
  id: `${kind}-${round}-${date}`,
  createdAt: at,
  updatedAt: at,
  deletedAt: null,
  groupId: 'g1',
  kind,
  round,
  dueOn: date,
  date,
  amountMinor: kind === 'skip' ? 0 : 100_000,
  currency: 'IDR',
  note: '',
  isSample: false,
});

describe('groupStanding as of a day', () => {
  it('counts a row dated on the day itself and leaves out a row dated after it', () => {
    const g = group();
    const rows = [row('contribution', 1, '2026-01-15'), row('contribution', 2, '2026-02-15')];
    const standing = groupStanding(g, rows, '2026-01-15');
    expect(standing.paidRounds).toBe(1);
    expect(standing.paidMinor).toBe(100_000);
    expect(standing.atRiskMinor).toBe(100_000);
    expect(groupStanding(g, rows, '2026-01-14').paidRounds).toBe(0);
    expect(groupStanding(g, rows, '2026-02-15').paidRounds).toBe(2);
  });
});

describe('myPotMinor', () => {
  it('a bid counts only under the bid rule: other rules take the whole pot', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Group['turnRule']>('fixed', 'drawn'),
        fc.integer({ min: 2, max: 100 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (turnRule, members, contributionMinor, bidMinor) => {
          const g = group({ turnRule, members, contributionMinor, bidMinor });
          expect(myPotMinor(g)).toBe(members * contributionMinor);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('bidYearlyRatePercent', () => {
  it('has no rate for a group that is not a bid group, whatever bidMinor holds', () => {
    expect(bidYearlyRatePercent(group({ turnRule: 'fixed' }))).toBeNull();
    expect(bidYearlyRatePercent(group({ turnRule: 'drawn' }))).toBeNull();
  });
  it('has no rate for a bid of 0 (nothing given up)', () => {
    expect(bidYearlyRatePercent(group({ bidMinor: 0 }))).toBeNull();
  });
  it('has no rate for a bid of the whole pot or more', () => {
    expect(bidYearlyRatePercent(group({ bidMinor: 1_000_000 }))).toBeNull();
    expect(bidYearlyRatePercent(group({ bidMinor: 1_000_001 }))).toBeNull();
  });
  it('is a finite positive rate for any bid strictly inside the pot taken early', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 100 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom<Group['cadence']>('monthly', 'weekly'),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (members, contributionMinor, cadence, turnAt, bidAt) => {
          const pot = members * contributionMinor;
          const myTurn = 1 + Math.floor(turnAt * (members - 1));
          const bidMinor = Math.min(pot - 1, 1 + Math.floor(bidAt * (pot - 1)));
          fc.pre(bidMinor >= 1 && myTurn < members);
          const rate = bidYearlyRatePercent(
            group({ members, contributionMinor, cadence, myTurn, bidMinor }),
          );
          expect(rate).not.toBeNull();
          expect(rate!).toBeGreaterThanOrEqual(0);
          expect(Number.isNaN(rate!)).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('cycleFlows', () => {
  it('numbers the rounds 1…members in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 100 }), fc.integer({ min: 0, max: 1_000 }), (n, c) => {
        expect(cycleFlows(n, c).map((f) => f.round)).toEqual(
          Array.from({ length: n }, (_, i) => i + 1),
        );
      }),
      { numRuns: 300 },
    );
  });
  it('without bids every round pays the whole pot out and no dividend', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 100 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (n, c) => {
          for (const flow of cycleFlows(n, c)) {
            expect(flow.paidIn).toBe(n * c);
            expect(flow.pot).toBe(n * c);
            expect(flow.dividends).toEqual(Array.from({ length: n - 1 }, () => 0));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
