/**
 * The figures a platform's card shows, for one named period, in the currency that can answer.
 * With every entry converted, pay is compared in the base currency; while a rate is missing, a
 * platform paid in one foreign currency is shown in that currency (US$/h needs no rate) instead
 * of a dash or a figure that silently leaves entries out. Minutes need no rate, so the unpaid
 * share is always counted over all of them.
 *
 * The cards and the best-platform line read the same period (`completeMonths(today)`, the last
 * 3 complete months) through `platformCards`: the best platform is the ranked card with the
 * highest effective hourly pay, so the headline can never name a platform whose card shows less
 * than another's. This month so far is a separate, labelled figure on the card, never ranked.
 */
import type { CurrencyCode, IsoDate } from './model';
import { payOver, type BaseHourlyPay, type HourlyPay, type PayGroup } from './pay';
import { completeMonths, monthSoFar, type Period } from './periods';

/**
 * Least time (paid + unpaid minutes) a platform needs in the period to be ranked. Under an hour
 * is a handful of tasks: one well-paid or rejected task swings its hourly figure by half, so it
 * is listed as "not enough data yet" rather than named best (or worst) on luck.
 */
export const MIN_RANK_MINUTES = 60;

export interface PlatformFigures {
  /** The currency of the amounts below. */
  currency: CurrencyCode;
  /** False when the figures are in the platform's own currency for want of a rate. */
  inBase: boolean;
  /** Earned (received + pending) over all the time spent: counts pending. */
  effectivePerHour: number | null;
  /** Received payouts only, over the time spent on them (pending left out, amount and time). */
  receivedOnlyPerHour: number | null;
  /** Earned (received + pending) over paid time: counts pending. */
  paidOnlyPerHour: number | null;
  unpaidShare: number | null;
  paidMinutes: number;
  unpaidMinutes: number;
  receivedMinor: number;
  pendingMinor: number;
  /** Entries left out of the figures (a platform paid in several currencies, one without rate). */
  missingRateCount: number;
}

/** Card figures from a group's pay (all of it, or a period's through `payOver`). */
export function figuresOf(
  pay: { base: BaseHourlyPay; inCurrency: HourlyPay | null },
  currency: CurrencyCode | null,
  baseCurrency: CurrencyCode,
): PlatformFigures {
  const own = pay.inCurrency;
  if (pay.base.missingRateCount > 0 && currency !== null && own !== null) {
    return {
      currency,
      inBase: currency === baseCurrency,
      effectivePerHour: own.effectivePerHour,
      receivedOnlyPerHour: own.receivedOnlyPerHour,
      paidOnlyPerHour: own.paidOnlyPerHour,
      unpaidShare: own.unpaidShare,
      paidMinutes: own.paidMinutes,
      unpaidMinutes: own.unpaidMinutes,
      receivedMinor: own.receivedMinor,
      pendingMinor: own.pendingMinor,
      missingRateCount: 0,
    };
  }
  const base = pay.base;
  return {
    currency: baseCurrency,
    inBase: true,
    effectivePerHour: base.effectivePerHour,
    receivedOnlyPerHour: base.receivedOnlyPerHour,
    paidOnlyPerHour: base.paidOnlyPerHour,
    unpaidShare: base.unpaidShare,
    paidMinutes: base.paidMinutes,
    unpaidMinutes: base.unpaidMinutes,
    receivedMinor: base.receivedMinor,
    pendingMinor: base.pendingMinor,
    missingRateCount: base.missingRateCount,
  };
}

/** A platform's figures over all its months (what the card showed before periods). */
export function platformFigures(group: PayGroup, baseCurrency: CurrencyCode): PlatformFigures {
  return figuresOf(group, group.currency, baseCurrency);
}

/**
 * Why a card is not ranked: too little time in the period, or figures that are not in the base
 * currency (a rate is missing), which cannot be compared with the others.
 */
export type UnrankedReason = 'not-enough-time' | 'rate-missing';

export interface PeriodFigures {
  period: Period;
  figures: PlatformFigures;
  /** Paid + unpaid minutes the figures are computed over. */
  minutes: number;
  /**
   * Effective pay in the platform's own currency, beside base-currency figures of a platform
   * paid in a single other currency; null otherwise.
   */
  own: { currency: CurrencyCode; effectivePerHour: number | null } | null;
}

export interface PlatformCard {
  key: string;
  platform: string;
  /** The comparison period's figures: what the card shows first and what is ranked. */
  main: PeriodFigures;
  /** Null when the card is ranked; else why not. */
  unranked: UnrankedReason | null;
  /** This month so far, a separate figure never used for ranking; null with nothing logged. */
  soFar: PeriodFigures | null;
}

/** A group's figures over `months`, with their minutes: the one computation cards and ranks use. */
export function periodFigures(
  group: PayGroup,
  period: Period,
  baseCurrency: CurrencyCode,
): PeriodFigures {
  const pay = payOver(group, period.months);
  const figures = figuresOf(pay, group.currency, baseCurrency);
  const own =
    figures.inBase && group.currency !== null && group.currency !== baseCurrency && pay.inCurrency
      ? { currency: group.currency, effectivePerHour: pay.inCurrency.effectivePerHour }
      : null;
  // The minutes the figures are computed over: rows a missing rate leaves out are not in them.
  return { period, figures, minutes: figures.paidMinutes + figures.unpaidMinutes, own };
}

/** Why a period's figures cannot be ranked, or null when they can. */
export function unrankedReason(p: PeriodFigures): UnrankedReason | null {
  if (p.minutes < MIN_RANK_MINUTES || p.figures.effectivePerHour === null) return 'not-enough-time';
  if (!p.figures.inBase || p.figures.missingRateCount > 0) return 'rate-missing';
  return null;
}

/** Whether a period holds anything to show (an amount or a minute). */
function hasAny(p: PeriodFigures): boolean {
  const f = p.figures;
  return p.minutes > 0 || f.receivedMinor > 0 || f.pendingMinor > 0 || f.missingRateCount > 0;
}

/**
 * Every platform's card on `today`: the last 3 complete months (ranked when it has enough time
 * and base-currency figures) and this month so far beside them. Ranked cards come first, best
 * first (the card under the headline is the platform it names); then the others by name.
 */
export function platformCards(
  groups: readonly PayGroup[],
  today: IsoDate,
  baseCurrency: CurrencyCode,
  period: Period = completeMonths(today),
): PlatformCard[] {
  const soFarPeriod = monthSoFar(today);
  return groups
    .filter((g) => g.platform !== null)
    .map((g) => {
      const main = periodFigures(g, period, baseCurrency);
      const soFar = periodFigures(g, soFarPeriod, baseCurrency);
      return {
        key: g.key,
        platform: g.platform!,
        main,
        unranked: unrankedReason(main),
        soFar: hasAny(soFar) ? soFar : null,
      };
    })
    .sort(comparePlatformCards);
}

/**
 * The cards' order, a consistent total order: ranked before unranked; ranked by effective hourly
 * pay, highest first; ties (and the unranked) by platform name, one card per platform.
 */
export function comparePlatformCards(a: PlatformCard, b: PlatformCard): number {
  const ra = a.unranked === null;
  const rb = b.unranked === null;
  if (ra !== rb) return ra ? -1 : 1;
  const diff = ra ? b.main.figures.effectivePerHour! - a.main.figures.effectivePerHour! : 0;
  return diff || (a.platform < b.platform ? -1 : a.platform > b.platform ? 1 : 0);
}

/** True when some platform has pay in the base currency to draw (a chart is worth drawing). */
export function hasBasePay(groups: readonly PayGroup[]): boolean {
  return groups.some((g) => g.base.effectivePerHour !== null || g.base.earnedMinor > 0);
}
