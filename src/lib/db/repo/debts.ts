/**
 * Debts and loans: every write in one read-write transaction (repo/transaction.ts). Deletes are
 * soft, so Undo (lib/ui/with-undo) and merges work; a debt's repayments go and come back with it.
 */
import Dexie from 'dexie';
import { todayIso } from '../../domain/dates';
import type { Debt, DebtSchedule, Repayment } from '../../domain/debt-model';
import { debtStatus, skippedInstalments, type DebtStatus } from '../../domain/debts';
import { instalments } from '../../domain/debt-schedule';
import {
  AnyamError,
  type CurrencyCode,
  type IsoDate,
  type MinorUnits,
  type Skip,
} from '../../domain/model';
import { assertRecordRules } from '../../domain/record-rules';
import { validateRecord } from '../../domain/schema';
import { getDb, type AnyamDatabase } from '../database';
import { baseFields, nowIso, requireLive, restoreIn, softDeleteIn } from './record';
import { readTransaction, writeTransaction } from './transaction';

export interface DebtInput {
  counterparty: string;
  kind: Debt['kind'];
  direction: Debt['direction'];
  amountMinor: MinorUnits;
  currency: CurrencyCode;
  date: IsoDate;
  schedule: DebtSchedule | null;
  note?: string;
  isSample?: boolean;
}

function rules(table: 'debts' | 'repayments', record: unknown): void {
  // Stryker disable next-line ObjectLiteral: the debt rules read only `today`, and latestEntryDate's default is todayIso() too
  assertRecordRules(table, record, { today: todayIso(), streams: new Map() });
}

async function liveRepayments(db: AnyamDatabase, debtId: string): Promise<Repayment[]> {
  const rows = await db.repayments.where('debtId').equals(debtId).toArray();
  return rows.filter((r) => r.deletedAt === null);
}

/** Adds a debt. Refused: the schema's and the record rules' codes (debt-schema.ts, debt-rules.ts). */
export async function addDebt(input: DebtInput): Promise<Debt> {
  return writeTransaction(['debts'], async (db) => {
    const debt = validateRecord('debts', {
      ...baseFields(),
      ...input,
      forgivenOn: null,
      note: input.note ?? '',
      isSample: input.isSample ?? false,
    });
    rules('debts', debt);
    await db.debts.add(debt);
    return debt;
  });
}

/**
 * Edits a debt. Its amount may not drop below what was already repaid
 * (`debt/below-repaid`, details: repaid, currency), nor may its currency change once a repayment
 * was made in it (`debt/currency-in-use`).
 */
export async function updateDebt(id: string, input: DebtInput): Promise<Debt> {
  return writeTransaction(['debts', 'repayments'], async (db) => {
    const row = await requireLive(db.debts, id, 'debt/not-found');
    const debt = validateRecord('debts', {
      ...row,
      ...input,
      note: input.note ?? row.note,
      isSample: row.isSample,
      updatedAt: nowIso(),
    });
    rules('debts', debt);
    const repaid = await liveRepayments(db, id);
    const sum = repaid.reduce((s, r) => s + r.amountMinor, 0);
    if (repaid.length > 0 && debt.currency !== row.currency) {
      throw new AnyamError('debt/currency-in-use', { field: 'currency' });
    }
    if (sum > debt.amountMinor) {
      throw new AnyamError('debt/below-repaid', {
        field: 'amountMinor',
        repaid: sum,
        currency: debt.currency,
      });
    }
    await db.debts.put(debt);
    return debt;
  });
}

export interface RepaymentInput {
  debtId: string;
  /** The instalment paid (a date of the schedule), or null for any amount at any time. */
  dueOn?: IsoDate | null;
  /** Today, or the instalment's day when it is not due yet, by default. */
  date?: IsoDate;
  /** The instalment's amount (or what is left, when less), or all that is left, by default. */
  amountMinor?: MinorUnits;
  note?: string;
  isSample?: boolean;
}

/**
 * Records a repayment. Paying an instalment already paid returns the repayment it has (two taps
 * stay one). Refused, nothing written: a debt that no longer exists (`repayment/unknown-debt`),
 * one paid off or forgiven (`repayment/closed`), an amount of zero or less
 * (`repayment/invalid-amount`), more than what is left (`repayment/more-than-left`, details:
 * left, currency), a date more than a year ahead (`repayment/date-too-far`).
 */
export async function repayDebt(input: RepaymentInput): Promise<Repayment> {
  return writeTransaction(['debts', 'repayments', 'skips'], async (db) => {
    const debt = await db.debts.get(input.debtId);
    if (!debt || debt.deletedAt !== null) {
      throw new AnyamError('repayment/unknown-debt', { debtId: input.debtId });
    }
    const repaid = await liveRepayments(db, debt.id);
    const dueOn = input.dueOn ?? null;
    if (dueOn !== null) {
      const existing = repaid.find((r) => r.dueOn === dueOn);
      if (existing) return existing;
    }
    const status = debtStatus(debt, repaid);
    if (status.leftMinor === 0) throw new AnyamError('repayment/closed', { debtId: debt.id });
    const scheduled =
      dueOn !== null && debt.schedule
        ? instalments(debt.amountMinor, debt.schedule).find((i) => i.dueOn === dueOn)?.amountMinor
        : undefined;
    const today = todayIso();
    const repayment = validateRecord('repayments', {
      ...baseFields(),
      debtId: debt.id,
      dueOn,
      date: input.date ?? (dueOn !== null && dueOn > today ? dueOn : today),
      amountMinor: input.amountMinor ?? Math.min(scheduled ?? status.leftMinor, status.leftMinor),
      currency: debt.currency,
      note: input.note ?? '',
      isSample: input.isSample ?? false,
    });
    rules('repayments', repayment);
    if (repayment.amountMinor > status.leftMinor) {
      throw new AnyamError('repayment/more-than-left', {
        field: 'amountMinor',
        left: status.leftMinor,
        currency: debt.currency,
      });
    }
    await db.repayments.add(repayment);
    return repayment;
  });
}

/** Undo of a repayment (or taking back one made by mistake): soft delete. */
export async function deleteRepayment(id: string): Promise<Repayment> {
  return writeTransaction(['repayments'], (db) =>
    softDeleteIn(db.repayments, id, 'repayment/not-found'),
  );
}

/** Forgives what is left of a debt on `date` (today by default); `forgiveDebt(id, null)` undoes it. */
export async function forgiveDebt(id: string, date: IsoDate | null = todayIso()): Promise<Debt> {
  return writeTransaction(['debts'], async (db) => {
    const row = await requireLive(db.debts, id, 'debt/not-found');
    const debt = validateRecord('debts', { ...row, forgivenOn: date, updatedAt: nowIso() });
    await db.debts.put(debt);
    return debt;
  });
}

/** Deletes a debt with its repayments (soft, one timestamp): `restoreDebt` brings back exactly those. */
export async function deleteDebt(id: string): Promise<Debt> {
  return writeTransaction(['debts', 'repayments'], (db) =>
    softDeleteIn(db.debts, id, 'debt/not-found', {
      then: async (_after, _before, at) => {
        await db.repayments
          .where('debtId')
          .equals(id)
          .filter((r) => r.deletedAt === null)
          .modify({ deletedAt: at, updatedAt: at });
      },
    }),
  );
}

export async function restoreDebt(id: string): Promise<Debt> {
  return writeTransaction(['debts', 'repayments'], (db) =>
    restoreIn(db.debts, id, 'debt/not-found', {
      then: async (_after, before, at) => {
        await db.repayments
          .where('debtId')
          .equals(id)
          .filter((r) => r.deletedAt === before.deletedAt)
          .modify({ deletedAt: null, updatedAt: at });
      },
    }),
  );
}

export interface DebtsRead {
  debts: Debt[];
  repayments: Repayment[];
  skips: Skip[];
}

/** Every live debt with its live repayments and the debt skips, at one point in time. */
export async function readDebts(): Promise<DebtsRead> {
  return readTransaction(['debts', 'repayments', 'skips'], async (db) => {
    const debts = (await db.debts.toArray()).filter((d) => d.deletedAt === null);
    const repayments = (await db.repayments.toArray()).filter((r) => r.deletedAt === null);
    const skips = (await db.skips.toArray()).filter(
      (s) => s.deletedAt === null && s.kind === 'debt',
    );
    return { debts, repayments, skips };
  });
}

/** One debt's standing, read now. */
export async function getDebtStatus(id: string): Promise<DebtStatus> {
  const db = getDb();
  const debt = await requireLive(db.debts, id, 'debt/not-found');
  const skips = await db.skips
    .where('[sourceId+dueOn]')
    .between([id, Dexie.minKey], [id, Dexie.maxKey])
    .toArray();
  return debtStatus(debt, await liveRepayments(db, id), skippedInstalments(skips));
}

/** Hard-deletes the sample's debts and repayments (repo/sample.ts); a sample debt a real repayment names stays. */
export async function removeSampleDebtsIn(
  db: AnyamDatabase,
): Promise<{ debts: number; repayments: number }> {
  const [debts, repayments] = await Promise.all([db.debts.toArray(), db.repayments.toArray()]);
  const kept = new Set(repayments.filter((r) => !r.isSample).map((r) => r.debtId));
  const debtIds = debts.filter((d) => d.isSample && !kept.has(d.id)).map((d) => d.id);
  const repaymentIds = repayments.filter((r) => r.isSample).map((r) => r.id);
  await db.debts.bulkDelete(debtIds);
  await db.repayments.bulkDelete(repaymentIds);
  return { debts: debtIds.length, repayments: repaymentIds.length };
}
