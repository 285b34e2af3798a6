/**
 * Pay per hour on money received (issue 26, docs/resilience.md "Money received"): per platform,
 * what reached the household of its received payouts (receivedBaseMinor: the landed amount when
 * known, else the payout at the dated rate less its named fees) over the time spent on them.
 * `landedCount` says how many of the payouts gave a landed amount, so the figure can say whether
 * it is "on money received" or "at the dated rate".
 */
import type { RateLike } from './money-math';
import type { CurrencyCode, Entry, IsoDate, Stream } from './model';
import { isLandedKnown, receivedBaseMinor } from './received';

export interface ReceivedPay {
  platform: string;
  /** Base minor units per hour, or null with no minutes logged. */
  perHour: number | null;
  receivedMinor: number;
  minutes: number;
  count: number;
  landedCount: number;
  missingRateCount: number;
}

/**
 * The platforms' order, a consistent total order: the most per hour first, then those with no
 * minutes (no hourly pay); equal pay answers 0 and keeps the order the entries gave.
 */
export function compareReceivedPay(a: ReceivedPay, b: ReceivedPay): number {
  return (b.perHour ?? -1) - (a.perHour ?? -1);
}

/** Received entries dated `from`…`to` per platform, most per hour first. */
export function receivedPayByPlatform(input: {
  entries: readonly Entry[];
  streams: readonly Stream[];
  rates: readonly RateLike[];
  baseCurrency: CurrencyCode;
  from: IsoDate;
  to: IsoDate;
}): ReceivedPay[] {
  const streams = new Map(input.streams.map((s) => [s.id, s]));
  const byPlatform = new Map<string, ReceivedPay>();
  for (const entry of input.entries) {
    if (entry.deletedAt !== null || entry.status !== 'received') continue;
    if (entry.date < input.from || entry.date > input.to) continue;
    const stream = streams.get(entry.streamId);
    if (!stream || stream.kind !== 'microtask') continue;
    const platform = stream.platform.trim() || stream.name;
    const row = byPlatform.get(platform) ?? {
      platform,
      perHour: null,
      receivedMinor: 0,
      minutes: 0,
      count: 0,
      landedCount: 0,
      missingRateCount: 0,
    };
    const received = receivedBaseMinor(entry, input.rates, input.baseCurrency);
    if (received === null) row.missingRateCount += 1;
    else {
      row.receivedMinor += received;
      row.minutes += entry.paidMinutes + entry.unpaidMinutes;
      row.count += 1;
      if (isLandedKnown(entry)) row.landedCount += 1;
    }
    row.perHour = row.minutes > 0 ? Math.round((row.receivedMinor * 60) / row.minutes) : null;
    byPlatform.set(platform, row);
  }
  return [...byPlatform.values()].sort(compareReceivedPay);
}
