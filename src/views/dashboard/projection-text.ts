/**
 * The projection card's sentences: the lowest point with its cause and the next income, whether
 * the balance stays above zero, and what would avoid going below it.
 */
import { m } from '../../paraglide/messages.js';

import type { IsoDate } from '../../lib/domain/model';
import type { BaseFlow, Projection } from '../../lib/domain/projection';
import { intlLocale } from '../../lib/i18n/locale.svelte';
import { displayName } from '../../lib/i18n/sample-labels';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** '18 Dec' ('18 thg 12', '18 Des'): a day of the next 60, without its year. */
export function dayLabel(date: IsoDate): string {
  const locale = intlLocale();
  let format = dayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    dayFormats.set(locale, format);
  }
  const [y, mo, d] = date.split('-').map(Number);
  return format.format(new Date(Date.UTC(y!, mo! - 1, d)));
}

/** A flow as the card names it: "Rent", "Gig (estimate)", "Salary (pending)". */
export function flowName(flow: BaseFlow): string {
  const name = displayName(flow.name);
  if (flow.kind === 'estimate') return m.proj_estimate({ name });
  if (flow.kind === 'pending') return m.proj_pending_name({ name });
  return name;
}

const listFormats = new Map<string, Intl.ListFormat>();

/** "Rent, Food and Water": the outflows of one day, in the language's own list. */
function names(flows: readonly BaseFlow[]): string {
  const locale = intlLocale();
  let format = listFormats.get(locale);
  if (!format) {
    format = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
    listFormats.set(locale, format);
  }
  return format.format(flows.map(flowName));
}

/** "Lowest point: ₱1,240 on 18 Dec, after Rent, before Salary on 20 Dec." */
export function lowestSentence(p: Projection, money: (minor: number) => string): string {
  const { lowest } = p;
  const amount = money(lowest.balanceMinor);
  const date = dayLabel(lowest.date);
  if (lowest.after && lowest.nextIncome) {
    return m.proj_lowest_after_before({
      amount,
      date,
      cause: names(lowest.outflows),
      income: flowName(lowest.nextIncome),
      incomeDate: dayLabel(lowest.nextIncome.date),
    });
  }
  if (lowest.after) return m.proj_lowest_after({ amount, date, cause: names(lowest.outflows) });
  if (lowest.nextIncome) {
    return m.proj_lowest_before({
      amount,
      date,
      income: flowName(lowest.nextIncome),
      incomeDate: dayLabel(lowest.nextIncome.date),
    });
  }
  return m.proj_lowest({ amount, date });
}

/** "You stay above ₱0 until 2 Feb." or "Below ₱0 from 18 Dec: ₱760 short at the lowest point." */
export function zeroSentence(p: Projection, money: (minor: number) => string): string {
  if (p.firstBelowZero === null) return m.proj_above({ zero: money(0), date: dayLabel(p.to) });
  return m.proj_below({
    zero: money(0),
    date: dayLabel(p.firstBelowZero),
    amount: money(-p.lowest.balanceMinor),
  });
}

/** What would avoid going below zero: moving the bill, and the amount short by the first day. */
export function avoidSentences(p: Projection, money: (minor: number) => string): string[] {
  if (p.avoid === null) return [];
  const by = dayLabel(p.firstBelowZero ?? p.lowest.date);
  const amount = money(p.avoid.shortMinor);
  if (p.avoid.move === null) return [m.proj_avoid_amount({ amount, date: by })];
  return [
    m.proj_avoid_move({
      cause: flowName(p.avoid.move.flow),
      date: dayLabel(p.avoid.move.to),
      income: flowName(p.lowest.nextIncome!),
    }),
    m.proj_avoid_or_amount({ amount, date: by }),
  ];
}
