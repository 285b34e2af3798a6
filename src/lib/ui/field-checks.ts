import { isValidIsoDate } from '../domain/dates';
import { AnyamError } from '../domain/model';
import { checkRateValue, isCurrencyCode, parseDecimal } from '../domain/money';
import { parseEditedAmount } from '../domain/money-editing';
import { hasVisibleCharacter } from '../domain/names';
import { intlLocale } from '../i18n/locale.svelte';
import type { FieldCheck } from './form-state.svelte';

/**
 * The checks record forms make before they write, each throwing the code the repository would
 * throw, so that the words shown are the same whichever side found the mistake. `record` is the
 * code's prefix: 'plan', 'stream', 'saving'…
 */

export function nameGiven(record: string, text: string): FieldCheck {
  return () => {
    if (text.trim() === '') throw new AnyamError(`${record}/empty-name`, { field: 'name' });
    // Zero-width characters alone: the schema refuses them too (domain/names.ts).
    if (!hasVisibleCharacter(text)) {
      throw new AnyamError(`${record}/invisible-name`, { field: 'name' });
    }
  };
}

/** An ISO 4217 code (the form gives it in capitals); `not` is a code it may not be (the base). */
export function currencyGiven(record: string, code: string, not?: string): FieldCheck {
  return () => {
    if (!isCurrencyCode(code) || code === not) {
      throw new AnyamError(`${record}/invalid-currency`, { field: 'currency' });
    }
  };
}

export function dateValid(record: string, text: string, field = 'date'): FieldCheck {
  return () => {
    if (!isValidIsoDate(text)) throw new AnyamError(`${record}/invalid-date`, { field });
  };
}

/**
 * The currency is a code, then the amount reads in it with the decimals the currency is shown
 * with; an optional amount may be left empty. `stored` is the amount the form opened with, in
 * this currency: its prefilled text gives it back unchanged (money-editing.ts).
 */
export function amountValid(
  record: string,
  text: string,
  currency: string,
  optional = false,
  stored?: number,
): FieldCheck {
  return () => {
    if (!isCurrencyCode(currency)) throw new AnyamError(`${record}/invalid-currency`);
    if (optional && text.trim() === '') return;
    parseEditedAmount(text, currency, intlLocale(), stored);
  };
}

/** An amount as typed, in minor units; empty is 0 where the amount is optional. */
export function amountMinor(text: string, currency: string, stored?: number): number {
  return text.trim() === '' ? 0 : parseEditedAmount(text, currency, intlLocale(), stored);
}

/**
 * A rate as typed in the locale ("16.250,5" in id-ID) -> its plain decimal ('16250.5'); anything
 * that is not a positive decimal in range is 'rate/invalid-value' or the rule it breaks.
 */
export function rateValue(text: string): string {
  let plain: string;
  try {
    plain = parseDecimal(text, intlLocale());
  } catch {
    throw new AnyamError('rate/invalid-value', { field: 'value' });
  }
  checkRateValue(plain);
  return plain;
}

/** A stored rate ('16250.5') as the edit field prefills it in the locale ('16250,5' in id-ID). */
export function rateForEditing(value: string): string {
  return new Intl.NumberFormat(intlLocale(), { useGrouping: false, maximumFractionDigits: 20 })
    .format(value as `${number}`)
    .replace(/[\u00A0\u202F]/g, ' ');
}
