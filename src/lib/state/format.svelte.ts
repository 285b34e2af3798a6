import { formatMoney } from '../domain/money';
import { amountsHidden } from './lock-gate.svelte';
import { intlLocale } from '../i18n/locale.svelte';

/** What an amount reads while "hide amounts" is on: the currency, never a digit. */
export const HIDDEN_AMOUNT = '•••••';

/** Money and dates in the current language's conventions (id-ID, fil-PH, vi-VN, en-PH). */
export function money(
  amountMinor: number,
  currency: string,
  options?: { compact?: boolean },
): string {
  // Averages and shares of money are fractional; they are shown to the nearest minor unit.
  // A figure that is not a number at all shows as a dash rather than breaking the view.
  if (!Number.isFinite(amountMinor)) return '—';
  if (amountsHidden()) return `${HIDDEN_AMOUNT} ${currency}`;
  return formatMoney(Math.round(amountMinor), currency, intlLocale(), options);
}

// Building an Intl formatter costs far more than using one, and the dashboard formats thousands
// of labels: one formatter per locale and style is kept, as money.ts does. Keys are plain strings
// (no JSON.stringify per call: in a 4× CPU profile of a 100k-entry load, building keys that way
// was the app's costliest function).
const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
/** Month labels repeat across charts, tables and selects: each is formatted once per locale. */
const monthLabels = new Map<string, string>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let format = formats.get(key) as T | undefined;
  if (!format) formats.set(key, (format = make()));
  return format;
}

function utcDate(y: number | undefined, m: number | undefined, d: number | undefined): Date {
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

export function formatDate(iso: string, style: 'short' | 'medium' | 'long' = 'medium'): string {
  const locale = intlLocale();
  const [y, m, d] = iso.split('-').map(Number);
  return cached(
    `${locale}|date|${style}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' }),
  ).format(utcDate(y, m, d));
}

export function formatMonth(month: string, style: 'long' | 'short' = 'long'): string {
  const locale = intlLocale();
  const key = `${locale}|${style}|${month}`;
  let label = monthLabels.get(key);
  if (label === undefined) {
    const [y, m] = month.split('-').map(Number);
    label = cached(
      `${locale}|month|${style}`,
      () => new Intl.DateTimeFormat(locale, { month: style, year: 'numeric', timeZone: 'UTC' }),
    ).format(utcDate(y, m, 1));
    monthLabels.set(key, label);
  }
  return label;
}

export function formatNumber(value: number, maximumFractionDigits = 1): string {
  const locale = intlLocale();
  return cached(
    `${locale}|number|${maximumFractionDigits}`,
    () => new Intl.NumberFormat(locale, { maximumFractionDigits }),
  ).format(value);
}

export function formatPercent(ratio: number, maximumFractionDigits = 0): string {
  const locale = intlLocale();
  return cached(
    `${locale}|percent|${maximumFractionDigits}`,
    () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits }),
  ).format(ratio);
}
