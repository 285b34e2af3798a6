import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnyamDatabase } from '../../src/lib/db/database';
import {
  addMember,
  addPlace,
  addPlan,
  addSaving,
  deleteMember,
  deletePlace,
  deletePlan,
  deleteSaving,
  getPlan,
  latestSaving,
  listPlaces,
  listPlans,
  listSavings,
  restorePlace,
  restorePlan,
  restoreSaving,
  updatePlace,
  updatePlan,
  updateSaving,
  type PlanInput,
} from '../../src/lib/db/repo';
import { MAX_TOTAL_MINOR } from '../../src/lib/domain/money';
import { errorOf } from '../refusal';
import { codeOf, dropDatabase, freshDatabase, seedBasics, type Basics } from './helpers';

/*
 * The rules of the plans, savings and places repositories (src/lib/db/repo/{plans,savings,
 * places}.ts) the other db tests do not state: defaults of a new record, the not-found and
 * unknown-owner refusals, what a delete and a restore carry along, and the order of the lists.
 */

let db: AnyamDatabase;
let h: Basics;
beforeEach(async () => {
  db = freshDatabase('plans-savings');
  h = await seedBasics();
});
afterEach(() => dropDatabase(db));

/** Two writes a few milliseconds apart get different times (the pinned clock runs on). */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

const rent: PlanInput = {
  name: 'Rent',
  category: 'essential',
  amountMinor: 1_500_000_00,
  currency: 'IDR',
  cadence: 'monthly',
  dueOn: '2026-12-05',
};

describe('plans', () => {
  it("makes a new plan the household's, funded by nothing, no sample, unless told", async () => {
    const plain = await addPlan(rent);
    expect([plain.memberId, plain.fundedBy, plain.isSample]).toEqual([null, [], false]);
    const told = await addPlan({ ...rent, memberId: h.member.id, isSample: true });
    expect([told.memberId, told.isSample]).toEqual([h.member.id, true]);
    expect(await getPlan(told.id)).toEqual(told);
  });

  it('refuses a member that is unknown or deleted, when added or moved to, writing nothing', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await codeOf(addPlan({ ...rent, memberId: unknown }))).toBe('plan/unknown-member');
    expect(await db.plans.count()).toBe(0);
    const plan = await addPlan(rent);
    const ayu = await addMember({ name: 'Ayu', color: '#3d5a99' });
    await deleteMember(ayu.id);
    expect(await codeOf(updatePlan(plan.id, { memberId: ayu.id }))).toBe('plan/unknown-member');
    expect(await db.plans.get(plan.id)).toEqual(plan);
    const moved = await updatePlan(plan.id, { memberId: h.member.id, name: 'Kos' });
    expect([moved.memberId, moved.name]).toEqual([h.member.id, 'Kos']);
    expect(await db.plans.get(plan.id)).toEqual(moved);
    expect((await updatePlan(plan.id, { amountMinor: 5 })).memberId).toBe(h.member.id);
    // Given back to the household: no member to check.
    expect((await updatePlan(plan.id, { memberId: null })).memberId).toBeNull();
  });

  it('refuses an edit, a delete or a restore of a plan that is not there to take it', async () => {
    const plan = await addPlan(rent);
    expect(await codeOf(updatePlan('nope', { name: 'x' }))).toBe('plan/not-found');
    expect(await codeOf(restorePlan(plan.id))).toBe('plan/not-found');
    await deletePlan(plan.id);
    expect(await codeOf(deletePlan(plan.id))).toBe('plan/not-found');
    expect(await codeOf(updatePlan(plan.id, { name: 'x' }))).toBe('plan/not-found');
    expect(await codeOf(restorePlan('nope'))).toBe('plan/not-found');
  });

  it('refuses an edit or a restore that takes the plans of a currency past the limit', async () => {
    const big = await addPlan({ ...rent, amountMinor: MAX_TOTAL_MINOR - 10 });
    const small = await addPlan({ ...rent, amountMinor: 10 });
    expect(await codeOf(updatePlan(small.id, { amountMinor: 11 }))).toBe('money/total-too-large');
    expect(await db.plans.get(small.id)).toEqual(small);
    await deletePlan(small.id);
    await updatePlan(big.id, { amountMinor: MAX_TOTAL_MINOR });
    const refusal = await errorOf(restorePlan(small.id));
    expect(refusal.code).toBe('money/total-too-large');
    expect(refusal.details).toMatchObject({ currency: 'IDR' });
    expect((await db.plans.get(small.id))!.deletedAt).not.toBeNull();
  });

  it("brings a deleted plan back with its member, or as the household's once the member has gone", async () => {
    const mine = await addPlan({ ...rent, memberId: h.member.id });
    const ayu = await addMember({ name: 'Ayu', color: '#3d5a99' });
    const theirs = await addPlan({ ...rent, memberId: ayu.id });
    const household = await addPlan(rent);
    for (const plan of [mine, theirs, household]) await deletePlan(plan.id);
    await deleteMember(ayu.id);
    expect((await restorePlan(mine.id)).memberId).toBe(h.member.id);
    expect((await restorePlan(theirs.id)).memberId).toBeNull();
    expect((await restorePlan(household.id)).memberId).toBeNull();
    expect((await db.plans.get(theirs.id))!).toMatchObject({ memberId: null, deletedAt: null });
  });

  it('lists plans by due date, deleted ones only when asked for', async () => {
    // Ids in another order than the due dates: the list sorts, it does not keep the stored order.
    const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
    const late = await addPlan({ ...rent, id: id(1), name: 'Late', dueOn: '2027-01-10' });
    const early = await addPlan({ ...rent, id: id(2), name: 'Early', dueOn: '2026-12-01' });
    const gone = await addPlan({ ...rent, id: id(3), name: 'Gone', dueOn: '2026-12-15' });
    await deletePlan(gone.id);
    expect((await listPlans()).map((p) => p.id)).toEqual([early.id, late.id]);
    expect((await listPlans({ includeDeleted: true })).map((p) => p.id)).toEqual([
      early.id,
      gone.id,
      late.id,
    ]);
    expect((await getPlan(gone.id))!.deletedAt).not.toBeNull();
  });
});

describe('savings and places', () => {
  it('gives a new saving its place currency, no note and no sample unless told', async () => {
    const place = await addPlace({ name: 'GCash', kind: 'ewallet', currency: 'PHP' });
    expect(place.isSample).toBe(false);
    expect(
      (await addPlace({ name: 'Tin', kind: 'cash', currency: 'IDR', isSample: true })).isSample,
    ).toBe(true);
    const saving = await addSaving({ placeId: place.id, date: '2026-11-01', amountMinor: 500 });
    expect([saving.currency, saving.note, saving.isSample]).toEqual(['PHP', '', false]);
    const told = await addSaving({
      placeId: place.id,
      date: '2026-11-02',
      amountMinor: 600,
      note: 'bonus',
      isSample: true,
    });
    expect([told.note, told.isSample]).toEqual(['bonus', true]);
    expect(await db.savings.get(told.id)).toEqual(told);
  });

  it('refuses a saving in a place that is unknown or deleted, naming the place', async () => {
    const place = await addPlace({ name: 'BRI', kind: 'bank', currency: 'IDR' });
    await deletePlace(place.id);
    const refusal = await errorOf(
      addSaving({ placeId: place.id, date: '2026-11-01', amountMinor: 5 }),
    );
    expect([refusal.code, refusal.details]).toEqual([
      'saving/unknown-place',
      { placeId: place.id },
    ]);
    expect(await db.savings.count()).toBe(0);
  });

  it('edits a live saving through the balance rule, and refuses one that is not there', async () => {
    const bank = await addPlace({ name: 'BRI', kind: 'bank', currency: 'IDR' });
    const saving = await addSaving({ placeId: bank.id, date: '2026-11-01', amountMinor: 500 });
    const edited = await updateSaving(saving.id, { amountMinor: 700, note: 'more' });
    expect([edited.amountMinor, edited.note]).toEqual([700, 'more']);
    expect(await db.savings.get(saving.id)).toEqual(edited);
    expect(await codeOf(updateSaving(saving.id, { amountMinor: -1 }))).toBe(
      'saving/negative-balance',
    );
    expect(await codeOf(updateSaving('nope', { amountMinor: 1 }))).toBe('saving/not-found');
    await deleteSaving(saving.id);
    expect(await codeOf(updateSaving(saving.id, { amountMinor: 1 }))).toBe('saving/not-found');
    expect(await codeOf(deleteSaving(saving.id))).toBe('saving/not-found');
  });

  it('restores a saving only while its place is live', async () => {
    const bank = await addPlace({ name: 'BRI', kind: 'bank', currency: 'IDR' });
    const saving = await addSaving({ placeId: bank.id, date: '2026-11-01', amountMinor: 500 });
    await deleteSaving(saving.id);
    expect((await restoreSaving(saving.id)).deletedAt).toBeNull();
    await deleteSaving(saving.id);
    await tick();
    await deletePlace(bank.id);
    expect(await codeOf(restoreSaving(saving.id))).toBe('saving/unknown-place');
    expect(await codeOf(restoreSaving('nope'))).toBe('saving/not-found');
  });

  it('lists live savings by date and offers the latest live one', async () => {
    const bank = await addPlace({ name: 'BRI', kind: 'bank', currency: 'IDR' });
    const add = (date: string) => addSaving({ placeId: bank.id, date, amountMinor: 5 });
    expect(await latestSaving()).toBeUndefined();
    const june = await add('2026-06-01');
    const feb = await add('2026-02-01');
    const gone = await add('2026-09-01');
    await deleteSaving(gone.id);
    expect((await listSavings()).map((s) => s.id)).toEqual([feb.id, june.id]);
    expect((await latestSaving())!.id).toBe(june.id);
  });

  it('checks the live balances of a place only when its kind changes', async () => {
    const other = await addPlace({ name: 'Owed', kind: 'other', currency: 'IDR' });
    const negative = await addSaving({ placeId: other.id, date: '2026-11-01', amountMinor: -5 });
    // A new name keeps the kind: a negative balance stays allowed.
    expect((await updatePlace(other.id, { name: 'Owed to us' })).name).toBe('Owed to us');
    const refusal = await errorOf(updatePlace(other.id, { kind: 'bank' }));
    expect([refusal.code, refusal.details]).toEqual([
      'saving/negative-balance',
      { field: 'amount', kind: 'bank' },
    ]);
    expect((await db.places.get(other.id))!.kind).toBe('other');
    await deleteSaving(negative.id);
    // Another place's negative balance is not this place's.
    const second = await addPlace({ name: 'Debt', kind: 'other', currency: 'IDR' });
    await addSaving({ placeId: second.id, date: '2026-11-01', amountMinor: -7 });
    const bank = await updatePlace(other.id, { kind: 'bank' });
    expect(bank.kind).toBe('bank');
    expect(await db.places.get(other.id)).toEqual(bank);
    expect(await codeOf(updatePlace('nope', { name: 'x' }))).toBe('place/not-found');
  });

  it('deletes a place with its live savings and restores only those', async () => {
    const bank = await addPlace({ name: 'BRI', kind: 'bank', currency: 'IDR' });
    const cash = await addPlace({ name: 'Tin', kind: 'cash', currency: 'IDR' });
    const add = (placeId: string, date: string) => addSaving({ placeId, date, amountMinor: 5 });
    const earlier = await add(bank.id, '2026-10-01');
    await deleteSaving(earlier.id);
    await tick();
    const kept = await add(bank.id, '2026-11-01');
    const elsewhere = await add(cash.id, '2026-11-01');
    const deleted = await deletePlace(bank.id);
    const row = (id: string) => db.savings.get(id);
    expect((await row(kept.id))!.deletedAt).toBe(deleted.deletedAt);
    expect((await row(elsewhere.id))!.deletedAt).toBeNull();
    expect((await row(earlier.id))!.deletedAt).not.toBe(deleted.deletedAt);
    expect((await listPlaces()).map((p) => p.id)).toEqual([cash.id]);
    expect(await codeOf(deletePlace(bank.id))).toBe('place/not-found');

    const restored = await restorePlace(bank.id);
    expect(restored.deletedAt).toBeNull();
    expect((await row(kept.id))!.deletedAt).toBeNull();
    expect((await row(kept.id))!.updatedAt).toBe(restored.updatedAt);
    expect((await row(earlier.id))!.deletedAt).not.toBeNull();
    expect((await row(elsewhere.id))!.deletedAt).toBeNull();
    expect(await codeOf(restorePlace(bank.id))).toBe('place/not-found');
  });

  it('lists plans of one due date and places of one time by id, however they are stored', async () => {
    const ties = ['tie-c', 'tie-a', 'tie-b'];
    const plan = await addPlan(rent);
    const place = await addPlace({ name: 'Tin', kind: 'cash', currency: 'IDR' });
    await db.plans.bulkPut(ties.map((id) => ({ ...plan, id })));
    await db.places.bulkPut(ties.map((id) => ({ ...place, id })));
    const order = (rows: { id: string }[]) =>
      rows.map((r) => r.id).filter((id) => id.startsWith('tie-'));
    expect(order(await listPlans())).toEqual(['tie-a', 'tie-b', 'tie-c']);
    expect(order(await listPlaces())).toEqual(['tie-a', 'tie-b', 'tie-c']);
  });

  it('restores only its own savings, not another place’s deleted in the same millisecond', async () => {
    const a = await addPlace({ name: 'A', kind: 'cash', currency: 'IDR' });
    const b = await addPlace({ name: 'B', kind: 'cash', currency: 'IDR' });
    const inA = await addSaving({ placeId: a.id, date: '2025-03-01', amountMinor: 1 });
    const inB = await addSaving({ placeId: b.id, date: '2025-03-01', amountMinor: 2 });
    // Both places deleted at one instant (as one Undo of a merge could leave them).
    const at = '2026-11-20T00:00:00.000Z';
    await db.places.bulkPut([a, b].map((p) => ({ ...p, deletedAt: at, updatedAt: at })));
    await db.savings.bulkPut([inA, inB].map((s) => ({ ...s, deletedAt: at, updatedAt: at })));
    await restorePlace(a.id);
    expect((await db.savings.get(inA.id))?.deletedAt).toBeNull();
    expect((await db.savings.get(inB.id))?.deletedAt).toBe(at);
  });

  it('lists live places in the order they were made', async () => {
    const first = await addPlace({ name: 'Z bank', kind: 'bank', currency: 'IDR' });
    await tick();
    const second = await addPlace({ name: 'A wallet', kind: 'ewallet', currency: 'IDR' });
    await tick();
    const third = await addPlace({ name: 'M cash', kind: 'cash', currency: 'IDR' });
    // Stored in a shuffled order (neither as made nor reversed): the list goes by `createdAt`.
    await db.places.bulkPut([
      { ...second, id: '00000000-0000-4000-8000-000000000001' },
      { ...third, id: '00000000-0000-4000-8000-000000000002' },
      { ...first, id: '00000000-0000-4000-8000-000000000003' },
    ]);
    await db.places.bulkDelete([first.id, second.id, third.id]);
    expect((await listPlaces()).map((p) => p.name)).toEqual(['Z bank', 'A wallet', 'M cash']);
  });
});
