/**
 * A phone's database holding given tables, and its tables read back in id order: what the merge
 * tests on a database start from (tests/db/merge-plan.test.ts, merge-plan-read-rules.test.ts).
 */
import { applyRestore, readBackupFile } from '../../src/lib/db/backup';
import { serializeBackup } from '../../src/lib/db/backup/backup-format';
import type { AnyamDatabase } from '../../src/lib/db/database';
import { TABLE_NAMES, type BaseRecord, type HouseholdTables } from '../../src/lib/domain/model';
import { freshDatabase } from './helpers';

export const META = {
  exportedAt: '2026-11-02T00:00:00.000Z',
  app: { name: 'Anyam', version: 'test' },
};

export async function phoneWith(tables: HouseholdTables, name: string): Promise<AnyamDatabase> {
  const db = freshDatabase(name);
  await applyRestore(await readBackupFile(serializeBackup(tables, META)), 'replace');
  return db;
}

export async function tablesOf(db: AnyamDatabase): Promise<HouseholdTables> {
  const out = {} as Record<string, BaseRecord[]>;
  for (const t of TABLE_NAMES)
    out[t] = await db.table<BaseRecord, string>(t).orderBy(':id').toArray();
  return out as unknown as HouseholdTables;
}
