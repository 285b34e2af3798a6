import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { applyRestore, exportBackup, readBackupFile } from '../../src/lib/db/backup';
import { BACKUP_VERSION, serializeBackup } from '../../src/lib/db/backup/backup-format';
import type { AnyamDatabase } from '../../src/lib/db/database';
import type { HouseholdTables } from '../../src/lib/domain/model';
import { MIGRATED_PLACE_ID } from '../../src/lib/domain/places';
import { householdFactory } from '../factories';
import { codeOf, dropDatabase, freshDatabase } from './helpers';

const META = { exportedAt: '2026-11-02T09:30:00.000Z', app: { name: 'Anyam', version: 'test' } };
let db: AnyamDatabase;
afterEach(() => dropDatabase(db));

/**
 * The file an Anyam from before places would have written for `tables`: format version 2 (with
 * payments and skips), or version 1 (without them, and without streams' pay days).
 */
function versionOneFile(tables: HouseholdTables, version: 1 | 2 = 1): string {
  const {
    places: _places,
    payments,
    skips,
    funds: _f,
    setAsides: _s,
    groups: _g,
    groupPayments: _gp,
    debts: _d,
    repayments: _r,
    ...rest
  } = tables;
  const file = JSON.parse(serializeBackup(tables, META)) as {
    version: number;
    tables: Record<string, unknown>;
  };
  file.version = version;
  file.tables = {
    ...rest,
    streams: version === 1 ? rest.streams.map(({ payDay: _payDay, ...s }) => s) : rest.streams,
    savings: rest.savings.map(({ placeId: _placeId, ...s }) => s),
    ...(version === 2 ? { payments, skips } : {}),
  };
  return JSON.stringify(file);
}

describe('backups and savings places', () => {
  it('reads a version-1 file: its snapshots become balances of one place, "Savings"', async () => {
    db = freshDatabase('backup-places');
    const tables = householdFactory.build({ seed: 5, months: 6, entriesPerMonth: 3 });
    const prepared = await readBackupFile(versionOneFile(tables));
    expect(prepared.summary.counts.places).toBe(1);
    await applyRestore(prepared, 'replace');
    const places = await db.places.toArray();
    expect(places).toEqual([
      expect.objectContaining({ id: MIGRATED_PLACE_ID, name: 'Savings', kind: 'other' }),
    ]);
    const savings = await db.savings.orderBy('date').toArray();
    expect(savings.map((s) => s.placeId)).toEqual(tables.savings.map(() => MIGRATED_PLACE_ID));
    expect(savings.map((s) => [s.date, s.amountMinor, s.updatedAt])).toEqual(
      tables.savings.map((s) => [s.date, s.amountMinor, s.updatedAt]),
    );
    // The two phones of a household upgrade apart; merging their files keeps one place.
    // (the other phone's file is of format version 2: with payments and skips, still no places).
    await applyRestore(await readBackupFile(versionOneFile(tables, 2)), 'merge');
    expect(await db.places.count()).toBe(1);
    const again = JSON.parse((await exportBackup()).text) as { version: number };
    expect(again.version).toBe(BACKUP_VERSION);
  });

  it('refuses a balance that names no place of the file, and a debt outside kind "other"', async () => {
    db = freshDatabase('backup-places');
    const tables = householdFactory.build({ seed: 6, months: 3, entriesPerMonth: 2 });
    const dangling = structuredClone(tables);
    dangling.places = [];
    expect(await codeOf(readBackupFile(serializeBackup(dangling, META)))).toBe(
      'backup/dangling-reference',
    );
    const debt = structuredClone(tables);
    debt.savings[0]!.amountMinor = -100;
    expect(debt.places[0]!.kind).not.toBe('other');
    expect(await codeOf(readBackupFile(serializeBackup(debt, META)))).toBe('backup/invalid-record');
    debt.places[0]!.kind = 'other';
    expect(await codeOf(readBackupFile(serializeBackup(debt, META)))).toBe('resolved');
  });
});
