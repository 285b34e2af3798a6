/**
 * The debt checks a backup passes as a whole (backup-record-checks.ts): repayments and skipped
 * instalments name a debt of the file, and no debt is repaid beyond its amount — a repayment
 * larger than what was left is refused as the form refuses it, and nothing is written.
 */
import { overRepaid } from '../../domain/debt-rules';
import { AnyamError, type HouseholdTables } from '../../domain/model';

export const DEBT_REFERENCES = [
  { table: 'repayments', field: 'debtId', target: 'debts', nullable: false },
  {
    table: 'skips',
    field: 'sourceId',
    target: 'debts',
    nullable: false,
    when: (row: Record<string, unknown>) => row.kind === 'debt',
  },
] as const;

export function checkRepaid(tables: HouseholdTables): void {
  const [first] = overRepaid(tables.debts, tables.repayments);
  if (!first) return;
  throw new AnyamError('backup/invalid-record', {
    table: 'repayments',
    index: tables.repayments.indexOf(first.repayment),
    id: first.repayment.id,
    field: 'amountMinor',
    recordCode: 'repayment/more-than-left',
    left: first.leftMinor,
    currency: first.currency,
    issues: [],
  });
}
