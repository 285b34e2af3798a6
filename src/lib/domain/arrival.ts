/**
 * What a payout loses between the day it was earned and the day it landed (issue 26).
 *
 * A payout in another currency (US$ from a micro-task platform) is counted everywhere at the
 * household's dated rate: the rate in force on the day it was earned. What lands in GCash or the
 * bank is less: a platform fee, a withdrawal fee, and a rate worse than the household's. So
 *
 *   leakage = expected − landed        (base currency, integer minor units)
 *   expected = the payout at the dated rate;  landed = receivedBaseMinor (received.ts)
 *   fee part = the fees named, at the dated rate;  rate part = leakage − fee part
 *
 * With no landed amount the leakage is the fees alone (when named) and the rate part unknown.
 * A route is "Platform → via → place" (via '' for a payout straight to the place); routes and
 * platforms are compared over the payouts that arrived in the last 12 months.
 */
import { baseMinorOrNull } from './base-amount';
import { addDaysIso, daysBetweenIso } from './dates';
import type { RateLike } from './money-math';
import type { CurrencyCode, Entry, IsoDate, MinorUnits, Place, Stream } from './model';
import { receivedBaseMinor } from './received';
import { minor } from './units';

export interface PayoutLoss {
  /** The payout at the dated rate. */
  expectedMinor: MinorUnits;
  /** What reached the household (receivedBaseMinor). */
  receivedMinor: MinorUnits;
  /** expected − received; below zero when the rate moved in the household's favour. */
  leakageMinor: MinorUnits;
  /** The fees named, at the dated rate (0 when none were named). */
  feeMinor: MinorUnits;
  /** leakage − fees when the landed amount is known; null otherwise. */
  rateLossMinor: MinorUnits | null;
  /** Whole days from earned to landed. */
  days: number;
  landedKnown: boolean;
}

/** Whole days from the day a payout was earned to the day it landed (never below 0). */
export function daysToArrive(entry: Pick<Entry, 'date' | 'arrival'>): number | null {
  if (!entry.arrival) return null;
  return Math.max(0, daysBetweenIso(entry.date, entry.arrival.on));
}

/** The loss of one arrived payout, or null when it has not arrived or a rate is missing. */
export function payoutLoss(
  entry: Pick<Entry, 'amountMinor' | 'currency' | 'date' | 'arrival'>,
  rates: readonly RateLike[],
  baseCurrency: CurrencyCode,
): PayoutLoss | null {
  const arrival = entry.arrival;
  if (!arrival) return null;
  const expected = baseMinorOrNull(
    entry.amountMinor,
    entry.currency,
    baseCurrency,
    entry.date,
    rates,
  );
  const received = receivedBaseMinor(entry, rates, baseCurrency);
  if (expected === null || received === null) return null;
  const fee =
    arrival.feeMinor === null
      ? 0
      : (baseMinorOrNull(arrival.feeMinor, entry.currency, baseCurrency, entry.date, rates) ?? 0);
  const landedKnown = arrival.landedMinor !== null;
  const leakage = expected - received;
  return {
    expectedMinor: expected,
    receivedMinor: received,
    leakageMinor: minor(leakage),
    feeMinor: minor(fee),
    rateLossMinor: landedKnown ? minor(leakage - fee) : null,
    days: daysToArrive(entry) ?? 0,
    landedKnown,
  };
}

/** The parts of a route: the platform (or the stream's name), the service between, the place. */
export function routeParts(
  stream: Pick<Stream, 'platform' | 'name'> | undefined,
  via: string,
  place: Pick<Place, 'name'> | undefined,
): string[] {
  const from = stream ? stream.platform.trim() || stream.name : '';
  return [from, via.trim(), place?.name ?? ''].filter((part) => part !== '');
}

export interface LossGroup {
  /** The platform, or `platform|via|placeId` for a route. */
  key: string;
  platform: string;
  via: string;
  placeId: string | null;
  /** Payouts that arrived in the period and could be converted. */
  count: number;
  /** Of those, how many say the amount that landed. */
  landedCount: number;
  expectedMinor: number;
  leakageMinor: number;
  feeMinor: number;
  /** Leakage over expected, 0–1 (negative when the rate helped); null with nothing expected. */
  share: number | null;
  /** Average whole days from earned to landed. */
  averageDays: number;
}

export interface LossReport {
  from: IsoDate;
  to: IsoDate;
  byPlatform: LossGroup[];
  byRoute: LossGroup[];
  /** The route with the smallest share lost (among routes with a landed amount), or null. */
  leastLoss: LossGroup | null;
  /** Arrived payouts of the period that could not be converted (a missing rate). */
  missingRateCount: number;
}

/** The window loss is compared over: the 365 days up to and including `today`. */
export function lossWindow(today: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: addDaysIso(today, -364), to: today };
}

/**
 * Loss per platform and per route of the payouts that landed in the last 12 months, in another
 * currency than the base (a payout in the base currency loses no rate). Groups are sorted by
 * share lost, least first.
 */
export function lossReport(input: {
  entries: readonly Entry[];
  streams: readonly Stream[];
  rates: readonly RateLike[];
  baseCurrency: CurrencyCode;
  today: IsoDate;
}): LossReport {
  const { from, to } = lossWindow(input.today);
  const streams = new Map(input.streams.map((s) => [s.id, s]));
  const platforms = new Map<string, LossGroup>();
  const routes = new Map<string, LossGroup>();
  let missingRateCount = 0;
  for (const entry of input.entries) {
    const arrival = entry.arrival;
    if (entry.deletedAt !== null || !arrival || arrival.on < from || arrival.on > to) continue;
    if (entry.currency === input.baseCurrency) continue;
    const loss = payoutLoss(entry, input.rates, input.baseCurrency);
    if (!loss) {
      missingRateCount += 1;
      continue;
    }
    const stream = streams.get(entry.streamId);
    const platform = stream ? stream.platform.trim() || stream.name : '';
    const via = arrival.via.trim();
    add(platforms, platform, { platform, via: '', placeId: null }, loss);
    add(
      routes,
      `${platform}|${via}|${arrival.placeId ?? ''}`,
      { platform, via, placeId: arrival.placeId },
      loss,
    );
  }
  const byRoute = sorted(routes);
  const withLanded = byRoute.filter((g) => g.landedCount > 0 && g.share !== null);
  return {
    from,
    to,
    byPlatform: sorted(platforms),
    byRoute,
    leastLoss: withLanded.length > 1 ? withLanded[0]! : null,
    missingRateCount,
  };
}

function add(
  groups: Map<string, LossGroup>,
  key: string,
  who: Pick<LossGroup, 'platform' | 'via' | 'placeId'>,
  loss: PayoutLoss,
): void {
  const group = groups.get(key) ?? {
    key,
    ...who,
    count: 0,
    landedCount: 0,
    expectedMinor: 0,
    leakageMinor: 0,
    feeMinor: 0,
    share: null,
    averageDays: 0,
  };
  group.averageDays = (group.averageDays * group.count + loss.days) / (group.count + 1);
  group.count += 1;
  if (loss.landedKnown) group.landedCount += 1;
  group.expectedMinor += loss.expectedMinor;
  group.leakageMinor += loss.leakageMinor;
  group.feeMinor += loss.feeMinor;
  group.share = group.expectedMinor > 0 ? group.leakageMinor / group.expectedMinor : null;
  groups.set(key, group);
}

function sorted(groups: Map<string, LossGroup>): LossGroup[] {
  return [...groups.values()].sort(
    (a, b) => (a.share ?? Infinity) - (b.share ?? Infinity) || a.key.localeCompare(b.key),
  );
}
