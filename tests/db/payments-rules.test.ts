import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import {
  addPayment,
  addPlan,
  deletePayment,
  deletePlan,
  getPayment,
  listPaymentsDue,
  restorePayment,
} from '../../src/lib/db/repo';
import { type Plan } from '../../src/lib/domain/model';
import { PINNED_TODAY } from '../pinned-day';
import { codeOf, dropDatabase, freshDatabase, seedBasics } from './helpers';
import { errorOf } from '../refusal';

/*
 * The rules of the payments repository (src/lib/db/repo/payments.ts) that
 * tests/db/monthly-loop.test.ts does not state: a new payment's defaults, the last day it may be
 * dated, paying again after Undo, Undo of the Undo, the reads and the refusals' details (a
 * person copies them in the error report).
 */

let db: AnyamDatabase;
let rent: Plan;

beforeEach(async () => {
  db = freshDatabase('payments-rules');
  await seedBasics();
  rent = await addPlan({
    name: 'Rent',
    category: 'essential',
    amountMinor: 1_500_000_00,
    currency: 'IDR',
    cadence: 'monthly',
    dueOn: '2026-01-01',
  });
});
afterEach(() => dropDatabase(db));

describe('a new payment', () => {
  it('takes the occurrence’s day, the plan’s amount and currency, an empty note, and is not a sample', async () => {
    const payment = await addPayment({ planId: rent.id, dueOn: '2026-11-01' });
    expect(payment).toMatchObject({
      planId: rent.id,
      dueOn: '2026-11-01',
      date: '2026-11-01',
      amountMinor: 1_500_000_00,
      currency: 'IDR',
      note: '',
      isSample: false,
      deletedAt: null,
    });
    expect(await db.payments.get(payment.id)).toEqual(payment);
  });

  it('keeps what the person gave instead', async () => {
    const payment = await addPayment({
      planId: rent.id,
      dueOn: '2026-11-01',
      date: '2026-11-03',
      amountMinor: 20_00,
      currency: 'USD',
      note: 'half',
      isSample: true,
    });
    expect(payment).toMatchObject({
      date: '2026-11-03',
      amountMinor: 20_00,
      currency: 'USD',
      note: 'half',
      isSample: true,
    });
  });

  it('may be dated up to the same day a year ahead, not the day after', async () => {
    // PINNED_TODAY is 2026-11-24.
    expect(PINNED_TODAY).toBe('2026-11-24');
    const last = await addPayment({ planId: rent.id, dueOn: '2026-12-01', date: '2027-11-24' });
    expect(last.date).toBe('2027-11-24');
    const error = await errorOf(
      addPayment({ planId: rent.id, dueOn: '2027-01-01', date: '2027-11-25' }),
    );
    expect(error.code).toBe('payment/date-too-far');
    expect(error.details).toEqual({ date: '2027-11-25', latest: '2027-11-24' });
    expect(await db.payments.count()).toBe(1);
  });

  it('names the plan when the plan is unknown or deleted', async () => {
    await deletePlan(rent.id);
    const error = await errorOf(addPayment({ planId: rent.id, dueOn: '2026-11-01' }));
    expect(error.code).toBe('payment/unknown-plan');
    expect(error.details).toEqual({ planId: rent.id });
    expect(await db.payments.count()).toBe(0);
  });
});

describe('paying after Undo', () => {
  it('writes a new payment: the undone one stays deleted', async () => {
    const first = await addPayment({ planId: rent.id, dueOn: '2026-11-01' });
    await deletePayment(first.id);
    const second = await addPayment({ planId: rent.id, dueOn: '2026-11-01' });
    expect(second.id).not.toBe(first.id);
    expect(second.deletedAt).toBeNull();
    expect((await db.payments.get(first.id))?.deletedAt).not.toBeNull();
    expect(await db.payments.count()).toBe(2);
  });

  it('Undo of the Undo brings the same payment back; a live or unknown one is payment/not-found', async () => {
    const payment = await addPayment({ planId: rent.id, dueOn: '2026-11-01' });
    expect(await codeOf(restorePayment(payment.id))).toBe('payment/not-found');
    const deleted = await deletePayment(payment.id);
    expect(deleted.deletedAt).not.toBeNull();
    expect(await codeOf(deletePayment(payment.id))).toBe('payment/not-found');
    const restored = await restorePayment(payment.id);
    expect(restored).toMatchObject({ id: payment.id, deletedAt: null });
    expect(await db.payments.get(payment.id)).toEqual(restored);
    expect(await codeOf(restorePayment('00000000-0000-4000-8000-000000000000'))).toBe(
      'payment/not-found',
    );
  });
});

describe('reading payments', () => {
  it('getPayment returns a live payment; a deleted or unknown one is payment/not-found', async () => {
    const payment = await addPayment({ planId: rent.id, dueOn: '2026-11-01' });
    expect(await getPayment(payment.id)).toEqual(payment);
    await deletePayment(payment.id);
    expect(await codeOf(getPayment(payment.id))).toBe('payment/not-found');
    expect(await codeOf(getPayment('00000000-0000-4000-8000-000000000000'))).toBe(
      'payment/not-found',
    );
  });

  it('listPaymentsDue holds the live payments due from the first day to the last, both included', async () => {
    const due = async (dueOn: string) => (await addPayment({ planId: rent.id, dueOn })).id;
    await due('2026-09-30');
    const first = await due('2026-10-01');
    const middle = await due('2026-10-15');
    const last = await due('2026-10-31');
    await due('2026-11-01');
    const undone = await due('2026-10-20');
    await deletePayment(undone);
    const ids = (await listPaymentsDue('2026-10-01', '2026-10-31')).map((p) => p.id);
    expect(ids.sort()).toEqual([first, middle, last].sort());
  });
});
