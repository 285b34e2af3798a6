/**
 * The rules an entry's arrival keeps (record-rules.ts runs them for the forms, the CSV import,
 * Merge and Replace alike):
 * - it lands on or after the day the payout was earned (`entry/arrived-before-earned`);
 * - an arrived entry is received, not pending (`entry/arrived-pending`);
 * - a landed amount is above zero (`entry/landed-not-positive`);
 * - the fees are not larger than the payout (`entry/fee-over-payout`);
 * - a landed amount names the place it landed in, in that place's currency, and a place named
 *   exists (`entry/arrival-no-place`) — checked where the places are known;
 * - a landed amount in another currency than the base has a rate in force on the day it landed
 *   (`entry/arrival-no-rate`) — checked where the rates are known.
 */
import { rateInForce, type RateLike } from './money-math';
import type { CurrencyCode, Entry, IsoDate, Place, Stream } from './model';

/** What the arrival rules read besides the entry (record-rules.ts `RuleContext`). */
export interface ArrivalContext {
  today: IsoDate;
  streams: ReadonlyMap<string, Pick<Stream, 'memberId'>>;
  /** Places by id, deleted ones included; the place checks run only when given. */
  places?: ReadonlyMap<string, Pick<Place, 'currency'>>;
  /** The rates and base currency; the rate check runs only when given. */
  rates?: readonly RateLike[];
  baseCurrency?: CurrencyCode;
}

export interface ArrivalRule {
  code: string;
  field: string;
  broken: (entry: Entry, context: ArrivalContext) => Record<string, unknown> | null;
}

export const ARRIVAL_RULES: readonly ArrivalRule[] = [
  {
    code: 'entry/arrived-before-earned',
    field: 'arrival.on',
    broken: (e) => (e.arrival && e.arrival.on < e.date ? { on: e.arrival.on, date: e.date } : null),
  },
  {
    code: 'entry/arrived-pending',
    field: 'status',
    broken: (e) => (e.arrival && e.status !== 'received' ? { status: e.status } : null),
  },
  {
    code: 'entry/landed-not-positive',
    field: 'arrival.landedMinor',
    broken: (e) =>
      e.arrival && e.arrival.landedMinor !== null && e.arrival.landedMinor <= 0
        ? { landedMinor: e.arrival.landedMinor }
        : null,
  },
  {
    code: 'entry/fee-over-payout',
    field: 'arrival.feeMinor',
    broken: (e) =>
      e.arrival && e.arrival.feeMinor !== null && e.arrival.feeMinor > e.amountMinor
        ? { feeMinor: e.arrival.feeMinor, amountMinor: e.amountMinor }
        : null,
  },
  {
    code: 'entry/arrival-no-rate',
    field: 'arrival.landedMinor',
    broken: (e, { rates, baseCurrency }) => {
      const a = e.arrival;
      if (!a || a.landedCurrency === null || !rates || baseCurrency === undefined) return null;
      if (a.landedCurrency === baseCurrency) return null;
      return rateInForce(rates, a.landedCurrency, a.on) === null
        ? { currency: a.landedCurrency, date: a.on }
        : null;
    },
  },
  {
    code: 'entry/arrival-no-place',
    field: 'arrival.placeId',
    broken: (e, { places }) => {
      const a = e.arrival;
      if (!a) return null;
      if ((a.landedMinor === null) !== (a.landedCurrency === null)) return { placeId: a.placeId };
      if (a.landedMinor !== null && a.placeId === null) return { placeId: null };
      if (!places || a.placeId === null) return null;
      const place = places.get(a.placeId);
      if (!place) return { placeId: a.placeId };
      return a.landedCurrency !== null && a.landedCurrency !== place.currency
        ? { placeId: a.placeId, currency: a.landedCurrency }
        : null;
    },
  },
];
