import { formatMoney } from '../domain/money';
import { INTL_LOCALE, locale } from './locale.svelte';

/** Money and dates in the current language's conventions (id-ID, fil-PH, vi-VN, en-PH). */
export function money(
  amountMinor: number,
  currency: string,
  options?: { compact?: boolean },
): string {
  // Averages and shares of money are fractional; they are shown to the nearest minor unit.
  // A figure that is not a number at all shows as a dash rather than breaking the view.
  if (!Number.isFinite(amountMinor)) return '—';
  return formatMoney(Math.round(amountMinor), currency, INTL_LOCALE[locale.current], options);
}

export function intlLocale(): string {
  return INTL_LOCALE[locale.current];
}

// Building an Intl formatter costs far more than using one, and the dashboard formats thousands
// of labels: one formatter per (locale, options) is kept, as money.ts does.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${intlLocale()}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(intlLocale(), options)));
  return format;
}

function numberFormat(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${intlLocale()}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(intlLocale(), options)));
  return format;
}

export function formatDate(iso: string, style: 'short' | 'medium' | 'long' = 'medium'): string {
  const [y, m, d] = iso.split('-').map(Number);
  return dateFormat({ dateStyle: style, timeZone: 'UTC' }).format(
    new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)),
  );
}

export function formatMonth(month: string, style: 'long' | 'short' = 'long'): string {
  const [y, m] = month.split('-').map(Number);
  return dateFormat({ month: style, year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, 1)),
  );
}

export function formatNumber(value: number, maximumFractionDigits = 1): string {
  return numberFormat({ maximumFractionDigits }).format(value);
}

export function formatPercent(ratio: number, maximumFractionDigits = 0): string {
  return numberFormat({ style: 'percent', maximumFractionDigits }).format(ratio);
}
