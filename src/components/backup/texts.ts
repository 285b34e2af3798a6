/**
 * Words for backups: table names and a specific sentence for every backup/* error code, with
 * the table, record number and field where the error names them (registered with errorText).
 */
import { m } from '../../paraglide/messages.js';
import type { TableName } from '../../lib/domain/model';
import { registerErrorTexts } from '../../lib/i18n/error-text';
import { formatMoney } from '../../lib/domain/money';
import { MAX_NAME_LENGTH, MAX_NOTE_LENGTH } from '../../lib/domain/schema-fields';
import { formatNumber } from '../../lib/state/format.svelte';
import { intlLocale } from '../../lib/i18n/locale.svelte';
import { displayName } from '../../lib/i18n/sample-labels';
import '../funds/fund-error-texts';

export const TABLE_LABEL: Record<TableName, () => string> = {
  settings: m.bk_table_settings,
  members: m.bk_table_members,
  streams: m.bk_table_streams,
  entries: m.bk_table_entries,
  plans: m.bk_table_plans,
  places: m.bk_table_places,
  savings: m.bk_table_savings,
  rates: m.bk_table_rates,
  training: m.bk_table_training,
  payments: m.bk_table_payments,
  skips: m.bk_table_skips,
  funds: m.fund_table_funds,
  setAsides: m.fund_table_set_asides,
  groups: m.grp_table_groups,
  groupPayments: m.grp_table_payments,
  debts: m.debt_table_debts,
  repayments: m.debt_table_repayments,
};

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function table(value: unknown): string {
  return typeof value === 'string' && value in TABLE_LABEL
    ? TABLE_LABEL[value as TableName]()
    : text(value);
}

/** Records are counted from 1 for people; the file's index counts from 0. */
function recordNumber(index: unknown): string {
  return typeof index === 'number' ? String(index + 1) : '?';
}

function megabytes(bytes: unknown): string {
  return formatNumber(typeof bytes === 'number' ? bytes / 1024 / 1024 : 0, 0);
}

/** What is wrong with a damaged envelope, by details.reason. */
function damage(d: Record<string, unknown>): string {
  if (d.encrypted === true) return m.bk_why_encryption_header({ reason: text(d.reason) });
  switch (d.reason) {
    case 'version':
      return m.bk_why_version();
    case 'unknown-field':
      return m.bk_why_unknown_field({ field: text(d.field) });
    case 'exportedAt':
      return m.bk_why_exported_at();
    case 'app':
      return m.bk_why_app();
    case 'tables':
      return m.bk_why_tables();
    case 'unknown-table':
      return m.bk_why_unknown_table({ table: text(d.table) });
    case 'table-not-array':
      return m.bk_why_table_not_list({ table: table(d.table) });
    case 'changes':
      return m.hh_why_changes();
    default:
      return text(d.reason);
  }
}

/**
 * Every field of every record in the user's language: a message never shows a raw field id
 * such as "amountMinor". A field a file has that Anyam does not know is quoted as the file has it.
 */
const FIELD_LABEL: Record<string, () => string> = {
  id: m.bk_rf_id,
  createdAt: m.bk_rf_createdAt,
  updatedAt: m.bk_rf_updatedAt,
  deletedAt: m.bk_rf_deletedAt,
  householdName: m.bk_rf_householdName,
  baseCurrency: m.bk_rf_baseCurrency,
  locale: m.bk_rf_locale,
  theme: m.bk_rf_theme,
  lastBackupAt: m.bk_rf_lastBackupAt,
  backupReminderSnoozedUntil: m.bk_rf_backupReminderSnoozedUntil,
  isSample: m.bk_rf_isSample,
  name: m.bk_rf_name,
  color: m.bk_rf_color,
  role: m.bk_rf_role,
  archived: m.bk_rf_archived,
  memberId: m.bk_rf_memberId,
  kind: m.bk_rf_kind,
  platform: m.bk_rf_platform,
  currency: m.bk_rf_currency,
  expected: m.bk_rf_expected,
  'expected.amountMinor': m.bk_rf_expected_amountMinor,
  'expected.cadence': m.bk_rf_expected_cadence,
  'expected.daysPerWeek': m.bk_rf_expected_daysPerWeek,
  startedOn: m.bk_rf_startedOn,
  endedOn: m.bk_rf_endedOn,
  streamId: m.bk_rf_streamId,
  date: m.bk_rf_date,
  amountMinor: m.bk_rf_amountMinor,
  status: m.bk_rf_status,
  paidMinutes: m.bk_rf_paidMinutes,
  unpaidMinutes: m.bk_rf_unpaidMinutes,
  note: m.bk_rf_note,
  category: m.bk_rf_category,
  cadence: m.bk_rf_cadence,
  dueOn: m.bk_rf_dueOn,
  fundedBy: m.bk_rf_fundedBy,
  value: m.bk_rf_value,
  title: m.bk_rf_title,
  hours: m.bk_rf_hours,
  costMinor: m.bk_rf_costMinor,
  targetMinor: m.fund_rf_target,
  fundId: m.fund_rf_fund,
  entryId: m.fund_rf_entry,
};

export function fieldLabel(field: string): string {
  // 'fundedBy.0' is an item of fundedBy.
  const path = field
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .join('.');
  return FIELD_LABEL[path]?.() ?? field;
}

const TIMESTAMPS = new Set([
  'createdAt',
  'updatedAt',
  'deletedAt',
  'lastBackupAt',
  'backupReminderSnoozedUntil',
]);
const NUMBER_RULES = new Set([
  'number',
  'integer',
  'safe_integer',
  'finite',
  'min_value',
  'max_value',
]);

/**
 * What is wrong with a record, from its own code ('entry/invalid-date') and, for a code that
 * only says "invalid", from the check that failed (valibot's issue type) and the field.
 */
function recordProblem(d: Record<string, unknown>): string {
  const code = typeof d.recordCode === 'string' ? d.recordCode : '';
  const rule = typeof d.rule === 'string' ? d.rule : '';
  const field = typeof d.field === 'string' ? d.field : '';
  if (rule === 'strict_object')
    return d.received === 'undefined' ? m.bk_why_missing() : m.bk_why_unknown();
  switch (code.split('/')[1] ?? '') {
    case 'invalid-amount':
      return rule === 'max_value' ? m.bk_why_amount_too_large() : m.bk_why_amount();
    case 'invalid-date':
      return m.bk_why_date();
    case 'invalid-currency':
      return m.bk_why_currency();
    case 'invalid-value':
      return m.bk_why_rate();
    case 'ended-before-start':
      return m.bk_why_ended_before_start();
    case 'date-too-far':
      return m.bk_why_date_too_far();
    case 'member-mismatch':
      return m.bk_why_member_mismatch();
    case 'note-too-long':
      return m.bk_why_too_long({ max: formatNumber(MAX_NOTE_LENGTH, 0) });
    case 'name-too-long':
      return m.bk_why_too_long({ max: formatNumber(MAX_NAME_LENGTH, 0) });
    case 'empty-name':
    case 'empty-title':
      return m.bk_why_empty();
    case 'invisible-name':
      return m.bk_why_invisible();
    case 'invalid-minutes':
      return m.bk_why_minutes();
    case 'negative-balance':
      return m.rf_why_negative_balance();
    case 'invalid-pay-day':
      return rule === 'partial_check' ? m.rf_why_pay_day_cadence() : m.rf_why_pay_day();
  }
  if (field === 'color') return m.bk_why_color();
  if (TIMESTAMPS.has(field)) return m.bk_why_timestamp();
  if (rule === 'picklist') return m.bk_why_choice();
  if (rule === 'uuid') return m.bk_why_id();
  if (rule === 'boolean') return m.bk_why_yes_no();
  if (rule === 'non_empty') return m.bk_why_empty();
  if (rule === 'check' && field.startsWith('fundedBy')) return m.bk_why_once_each();
  if (NUMBER_RULES.has(rule)) return m.bk_why_number();
  return m.bk_why_type();
}

/** A money limit in the user's words: 'Rp 10.000.000.000.000'. */
function limit(d: Record<string, unknown>): string {
  const currency = typeof d.currency === 'string' ? d.currency : '';
  if (typeof d.limit !== 'number') return '';
  try {
    return formatMoney(d.limit, currency, intlLocale());
  } catch {
    return formatNumber(d.limit, 0);
  }
}

registerErrorTexts({
  'backup/too-large': (d) =>
    m.bk_err_too_large({ size: megabytes(d.bytes), limit: megabytes(d.limit) }),
  'backup/not-json': (d) =>
    d.reason === 'utf-16'
      ? m.bk_err_utf16()
      : d.reason === 'invalid-utf-8'
        ? m.bk_err_not_text()
        : m.bk_err_not_json(),
  'backup/unsafe-key': (d) => m.bk_err_unsafe_key({ key: text(d.key) }),
  'backup/wrong-format': (d) =>
    !d.encrypted && (d.reason === 'format' || d.reason === 'not-an-object')
      ? m.bk_err_not_backup()
      : m.bk_err_damaged({ why: damage(d) }),
  'backup/future-version': (d) =>
    m.bk_err_future_version({ version: text(d.version), supported: text(d.supported) }),
  'backup/missing-table': (d) => m.bk_err_missing_table({ table: table(d.table) }),
  'backup/invalid-record': (d) => {
    if (d.reason === 'more-than-one-settings') return m.bk_err_two_settings();
    const where = { table: table(d.table), number: recordNumber(d.index) };
    const why = recordProblem(d);
    return typeof d.field === 'string' && d.field !== ''
      ? m.bk_err_invalid_record({ ...where, field: fieldLabel(d.field), why })
      : m.bk_err_invalid_record_whole({ ...where, why });
  },
  'backup/duplicate-id': (d) =>
    m.bk_err_duplicate_id({ table: table(d.table), number: recordNumber(d.index) }),
  'backup/dangling-reference': (d) =>
    m.bk_err_dangling({
      table: table(d.table),
      number: recordNumber(d.index),
      target: table(d.target),
      field: fieldLabel(text(d.field)),
    }),
  'backup/passphrase-required': () => m.bk_err_passphrase_required(),
  'backup/empty-passphrase': () => m.bk_err_empty_passphrase(),
  'backup/wrong-passphrase': () => m.bk_err_wrong_passphrase(),
  'backup/corrupted': (d) =>
    d.reason === 'header' ? m.bk_err_header_damaged() : m.bk_err_corrupted(),
  'backup/total-too-large': (d) =>
    m.bk_err_total_too_large({ currency: text(d.currency), limit: limit(d) }),
  'backup/weak-parameters': (d) => m.bk_err_weak_parameters({ iterations: text(d.iterations) }),
  'backup/no-crypto': () => m.bk_err_no_crypto(),
  'backup/gzip-damaged': () => m.hh_err_gzip_damaged(),
  'backup/double-compressed': () => m.hh_err_double_compressed(),
  'backup/not-gzip': () => m.hh_err_not_gzip(),
  'backup/other-household': (d) =>
    m.hh_err_other_household({ name: displayName(text(d.householdName)) }),
  'backup/partial-replace': () => m.hh_err_partial_replace(),
  'import/cancelled': () => m.bk_cancelled(),
});
