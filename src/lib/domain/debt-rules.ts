/**
 * The record rules of debts and repayments (registered in record-rules.ts), kept by the forms
 * (through repo/debts.ts), Merge and Replace alike. Rules within one record (amount above zero,
 * 1–600 instalments, the first instalment not before the loan, instalments that fit the amount)
 * are in the schema (debt-schema.ts); what is left of a debt needs all its repayments and is
 * checked by repo/debts.ts and the backup's cross-record checks.
 */
import type { Debt, Repayment } from './debt-model';
import { compareRepayments } from './debts';
import type { IsoDate } from './model';

/** The shape of record-rules.ts `RecordRule`, repeated here so the two files do not import each other. */
interface Rule<T> {
  table: 'debts' | 'repayments';
  code: string;
  field: string;
  broken: (record: T, context: { today: IsoDate }) => Record<string, unknown> | null;
}

/** A year from `today`, as record-rules.ts `latestEntryDate` (given in, to avoid a cycle). */
export function debtRules(latest: (today: IsoDate) => IsoDate): {
  debts: readonly Rule<Debt>[];
  repayments: readonly Rule<Repayment>[];
} {
  return {
    debts: [
      {
        // A loan is made on a day that has come (a year ahead at most, like an entry's date).
        table: 'debts',
        code: 'debt/date-too-far',
        field: 'date',
        broken: (debt, { today }) =>
          debt.date > latest(today) ? { date: debt.date, latest: latest(today) } : null,
      },
    ],
    repayments: [
      {
        table: 'repayments',
        code: 'repayment/date-too-far',
        field: 'date',
        broken: (r, { today }) =>
          r.date > latest(today) ? { date: r.date, latest: latest(today) } : null,
      },
    ],
  };
}

/**
 * Debts whose live repayments add up to more than their amount: each gives the first repayment
 * (in date order) that went past what was left, with what was left before it.
 */
export function overRepaid(
  debts: readonly Pick<Debt, 'id' | 'amountMinor' | 'currency' | 'deletedAt'>[],
  repayments: readonly Repayment[],
): { repayment: Repayment; leftMinor: number; currency: string }[] {
  const byDebt = new Map(debts.filter((d) => d.deletedAt === null).map((d) => [d.id, d]));
  const sorted = repayments
    .filter((r) => r.deletedAt === null && byDebt.has(r.debtId))
    .sort(compareRepayments);
  const left = new Map([...byDebt].map(([id, d]) => [id, d.amountMinor]));
  const out: { repayment: Repayment; leftMinor: number; currency: string }[] = [];
  for (const r of sorted) {
    const before = left.get(r.debtId)!;
    if (r.amountMinor > before) {
      out.push({
        repayment: r,
        leftMinor: Math.max(0, before),
        currency: byDebt.get(r.debtId)!.currency,
      });
    }
    left.set(r.debtId, before - r.amountMinor);
  }
  return out;
}
