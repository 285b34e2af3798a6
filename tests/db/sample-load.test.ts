import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import {
  addEntry,
  addMember,
  addStream,
  loadSampleHousehold,
  removeSampleHousehold,
  saveSettings,
} from '../../src/lib/db/repo';
import { buildSampleHousehold } from '../../src/lib/domain/sample-household';
import { checksumTables } from './checksum';
import { dropDatabase, expectRollupsConsistent, freshDatabase } from './helpers';

let db: AnyamDatabase;
beforeEach(() => {
  db = freshDatabase('sample-load');
});
afterEach(() => dropDatabase(db));

describe('the sample household, loaded and removed', () => {
  it('loads in one go with consistent rollups, and one removal leaves the real records as they were', async () => {
    await saveSettings({ baseCurrency: 'IDR', householdName: 'Ours' });
    const me = await addMember({ name: 'Ani' });
    const job = await addStream({
      memberId: me.id,
      name: 'Tutoring',
      kind: 'informal',
      currency: 'IDR',
    });
    await addEntry({ streamId: job.id, date: '2026-11-02', amountMinor: 150_000_00 });
    const realTables = async () => {
      const sums = await checksumTables(db);
      return { members: sums.members, streams: sums.streams, settings: sums.settings };
    };
    const before = await realTables();
    const realEntries = await db.entries
      .where('[streamId+date]')
      .between([job.id, ''], [job.id, '\uffff'])
      .toArray();

    const sample = buildSampleHousehold('2026-11-29', '2026-11-29T08:00:00.000Z');
    await loadSampleHousehold(sample);
    expect(await db.entries.count()).toBe(sample.entries.length + 1);
    expect(await db.rollups.count()).toBeGreaterThan(50);
    await expectRollupsConsistent(db);

    await removeSampleHousehold();
    expect(await db.entries.toArray()).toEqual(realEntries);
    expect(await realTables()).toEqual(before);
    expect(await db.plans.count()).toBe(0);
    expect(await db.rates.count()).toBe(0);
    await expectRollupsConsistent(db);
  });

  it('writes nothing when one record is invalid', async () => {
    await saveSettings({ baseCurrency: 'IDR', householdName: 'Ours' });
    const before = await checksumTables(db);
    const sample = buildSampleHousehold('2026-11-29', '2026-11-29T08:00:00.000Z');
    sample.entries[40] = { ...sample.entries[40]!, date: '2026-02-30' };
    await expect(loadSampleHousehold(sample)).rejects.toMatchObject({ code: 'entry/invalid-date' });
    expect(await checksumTables(db)).toEqual(before);
  });
});
