/**
 * The figures a platform's card shows, in the currency that can answer. With every entry
 * converted, pay is compared in the base currency; while a rate is missing, a platform paid in
 * one foreign currency is shown in that currency (US$/h needs no rate) instead of a dash or a
 * figure that silently leaves entries out. Minutes need no rate, so the unpaid share is always
 * counted over all of them.
 */
import type { CurrencyCode } from './model';
import type { PayGroup } from './pay';

export interface PlatformFigures {
  /** The currency of the amounts below. */
  currency: CurrencyCode;
  /** False when the figures are in the platform's own currency for want of a rate. */
  inBase: boolean;
  effectivePerHour: number | null;
  /** Received payouts only, over all the time spent (pending left out). */
  receivedOnlyPerHour: number | null;
  paidOnlyPerHour: number | null;
  unpaidShare: number | null;
  paidMinutes: number;
  unpaidMinutes: number;
  receivedMinor: number;
  pendingMinor: number;
  /** Entries left out of the figures (a platform paid in several currencies, one without rate). */
  missingRateCount: number;
}

export function platformFigures(group: PayGroup, baseCurrency: CurrencyCode): PlatformFigures {
  const own = group.inCurrency;
  if (group.base.missingRateCount > 0 && group.currency !== null && own !== null) {
    return {
      currency: group.currency,
      inBase: group.currency === baseCurrency,
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
  const base = group.base;
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

/** True when some platform has pay in the base currency to draw (a chart is worth drawing). */
export function hasBasePay(groups: readonly PayGroup[]): boolean {
  return groups.some((g) => g.base.effectivePerHour !== null || g.base.earnedMinor > 0);
}
