/**
 * A period's name as the screen shows it: "December so far", "November 2026", "Sep – Nov 2026".
 * Every card that shows a figure names its period with this, so two cards reading different
 * months say so.
 */
import { m } from '../../paraglide/messages.js';
import { periodLabel, type Period } from '../domain/periods';
import type { MonthKey } from '../domain/model';
import { formatMonth } from '../state/format.svelte';
import { intlLocale } from '../i18n/locale.svelte';

const formats = new Map<string, Intl.DateTimeFormat>();

function format(key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const locale = intlLocale();
  let f = formats.get(`${locale}|${key}`);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
    formats.set(`${locale}|${key}`, f);
  }
  return f;
}

function utc(month: MonthKey): Date {
  return new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1));
}

/** "December": the month's name alone, for "December so far". */
export function monthName(month: MonthKey): string {
  return format('month-name', { month: 'long' }).format(utc(month));
}

/** "Sep – Nov 2026" (or "Nov 2026 – Jan 2027"), in the current language's conventions. */
export function monthRangeLabel(from: MonthKey, to: MonthKey): string {
  return format('month-range', { month: 'short', year: 'numeric' }).formatRange(utc(from), utc(to));
}

/** The period's name: what a card puts beside its figures. */
export function periodName(period: Period): string {
  const label = periodLabel(period);
  switch (label.kind) {
    case 'so-far':
      return m.period_month_so_far({ month: monthName(label.month) });
    case 'month':
      return formatMonth(label.month);
    case 'range': {
      const range = monthRangeLabel(label.from, label.to);
      return label.toSoFar ? m.period_range_so_far({ range }) : range;
    }
  }
}
