import {
  AnyamError,
  type CurrencyCode,
  type IsoDate,
  type MinorUnits,
  type Payment,
} from '../../domain/model';
import { validateRecord } from '../../domain/schema';
import { getDb, type AnyamDatabase } from '../database';
import { latestEntryDate } from './entry-rules';
import { baseFields, requireLive, restoreIn, softDeleteIn } from './record';
import { writeTransaction } from './transaction';

export interface PaymentInput {
  planId: string;
  /** The occurrence of the plan paid (occurrences.ts `planOccurrences`). */
  dueOn: IsoDate;
  /** The day it was paid; the occurrence's day by default. */
  date?: IsoDate;
  /** The plan's amount by default. */
  amountMinor?: MinorUnits;
  /** The plan's currency by default. */
  currency?: CurrencyCode;
  note?: string;
  isSample?: boolean;
}

async function livePayment(db: AnyamDatabase, planId: string, dueOn: IsoDate) {
  const rows = await db.payments.where('[planId+dueOn]').equals([planId, dueOn]).toArray();
  return rows.find((p) => p.deletedAt === null);
}

/**
 * Records that one occurrence of a plan was paid. Paying an occurrence already paid changes
 * nothing and returns the payment it has (two taps, or two phones' Undo races, stay one
 * payment). Refused: a plan that no longer exists (`payment/unknown-plan`), a negative or
 * absurd amount (`payment/invalid-amount`), a date more than a year ahead
 * (`payment/date-too-far`).
 */
export async function addPayment(input: PaymentInput): Promise<Payment> {
  return writeTransaction(['payments', 'plans'], async (db) => {
    const plan = await db.plans.get(input.planId);
    if (!plan || plan.deletedAt !== null) {
      throw new AnyamError('payment/unknown-plan', { planId: input.planId });
    }
    const payment = validateRecord('payments', {
      ...baseFields(),
      planId: plan.id,
      dueOn: input.dueOn,
      date: input.date ?? input.dueOn,
      amountMinor: input.amountMinor ?? plan.amountMinor,
      currency: input.currency ?? plan.currency,
      note: input.note ?? '',
      isSample: input.isSample ?? false,
    });
    const latest = latestEntryDate();
    if (payment.date > latest) {
      throw new AnyamError('payment/date-too-far', { date: payment.date, latest });
    }
    const existing = await livePayment(db, plan.id, payment.dueOn);
    if (existing) return existing;
    await db.payments.add(payment);
    return payment;
  });
}

/** Undo of a payment: soft delete, so that a merge carries it to the other phones. */
export async function deletePayment(id: string): Promise<Payment> {
  return writeTransaction(['payments'], (db) => softDeleteIn(db.payments, id, 'payment/not-found'));
}

export async function restorePayment(id: string): Promise<Payment> {
  return writeTransaction(['payments'], (db) => restoreIn(db.payments, id, 'payment/not-found'));
}

export async function getPayment(id: string): Promise<Payment> {
  return requireLive(getDb().payments, id, 'payment/not-found');
}

/** The live payments of occurrences due in [from, to], through the `dueOn` index. */
export async function listPaymentsDue(from: IsoDate, to: IsoDate): Promise<Payment[]> {
  const rows = await getDb().payments.where('dueOn').between(from, to, true, true).toArray();
  return rows.filter((p) => p.deletedAt === null);
}
