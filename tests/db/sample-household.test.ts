import 'fake-indexeddb/auto';
import { addGroup, payContribution } from '../../src/lib/db/repo/groups';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import {
  addEntries,
  addEntry,
  addMember,
  addPayment,
  addPlan,
  addRate,
  addPlace,
  addSaving,
  addStream,
  addTraining,
  removeSampleHousehold,
  saveSettings,
} from '../../src/lib/db/repo';
import { checksumTables } from './checksum';
import { dropDatabase, expectRollupsConsistent, freshDatabase } from './helpers';

let db: AnyamDatabase;
beforeEach(() => {
  db = freshDatabase('sample');
});
afterEach(() => dropDatabase(db));

/** A household with real records and a sample one living side by side. */
async function mixedHousehold() {
  await saveSettings({ baseCurrency: 'IDR', householdName: 'Real' });
  const real = await addMember({ name: 'Real' });
  const realStream = await addStream({
    memberId: real.id,
    name: 'Job',
    kind: 'formal',
    currency: 'IDR',
  });
  await addEntry({ streamId: realStream.id, date: '2025-03-01', amountMinor: 1_000 });
  await addRate({ currency: 'USD', date: '2025-01-01', value: '16000' });

  const demo = { isSample: true } as const;
  const sampleMember = await addMember({ name: 'Demo', ...demo });
  const sampleStream = await addStream({
    memberId: sampleMember.id,
    name: 'Tasks',
    kind: 'microtask',
    currency: 'USD',
    ...demo,
  });
  await addEntries(
    Array.from({ length: 50 }, (_, i) => ({
      streamId: sampleStream.id,
      date: `2025-0${1 + (i % 9)}-0${1 + (i % 9)}`,
      amountMinor: 100 + i,
      ...demo,
    })),
  );
  await addRate({ currency: 'USD', date: '2025-06-01', value: '15000', ...demo });
  const demoRent = await addPlan({
    name: 'Demo rent',
    category: 'essential',
    amountMinor: 1,
    currency: 'IDR',
    cadence: 'monthly',
    dueOn: '2025-01-01',
    ...demo,
  });
  await addPayment({ planId: demoRent.id, dueOn: '2025-01-01', ...demo });
  const demoPlace = await addPlace({ name: 'Demo cash', kind: 'cash', currency: 'IDR', ...demo });
  await addSaving({ placeId: demoPlace.id, date: '2025-01-01', amountMinor: 1, ...demo });
  await addTraining({
    memberId: sampleMember.id,
    title: 'Demo course',
    date: '2025-01-01',
    currency: 'IDR',
    ...demo,
  });
  // A sample savings group with a paid round goes; a real one with its round stays.
  for (const isSample of [true, false]) {
    const group = await addGroup({
      name: isSample ? 'Demo arisan' : 'Arisan RT',
      members: 5,
      contributionMinor: 100,
      currency: 'IDR',
      cadence: 'monthly',
      startsOn: '2025-01-10',
      turnRule: 'fixed',
      myTurn: 3,
      bidMinor: 0,
      isSample,
    });
    await payContribution({ groupId: group.id, round: 1 });
  }
  return { real, realStream, sampleMember, sampleStream };
}

describe('removeSampleHousehold', () => {
  it('deletes every sample record, keeps every real one, and rebuilds rollups', async () => {
    await mixedHousehold();
    const result = await removeSampleHousehold();
    expect(result.removed).toEqual({
      settings: 0,
      members: 1,
      streams: 1,
      entries: 50,
      plans: 1,
      places: 1,
      savings: 1,
      rates: 1,
      training: 1,
      payments: 1,
      skips: 0,
      groups: 1,
      groupPayments: 1,
      debts: 0,
      repayments: 0,
    });
    for (const table of db.tables.filter((t) => t.name !== 'rollups')) {
      const rows = (await table.toArray()) as { isSample: boolean }[];
      expect(rows.length, table.name).toBeGreaterThanOrEqual(table.name === 'entries' ? 1 : 0);
      expect(
        rows.every((row) => row.isSample === false),
        table.name,
      ).toBe(true);
    }
    expect(await db.entries.count()).toBe(1);
    await expectRollupsConsistent(db);
  });

  it('keeps a sample stream and member that a real entry was recorded on', async () => {
    const { sampleStream, sampleMember } = await mixedHousehold();
    const realOnSample = await addEntry({
      streamId: sampleStream.id,
      date: '2025-07-07',
      amountMinor: 77,
    });
    const result = await removeSampleHousehold();
    expect(result.kept).toEqual({ members: 1, streams: 1 });
    expect(await db.streams.get(sampleStream.id)).toBeDefined();
    expect(await db.members.get(sampleMember.id)).toBeDefined();
    expect(await db.entries.get(realOnSample.id)).toBeDefined();
    await expectRollupsConsistent(db);
  });

  it('keeps a sample member a real plan or training names, and a sample place holding a real balance', async () => {
    const { sampleMember } = await mixedHousehold();
    const taught = await addMember({ name: 'Demo 2', isSample: true });
    await addMember({ name: 'Demo 3', isSample: true });
    await addPlan({
      name: 'School fees',
      category: 'essential',
      amountMinor: 1,
      currency: 'IDR',
      cadence: 'monthly',
      dueOn: '2025-02-01',
      memberId: sampleMember.id,
    });
    await addTraining({
      memberId: taught.id,
      title: 'Sewing',
      date: '2025-02-01',
      currency: 'IDR',
    });
    const bank = await addPlace({
      name: 'Demo bank',
      kind: 'cash',
      currency: 'IDR',
      isSample: true,
    });
    await addSaving({ placeId: bank.id, date: '2025-02-01', amountMinor: 5 });
    const result = await removeSampleHousehold();
    // Three sample members: the one a real plan names and the one a real course names stay.
    expect(result.kept).toEqual({ members: 2, streams: 0 });
    expect([result.removed.members, result.removed.places]).toEqual([1, 1]);
    expect(await db.members.get(sampleMember.id)).toBeDefined();
    expect(await db.members.get(taught.id)).toBeDefined();
    expect(await db.places.get(bank.id)).toBeDefined();
  });

  it('changes nothing in a household without sample records', async () => {
    await saveSettings({ baseCurrency: 'IDR' });
    const member = await addMember({ name: 'Real' });
    const stream = await addStream({
      memberId: member.id,
      name: 'Job',
      kind: 'formal',
      currency: 'IDR',
    });
    await addEntry({ streamId: stream.id, date: '2025-03-01', amountMinor: 1_000 });
    const before = await checksumTables(db);
    await removeSampleHousehold();
    expect(await checksumTables(db)).toEqual(before);
  });
});
