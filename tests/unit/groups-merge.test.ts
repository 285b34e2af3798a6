import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeTables } from '../../src/lib/db/backup/merge-plan';
import type { HouseholdTables } from '../../src/lib/domain/model';
import { base, stamp, time, uuid } from './merge-phones';

/** What a phone does to its savings groups, as the repositories do it. */
type GroupOp =
  | { kind: 'edit'; i: number; t: number; amount: number }
  | { kind: 'delete'; i: number; t: number }
  | { kind: 'pay'; t: number; n: number; round: number; amount: number }
  | { kind: 'undo'; i: number; t: number };

const groupOp: fc.Arbitrary<GroupOp> = fc.oneof(
  fc.record({
    kind: fc.constant('edit'),
    i: fc.nat(),
    t: time,
    amount: fc.integer({ min: 1, max: 1e9 }),
  }),
  fc.record({ kind: fc.constant('delete'), i: fc.nat(), t: time }),
  fc.record({
    kind: fc.constant('pay'),
    t: time,
    n: fc.nat(1e6),
    round: fc.integer({ min: 1, max: 10 }),
    amount: fc.nat(1e9),
  }),
  fc.record({ kind: fc.constant('undo'), i: fc.nat(), t: time }),
);

function apply(tables: HouseholdTables, ops: readonly GroupOp[], side: string): HouseholdTables {
  const h = structuredClone(tables);
  for (const o of ops) {
    const at = stamp(o.t);
    if (o.kind === 'edit' || o.kind === 'delete') {
      const group = h.groups[o.i % h.groups.length]!;
      if (group.deletedAt !== null) continue;
      if (o.kind === 'edit') Object.assign(group, { contributionMinor: o.amount, updatedAt: at });
      else Object.assign(group, { deletedAt: at, updatedAt: at });
    } else if (o.kind === 'pay') {
      const group = h.groups[0]!;
      const id = uuid(o.n, side === 'a' ? 'c' : 'd');
      if (h.groupPayments.some((p) => p.id === id)) continue;
      h.groupPayments.push({
        id,
        createdAt: at,
        updatedAt: at,
        deletedAt: null,
        isSample: false,
        groupId: group.id,
        kind: 'contribution',
        round: o.round,
        dueOn: '2026-10-10',
        date: '2026-10-10',
        amountMinor: o.amount,
        currency: group.currency,
        note: '',
      });
    } else if (h.groupPayments.length > 0) {
      const row = h.groupPayments[o.i % h.groupPayments.length]!;
      if (row.deletedAt === null) Object.assign(row, { deletedAt: at, updatedAt: at });
    }
  }
  return h;
}

const phone = (side: string) =>
  fc.array(groupOp, { maxLength: 12 }).map((ops) => apply(base, ops, side));

describe('merging savings groups', () => {
  it('the base household has a group with rounds to merge', () => {
    expect(base.groups.length).toBeGreaterThan(0);
    expect(base.groupPayments.length).toBeGreaterThan(0);
  });

  it('gives the same groups and rounds whichever side merges into which', () => {
    fc.assert(
      fc.property(phone('a'), phone('b'), (a, b) => {
        const ab = mergeTables(a, b);
        const ba = mergeTables(b, a);
        expect(ab.groups).toEqual(ba.groups);
        expect(ab.groupPayments).toEqual(ba.groupPayments);
      }),
      { numRuns: 300 },
    );
  });

  it('changes nothing when merged with itself or merged again', () => {
    fc.assert(
      fc.property(phone('a'), phone('b'), (a, b) => {
        const aa = mergeTables(a, a);
        const byId = <T extends { id: string }>(rows: T[]) =>
          [...rows].sort((x, y) => (x.id < y.id ? -1 : 1));
        expect(aa.groups).toEqual(byId(a.groups));
        expect(aa.groupPayments).toEqual(byId(a.groupPayments));
        const ab = mergeTables(a, b);
        expect(mergeTables(ab, b)).toEqual(ab);
        expect(mergeTables(ab, a)).toEqual(ab);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the newer version of a group and every round either phone paid', () => {
    fc.assert(
      fc.property(phone('a'), phone('b'), (a, b) => {
        const ab = mergeTables(a, b);
        const ids = new Set(ab.groupPayments.map((p) => p.id));
        for (const p of [...a.groupPayments, ...b.groupPayments]) expect(ids.has(p.id)).toBe(true);
        for (const g of ab.groups) {
          const versions = [...a.groups, ...b.groups].filter((x) => x.id === g.id);
          expect(g.updatedAt).toBe(
            versions
              .map((v) => v.updatedAt)
              .sort()
              .at(-1),
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});
