/**
 * The question workers who switch platforms ask: which platform paid best per real hour (unpaid
 * time counted) over the last 3 complete months, by how much, and whether that changed after a
 * training. Ranked from the platform cards themselves (`platformCards`), so the platform named
 * best is always the card with the highest effective hourly figure of the same named period; a
 * platform with too little time in it, or figures a missing rate keeps out of the base currency,
 * is listed apart and never ranked.
 */
import { addMonths, monthOf } from './months';
import type { CurrencyCode, IsoDate, MonthKey, Training } from './model';
import { compareTrainings, type PayGroup } from './pay';
import { periodFigures, unrankedReason, type PlatformCard } from './pay-figures';
import { completeMonths, RECENT_COMPLETE_MONTHS, type Period } from './periods';

/** The comparison window, in complete months. */
export const COMPARE_MONTHS = RECENT_COMPLETE_MONTHS;

export interface PlatformRate {
  platform: string;
  /** Σ earned (received + pending) / Σ (paid + unpaid minutes) × 60, base minor units. */
  effectivePerHour: number;
  /** Pending payouts counted in `effectivePerHour` (said beside it). */
  pendingMinor: number;
}

export interface BestPlatform {
  /** The period compared: the same as the cards'. */
  period: Period;
  months: MonthKey[];
  /** Best first; only the ranked cards (enough time, figures in the base currency). */
  ranked: PlatformRate[];
  /** Platforms with too little time in the period to be ranked ("not enough data yet"). */
  notEnough: string[];
  /** best / second − 1 (0.38 = "38% more"); null with fewer than two ranked. */
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

/**
 * The ranked cards' order, a consistent total order: the highest effective hourly pay first; one
 * pay by platform name (one card per platform).
 */
export function compareRates(a: PlatformRate, b: PlatformRate): number {
  const diff = b.effectivePerHour - a.effectivePerHour;
  return diff || (a.platform < b.platform ? -1 : a.platform > b.platform ? 1 : 0);
}

/** The ranked cards, best first (ties by name). */
export function rankCards(cards: readonly PlatformCard[]): PlatformRate[] {
  return cards
    .filter((c) => c.unranked === null)
    .map((c) => ({
      platform: c.platform,
      effectivePerHour: c.main.figures.effectivePerHour!,
      pendingMinor: c.main.figures.pendingMinor,
    }))
    .sort(compareRates);
}

/** Platforms ranked by effective hourly pay over `period`, by the cards' own rule. */
export function rankPlatforms(
  groups: readonly PayGroup[],
  period: Period,
  baseCurrency: CurrencyCode,
): PlatformRate[] {
  const out: PlatformRate[] = [];
  for (const g of groups) {
    if (g.platform === null) continue;
    const p = periodFigures(g, period, baseCurrency);
    if (unrankedReason(p) !== null) continue;
    out.push({
      platform: g.platform,
      effectivePerHour: p.figures.effectivePerHour!,
      pendingMinor: p.figures.pendingMinor,
    });
  }
  return out.sort(compareRates);
}

/**
 * The best platform of the cards' period, or null without any card. `ranked` is empty when no
 * platform has enough time in the period (the line says so instead of naming one).
 */
export function bestPlatform(input: {
  cards: readonly PlatformCard[];
  groups: readonly PayGroup[];
  training: readonly Training[];
  today: IsoDate;
  baseCurrency: CurrencyCode;
}): BestPlatform | null {
  const { cards, groups, training, today, baseCurrency } = input;
  if (cards.length === 0) return null;
  const period = cards[0]!.main.period;
  const until = period.months.at(-1)!;
  const ranked = rankCards(cards);
  const [best, second] = ranked;
  const lead =
    best !== undefined && second !== undefined && second.effectivePerHour > 0
      ? best.effectivePerHour / second.effectivePerHour - 1
      : null;
  const latest = training
    .filter((t) => t.deletedAt === null && monthOf(t.date) < until)
    // Latest first: the trainings' order (`compareTrainings`) the other way round.
    .sort((a, b) => compareTrainings(b, a))[0];
  let around: BestPlatform['training'] = null;
  if (latest) {
    const month = monthOf(latest.date);
    const before = completeMonths(today, COMPARE_MONTHS, addMonths(month, -1));
    const afterMonths = [1, 2, 3].map((k) => addMonths(month, k)).filter((mo) => mo <= until);
    const after =
      afterMonths.length > 0 ? completeMonths(today, afterMonths.length, afterMonths.at(-1)) : null;
    around = {
      trainingId: latest.id,
      title: latest.title,
      month,
      before: rankPlatforms(groups, before, baseCurrency)[0] ?? null,
      after: after ? (rankPlatforms(groups, after, baseCurrency)[0] ?? null) : null,
    };
  }
  return {
    period,
    months: [...period.months],
    ranked,
    notEnough: cards.filter((c) => c.unranked === 'not-enough-time').map((c) => c.platform),
    lead,
    training: around,
  };
}
