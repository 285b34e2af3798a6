/**
 * Words for backups: table names and a specific sentence for every backup/* error code, with
 * the table, record number and field where the error names them (registered with errorText).
 */
import { m } from '../../paraglide/messages.js';
import type { TableName } from '../../lib/domain/model';
import { registerErrorTexts } from '../../lib/i18n/error-text';
import { formatNumber } from '../../lib/state/format.svelte';

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
    default:
      return text(d.reason);
  }
}

/** Why a record failed its schema, from the record's own code ('entry/invalid-date'). */
function recordProblem(recordCode: unknown): string {
  const reason = typeof recordCode === 'string' ? (recordCode.split('/')[1] ?? '') : '';
  switch (reason) {
    case 'invalid-amount':
      return m.bk_why_amount();
    case 'invalid-date':
      return m.bk_why_date();
    case 'invalid-currency':
      return m.bk_why_currency();
    case 'invalid-value':
      return m.bk_why_rate();
    case 'ended-before-start':
      return m.bk_why_ended_before_start();
    default:
      return m.bk_why_record();
  }
}

registerErrorTexts({
  'backup/too-large': (d) =>
    m.bk_err_too_large({ size: megabytes(d.bytes), limit: megabytes(d.limit) }),
  'backup/not-json': (d) =>
    d.reason === 'utf-16' || d.reason === 'invalid-utf-8'
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
    const why = recordProblem(d.recordCode);
    return typeof d.field === 'string' && d.field !== ''
      ? m.bk_err_invalid_record({ ...where, field: d.field, why })
      : m.bk_err_invalid_record_whole({ ...where, why });
  },
  'backup/duplicate-id': (d) =>
    m.bk_err_duplicate_id({ table: table(d.table), number: recordNumber(d.index) }),
  'backup/dangling-reference': (d) =>
    m.bk_err_dangling({
      table: table(d.table),
      number: recordNumber(d.index),
      target: table(d.target),
      field: text(d.field),
    }),
  'backup/passphrase-required': () => m.bk_err_passphrase_required(),
  'backup/empty-passphrase': () => m.bk_err_empty_passphrase(),
  'backup/wrong-passphrase': () => m.bk_err_wrong_passphrase(),
  'backup/corrupted': () => m.bk_err_corrupted(),
  'backup/weak-parameters': (d) => m.bk_err_weak_parameters({ iterations: text(d.iterations) }),
  'backup/no-crypto': () => m.bk_err_no_crypto(),
  'import/cancelled': () => m.bk_cancelled(),
});
