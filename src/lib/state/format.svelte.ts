import { formatMoney } from '../domain/money';
import { INTL_LOCALE, locale } from './locale.svelte';

/** Money and dates in the current language's conventions (id-ID, fil-PH, vi-VN, en-PH). */
export function money(amountMinor: number, currency: string, options?: { compact?: boolean }): string {
  // Averages and shares of money are fractional; they are shown to the nearest minor unit.
  // A figure that is not a number at all shows as a dash rather than breaking the view.
  if (!Number.isFinite(amountMinor)) return '—';
  return formatMoney(Math.round(amountMinor), currency, INTL_LOCALE[locale.current], options);
}

export function intlLocale(): string {
  return INTL_LOCALE[locale.current];
}

export function formatDate(iso: string, style: 'short' | 'medium' | 'long' = 'medium'): string {
  const [y, m, d] = iso.split('-').map(Number);
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: style, timeZone: 'UTC' }).format(
    new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)),
  );
}

export function formatMonth(month: string, style: 'long' | 'short' = 'long'): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(intlLocale(), {
    month: style,
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y!, m! - 1, 1)));
}

export function formatNumber(value: number, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(intlLocale(), { maximumFractionDigits }).format(value);
}

export function formatPercent(ratio: number, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(intlLocale(), { style: 'percent', maximumFractionDigits }).format(
    ratio,
  );
}
