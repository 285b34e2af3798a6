import { m } from '../../paraglide/messages.js';
import { isAnyamError } from '../domain/model';
import { formatMoney } from '../domain/money';
import { intlLocale } from './locale.svelte';

/**
 * Turns an error's stable code into words in the current language. Codes are '<record>/<what>';
 * most messages depend only on <what>, so one sentence serves every record kind.
 */
const BY_REASON: Record<string, (details: Record<string, unknown>) => string> = {
  'invalid-date': () => m.err_invalid_date(),
  invalid: () => m.err_money_invalid(),
  'date-too-far': () => m.err_date_too_far(),
  'invalid-amount': () => m.err_money_invalid(),
  negative: () => m.err_money_negative(),
  'too-large': () => m.err_money_too_large(),
  'total-too-large': (d) =>
    m.err_money_total_too_large({ currency: text(d.currency), limit: moneyLimit(d) }),
  'member-mismatch': () => m.err_member_mismatch(),
  'invisible-name': () => m.err_invisible_name(),
  'unknown-currency': () => m.err_unknown_currency(),
  'invalid-currency': () => m.err_unknown_currency(),
  missing: (d) => m.err_rate_missing({ currency: text(d.currency), date: text(d.date) }),
  'invalid-value': () => m.err_invalid_rate(),
  'too-many-decimals': (d) =>
    d.decimals === 0
      ? m.cur_err_no_decimals({ currency: text(d.currency) })
      : m.cur_err_decimals({ currency: text(d.currency), decimals: text(d.decimals) }),
  'too-high': () => m.cur_err_rate_too_high(),
  'too-low': () => m.cur_err_rate_too_low(),
  'empty-name': () => m.err_empty_name(),
  'empty-title': () => m.err_empty_name(),
  'name-too-long': () => m.err_name_too_long(),
  'note-too-long': () => m.err_note_too_long(),
  'invalid-minutes': () => m.err_invalid_minutes(),
  'invalid-hours': () => m.pay_err_hours(),
  'unknown-stream': () => m.err_unknown_stream(),
  'unknown-member': () => m.err_unknown_member(),
  'in-use': () => m.err_member_in_use(),
  'ended-before-start': () => m.err_ended_before_start(),
  'not-found': () => m.err_not_found(),
  full: () => m.err_storage_full(),
  outdated: () => m.err_db_outdated(),
  'unknown-plan': () => m.err_unknown_plan(),
  'unknown-source': () => m.err_unknown_source(),
  'invalid-pay-day': () => m.err_invalid_pay_day(),
  'invalid-count': () => m.debt_err_count(),
  'due-before-date': () => m.debt_err_due_before_date(),
  'schedule-too-long': () => m.debt_err_schedule_too_long(),
  'more-than-left': (d) => m.debt_err_more_than_left({ left: moneyOf(d.left, d.currency) }),
  'unknown-debt': () => m.debt_err_unknown_debt(),
  closed: () => m.debt_err_closed(),
  'below-repaid': (d) => m.debt_err_below_repaid({ repaid: moneyOf(d.repaid, d.currency) }),
  'currency-in-use': () => m.debt_err_currency_in_use(),
  'schedule-missing': () => m.debt_err_schedule_missing(),
  'changes-incomplete': (d) =>
    d.missing === 'settings' ? m.mg_err_changes_no_settings() : m.mg_err_changes_missing_record(),
  // Refusals that name their real cause (issue 24): a gzip bomb, a ZIP/PDF/photo, a changed
  // iteration count.
  'unpacks-too-large': (d) => m.rf_err_unpacks_too_large({ limit: megabytes(d.limit) }),
  'binary-file': (d) => {
    const kind = BINARY_KIND[text(d.kind)]?.() ?? text(d.kind);
    return d.file === 'csv' ? m.rf_err_binary_csv({ kind }) : m.rf_err_binary_backup({ kind });
  },
  // A payout that arrived (issue 26, domain/arrival-rules.ts).
  'arrived-before-earned': () => m.arr_err_before_earned(),
  'arrived-pending': () => m.arr_err_pending(),
  'landed-not-positive': () => m.arr_err_landed(),
  'fee-over-payout': () => m.arr_err_fee(),
  'arrival-no-place': () => m.arr_err_no_place(),
  'arrival-no-rate': (d) => m.arr_err_no_rate({ currency: text(d.currency), date: text(d.date) }),
  'not-pending': () => m.arr_err_not_pending(),
  'kdf-changed': (d) =>
    m.rf_err_kdf_changed({
      iterations: typeof d.iterations === 'number' ? number(d.iterations) : text(d.iterations),
    }),
};

const BINARY_KIND: Record<string, () => string> = {
  zip: m.rf_kind_zip,
  pdf: m.rf_kind_pdf,
  image: m.rf_kind_image,
};

function number(n: number): string {
  return new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: 0 }).format(n);
}

/** Bytes as whole megabytes (MiB, as the limit is counted). */
function megabytes(bytes: unknown): string {
  return typeof bytes === 'number' ? number(bytes / 1024 / 1024) : '';
}

/** details.limit in details.currency, formatted: 'Rp 10.000.000.000.000'. */
function moneyLimit(d: Record<string, unknown>): string {
  if (typeof d.limit !== 'number') return '';
  try {
    return formatMoney(d.limit, text(d.currency), intlLocale());
  } catch {
    return String(d.limit);
  }
}

function moneyOf(minor: unknown, currency: unknown): string {
  return moneyLimit({ limit: minor, currency });
}

/** A detail as text; details are strings or numbers, anything else shows as nothing. */
function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** Codes whose '<record>/invalid' means "this record is invalid", not "this amount is invalid". */
const MONEY_PREFIXES = new Set(['money', 'date']);

/** Registered by other areas (backup, CSV) for their own codes, so this file stays small. */
const extra = new Map<string, (details: Record<string, unknown>) => string>();

export function registerErrorTexts(
  texts: Record<string, (details: Record<string, unknown>) => string>,
): void {
  for (const [code, text] of Object.entries(texts)) extra.set(code, text);
}

export function errorText(error: unknown): string {
  if (!isAnyamError(error)) return m.err_unexpected();
  const own = extra.get(error.code);
  if (own) return own(error.details);
  const [prefix = '', reason = ''] = error.code.split('/');
  if (error.code === 'date/invalid') return m.err_invalid_date();
  if (reason === 'invalid' && !MONEY_PREFIXES.has(prefix))
    return m.err_invalid({ code: error.code });
  const text = BY_REASON[reason];
  return text ? text(error.details) : m.err_invalid({ code: error.code });
}
