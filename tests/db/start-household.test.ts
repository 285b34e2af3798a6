import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import { startHousehold } from '../../src/lib/db/repo';
import { buildSampleHousehold } from '../../src/lib/domain/sample-household';
import { PINNED_NOW, PINNED_TODAY } from '../pinned-day';
import { dropDatabase, expectRollupsConsistent, freshDatabase } from './helpers';

/** Issue 24: onboarding's finish is one repository function in one read-write transaction. */

let db: AnyamDatabase;
beforeEach(() => {
  db = freshDatabase('start-household');
});
afterEach(async () => {
  vi.restoreAllMocks();
  await dropDatabase(db);
});

async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of db.tables) counts[table.name] = await table.count();
  return counts;
}

const sample = () => buildSampleHousehold(PINNED_TODAY, PINNED_NOW.toISOString(), 'PHP', 'PH');

describe('startHousehold', () => {
  it('writes the settings, the members and the sample together', async () => {
    const settings = await startHousehold({
      householdName: 'Pamilya Reyes',
      baseCurrency: 'PHP',
      locale: 'fil',
      members: [
        { name: 'Rina', role: 'adult', color: '#0f5c4d' },
        { name: 'Jun', role: 'youth' },
      ],
      sample: sample(),
    });
    expect(settings).toMatchObject({ householdName: 'Pamilya Reyes', baseCurrency: 'PHP' });
    const members = await db.members.toArray();
    expect(
      members
        .filter((x) => !x.isSample)
        .map((x) => x.name)
        .sort(),
    ).toEqual(['Jun', 'Rina']);
    expect(members.filter((x) => x.isSample).length).toBeGreaterThan(0);
    expect(await db.entries.count()).toBeGreaterThan(0);
    await expectRollupsConsistent(db);
  });

  it('without the sample, writes the settings and the members only', async () => {
    await startHousehold({
      householdName: 'Keluarga Sari',
      baseCurrency: 'IDR',
      locale: 'id',
      members: [{ name: 'Sari' }, { name: 'Budi' }],
      sample: null,
    });
    const counts = await rowCounts();
    const written = Object.entries(counts).filter(([, n]) => n > 0);
    expect(Object.fromEntries(written)).toEqual({ settings: 1, members: 2 });
    expect((await db.members.toArray()).map((m) => m.name).sort()).toEqual(['Budi', 'Sari']);
  });

  it('with no members given, writes no member', async () => {
    const settings = await startHousehold({
      householdName: 'Household',
      baseCurrency: 'USD',
      locale: 'en',
    });
    expect(settings).toMatchObject({ householdName: 'Household', baseCurrency: 'USD' });
    expect(await db.members.count()).toBe(0);
    expect(await db.settings.count()).toBe(1);
  });

  it('writes nothing when a member is refused after another was added', async () => {
    await expect(
      startHousehold({
        householdName: 'Gia đình Uyên',
        baseCurrency: 'VND',
        locale: 'vi',
        members: [{ name: 'Uyên' }, { name: '\u200B\u200B' }],
      }),
    ).rejects.toMatchObject({ code: 'member/invisible-name' });
    expect(Object.values(await rowCounts()).every((n) => n === 0)).toBe(true);
  });

  it('writes nothing when the sample fails half way through its writes', async () => {
    const tables = sample();
    // The same entry twice: the second add fails inside the database, after the settings,
    // the member and the first tables of the sample were written.
    tables.entries.push({ ...tables.entries[0]! });
    await expect(
      startHousehold({
        householdName: 'Pamilya Reyes',
        baseCurrency: 'PHP',
        locale: 'fil',
        members: [{ name: 'Rina' }],
        sample: tables,
      }),
    ).rejects.toMatchObject({ code: 'db/constraint' });
    expect(Object.values(await rowCounts()).every((n) => n === 0)).toBe(true);
  });

  it('writes nothing when the last write is interrupted', async () => {
    // The rollups are rebuilt last: the database failing there undoes everything before it.
    vi.spyOn(db.rollups, 'bulkPut').mockImplementation(() => {
      throw new DOMException('The transaction was aborted', 'AbortError');
    });
    await expect(
      startHousehold({
        householdName: 'Keluarga Uji',
        baseCurrency: 'IDR',
        locale: 'id',
        members: [{ name: 'Sari' }],
        sample: buildSampleHousehold(PINNED_TODAY, PINNED_NOW.toISOString(), 'IDR', 'ID'),
      }),
    ).rejects.toBeDefined();
    vi.restoreAllMocks();
    expect(Object.values(await rowCounts()).every((n) => n === 0)).toBe(true);
  });
});
