/**
 * The CSV side of entries, pure: column names, cell quoting with the formula-injection guard, and
 * reading back what people type into spreadsheets (dates in three orders, amounts with either
 * decimal separator). Shared by csv-export.ts and csv-import.ts so that a round trip is exact.
 */
import { isValidIsoDate } from '../../domain/dates';
import { AnyamError, type IsoDate } from '../../domain/model';
import { decimalStringToMinor } from '../../domain/money';

/** Export columns, in order; the header row uses these names unless the UI passes labels. */
export const CSV_COLUMNS = [
  'member',
  'stream',
  'kind',
  'platform',
  'date',
  'amount',
  'currency',
  'base_amount',
  'base_currency',
  'status',
  'paid_minutes',
  'unpaid_minutes',
  'note',
  // How a payout arrived (schema version 5): empty for an entry that has not said.
  'arrived_on',
  'landed_amount',
  'landed_currency',
  'landed_place',
  'fee',
  'via',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

export const CSV_BOM = '\uFEFF';
export const CSV_NEWLINE = '\r\n';

// ---------------------------------------------------------------------------------------------
// Writing cells

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or CR before one) as a formula:
 * `=HYPERLINK("http://evil","Click")` in a note would become a live link. Spreadsheets also skip
 * leading spaces before the sign, read `|` as a DDE call (LibreOffice, old Excel) and the
 * fullwidth signs ＝ ＋ － ＠ that Asian keyboards type as the ASCII ones. Such cells get a
 * leading apostrophe, which spreadsheets treat as "this is text". Cells that already start with
 * apostrophes (and spaces) before such a character get one more, so that the import can always
 * strip exactly one and give back the original text.
 */
const FORMULA_START = /^[\s']*[=+\-@|\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * Inverse of guardFormula for cells read back from a file: an apostrophe before what the guard
 * would have guarded is the guard's own. (A cell the guard left alone never looks like that:
 * `'` + a guarded start is itself a guarded start.)
 */
export function unguardFormula(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** A guarded cell, quoted when it holds a quote, the delimiter, a line break or edge spaces. */
export function csvCell(value: string, delimiter = ','): string {
  const text = guardFormula(value);
  if (
    text.includes('"') ||
    text.includes(delimiter) ||
    /[\r\n]/.test(text) ||
    text !== text.trim()
  ) {
    return `"${text.replace(/"/g, '""')}"`;
  }
  return text;
}

export function csvLine(values: readonly string[], delimiter = ','): string {
  return values.map((v) => csvCell(v, delimiter)).join(delimiter) + CSV_NEWLINE;
}

// ---------------------------------------------------------------------------------------------
// Reading cells

export const CSV_DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY'] as const;
export type CsvDateFormat = (typeof CSV_DATE_FORMATS)[number];

export type DecimalSeparator = '.' | ',';

// Spreadsheets often add a midnight time to a date cell ("2026-03-01 00:00:00").
const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?`;
const YMD = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`);
const XYZ = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})${TIME}$`);

/** The ISO date of a cell in `format`, or null when it is not a real calendar date. */
export function parseCsvDate(cell: string, format: CsvDateFormat): IsoDate | null {
  const text = cell.trim();
  let y: string, m: string, d: string;
  if (format === 'YYYY-MM-DD') {
    const match = YMD.exec(text);
    if (!match) return null;
    // Stryker disable next-line StringLiteral: every group of YMD takes part in a match, so the defaults are never read
    [, y = '', m = '', d = ''] = match;
  } else {
    const match = XYZ.exec(text);
    if (!match) return null;
    // Stryker disable next-line StringLiteral: every group of XYZ takes part in a match, so the defaults are never read
    const [, a = '', b = '', year = ''] = match;
    y = year;
    [d, m] = format === 'DD/MM/YYYY' ? [a, b] : [b, a];
  }
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}

export type AmountProblem = 'empty' | 'negative' | 'format' | 'too-many-decimals' | 'too-large';

// Currency marks people leave around amounts in the app's countries.
const CURRENCY_PREFIX = /^(?:rp\.?|idr|php|₱|vnd|₫|đ|usd|us\$|\$)/i;
const CURRENCY_SUFFIX = /(?:rp|idr|php|₱|vnd|₫|đ|usd|\$)$/i;

/**
 * A cell's amount as a plain decimal string ('1234567.50'), or the problem. `decimal` is the
 * separator the user chose; the other one may group thousands ('1.234.567,50' with ',').
 */
export function parseCsvAmount(
  cell: string,
  decimal: DecimalSeparator,
): { decimal: string } | { problem: AmountProblem } {
  let s = cell.replace(/[\s\u00a0\u202f\u2009']/g, '').replace(/\u2212/g, '-');
  if (s === '') return { problem: 'empty' };
  let negative = false;
  // Accounting style "(5,000)" and signs before or after a currency mark ("Rp -5.000").
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1);
  }
  const takeSign = (): void => {
    if (s.startsWith('-')) negative = true;
    if (s.startsWith('-') || s.startsWith('+')) s = s.slice(1);
  };
  takeSign();
  s = s.replace(CURRENCY_PREFIX, '').replace(CURRENCY_SUFFIX, '');
  takeSign();
  const group = decimal === '.' ? ',' : '.';
  const g = group === '.' ? '\\.' : ',';
  const dp = decimal === '.' ? '\\.' : ',';
  const match = new RegExp(`^(\\d{1,3}(?:${g}\\d{3})+|\\d+)(?:${dp}(\\d+))?$`).exec(s);
  if (!match) return { problem: 'format' };
  // Amounts are never negative in Anyam (schema.ts): say so rather than "not a number".
  // "-0" and "(0)" too: a minus sign asks for a negative amount (issue 24).
  if (negative) return { problem: 'negative' };
  const intDigits = match[1]!
    .split(group)
    .join('')
    .replace(/^0+(?=\d)/, '');
  const fraction = match[2] ?? '';
  return { decimal: fraction === '' ? intDigits : `${intDigits}.${fraction}` };
}

/**
 * Minor units of a decimal string in `currency`. Zeros past the currency's decimals are
 * dropped ('50000.00' VND is 50000, as spreadsheets often show two decimals for every column).
 */
export function decimalToMinor(decimal: string, currency: string): number | AmountProblem {
  const [intPart = '', frac = ''] = decimal.split('.');
  const trimmed = frac.replace(/0+$/, '');
  try {
    return decimalStringToMinor(trimmed === '' ? intPart : `${intPart}.${trimmed}`, currency);
  } catch (error) {
    if (error instanceof AnyamError && error.code === 'money/too-large') return 'too-large';
    return 'too-many-decimals';
  }
}
