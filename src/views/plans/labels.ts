import { m } from '../../paraglide/messages.js';
import type { PlanCadence, PlanCategory } from '../../lib/domain/model';

export const CATEGORY_LABEL: Record<PlanCategory, () => string> = {
  essential: m.plan_cat_essential,
  digital: m.plan_cat_digital,
  other: m.plan_cat_other,
};

export const PLAN_CADENCE_LABEL: Record<PlanCadence, () => string> = {
  monthly: m.plan_cadence_monthly,
  weekly: m.plan_cadence_weekly,
  yearly: m.plan_cadence_yearly,
  once: m.plan_cadence_once,
};

/** A base-currency total, saying how many plans it leaves out for want of a rate. */
export function totalText(amount: string, missing: number): string {
  return missing > 0 ? m.plan_partial_total({ amount, count: missing }) : amount;
}
