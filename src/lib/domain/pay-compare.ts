/**
 * The question workers who switch platforms ask: which platform paid best per real hour (unpaid
 * time counted) over the last 3 complete months, by how much, and whether that changed after a
 * training. Built from the per-month figures of the pay report, in the base currency.
 */
import { addMonths, monthOf } from './months';
import type { MonthKey, Training } from './model';
import type { PayGroup } from './pay';

/** The comparison window, in complete months. */
export const COMPARE_MONTHS = 3;

export interface PlatformRate {
  platform: string;
  /** Σ earned (received + pending) / Σ (paid + unpaid minutes) × 60, base minor units. */
  effectivePerHour: number;
  pendingMinor: number;
}

export interface BestPlatform {
  months: MonthKey[];
  /** Best first; only platforms with minutes logged in the months. */
  ranked: PlatformRate[];
  /** best / second − 1 (0.38 = "38% more"); null with one platform. */
  lead: number | null;
  /** The latest training with complete months after it, and the best platform around it. */
  training: {
    trainingId: string;
    title: string;
    month: MonthKey;
    before: PlatformRate | null;
    after: PlatformRate | null;
  } | null;
}

/** Platforms ranked by effective hourly pay over `months`. */
export function rankPlatforms(
  groups: readonly PayGroup[],
  months: readonly MonthKey[],
): PlatformRate[] {
  const wanted = new Set(months);
  const out: PlatformRate[] = [];
  for (const g of groups) {
    if (g.platform === null) continue;
    let earned = 0;
    let minutes = 0;
    let pending = 0;
    for (const t of g.trend) {
      if (!wanted.has(t.month)) continue;
      earned += t.base.earnedMinor;
      pending += t.base.pendingMinor;
      minutes += t.base.paidMinutes + t.base.unpaidMinutes;
    }
    if (minutes > 0) {
      out.push({
        platform: g.platform,
        effectivePerHour: (earned / minutes) * 60,
        pendingMinor: pending,
      });
    }
  }
  return out.sort((a, b) => b.effectivePerHour - a.effectivePerHour);
}

export function bestPlatform(
  groups: readonly PayGroup[],
  training: readonly Training[],
  until: MonthKey,
): BestPlatform | null {
  const months = Array.from({ length: COMPARE_MONTHS }, (_, k) =>
    addMonths(until, k - COMPARE_MONTHS + 1),
  );
  const ranked = rankPlatforms(groups, months);
  if (ranked.length === 0) return null;
  const [best, second] = ranked;
  const lead =
    second !== undefined && second.effectivePerHour > 0
      ? best!.effectivePerHour / second.effectivePerHour - 1
      : null;
  const latest = training
    .filter((t) => t.deletedAt === null && monthOf(t.date) < until)
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))[0];
  let around: BestPlatform['training'] = null;
  if (latest) {
    const month = monthOf(latest.date);
    const before = [-3, -2, -1].map((k) => addMonths(month, k));
    const after = [1, 2, 3].map((k) => addMonths(month, k)).filter((mo) => mo <= until);
    around = {
      trainingId: latest.id,
      title: latest.title,
      month,
      before: rankPlatforms(groups, before)[0] ?? null,
      after: rankPlatforms(groups, after)[0] ?? null,
    };
  }
  return { months, ranked, lead, training: around };
}
