import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { applyRestore, exportBackup, readBackupFile } from '../../src/lib/db/backup';
import {
  BACKUP_VERSION,
  serializeBackup,
  TABLES_OF_VERSION,
} from '../../src/lib/db/backup/backup-format';
import type { AnyamDatabase } from '../../src/lib/db/database';
import type { HouseholdTables, TableName } from '../../src/lib/domain/model';
import { householdFactory } from '../factories';
import { codeOf, dropDatabase, freshDatabase } from './helpers';

const META = { exportedAt: '2026-11-20T00:00:00.000Z', app: { name: 'Anyam', version: 'test' } };
let db: AnyamDatabase;
afterEach(() => dropDatabase(db));

const tables = householdFactory.build({ seed: 44, months: 4, entriesPerMonth: 3, debts: 6 });
const scheduled = tables.debts.findIndex((d) => d.schedule !== null && d.deletedAt === null);

function withChange(change: (t: HouseholdTables) => void): string {
  const copy = structuredClone(tables);
  change(copy);
  return serializeBackup(copy, META);
}

describe('backups carry debts (format 4)', () => {
  it('round-trips debts and repayments, and reads a format-3 file as having none', async () => {
    db = freshDatabase('backup-debts');
    await applyRestore(await readBackupFile(serializeBackup(tables, META)), 'replace');
    const again = JSON.parse((await exportBackup()).text) as {
      version: number;
      tables: HouseholdTables;
    };
    expect(again.version).toBe(BACKUP_VERSION);
    expect(again.tables.debts).toEqual([...tables.debts].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(again.tables.repayments.length).toBe(tables.repayments.length);
    const v3 = JSON.parse(serializeBackup(tables, META)) as {
      version: number;
      tables: Record<string, unknown>;
    };
    v3.version = 3;
    // A format-3 file holds exactly the tables of format 3 (none of the later ones).
    for (const table of Object.keys(v3.tables)) {
      if (!TABLES_OF_VERSION[3]!.includes(table as TableName)) delete v3.tables[table];
    }
    const read = await readBackupFile(JSON.stringify(v3));
    expect(read.summary.counts.debts).toBe(0);
    // A format-3 file that names a debts table is refused, not half read.
    v3.tables.debts = [];
    expect(await codeOf(readBackupFile(JSON.stringify(v3)))).toBe('backup/wrong-format');
  });

  it.each<[string, (t: HouseholdTables) => void, string]>([
    [
      'a repayment larger than what is left',
      (t) => {
        const d = t.debts[scheduled]!;
        t.repayments.push({
          ...(t.repayments.find((r) => r.debtId === d.id) ?? t.repayments[0]!),
          id: '00000000-0000-4000-8000-00000000beef',
          debtId: d.id,
          currency: d.currency,
          dueOn: null,
          amountMinor: d.amountMinor + 1,
        });
      },
      'repayment/more-than-left',
    ],
    ['a schedule of 0', (t) => (t.debts[scheduled]!.schedule!.count = 0), 'debt/invalid-count'],
    [
      'a schedule over 600',
      (t) => (t.debts[scheduled]!.schedule!.count = 601),
      'debt/invalid-count',
    ],
    ['an amount of 0', (t) => (t.debts[scheduled]!.amountMinor = 0), 'debt/invalid-amount'],
    ['a negative amount', (t) => (t.debts[scheduled]!.amountMinor = -5), 'debt/invalid-amount'],
    [
      'a first due date before the loan',
      (t) => (t.debts[scheduled]!.schedule!.firstDue = '2000-01-01'),
      'debt/due-before-date',
    ],
  ])('refuses %s, naming the rule, and writes nothing', async (_what, change, recordCode) => {
    db = freshDatabase('backup-debts');
    const error = await readBackupFile(withChange(change)).catch((e: unknown) => e);
    expect((error as { code: string }).code).toBe('backup/invalid-record');
    expect((error as { details: { recordCode: string } }).details.recordCode).toBe(recordCode);
    expect(await db.debts.count()).toBe(0);
  });

  it('refuses a repayment of a debt the file does not have', async () => {
    db = freshDatabase('backup-debts');
    const file = withChange(
      (t) => (t.repayments[0]!.debtId = '00000000-0000-4000-8000-00000000dead'),
    );
    expect(await codeOf(readBackupFile(file))).toBe('backup/dangling-reference');
  });
});
