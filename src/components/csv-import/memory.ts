/**
 * The import form's first state: the column mapping, date format and decimal separator the user
 * confirmed last time (kept in the device store), checked against the new file, else good guesses
 * from it.
 */
import {
  CSV_DATE_FORMATS,
  CSV_FIELDS,
  type CsvDateFormat,
  type CsvMapping,
  type CsvPreview,
  type DecimalSeparator,
} from '../../lib/db/backup';
import { parseCsvAmount, parseCsvDate } from '../../lib/db/backup/csv-format';
import { device } from '../../lib/state/device.svelte';

export interface CsvChoices {
  mapping: CsvMapping;
  dateFormat: CsvDateFormat;
  decimalSeparator: DecimalSeparator;
}

/** Remembers the choices confirmed (a full or blocked storage only costs the convenience). */
export function rememberChoices(choices: CsvChoices): void {
  device.rememberCsvChoices(choices);
}

/** Cells of the column mapped to `field` in the preview's rows. */
function sample(preview: CsvPreview, header: string | null): string[] {
  const index = header === null ? -1 : preview.headers.indexOf(header);
  if (index < 0) return [];
  return preview.rows.map((row) => (row[index] ?? '').trim()).filter((cell) => cell !== '');
}

/** The formats every sample date reads in, the remembered one first. */
function dateFormatFor(dates: string[], preferred: CsvDateFormat[]): CsvDateFormat {
  const fitting = CSV_DATE_FORMATS.filter((f) => dates.every((d) => parseCsvDate(d, f) !== null));
  return preferred.find((f) => fitting.includes(f)) ?? fitting[0] ?? preferred[0]!;
}

function decimalFor(amounts: string[], preferred: DecimalSeparator): DecimalSeparator {
  const reads = (sep: DecimalSeparator) =>
    amounts.filter((a) => !('problem' in parseCsvAmount(a, sep))).length;
  const other: DecimalSeparator = preferred === '.' ? ',' : '.';
  return reads(other) > reads(preferred) ? other : preferred;
}

/**
 * The choices for a new file. `localeDefaults` is what the user's language suggests when neither
 * memory nor the file decides (day/month/year and a decimal comma in Indonesian and Vietnamese).
 */
export function initialChoices(
  preview: CsvPreview,
  localeDefaults: { dateFormat: CsvDateFormat; decimalSeparator: DecimalSeparator },
): CsvChoices {
  const remembered = device.current.csvImport ?? {};
  const mapping = { ...preview.guessedMapping };
  for (const field of CSV_FIELDS) {
    const header = remembered.mapping?.[field];
    if (typeof header === 'string' && preview.headers.includes(header)) mapping[field] = header;
  }
  const rememberedFormat = CSV_DATE_FORMATS.find((f) => f === remembered.dateFormat);
  const preferredFormats = [
    ...(rememberedFormat ? [rememberedFormat] : []),
    'YYYY-MM-DD' as const,
    localeDefaults.dateFormat,
  ];
  const rememberedDecimal =
    remembered.decimalSeparator === '.' || remembered.decimalSeparator === ','
      ? remembered.decimalSeparator
      : null;
  return {
    mapping,
    dateFormat: dateFormatFor(sample(preview, mapping.date), preferredFormats),
    decimalSeparator: decimalFor(
      sample(preview, mapping.amount),
      rememberedDecimal ?? localeDefaults.decimalSeparator,
    ),
  };
}
