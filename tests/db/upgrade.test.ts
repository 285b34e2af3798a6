import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, useDatabase, type AnyamDatabase } from '../../src/lib/db/database';
import { CURRENT_VERSION, MIGRATIONS, storesAt } from '../../src/lib/db/migrations';
import { addEntry, listEntriesOfMonth } from '../../src/lib/db/repo';
import { rollupsFromEntries } from '../../src/lib/domain/rollup';
import type { Entry, Rate } from '../../src/lib/domain/model';
import { EXPECTED_UPGRADES, FIXTURES, type Rows, type VersionFixture } from './fixtures';
import { expectRollupsConsistent } from './helpers';

/*
 * Every past schema version: a database created at that version from its declared stores and
 * filled with its fixture (≥ 10,000 entries) is opened by today's AnyamDatabase, which runs the
 * upgrades; every row, primary key, index and total must come through.
 */

const opened: Dexie[] = [];
afterAll(async () => {
  for (const db of opened) {
    db.close();
    await Dexie.delete(db.name);
  }
});

function byId(rows: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const key = (row: Record<string, unknown>) => String(row.id ?? row.key);
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The fixture's rows as they must read once upgraded to the current version. */
function expectedAtCurrent(fixture: VersionFixture, rows: Rows): Rows {
  let out = rows;
  for (let version = fixture.version + 1; version <= CURRENT_VERSION; version++) {
    const upgrade = EXPECTED_UPGRADES[version];
    if (upgrade) out = upgrade(out);
  }
  return out;
}

async function createDatabaseAt(name: string, fixture: VersionFixture, rows: Rows): Promise<void> {
  const raw = new Dexie(name);
  raw.version(fixture.version).stores(storesAt(fixture.version));
  opened.push(raw);
  await raw.open();
  await raw.transaction('rw', raw.tables, async () => {
    for (const [table, tableRows] of Object.entries(rows))
      await raw.table(table).bulkAdd(tableRows);
  });
  raw.close();
}

function totals(entries: readonly Record<string, unknown>[]) {
  const sums: Record<string, number> = {};
  for (const e of entries) {
    const key = `${String(e.currency)}|${e.deletedAt === null ? 'live' : 'deleted'}`;
    sums[key] = (sums[key] ?? 0) + Number(e.amountMinor);
  }
  return sums;
}

it('has a fixture for every schema version', () => {
  expect(FIXTURES.map((f) => f.version)).toEqual(MIGRATIONS.map((m) => m.version));
});

describe.each(FIXTURES.map((f) => [f.version, f] as const))(
  'a database at schema version %i',
  (_version, fixture) => {
    it('upgrades to the current version with every row, key, index and total intact', async () => {
      const rows = fixture.build();
      const currency: unknown = rows.settings?.[0]?.baseCurrency;
      const base = typeof currency === 'string' ? currency : '';
      if (fixture.withRollups) {
        rows.rollups = rollupsFromEntries(
          rows.entries as unknown as Entry[],
          rows.rates as unknown as Rate[],
          base,
        ) as unknown as Record<string, unknown>[];
      }
      expect(rows.entries!.length).toBeGreaterThanOrEqual(10_000);
      const name = `upgrade-from-v${fixture.version}`;
      await createDatabaseAt(name, fixture, rows);

      const db: AnyamDatabase = openDatabase(name);
      opened.push(db);
      await db.open();
      expect(db.verno).toBe(CURRENT_VERSION);

      const expected = expectedAtCurrent(fixture, rows);
      for (const [table, expectedRows] of Object.entries(expected)) {
        const stored = await db.table(table).toArray();
        expect(await db.table(table).toCollection().primaryKeys(), `${table} keys`).toEqual(
          byId(expectedRows).map((row) => row.id ?? row.key),
        );
        expect(byId(stored), `${table} rows`).toEqual(byId(expectedRows));
      }
      expect(totals(await db.table('entries').toArray())).toEqual(totals(expected.entries!));

      // The indexes were carried over: ranges answer exactly what a scan of the fixture says.
      const expectedEntries = expected.entries!;
      const month = String(expectedEntries[0]!.date).slice(0, 7);
      expect(
        await db.entries.where('date').between(`${month}-01`, `${month}-31`, true, true).count(),
      ).toBe(expectedEntries.filter((e) => String(e.date).startsWith(month)).length);
      expect(await db.entries.orderBy('deletedAt').count()).toBe(
        expectedEntries.filter((e) => e.deletedAt !== null).length,
      );
      const streamId = String(expectedEntries[0]!.streamId);
      useDatabase(db);
      expect((await listEntriesOfMonth(month, { streamId })).length).toBe(
        expectedEntries.filter(
          (e) =>
            e.streamId === streamId && e.deletedAt === null && String(e.date).startsWith(month),
        ).length,
      );

      // The upgraded database keeps working through the repositories.
      await expectRollupsConsistent(db);
      await addEntry({ streamId, date: `${month}-15`, amountMinor: 123 });
      await expectRollupsConsistent(db);
    });
  },
);
