import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeTables } from '../../src/lib/db/backup/merge-plan';
import type { Repayment } from '../../src/lib/domain/debt-model';
import type { HouseholdTables } from '../../src/lib/domain/model';
import { householdFactory } from '../factories';

/*
 * Merge carries debts and repayments like every other table (issue 25, acceptance 1): two
 * phones that each edit, forgive, delete and repay give the same household whichever merges
 * into which, and merging again changes nothing.
 */

const base = householdFactory.build({
  seed: 25,
  months: 2,
  entriesPerMonth: 4,
  members: 2,
  debts: 6,
});
const stamp = (t: number) => new Date(Date.UTC(2026, 10, 1, 0, 0, t)).toISOString();

type Op =
  | { kind: 'edit'; i: number; amount: number; t: number }
  | { kind: 'forgive'; i: number; t: number }
  | { kind: 'delete'; i: number; t: number }
  | { kind: 'repay'; i: number; n: number; t: number }
  | { kind: 'undo'; i: number; t: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('edit' as const),
    i: fc.nat(20),
    amount: fc.integer({ min: 1_000_000, max: 9_000_000 }),
    t: fc.nat(20),
  }),
  fc.record({ kind: fc.constant('forgive' as const), i: fc.nat(20), t: fc.nat(20) }),
  fc.record({ kind: fc.constant('delete' as const), i: fc.nat(20), t: fc.nat(20) }),
  fc.record({ kind: fc.constant('repay' as const), i: fc.nat(20), n: fc.nat(50), t: fc.nat(20) }),
  fc.record({ kind: fc.constant('undo' as const), i: fc.nat(50), t: fc.nat(20) }),
);

function apply(tables: HouseholdTables, ops: readonly Op[], side: string): HouseholdTables {
  const h = structuredClone(tables);
  for (const o of ops) {
    const at = stamp(o.t);
    const debt = h.debts[o.i % h.debts.length]!;
    if (o.kind === 'edit' && debt.deletedAt === null) {
      Object.assign(debt, { amountMinor: o.amount, updatedAt: at });
    } else if (o.kind === 'forgive' && debt.deletedAt === null) {
      Object.assign(debt, { forgivenOn: debt.date, updatedAt: at });
    } else if (o.kind === 'delete' && debt.deletedAt === null) {
      Object.assign(debt, { deletedAt: at, updatedAt: at });
    } else if (o.kind === 'repay' && debt.deletedAt === null) {
      const id = `00000000-0000-4000-8${side === 'a' ? '0' : '1'}00-${String(o.n).padStart(12, '0')}`;
      if (h.repayments.some((r) => r.id === id)) continue;
      const added: Repayment = {
        id,
        createdAt: at,
        updatedAt: at,
        deletedAt: null,
        debtId: debt.id,
        dueOn: null,
        date: debt.date,
        amountMinor: 1_000,
        currency: debt.currency,
        note: side,
        isSample: false,
      };
      h.repayments.push(added);
    } else if (o.kind === 'undo' && h.repayments.length > 0) {
      const r = h.repayments[o.i % h.repayments.length]!;
      if (r.deletedAt === null) Object.assign(r, { deletedAt: at, updatedAt: at });
    }
  }
  return h;
}

const phone = (side: string) => fc.array(op, { maxLength: 8 }).map((ops) => apply(base, ops, side));

describe('merging debts and repayments', () => {
  it('is symmetric', () => {
    fc.assert(
      fc.property(phone('a'), phone('b'), (a, b) => {
        const ab = mergeTables(a, b);
        expect(ab).toEqual(mergeTables(b, a));
        expect(ab.debts.length).toBe(base.debts.length);
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(phone('a'), phone('b'), (a, b) => {
        const ab = mergeTables(a, b);
        expect(mergeTables(ab, b)).toEqual(ab);
        expect(mergeTables(ab, a)).toEqual(ab);
        expect(mergeTables(ab, ab)).toEqual(ab);
      }),
      { numRuns: 300 },
    );
  });
});
