/**
 * Amounts in an edit field: shown the way the person would type them in their language
 * ("4.800.000" in Indonesian, "4,800,000" in English), read back with the decimals the currency
 * is shown with. IDR and VND are typed without decimals: "4800000.50" in a rupiah field is
 * refused with money/too-many-decimals rather than stored as sen that the screen rounds away.
 */
import { displayDecimals, minorToDecimalString, parseMoney } from './money';

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: string, decimals: number): Intl.NumberFormat {
  const key = `${locale}|${decimals}`;
  let f = formatters.get(key);
  if (!f) {
    let tag = 'en';
    try {
      if (Intl.NumberFormat.supportedLocalesOf(locale).length > 0) tag = locale;
    } catch {
      // A malformed tag falls back to English conventions.
    }
    f = new Intl.NumberFormat(tag, {
      useGrouping: true,
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    formatters.set(key, f);
  }
  return f;
}

/** The decimals `amountMinor` needs: the displayed ones, or all when it has sen the screen hides. */
function decimalsOf(amountMinor: number, currency: string): number {
  const shown = displayDecimals(currency);
  const decimal = minorToDecimalString(amountMinor, currency);
  const fraction = decimal.split('.')[1] ?? '';
  // Stryker disable next-line MethodExpression: `shown` is 0 (all of the fraction) or the exponent (none of it), so the whole fraction tests the same
  return /[1-9]/.test(fraction.slice(shown)) ? fraction.length : shown;
}

/**
 * The amount as an edit field prefills it: grouped in the locale's way, no currency symbol, the
 * currency's displayed decimals. An amount with sen the display hides (an imported IDR amount)
 * keeps them, so that opening and saving a form never changes it.
 */
export function formatForEditing(amountMinor: number, currency: string, locale: string): string {
  const decimals = decimalsOf(amountMinor, currency);
  // A decimal string keeps every digit of amounts beyond 2^53 / 100.
  const decimal = minorToDecimalString(amountMinor, currency) as `${number}`;
  return formatter(locale, decimals)
    .format(decimal)
    .replace(/[\u00A0\u202F]/g, ' ');
}

/**
 * What a person typed in an amount field -> minor units, with no more decimals than the currency
 * shows. `stored` is the amount the form was opened with: text left as prefilled gives it back
 * unchanged, even when it carries sen that a person could not type.
 */
export function parseEditedAmount(
  input: string,
  currency: string,
  locale: string,
  stored?: number,
): number {
  if (stored !== undefined && input.trim() === formatForEditing(stored, currency, locale).trim()) {
    return stored;
  }
  return parseMoney(input, currency, locale, { decimals: displayDecimals(currency) });
}
