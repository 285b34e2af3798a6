import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import {
  addEntry,
  addPlan,
  addTraining,
  deleteEntry,
  deleteMember,
  deletePlan,
  deleteStream,
  deleteTraining,
  listMembers,
  listPlans,
  listStreams,
  restoreMember,
  restorePlan,
  restoreStream,
  restoreTraining,
  updateStream,
} from '../../src/lib/db/repo';
import {
  aMomentLater,
  codeOf,
  dropDatabase,
  expectRollupsConsistent,
  freshDatabase,
  seedBasics,
  type Basics,
} from './helpers';

let db: AnyamDatabase;
let h: Basics;

beforeEach(async () => {
  db = freshDatabase('streams');
  h = await seedBasics();
});
afterEach(() => dropDatabase(db));

describe('streams', () => {
  it('deleting a stream hides its entries and totals; undo brings back exactly those', async () => {
    const early = await addEntry({ streamId: h.usd.id, date: '2025-02-01', amountMinor: 100 });
    await addEntry({ streamId: h.usd.id, date: '2025-08-01', amountMinor: 200 });
    await addEntry({ streamId: h.idr.id, date: '2025-08-01', amountMinor: 300 });
    await deleteEntry(early.id);
    await aMomentLater();

    await deleteStream(h.usd.id);
    expect((await listStreams()).map((s) => s.id)).not.toContain(h.usd.id);
    expect((await db.rollups.toArray()).every((r) => r.streamId !== h.usd.id)).toBe(true);
    expect(await codeOf(addEntry({ streamId: h.usd.id, date: '2025-08-02', amountMinor: 1 }))).toBe(
      'entry/unknown-stream',
    );
    await expectRollupsConsistent(db);

    await restoreStream(h.usd.id);
    const usdEntries = await db.entries
      .where('[streamId+date]')
      .between([h.usd.id], [h.usd.id, []])
      .toArray();
    // The entry deleted on its own before stays deleted.
    expect(usdEntries.map((e) => [e.amountMinor, e.deletedAt === null])).toEqual([
      [100, false],
      [200, true],
    ]);
    await expectRollupsConsistent(db);
  });

  it('keeps entries of one currency when the stream currency changes', async () => {
    await addEntry({ streamId: h.usd.id, date: '2025-08-01', amountMinor: 200 });
    await updateStream(h.usd.id, { currency: 'PHP', name: 'Tasks (PHP)' });
    expect((await db.entries.toArray()).map((e) => e.currency)).toEqual(['USD']);
    expect(
      (await addEntry({ streamId: h.usd.id, date: '2025-08-02', amountMinor: 1 })).currency,
    ).toBe('PHP');
    await expectRollupsConsistent(db);
  });
});

describe('members', () => {
  it('refuses to delete a member still in use, then deletes and restores once free', async () => {
    expect(await codeOf(deleteMember(h.other.id))).toBe('member/in-use');
    await deleteStream(h.php.id);
    const training = await addTraining({
      memberId: h.other.id,
      title: 'Excel',
      date: '2025-01-01',
      currency: 'IDR',
    });
    expect(await codeOf(deleteMember(h.other.id))).toBe('member/in-use');
    await deleteTraining(training.id);
    await deleteMember(h.other.id);
    expect((await listMembers()).map((m) => m.id)).toEqual([h.member.id]);
    expect(await codeOf(restoreTraining(training.id))).toBe('training/unknown-member');
    expect(await codeOf(restoreStream(h.php.id))).toBe('stream/unknown-member');
    await restoreMember(h.other.id);
    await restoreStream(h.php.id);
    expect((await listMembers()).map((m) => m.id).sort()).toEqual([h.member.id, h.other.id].sort());
  });

  it('gives back a plan as the household one when its member is gone', async () => {
    const plan = await addPlan({
      name: 'School fees',
      category: 'essential',
      amountMinor: 100,
      currency: 'IDR',
      cadence: 'yearly',
      dueOn: '2025-07-01',
      memberId: h.other.id,
    });
    expect(await codeOf(deleteMember(h.other.id))).toBe('member/in-use');
    await deletePlan(plan.id);
    await deleteStream(h.php.id);
    await deleteMember(h.other.id);
    await restorePlan(plan.id);
    expect((await listPlans()).map((p) => p.memberId)).toEqual([null]);
  });
});
