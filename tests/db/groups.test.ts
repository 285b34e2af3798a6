import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  applyRestore,
  exportBackup,
  exportGroupsCsv,
  readBackupFile,
} from '../../src/lib/db/backup';
import { serializeBackup, TABLES_OF_VERSION } from '../../src/lib/db/backup/backup-format';
import type { TableName } from '../../src/lib/domain/model';
import type { AnyamDatabase } from '../../src/lib/db/database';
import { readMonthlyLoop } from '../../src/lib/db/repo/due';
import {
  addGroup,
  deleteGroupPayment,
  payContribution,
  readGroups,
  receivePot,
  skipRound,
  type GroupInput,
} from '../../src/lib/db/repo/groups';
import { saveSettings } from '../../src/lib/db/repo';
import { atRiskMinor, owedToGroup } from '../../src/lib/domain/groups';
import { monthlyLoop } from '../../src/lib/domain/monthly-loop';
import { buildSampleHousehold } from '../../src/lib/domain/sample-household';
import { PINNED_TODAY } from '../pinned-day';
import { householdFactory } from '../factories';
import { codeOf, dropDatabase, freshDatabase } from './helpers';

const META = { exportedAt: '2026-11-02T09:30:00.000Z', app: { name: 'Anyam', version: 'test' } };
let db: AnyamDatabase;
afterEach(() => dropDatabase(db));

/** The acceptance's paluwagan: 10 members, ₱2,000 a month, my turn #7, first round today. */
const paluwagan: GroupInput = {
  name: 'Paluwagan sa opisina',
  members: 10,
  contributionMinor: 200_000,
  currency: 'PHP',
  cadence: 'monthly',
  startsOn: PINNED_TODAY,
  turnRule: 'fixed',
  myTurn: 7,
  bidMinor: 0,
};

describe('the groups repository', () => {
  it.each([
    ['fewer than 2 members', { members: 1 }, 'group/invalid-members'],
    ['my turn outside 1…members', { myTurn: 11 }, 'group/invalid-turn'],
    ['a contribution of 0', { contributionMinor: 0 }, 'group/invalid-amount'],
    ['an absurd contribution', { contributionMinor: 5e14 }, 'group/invalid-amount'],
    ['a bid of the whole pot', { turnRule: 'bid', bidMinor: 2_000_000 }, 'group/invalid-bid'],
  ] as const)('refuses %s and writes nothing', async (_what, over, code) => {
    db = freshDatabase('groups');
    expect(await codeOf(addGroup({ ...paluwagan, ...over }))).toBe(code);
    expect(await db.groups.count()).toBe(0);
  });

  it('pays a round in the due list, undoes it, and receives the pot', async () => {
    db = freshDatabase('groups');
    await saveSettings({ householdName: 'Test', baseCurrency: 'PHP' });
    const group = await addGroup(paluwagan);
    let loop = monthlyLoop(await readMonthlyLoop(PINNED_TODAY), PINNED_TODAY);
    expect(loop.groups.contributions.map((r) => [r.round, r.dueOn])).toEqual([[1, PINNED_TODAY]]);

    const paid = await payContribution({ groupId: group.id, round: 1 });
    // A double tap stays one row.
    expect((await payContribution({ groupId: group.id, round: 1 })).id).toBe(paid.id);
    loop = monthlyLoop(await readMonthlyLoop(PINNED_TODAY), PINNED_TODAY);
    expect(loop.groups.contributions).toEqual([]);
    let rows = await readGroups();
    expect(atRiskMinor(group, rows.payments)).toBe(200_000);

    await deleteGroupPayment(paid.id);
    loop = monthlyLoop(await readMonthlyLoop(PINNED_TODAY), PINNED_TODAY);
    expect(loop.groups.contributions).toHaveLength(1);
    expect(atRiskMinor(group, (await readGroups()).payments)).toBe(0);

    await skipRound({ groupId: group.id, round: 1 });
    loop = monthlyLoop(await readMonthlyLoop(PINNED_TODAY), PINNED_TODAY);
    expect(loop.groups.contributions).toEqual([]);

    expect(await codeOf(receivePot({ groupId: group.id, round: 3 }))).toBe(
      'group-payment/invalid-turn',
    );
    expect(await codeOf(payContribution({ groupId: group.id, round: 11 }))).toBe(
      'group-payment/invalid-turn',
    );
    const pot = await receivePot({ groupId: group.id, round: 7, date: PINNED_TODAY });
    expect(pot.amountMinor).toBe(2_000_000);
    rows = await readGroups();
    // After the pot, all ten rounds are still to pay (the skipped one included).
    expect(owedToGroup(group, rows.payments)).toBe(2_000_000);
  });
});

describe('backups, CSV and samples carry the groups', () => {
  it('a backup round-trips the groups and their rounds', async () => {
    db = freshDatabase('groups');
    const tables = householdFactory.build({ seed: 9, months: 4, entriesPerMonth: 3 });
    expect(tables.groups).toHaveLength(1);
    await applyRestore(await readBackupFile(serializeBackup(tables, META)), 'replace');
    const file = JSON.parse((await exportBackup()).text) as {
      version: number;
      tables: typeof tables;
    };
    expect(file.version).toBe(7);
    const byId = <T extends { id: string }>(rows: T[]) =>
      [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(file.tables.groups).toEqual(byId(tables.groups));
    expect(file.tables.groupPayments).toEqual(byId(tables.groupPayments));
  });

  it('reads a file of format 3 (before groups) with no groups', async () => {
    db = freshDatabase('groups');
    const tables = householdFactory.build({ seed: 9, months: 2, entriesPerMonth: 2 });
    const file = JSON.parse(serializeBackup(tables, META)) as {
      version: number;
      tables: Record<string, unknown>;
    };
    file.version = 3;
    // A version-3 file holds exactly the tables of version 3 (none of the later ones).
    for (const table of Object.keys(file.tables)) {
      if (!TABLES_OF_VERSION[3]!.includes(table as TableName)) delete file.tables[table];
    }
    const prepared = await readBackupFile(JSON.stringify(file));
    expect(prepared.summary.counts.groups).toBe(0);
    await applyRestore(prepared, 'replace');
    expect(await db.groups.count()).toBe(0);
    expect(await db.entries.count()).toBe(tables.entries.length);
  });

  it.each([
    ['fewer than 2 members', { members: 1 }],
    ['my turn outside 1…members', { myTurn: 12 }],
    ['a contribution of 0', { contributionMinor: 0 }],
    ['an absurd pot', { contributionMinor: 1e14, members: 20 }],
  ])('refuses a file with a group of %s, writing nothing', async (_what, over) => {
    db = freshDatabase('groups');
    const tables = householdFactory.build({ seed: 9, months: 2, entriesPerMonth: 2 });
    Object.assign(tables.groups[0]!, over);
    expect(await codeOf(readBackupFile(serializeBackup(tables, META)))).toBe(
      'backup/invalid-record',
    );
    expect(await db.groups.count()).toBe(0);
  });

  it('refuses a round that names no group of the file', async () => {
    db = freshDatabase('groups');
    const tables = householdFactory.build({ seed: 9, months: 2, entriesPerMonth: 2 });
    tables.groups = [];
    expect(await codeOf(readBackupFile(serializeBackup(tables, META)))).toBe(
      'backup/dangling-reference',
    );
  });

  it('exports the rounds as CSV', async () => {
    db = freshDatabase('groups');
    await saveSettings({ householdName: 'Test', baseCurrency: 'PHP' });
    const group = await addGroup({ ...paluwagan, name: '=Paluwagan' });
    await payContribution({ groupId: group.id, round: 1, amountMinor: 150_000 });
    const csv = await exportGroupsCsv(new Date('2026-11-24T09:00:00+07:00'));
    expect(csv.rows).toBe(1);
    const lines = csv.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'group,members,my_turn,kind,round,due_on,date,amount,currency,base_amount,base_currency,note',
    );
    // The formula-looking name is guarded.
    expect(lines[1]).toBe(
      `'=Paluwagan,10,7,contribution,1,${PINNED_TODAY},${PINNED_TODAY},1500.00,PHP,1500.00,PHP,`,
    );
  });

  it.each([
    ['ID', 'IDR', 'Arisan'],
    ['PH', 'PHP', 'Paluwagan'],
    ['VN', 'VND', 'Hụi'],
  ] as const)(
    'the sample of %s has one group, named in its language',
    (country, currency, word) => {
      const sample = buildSampleHousehold(
        PINNED_TODAY,
        '2026-11-24T02:00:00.000Z',
        currency,
        country,
      );
      expect(sample.groups).toHaveLength(1);
      expect(sample.groups[0]!.name).toContain(word);
      expect(sample.groups[0]!.currency).toBe(currency);
      expect(sample.groupPayments.length).toBeGreaterThan(0);
      expect(atRiskMinor(sample.groups[0]!, sample.groupPayments)).toBeGreaterThan(0);
    },
  );
});
