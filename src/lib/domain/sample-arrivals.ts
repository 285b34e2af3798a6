/**
 * The sample household's payouts that arrived (issue 26): the first micro-task platform's
 * received payouts of the last four months landed in the bank account through two routes —
 * through PayPal (a 2 % fee and a rate about 4 % below the household's) and straight from the
 * platform (about 1.5 % below, no fee) — so that Pay has a route that loses least. Pure and
 * deterministic (no random numbers: the rest of the sample stays as it was).
 */
import { addDaysIso } from './dates';
import { addMonths, firstDayOf, inProgressMonth, lastDayOf, monthOf } from './months';
import { convertMinor, rateInForce } from './money-math';
import type { Entry, IsoDate, Place, Rate, Stream } from './model';
import { minor } from './units';

export function withSampleArrivals(
  entries: readonly Entry[],
  input: {
    today: IsoDate;
    tagging: Stream;
    bank: Place;
    rates: readonly Rate[];
    baseCurrency: string;
  },
): Entry[] {
  const { today, tagging, bank, rates, baseCurrency } = input;
  // The four complete months before this one, each payout landing within its own month: the
  // sample's past stays the same on every day of the month.
  const current = inProgressMonth(today);
  const from = firstDayOf(addMonths(current, -4));
  let n = 0;
  return entries.map((entry) => {
    if (entry.streamId !== tagging.id || entry.status !== 'received') return entry;
    if (entry.date < from || monthOf(entry.date) >= current) return entry;
    // Stryker disable next-line AssignmentOperator: counting down gives the same parities (-2 % 2 is -0, which === 0), so the same payouts go through PayPal
    n += 1;
    const viaPayPal = n % 2 === 0;
    const later = addDaysIso(entry.date, viaPayPal ? 5 : 3);
    const end = lastDayOf(monthOf(entry.date));
    const on = later > end ? end : later;
    // The amount that landed is known when the bank holds the base currency, which the
    // sample's rates convert into; else only the fees are.
    const rate = rateInForce(rates, entry.currency, entry.date);
    const feeMinor = viaPayPal ? minor(Math.round(entry.amountMinor * 0.02)) : null;
    let landedMinor = null;
    if (rate && bank.currency === baseCurrency) {
      const expected = convertMinor(
        entry.amountMinor - (feeMinor ?? 0),
        entry.currency,
        bank.currency,
        rate.value,
      );
      landedMinor = minor(Math.max(1, Math.round(expected * (viaPayPal ? 0.96 : 0.985))));
    }
    return {
      ...entry,
      arrival: {
        on,
        placeId: bank.id,
        landedMinor,
        landedCurrency: landedMinor === null ? null : bank.currency,
        feeMinor,
        via: viaPayPal ? 'PayPal' : '',
      },
    };
  });
}
