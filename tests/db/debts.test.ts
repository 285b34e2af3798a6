import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import {
  addDebt,
  deleteDebt,
  deleteRepayment,
  forgiveDebt,
  getDebtStatus,
  repayDebt,
  restoreDebt,
  updateDebt,
  type DebtInput,
} from '../../src/lib/db/repo/debts';
import { skipOccurrence } from '../../src/lib/db/repo/skips';
import { scheduleOfCount } from '../../src/lib/domain/debt-schedule';
import type { AnyamError } from '../../src/lib/domain/model';
import { codeOf, dropDatabase, freshDatabase } from './helpers';

let db: AnyamDatabase;
beforeAll(() => {
  db = freshDatabase('debts');
});
afterAll(() => dropDatabase(db));

const paylater: DebtInput = {
  counterparty: 'Hulugan App',
  kind: 'paylater',
  direction: 'we-owe',
  amountMinor: 1_200_000,
  currency: 'PHP',
  date: '2026-11-02',
  schedule: scheduleOfCount(1_200_000, 6, 'monthly', '2026-12-02'),
};

async function snapshot() {
  const [debts, repayments, skips] = await Promise.all([
    db.debts.toArray(),
    db.repayments.toArray(),
    db.skips.toArray(),
  ]);
  return { debts, repayments, skips };
}

describe('debt repository', () => {
  it('repays an instalment once (a second tap returns the first), refuses more than is left', async () => {
    const debt = await addDebt(paylater);
    const first = await repayDebt({ debtId: debt.id, dueOn: '2026-12-02' });
    expect(first).toMatchObject({ amountMinor: 200_000, date: '2026-12-02', currency: 'PHP' });
    expect(await repayDebt({ debtId: debt.id, dueOn: '2026-12-02' })).toEqual(first);
    const before = await snapshot();
    const error = (await repayDebt({ debtId: debt.id, amountMinor: 1_000_001 }).catch(
      (e: unknown) => e,
    )) as AnyamError;
    expect(error.code).toBe('repayment/more-than-left');
    expect(error.details).toMatchObject({ field: 'amountMinor', left: 1_000_000, currency: 'PHP' });
    expect(await codeOf(repayDebt({ debtId: debt.id, amountMinor: 0 }))).toBe(
      'repayment/invalid-amount',
    );
    expect(await codeOf(repayDebt({ debtId: debt.id, amountMinor: -5 }))).toBe(
      'repayment/invalid-amount',
    );
    expect(await snapshot()).toEqual(before);
    const status = await getDebtStatus(debt.id);
    expect(status).toMatchObject({ repaidMinor: 200_000, leftMinor: 1_000_000 });
    expect(status.nextDue?.dueOn).toBe('2027-01-02');
  });

  it('refuses the bad debts of issue 25 and writes nothing', async () => {
    const before = await snapshot();
    const bad: [Partial<DebtInput>, string][] = [
      [{ amountMinor: 0, schedule: null }, 'debt/invalid-amount'],
      [{ amountMinor: -100, schedule: null }, 'debt/invalid-amount'],
      [{ schedule: { ...paylater.schedule!, count: 0 } }, 'debt/invalid-count'],
      [{ schedule: { ...paylater.schedule!, count: 601 } }, 'debt/invalid-count'],
      [{ schedule: { ...paylater.schedule!, firstDue: '2026-11-01' } }, 'debt/due-before-date'],
      [{ schedule: { ...paylater.schedule!, count: 7 } }, 'debt/schedule-too-long'],
      [{ counterparty: '  ' }, 'debt/empty-name'],
      [{ date: '2028-01-01', schedule: null }, 'debt/date-too-far'],
    ];
    for (const [change, code] of bad) {
      expect(await codeOf(addDebt({ ...paylater, ...change })), code).toBe(code);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('an edit cannot take the amount below what was repaid', async () => {
    const debt = await addDebt({ ...paylater, schedule: null });
    await repayDebt({ debtId: debt.id, amountMinor: 500_000 });
    expect(
      await codeOf(updateDebt(debt.id, { ...paylater, schedule: null, amountMinor: 400_000 })),
    ).toBe('debt/below-repaid');
    await updateDebt(debt.id, { ...paylater, schedule: null, amountMinor: 600_000 });
    expect((await getDebtStatus(debt.id)).leftMinor).toBe(100_000);
  });

  it('forgives what is left, and a forgiven debt takes no repayment', async () => {
    const debt = await addDebt({ ...paylater, direction: 'owed-to-us', schedule: null });
    await repayDebt({ debtId: debt.id, amountMinor: 200_000 });
    await forgiveDebt(debt.id, '2026-11-20');
    expect(await getDebtStatus(debt.id)).toMatchObject({
      forgiven: true,
      forgivenMinor: 1_000_000,
      leftMinor: 0,
    });
    expect(await codeOf(repayDebt({ debtId: debt.id, amountMinor: 1 }))).toBe('repayment/closed');
    await forgiveDebt(debt.id, null);
    expect((await getDebtStatus(debt.id)).leftMinor).toBe(1_000_000);
  });

  it('skips an instalment ("Not this time") so the next one is due', async () => {
    const debt = await addDebt(paylater);
    await skipOccurrence('debt', debt.id, '2026-12-02');
    expect((await getDebtStatus(debt.id)).nextDue?.dueOn).toBe('2027-01-02');
  });

  it('repaid + forgiven + left = amount at every step of any sequence, Undo included', async () => {
    const op = fc.oneof(
      fc.record({
        t: fc.constant('repay' as const),
        share: fc.double({ min: 0, max: 1.3, noNaN: true }),
      }),
      fc.record({ t: fc.constant('instalment' as const), k: fc.nat(5) }),
      fc.constant({ t: 'undo' as const }),
      fc.constant({ t: 'forgive' as const }),
      fc.constant({ t: 'delete' as const }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 6, max: 5_000_000 }),
        fc.array(op, { maxLength: 6 }),
        async (amount, ops) => {
          const debt = await addDebt({
            ...paylater,
            amountMinor: amount,
            schedule: scheduleOfCount(amount, 6, 'monthly', '2026-12-02'),
          });
          const done: string[] = [];
          let deleted = false;
          for (const o of ops) {
            const status = await getDebtStatus(debt.id).catch(() => null);
            try {
              if (o.t === 'repay') {
                const ask = Math.max(1, Math.floor((status?.leftMinor ?? 1) * o.share));
                done.push((await repayDebt({ debtId: debt.id, amountMinor: ask })).id);
              } else if (o.t === 'instalment') {
                const date = new Date(2026, 11 + o.k, 2);
                const iso = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-02`;
                done.push((await repayDebt({ debtId: debt.id, dueOn: iso })).id);
              } else if (o.t === 'undo' && done.length > 0) {
                await deleteRepayment(done.pop()!).catch(() => undefined);
              } else if (o.t === 'forgive' && status) {
                await forgiveDebt(debt.id, status.forgiven ? null : '2026-11-24');
              } else if (o.t === 'delete') {
                if (deleted) await restoreDebt(debt.id);
                else await deleteDebt(debt.id);
                deleted = !deleted;
              }
            } catch (e) {
              // Only the refusals the rules name; anything else fails the property.
              expect([
                'repayment/more-than-left',
                'repayment/closed',
                'repayment/unknown-debt',
              ]).toContain((e as AnyamError).code);
            }
            if (deleted) continue;
            const s = await getDebtStatus(debt.id);
            const live = (await db.repayments.where('debtId').equals(debt.id).toArray()).filter(
              (r) => r.deletedAt === null,
            );
            expect(s.repaidMinor).toBe(live.reduce((sum, r) => sum + r.amountMinor, 0));
            expect(s.repaidMinor + s.forgivenMinor + s.leftMinor).toBe(amount);
            expect(s.leftMinor).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  }, 240_000);
});
