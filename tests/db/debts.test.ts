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
  readDebts,
  removeSampleDebtsIn,
  repayDebt,
  restoreDebt,
  updateDebt,
  type DebtInput,
} from '../../src/lib/db/repo/debts';
import { skipOccurrence } from '../../src/lib/db/repo/skips';
import { instalments, scheduleOfCount } from '../../src/lib/domain/debt-schedule';
import type { AnyamError } from '../../src/lib/domain/model';
import { PINNED_TODAY } from '../pinned-day';
import { errorOf } from '../refusal';
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

// Rules of repo/debts.ts a mutation run (issue 28, tenth round) found unstated. First in the file,
// so that a mutation run's mutant fails here before the long property test below runs.
describe('debt repository: defaults, edits, cascades and reads', () => {
  const plain: DebtInput = { ...paylater, schedule: null };
  const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

  it('gives a debt and a repayment no note and makes them no sample unless told', async () => {
    const debt = await addDebt(plain);
    expect([debt.note, debt.isSample, debt.forgivenOn]).toEqual(['', false, null]);
    const told = await addDebt({ ...plain, note: 'Motor', isSample: true });
    expect([told.note, told.isSample]).toEqual(['Motor', true]);
    const paid = await repayDebt({ debtId: debt.id, amountMinor: 1 });
    expect([paid.note, paid.isSample, paid.dueOn]).toEqual(['', false, null]);
    const toldPaid = await repayDebt({
      debtId: debt.id,
      amountMinor: 1,
      note: 'GCash',
      isSample: true,
    });
    expect([toldPaid.note, toldPaid.isSample]).toEqual(['GCash', true]);
  });

  it('keeps the record rules on an edit and on a repayment: a date more than a year ahead', async () => {
    const debt = await addDebt(plain);
    const edit = await errorOf(updateDebt(debt.id, { ...plain, date: '2027-11-25' }));
    expect([edit.code, edit.details]).toEqual([
      'debt/date-too-far',
      { field: 'date', date: '2027-11-25', latest: '2027-11-24' },
    ]);
    expect((await updateDebt(debt.id, { ...plain, date: '2027-11-24' })).date).toBe('2027-11-24');
    expect(await codeOf(repayDebt({ debtId: debt.id, amountMinor: 1, date: '2027-11-25' }))).toBe(
      'repayment/date-too-far',
    );
  });

  it('keeps the currency while a live repayment is in it, and the amount at least what was repaid', async () => {
    const debt = await addDebt(plain);
    // Another currency with nothing repaid yet is an edit like any other.
    expect((await updateDebt(debt.id, { ...plain, currency: 'IDR' })).currency).toBe('IDR');
    const paid = await repayDebt({ debtId: debt.id, amountMinor: 300_000 });
    const refusal = await errorOf(updateDebt(debt.id, { ...plain, currency: 'PHP' }));
    expect([refusal.code, refusal.details]).toEqual([
      'debt/currency-in-use',
      { field: 'currency' },
    ]);
    const below = await errorOf(
      updateDebt(debt.id, { ...plain, currency: 'IDR', amountMinor: 299_999 }),
    );
    expect([below.code, below.details]).toEqual([
      'debt/below-repaid',
      { field: 'amountMinor', repaid: 300_000, currency: 'IDR' },
    ]);
    // Exactly what was repaid is allowed: the debt is then paid off.
    const exact = await updateDebt(debt.id, { ...plain, currency: 'IDR', amountMinor: 300_000 });
    expect((await getDebtStatus(exact.id)).leftMinor).toBe(0);
    // A repayment taken back holds neither the currency nor the amount.
    await deleteRepayment(paid.id);
    const moved = await updateDebt(debt.id, { ...plain, currency: 'PHP', amountMinor: 1 });
    expect([moved.currency, moved.amountMinor]).toEqual(['PHP', 1]);
    expect(await codeOf(updateDebt('nope', plain))).toBe('debt/not-found');
  });

  it('pays an instalment its own amount, on its day when not yet due, else today', async () => {
    // 1,000,000 in three: the last instalment takes the remainder.
    const schedule = scheduleOfCount(1_000_000, 3, 'monthly', '2026-10-02');
    const debt = await addDebt({
      ...paylater,
      amountMinor: 1_000_000,
      date: '2026-09-01',
      schedule,
    });
    const amounts = instalments(1_000_000, schedule).map((i) => i.amountMinor);
    expect(new Set(amounts).size).toBe(2);
    const overdue = await repayDebt({ debtId: debt.id, dueOn: '2026-10-02' });
    expect([overdue.amountMinor, overdue.date]).toEqual([amounts[0], PINNED_TODAY]);
    const last = await repayDebt({ debtId: debt.id, dueOn: '2026-12-02' });
    expect([last.amountMinor, last.date]).toEqual([amounts[2], '2026-12-02']);
    // A date that is no instalment of the schedule pays all that is left.
    const other = await repayDebt({ debtId: debt.id, dueOn: '2026-11-15' });
    expect(other.amountMinor).toBe(1_000_000 - amounts[0]! - amounts[2]!);
    // An instalment of a debt without a schedule: all that is left too.
    const loose = await addDebt(plain);
    expect((await repayDebt({ debtId: loose.id, dueOn: '2026-12-02' })).amountMinor).toBe(
      1_200_000,
    );
  });

  it('pays again an instalment whose repayment was taken back, and exactly what is left', async () => {
    const debt = await addDebt(paylater);
    const first = await repayDebt({ debtId: debt.id, dueOn: '2026-12-02' });
    await deleteRepayment(first.id);
    const again = await repayDebt({ debtId: debt.id, dueOn: '2026-12-02' });
    expect(again.id).not.toBe(first.id);
    const rest = await repayDebt({ debtId: debt.id, amountMinor: 1_000_000 });
    expect(rest.amountMinor).toBe(1_000_000);
    expect((await getDebtStatus(debt.id)).leftMinor).toBe(0);
    const closed = await errorOf(repayDebt({ debtId: debt.id, amountMinor: 1 }));
    expect([closed.code, closed.details]).toEqual(['repayment/closed', { debtId: debt.id }]);
  });

  it('takes back a repayment softly, and names what it cannot find', async () => {
    const debt = await addDebt(plain);
    const paid = await repayDebt({ debtId: debt.id, amountMinor: 5 });
    const undone = await deleteRepayment(paid.id);
    expect(undone.deletedAt).not.toBeNull();
    expect(await db.repayments.get(paid.id)).toEqual(undone);
    expect((await getDebtStatus(debt.id)).repaidMinor).toBe(0);
    expect(await codeOf(deleteRepayment('nope'))).toBe('repayment/not-found');
    expect(await codeOf(forgiveDebt('nope'))).toBe('debt/not-found');
    expect(await codeOf(getDebtStatus('nope'))).toBe('debt/not-found');
    expect(await codeOf(deleteDebt('nope'))).toBe('debt/not-found');
    expect(await codeOf(restoreDebt(debt.id))).toBe('debt/not-found');
    await deleteDebt(debt.id);
    const refusal = await errorOf(repayDebt({ debtId: debt.id, amountMinor: 1 }));
    expect([refusal.code, refusal.details]).toEqual([
      'repayment/unknown-debt',
      { debtId: debt.id },
    ]);
    expect(await codeOf(repayDebt({ debtId: 'nope', amountMinor: 1 }))).toBe(
      'repayment/unknown-debt',
    );
  });

  it('deletes a debt with its live repayments and brings back only those', async () => {
    const debt = await addDebt(plain);
    const undone = await repayDebt({ debtId: debt.id, amountMinor: 1 });
    await deleteRepayment(undone.id);
    const undoneAt = (await db.repayments.get(undone.id))!.deletedAt;
    await tick();
    const held = await repayDebt({ debtId: debt.id, amountMinor: 2 });
    const other = await addDebt(plain);
    const elsewhere = await repayDebt({ debtId: other.id, amountMinor: 3 });
    const deleted = await deleteDebt(debt.id);
    const row = async (id: string) => (await db.repayments.get(id))!;
    expect([(await row(held.id)).deletedAt, (await row(held.id)).updatedAt]).toEqual([
      deleted.deletedAt,
      deleted.deletedAt,
    ]);
    expect((await row(undone.id)).deletedAt).toBe(undoneAt);
    expect((await row(elsewhere.id)).deletedAt).toBeNull();
    await tick();
    const restored = await restoreDebt(debt.id);
    expect(restored.deletedAt).toBeNull();
    expect([(await row(held.id)).deletedAt, (await row(held.id)).updatedAt]).toEqual([
      null,
      restored.updatedAt,
    ]);
    expect((await row(undone.id)).deletedAt).toBe(undoneAt);
    expect((await row(elsewhere.id)).deletedAt).toBeNull();
  });

  it('reads live debts, live repayments and live debt skips only', async () => {
    const live = await addDebt(paylater);
    const gone = await addDebt(paylater);
    const kept = await repayDebt({ debtId: live.id, amountMinor: 1 });
    const takenBack = await repayDebt({ debtId: live.id, amountMinor: 2 });
    await deleteRepayment(takenBack.id);
    const skip = await skipOccurrence('debt', live.id, '2026-12-02');
    const unskipped = await skipOccurrence('debt', live.id, '2027-01-02');
    await db.skips.update(unskipped.id, { deletedAt: '2026-11-24T02:00:00.000Z' });
    await deleteDebt(gone.id);
    const planSkip = { ...skip, id: '00000000-0000-4000-8000-00000000000a', kind: 'plan' as const };
    await db.skips.add(planSkip);
    const read = await readDebts();
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    expect(ids(read.debts)).toContain(live.id);
    expect(ids(read.debts)).not.toContain(gone.id);
    expect(read.debts.every((d) => d.deletedAt === null)).toBe(true);
    expect(ids(read.repayments)).toContain(kept.id);
    expect(ids(read.repayments)).not.toContain(takenBack.id);
    expect(read.repayments.every((r) => r.deletedAt === null)).toBe(true);
    expect(ids(read.skips)).toContain(skip.id);
    expect(ids(read.skips)).not.toContain(unskipped.id);
    expect(ids(read.skips)).not.toContain(planSkip.id);
    expect(read.skips.every((s) => s.deletedAt === null && s.kind === 'debt')).toBe(true);
  });

  it("counts only a debt's own skips in its standing", async () => {
    const [low, high] = [await addDebt(paylater), await addDebt(paylater)].sort((a, b) =>
      a.id < b.id ? -1 : 1,
    );
    await skipOccurrence('debt', low!.id, '2026-12-02');
    expect((await getDebtStatus(low!.id)).nextDue?.dueOn).toBe('2027-01-02');
    expect((await getDebtStatus(high!.id)).nextDue?.dueOn).toBe('2026-12-02');
  });

  it("removes the sample's debts and repayments, keeping a sample debt a real repayment names", async () => {
    // The earlier tests' samples would be counted too.
    await db.debts.clear();
    await db.repayments.clear();
    const sample = await addDebt({ ...plain, isSample: true });
    const mixed = await addDebt({ ...plain, isSample: true });
    const real = await addDebt(plain);
    const sampleRow = await repayDebt({ debtId: sample.id, amountMinor: 1, isSample: true });
    const mixedSample = await repayDebt({ debtId: mixed.id, amountMinor: 1, isSample: true });
    const mine = await repayDebt({ debtId: mixed.id, amountMinor: 2 });
    const realRow = await repayDebt({ debtId: real.id, amountMinor: 3 });
    const counts = await db.transaction('rw', db.debts, db.repayments, () =>
      removeSampleDebtsIn(db),
    );
    expect(counts).toEqual({ debts: 1, repayments: 2 });
    expect(await db.debts.get(sample.id)).toBeUndefined();
    expect(await db.debts.get(mixed.id)).toBeDefined();
    expect(await db.debts.get(real.id)).toBeDefined();
    for (const gone of [sampleRow, mixedSample])
      expect(await db.repayments.get(gone.id)).toBeUndefined();
    for (const left of [mine, realRow]) expect(await db.repayments.get(left.id)).toBeDefined();
  });
});

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
