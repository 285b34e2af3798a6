/**
 * Words for the CSV import: field names, job phases, and a sentence for every csv/* error code
 * (registered with errorText, so an error thrown by importCsv reads the same as the report).
 */
import { m } from '../../paraglide/messages.js';
import type { CsvDateFormat, CsvField, JobProgress } from '../../lib/db/backup';
import { registerErrorTexts } from '../../lib/i18n/error-text';
import { formatNumber } from '../../lib/state/format.svelte';
import { MAX_NAME_LENGTH } from '../../lib/domain/schema-fields';

export const FIELD_LABEL: Record<CsvField, () => string> = {
  date: m.bk_field_date,
  amount: m.bk_field_amount,
  currency: m.bk_field_currency,
  stream: m.bk_field_stream,
  member: m.bk_field_member,
  kind: m.bk_field_kind,
  platform: m.bk_field_platform,
  status: m.bk_field_status,
  paidMinutes: m.bk_field_paid_minutes,
  unpaidMinutes: m.bk_field_unpaid_minutes,
  note: m.bk_field_note,
};

export const DATE_FORMAT_LABEL: Record<CsvDateFormat, () => string> = {
  'YYYY-MM-DD': m.bk_date_ymd,
  'DD/MM/YYYY': m.bk_date_dmy,
  'MM/DD/YYYY': m.bk_date_mdy,
};

const PHASE_LABEL: Record<JobProgress['phase'], () => string> = {
  reading: m.bk_phase_reading,
  validating: m.bk_phase_validating,
  writing: m.bk_phase_writing,
  rollups: m.bk_phase_rollups,
};

export function phaseLabel(phase: JobProgress['phase']): string {
  return PHASE_LABEL[phase]();
}

/** A detail as text; anything but a string or number shows as nothing. */
export function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

function fieldLabel(field: unknown): string {
  return typeof field === 'string' && field in FIELD_LABEL
    ? FIELD_LABEL[field as CsvField]()
    : text(field);
}

function dateFormatLabel(format: unknown): string {
  return typeof format === 'string' && format in DATE_FORMAT_LABEL
    ? DATE_FORMAT_LABEL[format as CsvDateFormat]()
    : text(format);
}

/** The problem of one cell, without the line ("the date is empty"). */
const ROW_PROBLEM: Record<string, (d: Record<string, unknown>) => string> = {
  'csv/bad-date': (d) => {
    if (d.reason === 'empty') return m.bk_csv_date_empty();
    if (d.reason === 'too-far') return m.bk_csv_date_far({ value: text(d.value) });
    return m.bk_csv_date_bad({ value: text(d.value), format: dateFormatLabel(d.dateFormat) });
  },
  'csv/bad-amount': (d) => {
    const value = text(d.value);
    switch (d.reason) {
      case 'empty':
        return m.bk_csv_amount_empty();
      case 'negative':
        return m.bk_csv_amount_negative({ value });
      case 'too-many-decimals':
        return m.bk_csv_amount_decimals({ value });
      case 'too-large':
        return m.bk_csv_amount_large({ value });
      default:
        return m.bk_csv_amount_format({ value });
    }
  },
  'csv/bad-currency': (d) => m.bk_csv_currency({ value: text(d.value) }),
  'csv/bad-status': (d) => m.bk_csv_status({ value: text(d.value) }),
  'csv/bad-minutes': (d) => m.bk_csv_minutes({ field: fieldLabel(d.field), value: text(d.value) }),
  'csv/note-too-long': () => m.bk_csv_note_long(),
  'csv/name-too-long': (d) => {
    const value = text(d.value).trim();
    return m.rf_csv_name_too_long({
      field: fieldLabel(d.field),
      value: value.length > 40 ? `${value.slice(0, 40)}…` : value,
      length: formatNumber(value.length, 0),
      max: formatNumber(MAX_NAME_LENGTH, 0),
    });
  },
  'csv/missing-stream': () => m.bk_csv_stream_empty(),
  'csv/ambiguous-stream': (d) => m.bk_csv_stream_ambiguous({ value: text(d.value) }),
  'csv/bad-quotes': () => m.bk_csv_quotes(),
  'csv/unknown-stream': (d) => m.bk_csv_unknown_stream({ name: text(d.name) }),
};

/**
 * "Line 5: “2026-02-30” is not a date in the format day/month/year." for a row of the report
 * (or the details of an error importCsv threw). `dateFormat` names the format the user chose.
 */
export function rowProblemText(
  problem: { line?: unknown; code: string },
  dateFormat?: CsvDateFormat,
): string {
  const describe = ROW_PROBLEM[problem.code];
  const what = describe ? describe({ dateFormat, ...problem }) : m.bk_csv_row_other();
  return problem.line === undefined ? what : m.bk_line({ line: text(problem.line), problem: what });
}

function megabytes(bytes: unknown): string {
  return formatNumber(typeof bytes === 'number' ? bytes / 1024 / 1024 : 0, 0);
}

registerErrorTexts({
  ...Object.fromEntries(
    Object.keys(ROW_PROBLEM).map((code) => [code, (d) => rowProblemText({ ...d, code })]),
  ),
  'csv/too-large': (d) =>
    m.bk_csv_too_large({ size: megabytes(d.bytes), limit: megabytes(d.limit) }),
  'csv/bad-encoding': (d) =>
    d.reason === 'utf-16' ? m.bk_csv_utf16() : m.bk_csv_not_utf8({ line: text(d.line) }),
  'csv/empty': () => m.bk_csv_empty(),
  'csv/missing-column': (d) =>
    typeof d.column === 'string'
      ? m.bk_csv_column_gone({ column: d.column, field: fieldLabel(d.field) })
      : m.bk_csv_column_missing({ field: fieldLabel(d.field) }),
  'csv/has-invalid-rows': (d) => {
    const first = (d.first ?? {}) as Record<string, unknown>;
    return m.bk_csv_has_invalid({ count: text(d.count), line: text(first.line) });
  },
  'csv/unknown-member': (d) => m.bk_csv_unknown_member({ name: text(d.name) }),
  'csv/household-changed': () => m.bk_csv_household_changed(),
  'import/cancelled': () => m.bk_cancelled(),
});
