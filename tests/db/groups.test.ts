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
  deleteGroup,
  deleteGroupPayment,
  listGroups,
  payContribution,
  readGroups,
  receivePot,
  restoreGroup,
  skipRound,
  updateGroup,
  type GroupInput,
} from '../../src/lib/db/repo/groups';
import { saveSettings } from '../../src/lib/db/repo';
import { atRiskMinor, owedToGroup } from '../../src/lib/domain/groups';
import { monthlyLoop } from '../../src/lib/domain/monthly-loop';
import { buildSampleHousehold } from '../../src/lib/domain/sample-household';
import { PINNED_TODAY } from '../pinned-day';
import { householdFactory } from '../factories';
import { codeOf, dropDatabase, freshDatabase } from './helpers';
import { errorOf } from '../refusal';

const META = { exportedAt: '2026-11-02T09:30:00.000Z', app: { name: 'Anyam', version: 'test' } };
let db: AnyamDatabase | undefined;
// Some tests open no database: run first (--sequence.shuffle.tests) they leave none to drop.
afterEach(async () => {
  if (db) await dropDatabase(db);
  db = undefined;
});
/** The test's own database, opened by its first line. */
const opened = (): AnyamDatabase => db!;

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
    expect(await opened().groups.count()).toBe(0);
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
    expect(await opened().groups.count()).toBe(0);
    expect(await opened().entries.count()).toBe(tables.entries.length);
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
    expect(await opened().groups.count()).toBe(0);
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

describe('the groups repository: edits, deletes and the rows a round answer writes', () => {
  it('gives a new group no note and makes it no sample unless told', async () => {
    db = freshDatabase('groups');
    const plain = await addGroup(paluwagan);
    expect([plain.note, plain.isSample]).toEqual(['', false]);
    const told = await addGroup({ ...paluwagan, note: 'Office', isSample: true });
    expect([told.note, told.isSample]).toEqual(['Office', true]);
    expect(await opened().groups.get(told.id)).toEqual(told);
  });

  it('edits a live group through the same rules, and refuses an unknown or deleted one', async () => {
    db = freshDatabase('groups');
    const group = await addGroup(paluwagan);
    const edited = await updateGroup(group.id, { name: 'Paluwagan 2', note: 'moved' });
    expect(edited).toMatchObject({ name: 'Paluwagan 2', note: 'moved', members: 10 });
    expect(await opened().groups.get(group.id)).toEqual(edited);
    expect(await codeOf(updateGroup(group.id, { members: 1 }))).toBe('group/invalid-members');
    expect(await opened().groups.get(group.id)).toEqual(edited);
    expect(await codeOf(updateGroup('nope', { name: 'x' }))).toBe('group/not-found');
    await deleteGroup(group.id);
    expect(await codeOf(updateGroup(group.id, { name: 'x' }))).toBe('group/not-found');
  });

  it('lists groups of one first round by id, however they are stored', async () => {
    db = freshDatabase('groups');
    const group = await addGroup(paluwagan);
    const ties = ['tie-c', 'tie-a', 'tie-b'];
    await opened().groups.bulkPut(ties.map((id) => ({ ...group, id })));
    const order = (await listGroups()).map((g) => g.id).filter((id) => id.startsWith('tie-'));
    expect(order).toEqual(['tie-a', 'tie-b', 'tie-c']);
  });

  it('deletes and restores a group, lists the live ones by first round, reads no deleted row', async () => {
    db = freshDatabase('groups');
    // Ids in another order than the first rounds: the list sorts, it does not keep the stored order.
    const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
    const later = await addGroup({
      ...paluwagan,
      id: id(1),
      name: 'Later',
      startsOn: '2026-12-24',
    });
    const first = await addGroup({
      ...paluwagan,
      id: id(2),
      name: 'First',
      startsOn: '2026-10-01',
    });
    const gone = await addGroup({ ...paluwagan, id: id(3), name: 'Gone', startsOn: '2026-11-01' });
    const kept = await payContribution({ groupId: first.id, round: 1 });
    const undone = await payContribution({ groupId: first.id, round: 2 });
    await deleteGroupPayment(undone.id);
    // Deleting a group leaves its rows as they are.
    const ofGone = await payContribution({ groupId: gone.id, round: 1 });
    expect((await deleteGroup(gone.id)).deletedAt).not.toBeNull();
    expect((await listGroups()).map((g) => g.name)).toEqual(['First', 'Later']);
    const read = await readGroups();
    expect(read.groups.map((g) => g.id).sort()).toEqual([first.id, later.id].sort());
    expect(read.payments.map((p) => p.id).sort()).toEqual([kept.id, ofGone.id].sort());
    expect(await codeOf(deleteGroup(gone.id))).toBe('group/not-found');
    expect((await restoreGroup(gone.id)).deletedAt).toBeNull();
    expect((await listGroups()).map((g) => g.name)).toEqual(['First', 'Gone', 'Later']);
    expect(await codeOf(restoreGroup('nope'))).toBe('group/not-found');
    expect(await codeOf(deleteGroupPayment('nope'))).toBe('group-payment/not-found');
  });

  it('answers again a round whose answer was taken back, with a new row', async () => {
    db = freshDatabase('groups');
    const group = await addGroup(paluwagan);
    const undone = await payContribution({ groupId: group.id, round: 1 });
    await deleteGroupPayment(undone.id);
    const again = await payContribution({ groupId: group.id, round: 1 });
    expect(again.id).not.toBe(undone.id);
    expect(again.deletedAt).toBeNull();
    expect((await opened().groupPayments.get(again.id))!.deletedAt).toBeNull();
  });

  it('refuses an answer for a group that is unknown or deleted, naming it', async () => {
    db = freshDatabase('groups');
    const group = await addGroup(paluwagan);
    const unknown = await errorOf(payContribution({ groupId: 'nope', round: 1 }));
    expect([unknown.code, unknown.details]).toEqual([
      'group-payment/unknown-group',
      { groupId: 'nope' },
    ]);
    await deleteGroup(group.id);
    expect(await codeOf(skipRound({ groupId: group.id, round: 1 }))).toBe(
      'group-payment/unknown-group',
    );
    expect(await opened().groupPayments.count()).toBe(0);
  });

  it('takes rounds 1 to the last member only, whole numbers, naming the round refused', async () => {
    db = freshDatabase('groups');
    const group = await addGroup(paluwagan);
    for (const round of [0, -1, 1.5, 11]) {
      const refusal = await errorOf(payContribution({ groupId: group.id, round }));
      expect([refusal.code, refusal.details], String(round)).toEqual([
        'group-payment/invalid-turn',
        { field: 'round', round },
      ]);
    }
    expect(await opened().groupPayments.count()).toBe(0);
    expect((await payContribution({ groupId: group.id, round: 10 })).round).toBe(10);
    expect((await payContribution({ groupId: group.id, round: 1 })).round).toBe(1);
  });

  it('writes a round row from its group: due day, currency, sample flag; a skip pays nothing', async () => {
    db = freshDatabase('groups');
    const group = await addGroup({ ...paluwagan, isSample: true });
    const paid = await payContribution({ groupId: group.id, round: 2 });
    expect(paid).toMatchObject({
      groupId: group.id,
      kind: 'contribution',
      round: 2,
      dueOn: '2026-12-24',
      date: '2026-12-24',
      amountMinor: 200_000,
      currency: 'PHP',
      note: '',
      isSample: true,
    });
    const skipped = await skipRound({ groupId: group.id, round: 3 });
    expect([skipped.kind, skipped.amountMinor]).toEqual(['skip', 0]);
    const told = await payContribution({
      groupId: group.id,
      round: 4,
      date: '2027-02-20',
      amountMinor: 150_000,
      note: 'late',
    });
    expect(told).toMatchObject({ dueOn: '2027-02-24', date: '2027-02-20', amountMinor: 150_000 });
    expect(told.note).toBe('late');
    expect(await opened().groupPayments.get(told.id)).toEqual(told);
  });

  it('keeps a contribution and a skip of one round apart: each answer has its own row', async () => {
    db = freshDatabase('groups');
    const group = await addGroup(paluwagan);
    const paid = await payContribution({ groupId: group.id, round: 1 });
    const skipped = await skipRound({ groupId: group.id, round: 1 });
    expect(skipped.id).not.toBe(paid.id);
    expect(skipped.kind).toBe('skip');
    expect(await opened().groupPayments.count()).toBe(2);
  });

  it('refuses a day more than a year ahead, naming it and the last day allowed', async () => {
    db = freshDatabase('groups');
    const group = await addGroup(paluwagan);
    const refusal = await errorOf(
      payContribution({ groupId: group.id, round: 1, date: '2027-11-25' }),
    );
    expect([refusal.code, refusal.details]).toEqual([
      'group-payment/date-too-far',
      { field: 'date', date: '2027-11-25', latest: '2027-11-24' },
    ]);
    expect(await opened().groupPayments.count()).toBe(0);
    const last = await payContribution({ groupId: group.id, round: 1, date: '2027-11-24' });
    expect(last.date).toBe('2027-11-24');
  });
});
