import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import {
  addEntry,
  addMember,
  addPlan,
  addStream,
  addTraining,
  deleteMember,
  deletePlan,
  deleteStream,
  deleteTraining,
  getMember,
  getStream,
  listMembers,
  listStreams,
  listTraining,
  newMember,
  restoreMember,
  restoreStream,
  restoreTraining,
  updateMember,
  updateStream,
  updateTraining,
} from '../../src/lib/db/repo';
import { errorOf } from '../refusal';
import {
  codeOf,
  dropDatabase,
  expectRollupsConsistent,
  freshDatabase,
  seedBasics,
  type Basics,
} from './helpers';

/*
 * The rules of the people and their streams and training (src/lib/db/repo/members.ts,
 * streams.ts, training.ts) that tests/db/streams-members.test.ts does not state: defaults, what
 * each refusal is called, what keeps a member in use, what a stream edit does to its pay day and
 * its entries, and the order and filters of the lists.
 */

let db: AnyamDatabase;
let h: Basics;

beforeEach(async () => {
  db = freshDatabase('streams-members-rules');
  h = await seedBasics();
});
afterEach(() => dropDatabase(db));

const GONE = 'no-such-id';
const LONG_AGO = '2025-01-01T00:00:00.000Z';

describe('defaults of a new record', () => {
  it('a member is an adult in grey, live, not archived, not a sample', async () => {
    const m = newMember({ name: 'Ayu' });
    expect([m.color, m.role, m.archived, m.isSample, m.deletedAt]).toEqual([
      '#607d8b',
      'adult',
      false,
      false,
      null,
    ]);
    expect(await getMember(h.member.id)).toEqual(h.member);
  });

  it('a stream has no platform, no dates, no pay day, and is not archived or a sample', async () => {
    const s = await addStream({
      memberId: h.member.id,
      name: 'Kios',
      kind: 'informal',
      currency: 'IDR',
    });
    expect([s.platform, s.startedOn, s.endedOn, s.payDay, s.archived, s.isSample]).toEqual([
      '',
      null,
      null,
      null,
      false,
      false,
    ]);
    expect(await getStream(s.id)).toEqual(s);
  });

  it('a training record has no hours, cost or note, and is not a sample', async () => {
    const t = await addTraining({
      memberId: h.member.id,
      title: 'Excel',
      date: '2025-01-01',
      currency: 'IDR',
    });
    expect([t.hours, t.costMinor, t.note, t.isSample]).toEqual([0, 0, '', false]);
  });
});

describe('each refusal names what was not found', () => {
  it('members', async () => {
    expect(await codeOf(updateMember(GONE, { name: 'X' }))).toBe('member/not-found');
    expect(await codeOf(deleteMember(GONE))).toBe('member/not-found');
    expect(await codeOf(restoreMember(GONE))).toBe('member/not-found');
  });

  it('streams', async () => {
    expect(await codeOf(updateStream(GONE, { name: 'X' }))).toBe('stream/not-found');
    expect(await codeOf(deleteStream(GONE))).toBe('stream/not-found');
    expect(await codeOf(restoreStream(GONE))).toBe('stream/not-found');
  });

  it('training', async () => {
    expect(await codeOf(updateTraining(GONE, { title: 'X' }))).toBe('training/not-found');
    expect(await codeOf(deleteTraining(GONE))).toBe('training/not-found');
    expect(await codeOf(restoreTraining(GONE))).toBe('training/not-found');
  });
});

describe('a member in use cannot be deleted', () => {
  it('the refusal counts the live streams, training and plans that use the member', async () => {
    const error = await errorOf(deleteMember(h.other.id));
    expect([error.code, error.details]).toEqual([
      'member/in-use',
      { id: h.other.id, streams: 1, training: 0, plans: 0 },
    ]);
  });

  it('a live plan of the member keeps it; a deleted one or another member’s does not', async () => {
    await deleteStream(h.php.id);
    const plan = (memberId: string) =>
      addPlan({
        name: 'School fees',
        category: 'essential',
        amountMinor: 100,
        currency: 'IDR',
        cadence: 'yearly',
        dueOn: '2025-07-01',
        memberId,
      });
    await plan(h.member.id);
    const own = await plan(h.other.id);
    expect((await errorOf(deleteMember(h.other.id))).details).toMatchObject({ plans: 1 });
    await deletePlan(own.id);
    expect((await deleteMember(h.other.id)).deletedAt).not.toBeNull();
  });
});

describe('editing a stream', () => {
  const monthly = () =>
    addStream({
      memberId: h.member.id,
      name: 'Salary',
      kind: 'formal',
      currency: 'IDR',
      expected: { amountMinor: 100_000, cadence: 'monthly' },
      payDay: { cadence: 'monthly', day: 25 },
    });

  it('keeps its pay day while the cadence stays', async () => {
    const s = await monthly();
    expect((await updateStream(s.id, { name: 'Gaji' })).payDay).toEqual(s.payDay);
    const same = { ...s.expected, amountMinor: 200_000 };
    expect((await updateStream(s.id, { expected: same })).payDay).toEqual(s.payDay);
  });

  it('a new cadence drops the old pay day, unless a new one comes with it', async () => {
    const s = await monthly();
    const weekly = { ...s.expected, cadence: 'weekly' as const };
    expect((await updateStream(s.id, { expected: weekly })).payDay).toBeNull();
    const t = await monthly();
    const friday = { cadence: 'weekly' as const, weekday: 5 };
    expect((await updateStream(t.id, { expected: weekly, payDay: friday })).payDay).toEqual(friday);
  });

  it('a rename leaves its entries as they were (a merge would take them as edited)', async () => {
    const entry = await addEntry({
      streamId: h.usd.id,
      date: '2025-08-01',
      amountMinor: 200,
      createdAt: LONG_AGO,
      updatedAt: LONG_AGO,
    });
    await updateStream(h.usd.id, { name: 'Tasks 2' });
    expect(await db.entries.get(entry.id)).toEqual(entry);
  });

  it('moving it to another member moves its entries and their rollup rows', async () => {
    const entry = await addEntry({
      streamId: h.usd.id,
      date: '2025-08-01',
      amountMinor: 200,
      createdAt: LONG_AGO,
      updatedAt: LONG_AGO,
    });
    const moved = await updateStream(h.usd.id, { memberId: h.other.id });
    const after = await db.entries.get(entry.id);
    expect([after?.memberId, after?.updatedAt]).toEqual([h.other.id, moved.updatedAt]);
    expect((await db.rollups.toArray()).map((r) => r.memberId)).toEqual([h.other.id]);
    await expectRollupsConsistent(db);
  });
});

describe('the lists', () => {
  it('members and streams come in the order they were added, whatever order they are stored in', async () => {
    const at = (day: number) => `2024-12-${String(day).padStart(2, '0')}T00:00:00.000Z`;
    const added = [];
    for (const [id, day] of [
      ['m-c', 3],
      ['m-a', 9],
      ['m-d', 1],
      ['m-b', 5],
    ] as const) {
      added.push(await addMember({ name: id, createdAt: at(day) }));
    }
    const names = (await listMembers()).map((m) => m.name);
    expect(names.slice(0, 4)).toEqual(['m-d', 'm-c', 'm-b', 'm-a']);
    for (const [id, day] of [
      ['s-c', 3],
      ['s-a', 9],
      ['s-d', 1],
      ['s-b', 5],
    ] as const) {
      await addStream({
        memberId: added[0]!.id,
        name: id,
        kind: 'informal',
        currency: 'IDR',
        createdAt: at(day),
      });
    }
    expect((await listStreams()).map((s) => s.name).slice(0, 4)).toEqual([
      's-d',
      's-c',
      's-b',
      's-a',
    ]);
  });

  it('records of one time (one import) are listed by id, however they are stored', async () => {
    const ties = ['tie-c', 'tie-a', 'tie-b'];
    const same = { createdAt: LONG_AGO, updatedAt: LONG_AGO };
    const course = await addTraining({
      memberId: h.member.id,
      title: 'Course',
      date: '2025-06-01',
      currency: 'IDR',
    });
    await db.members.bulkPut(ties.map((id) => ({ ...h.member, ...same, id, name: id })));
    await db.streams.bulkPut(ties.map((id) => ({ ...h.usd, ...same, id, name: id })));
    await db.training.bulkPut(ties.map((id) => ({ ...course, ...same, id })));
    const order = (rows: { id: string }[]) =>
      rows.map((r) => r.id).filter((id) => id.startsWith('tie-'));
    const byId = ['tie-a', 'tie-b', 'tie-c'];
    expect(order(await listMembers())).toEqual(byId);
    expect(order(await listStreams())).toEqual(byId);
    expect(order(await listStreams({ memberId: h.usd.memberId }))).toEqual(byId);
    expect(order(await listTraining())).toEqual(byId);
  });

  it('streams of one member: theirs only, deleted ones when asked', async () => {
    await deleteStream(h.usd.id);
    const ids = async (options: Parameters<typeof listStreams>[0]) =>
      (await listStreams(options)).map((s) => s.id).sort();
    expect(await ids({ memberId: h.member.id })).toEqual([h.idr.id]);
    expect(await ids({ memberId: h.member.id, includeDeleted: true })).toEqual(
      [h.idr.id, h.usd.id].sort(),
    );
    expect(await ids({ memberId: h.other.id })).toEqual([h.php.id]);
  });

  it('training: live records only, newest first, of one member or of everyone', async () => {
    const add = (memberId: string, date: string) =>
      addTraining({ memberId, title: date, date, currency: 'IDR' });
    await add(h.member.id, '2025-03-01');
    await add(h.other.id, '2025-05-01');
    await add(h.member.id, '2025-01-01');
    const gone = await add(h.member.id, '2025-04-01');
    await add(h.member.id, '2025-02-01');
    await deleteTraining(gone.id);
    const titles = async (options?: { memberId?: string }) =>
      (await listTraining(options)).map((t) => t.title);
    expect(await titles()).toEqual(['2025-05-01', '2025-03-01', '2025-02-01', '2025-01-01']);
    expect(await titles({ memberId: h.member.id })).toEqual([
      '2025-03-01',
      '2025-02-01',
      '2025-01-01',
    ]);
  });
});

describe('editing training', () => {
  it('may move it to another live member, never to a deleted one', async () => {
    const t = await addTraining({
      memberId: h.member.id,
      title: 'Excel',
      date: '2025-01-01',
      currency: 'IDR',
    });
    const renamed = await updateTraining(t.id, { title: 'Excel 2', hours: 3 });
    expect([renamed.title, renamed.hours, renamed.memberId]).toEqual(['Excel 2', 3, h.member.id]);
    const gone = await addMember({ name: 'Gone' });
    await deleteMember(gone.id);
    expect(await codeOf(updateTraining(t.id, { memberId: gone.id }))).toBe(
      'training/unknown-member',
    );
    expect((await updateTraining(t.id, { memberId: h.other.id })).memberId).toBe(h.other.id);
    expect((await listTraining({ memberId: h.other.id })).map((x) => x.id)).toEqual([t.id]);
  });
});
