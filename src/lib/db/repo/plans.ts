import { type BaseRecord, type Plan } from '../../domain/model';
import { validateRecord } from '../../domain/schema';
import { assertTotalsWithinLimit, planTotalsOf } from '../../domain/totals';
import { getDb, type AnyamDatabase } from '../database';
import {
  baseFields,
  definedOnly,
  listSmall,
  nowIso,
  requireDeleted,
  requireLive,
  requireLiveMember,
  softDeleteIn,
} from './record';
import { writeTransaction } from './transaction';
import { comparePlans } from './list-orders';

export { comparePlans };

/** A new plan: its own fields, with the member (household's), funding and sample flag optional. */
export type PlanInput = Partial<BaseRecord> &
  Pick<Plan, 'name' | 'category' | 'amountMinor' | 'currency' | 'cadence' | 'dueOn'> &
  Partial<Pick<Plan, 'memberId' | 'fundedBy' | 'isSample'>>;

export type PlanPatch = Partial<
  Pick<
    Plan,
    'name' | 'category' | 'amountMinor' | 'currency' | 'cadence' | 'dueOn' | 'memberId' | 'fundedBy'
  >
>;

function checked(plan: Plan): Plan {
  return validateRecord('plans', plan);
}

/**
 * Runs `write`, then refuses (money/total-too-large, rolling the transaction back) when it
 * raised the plans' total of a currency past the limit that keeps every sum exact (totals.ts).
 */
async function withPlanTotals<T>(db: AnyamDatabase, write: () => Promise<T>): Promise<T> {
  const before = planTotalsOf(await db.plans.toArray());
  const result = await write();
  // Stryker disable next-line StringLiteral: plans have no base amount (planTotalsOf's base is 0), so the base currency, named only by a refusal of the base total, is never read
  assertTotalsWithinLimit(before, planTotalsOf(await db.plans.toArray()), '');
  return result;
}

function assertMember(db: AnyamDatabase, memberId: string): Promise<void> {
  return requireLiveMember(db.members, memberId, 'plan/unknown-member');
}

export async function addPlan(input: PlanInput): Promise<Plan> {
  const plan = checked({
    ...baseFields(input),
    name: input.name,
    category: input.category,
    amountMinor: input.amountMinor,
    currency: input.currency,
    cadence: input.cadence,
    dueOn: input.dueOn,
    memberId: input.memberId ?? null,
    fundedBy: input.fundedBy ?? [],
    isSample: input.isSample ?? false,
  });
  return writeTransaction(['plans', 'members'], async (db) => {
    if (plan.memberId !== null) await assertMember(db, plan.memberId);
    await withPlanTotals(db, () => db.plans.add(plan));
    return plan;
  });
}

export async function updatePlan(id: string, patch: PlanPatch): Promise<Plan> {
  return writeTransaction(['plans', 'members'], async (db) => {
    const before = await requireLive(db.plans, id, 'plan/not-found');
    const after = checked({ ...before, ...definedOnly(patch), updatedAt: nowIso() });
    if (after.memberId !== null && after.memberId !== before.memberId) {
      await assertMember(db, after.memberId);
    }
    await withPlanTotals(db, () => db.plans.put(after));
    return after;
  });
}

export async function deletePlan(id: string): Promise<Plan> {
  return writeTransaction(['plans'], (db) => softDeleteIn(db.plans, id, 'plan/not-found'));
}

/** Undoes `deletePlan`; a plan whose member has gone since comes back as the household's. */
export async function restorePlan(id: string): Promise<Plan> {
  return writeTransaction(['plans', 'members'], async (db) => {
    const before = await requireDeleted(db.plans, id, 'plan/not-found');
    const member = before.memberId === null ? undefined : await db.members.get(before.memberId);
    const memberId = member && member.deletedAt === null ? before.memberId : null;
    const restored = { ...before, memberId, deletedAt: null, updatedAt: nowIso() };
    await withPlanTotals(db, () => db.plans.put(restored));
    return restored;
  });
}

export async function getPlan(id: string): Promise<Plan | undefined> {
  return getDb().plans.get(id);
}

/** Plans by due date; deleted ones only when asked for. */
export async function listPlans(options: { includeDeleted?: boolean } = {}): Promise<Plan[]> {
  const rows = await listSmall(getDb().plans, options.includeDeleted);
  return rows.sort(comparePlans);
}
