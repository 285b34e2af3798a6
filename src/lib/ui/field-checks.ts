import { isValidIsoDate } from '../domain/dates';
import { AnyamError } from '../domain/model';
import { isCurrencyCode } from '../domain/money';
import { parseEditedAmount } from '../domain/money-editing';
import { hasVisibleCharacter } from '../domain/names';
import { intlLocale } from '../i18n/locale.svelte';
import type { FieldCheck } from './record-form.svelte';

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
