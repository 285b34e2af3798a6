/**
 * Words for the funds' error codes (domain/funds.ts, repo/funds.ts, the schema's
 * 'fund/invalid-target'), registered with errorText; the funds views and the backup screens
 * import this module so that a refused fund or set-aside is said in words wherever it shows.
 */
import { m } from '../../paraglide/messages.js';
import { formatMoney } from '../../lib/domain/money';
import { registerErrorTexts } from '../../lib/i18n/error-text';
import { intlLocale } from '../../lib/i18n/locale.svelte';

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function left(d: Record<string, unknown>): string {
  if (typeof d.leftMinor !== 'number') return '';
  try {
    return formatMoney(d.leftMinor, text(d.currency), intlLocale());
  } catch {
    return String(d.leftMinor);
  }
}

export const FUND_ERROR_TEXTS: Record<string, (d: Record<string, unknown>) => string> = {
  'fund/date-in-past': () => m.fund_err_date_in_past(),
  'fund/invalid-target': () => m.fund_err_target(),
  'fund/currency-has-money': () => m.fund_err_currency_has_money(),
  'set-aside/more-than-received': (d) => m.fund_err_more_than_received({ left: left(d) }),
  'set-aside/other-currency': (d) =>
    m.fund_err_other_currency({ entry: text(d.entryCurrency), fund: text(d.fundCurrency) }),
  'set-aside/not-received': () => m.fund_err_not_received(),
  'set-aside/unknown-fund': () => m.fund_err_unknown_fund(),
  'set-aside/invalid-amount': () => m.fund_err_target(),
  'entry/below-set-aside': (d) => m.fund_err_entry_below({ held: left(d) }),
};

registerErrorTexts(FUND_ERROR_TEXTS);
