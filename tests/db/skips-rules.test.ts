import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import {
  addPlan,
  deletePlan,
  listSkipsAhead,
  listSkipsDue,
  skipOccurrence,
  unskipOccurrence,
} from '../../src/lib/db/repo';
import { addDebt } from '../../src/lib/db/repo/debts';
import { scheduleOfCount } from '../../src/lib/domain/debt-schedule';
import { addDaysIso } from '../../src/lib/domain/dates';
import type { Debt } from '../../src/lib/domain/debt-model';
import { type Plan } from '../../src/lib/domain/model';
import { PINNED_TODAY } from '../pinned-day';
import { codeOf, dropDatabase, freshDatabase, seedBasics, type Basics } from './helpers';
import { errorOf } from '../refusal';

/*
 * The rules of the skips repository (src/lib/db/repo/skips.ts) that tests/db/monthly-loop.test.ts
 * and tests/db/debts.test.ts do not state: each kind of source is looked up in its own table, a
 * new skip's fields, skipping again after Undo, and the reads' bounds.
 */

let db: AnyamDatabase;
let h: Basics;
let rent: Plan;
let debt: Debt;

beforeEach(async () => {
  db = freshDatabase('skips-rules');
  h = await seedBasics();
  rent = await addPlan({
    name: 'Rent',
    category: 'essential',
    amountMinor: 1_500_000_00,
    currency: 'IDR',
    cadence: 'monthly',
    dueOn: '2026-01-01',
  });
  debt = await addDebt({
    counterparty: 'Hulugan App',
    kind: 'paylater',
    direction: 'we-owe',
    amountMinor: 1_200_000,
    currency: 'PHP',
    date: '2026-11-02',
    schedule: scheduleOfCount(1_200_000, 6, 'monthly', '2026-12-02'),
  });
});
afterEach(() => dropDatabase(db));

describe('skipping an occurrence', () => {
  it('writes a live skip of its kind, source and day, not a sample', async () => {
    for (const [kind, sourceId] of [
      ['stream', h.idr.id],
      ['plan', rent.id],
      ['debt', debt.id],
    ] as const) {
      const skip = await skipOccurrence(kind, sourceId, '2026-12-02');
      expect(skip).toMatchObject({
        kind,
        sourceId,
        dueOn: '2026-12-02',
        isSample: false,
        deletedAt: null,
      });
      expect(await db.skips.get(skip.id)).toEqual(skip);
    }
    expect(await db.skips.count()).toBe(3);
  });

  it('looks the source up among its own kind: an id of another kind is unknown, named in the details', async () => {
    for (const [kind, sourceId] of [
      ['stream', rent.id],
      ['stream', debt.id],
      ['plan', h.idr.id],
      ['plan', debt.id],
      ['debt', h.idr.id],
      ['debt', rent.id],
    ] as const) {
      const error = await errorOf(skipOccurrence(kind, sourceId, '2026-12-02'));
      expect(error.code).toBe('skip/unknown-source');
      expect(error.details).toEqual({ kind, sourceId });
    }
    expect(await db.skips.count()).toBe(0);
  });

  it('refuses a deleted source and writes nothing', async () => {
    await deletePlan(rent.id);
    expect(await codeOf(skipOccurrence('plan', rent.id, '2026-12-01'))).toBe('skip/unknown-source');
    expect(await db.skips.count()).toBe(0);
  });

  it('after Undo writes a new skip; the undone one stays deleted', async () => {
    const first = await skipOccurrence('plan', rent.id, '2026-12-01');
    const undone = await unskipOccurrence(first.id);
    expect(undone.deletedAt).not.toBeNull();
    const second = await skipOccurrence('plan', rent.id, '2026-12-01');
    expect(second.id).not.toBe(first.id);
    expect(second.deletedAt).toBeNull();
    expect(await db.skips.count()).toBe(2);
  });

  it('Undo of a skip already undone, or unknown, is skip/not-found', async () => {
    const skip = await skipOccurrence('plan', rent.id, '2026-12-01');
    await unskipOccurrence(skip.id);
    expect(await codeOf(unskipOccurrence(skip.id))).toBe('skip/not-found');
    expect(await codeOf(unskipOccurrence('00000000-0000-4000-8000-000000000000'))).toBe(
      'skip/not-found',
    );
  });
});

describe('reading skips', () => {
  it('listSkipsDue holds the live skips due from the first day to the last, both included', async () => {
    const skip = async (dueOn: string) => (await skipOccurrence('plan', rent.id, dueOn)).id;
    await skip('2026-09-30');
    const first = await skip('2026-10-01');
    const last = await skip('2026-10-31');
    await skip('2026-11-01');
    await unskipOccurrence(await skip('2026-10-15'));
    const ids = (await listSkipsDue('2026-10-01', '2026-10-31')).map((s) => s.id);
    expect(ids.sort()).toEqual([first, last].sort());
  });

  it('listSkipsAhead reads from today to 800 days ahead, both included', async () => {
    const skip = async (dueOn: string) => (await skipOccurrence('plan', rent.id, dueOn)).id;
    await skip(addDaysIso(PINNED_TODAY, -1));
    const today = await skip(PINNED_TODAY);
    const last = await skip(addDaysIso(PINNED_TODAY, 800));
    await skip(addDaysIso(PINNED_TODAY, 801));
    const ids = (await listSkipsAhead(PINNED_TODAY)).map((s) => s.id);
    expect(ids.sort()).toEqual([today, last].sort());
  });
});
