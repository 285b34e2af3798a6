/**
 * Checking every row of an entries CSV against the household before anything is written: the
 * report lists each bad row with its line and reason, and the streams and members the file names
 * that do not exist yet (offered for creation). Pure: the household comes in as `CsvContext`.
 */
import {
  AnyamError,
  ENTRY_STATUSES,
  STREAM_KINDS,
  type EntryStatus,
  type IsoDate,
  type StreamKind,
} from '../../domain/model';
import { isCurrencyCode } from '../../domain/money';
import { MAX_MINUTES, MAX_NAME_LENGTH, MAX_NOTE_LENGTH } from '../../domain/schema-fields';
import { latestEntryDate } from '../repo/entry-rules';
import { throwIfCancelled, yieldToEventLoop, type JobProgressListener } from './cancel';
import {
  decimalToMinor,
  parseCsvAmount,
  parseCsvDate,
  unguardFormula,
  type CsvDateFormat,
  type DecimalSeparator,
} from './csv-format';
import {
  csvSlices,
  detectDelimiter,
  detectNewline,
  isEmptyRecord,
  parseSlice,
  resolveColumns,
  type CsvField,
  type CsvMapping,
} from './csv-parse';
import {
  nameKey,
  Resolver,
  type CsvHousehold,
  type UnknownMember,
  type UnknownStream,
} from './csv-resolve';

export type { UnknownMember, UnknownStream } from './csv-resolve';
export { nameKey } from './csv-resolve';

export interface CsvImportOptions {
  mapping: CsvMapping;
  dateFormat: CsvDateFormat;
  decimalSeparator: DecimalSeparator;
  /** Detected from the text when absent. */
  delimiter?: string;
}

export interface CsvContext extends CsvHousehold {
  /** Currency of rows of a stream still to be created when the file has no currency column. */
  baseCurrency: string;
  /** For the "not more than a year ahead" rule; today when absent. */
  today?: IsoDate;
}

export interface CsvRowError {
  /** The row number a spreadsheet shows; the header is line 1. */
  line: number;
  /** csv/bad-date, csv/bad-amount, csv/bad-currency, csv/bad-status, csv/bad-minutes,
   * csv/note-too-long, csv/name-too-long, csv/missing-stream, csv/ambiguous-stream,
   * csv/bad-quotes. */
  code: string;
  field: CsvField | null;
  /** The cell as found (for "line 12: date 2026-02-30 is not a date"). */
  value: string;
  /** A finer reason where one code covers several: 'empty', 'negative', 'too-far' … */
  reason?: string;
}

/** A row that passed every check. Its stream either exists (streamId) or is to be created. */
export interface CsvRow {
  line: number;
  streamId: string | null;
  /** Key into `unknownStreams` when streamId is null. */
  newStream: string | null;
  date: IsoDate;
  /** Plain decimal ('1234.50'): turned into minor units once the currency is certain. */
  amount: string;
  /** From the file; null means the stream's currency. */
  currency: string | null;
  status: EntryStatus;
  paidMinutes: number;
  unpaidMinutes: number;
  note: string;
}

export interface CsvReport {
  options: CsvImportOptions & { delimiter: string };
  headers: string[];
  /** Data rows (empty lines not counted). */
  totalRows: number;
  /** Rows ready to import as the household stands. */
  readyRows: number;
  /** Rows waiting for a stream or member to be created. */
  pendingRows: number;
  /** Every problem of every bad row. */
  errors: CsvRowError[];
  /** Lines with at least one error. */
  invalidRows: number;
  unknownStreams: UnknownStream[];
  unknownMembers: UnknownMember[];
  /** The good rows, for importCsv. */
  rows: CsvRow[];
}

const STATUS_WORDS: Readonly<Record<string, EntryStatus>> = {
  received: 'received',
  paid: 'received',
  diterima: 'received',
  natanggap: 'received',
  'đã nhận': 'received',
  pending: 'pending',
  tertunda: 'pending',
  'belum dibayar': 'pending',
  nakabinbin: 'pending',
  chờ: 'pending',
  'đang chờ': 'pending',
};

function parseStatus(cell: string): EntryStatus | null {
  const word = nameKey(cell);
  if (word === '') return 'received';
  if ((ENTRY_STATUSES as readonly string[]).includes(word)) return word as EntryStatus;
  return STATUS_WORDS[word] ?? null;
}

function parseKind(cell: string): StreamKind | null {
  const word = nameKey(cell);
  return (STREAM_KINDS as readonly string[]).includes(word) ? (word as StreamKind) : null;
}

function parseMinutes(cell: string): number | null {
  const text = cell.trim();
  if (text === '') return 0;
  if (!/^\d{1,6}$/.test(text)) return null;
  const n = Number(text);
  return n <= MAX_MINUTES ? n : null;
}

/** Slices between two yields; a slice is SLICE_CHARS of text. */
export interface ValidateCsvOptions {
  onProgress?: JobProgressListener;
  signal?: AbortSignal;
  sliceChars?: number;
  /** See CsvHousehold.nameOf. */
  nameOf?: (stored: string) => string;
}

/**
 * Reads every row of `text` (already decoded, see csv-import.ts) and reports. Throws only for
 * problems of the whole file: csv/empty, csv/missing-column, import/cancelled.
 */
export async function validateCsvText(
  text: string,
  options: CsvImportOptions,
  context: CsvContext,
  run: ValidateCsvOptions = {},
): Promise<CsvReport> {
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const newline = detectNewline(text);
  const latest = latestEntryDate(context.today);
  const resolver = new Resolver(run.nameOf ? { ...context, nameOf: run.nameOf } : context);
  const errors: CsvRowError[] = [];
  const rows: CsvRow[] = [];
  let headers: string[] | null = null;
  let columns: Partial<Record<CsvField, number>> = {};
  let line = 0;
  let totalRows = 0;
  let invalidRows = 0;

  for (const [start, end] of csvSlices(text, run.sliceChars, newline)) {
    const { records, malformed } = parseSlice(text.slice(start, end), delimiter, newline);
    for (let r = 0; r < records.length; r++) {
      line++;
      const record = records[r]!;
      if (isEmptyRecord(record)) continue;
      if (headers === null) {
        headers = record.map((h) => h.trim());
        columns = resolveColumns(headers, options.mapping);
        continue;
      }
      totalRows++;
      const before = errors.length;
      if (malformed.has(r)) {
        errors.push({ line, code: 'csv/bad-quotes', field: null, value: record.join(delimiter) });
      } else {
        const row = checkRow(record, line, columns, options, resolver, latest, errors);
        if (row && errors.length === before) rows.push(row);
      }
      if (errors.length > before) invalidRows++;
    }
    run.onProgress?.({ phase: 'validating', done: end, total: text.length });
    await yieldToEventLoop();
    throwIfCancelled(run.signal);
  }
  if (headers === null) throw new AnyamError('csv/empty');

  const pendingRows = rows.filter((row) => row.streamId === null).length;
  return {
    options: { ...options, delimiter },
    headers,
    totalRows,
    readyRows: rows.length - pendingRows,
    pendingRows,
    errors,
    invalidRows,
    unknownStreams: [...resolver.unknownStreams.values()],
    unknownMembers: [...resolver.unknownMembers.values()],
    rows,
  };
}

function checkRow(
  record: readonly string[],
  line: number,
  columns: Partial<Record<CsvField, number>>,
  options: CsvImportOptions,
  resolver: Resolver,
  latest: IsoDate,
  errors: CsvRowError[],
): CsvRow | null {
  const cell = (field: CsvField): string => {
    const index = columns[field];
    return index === undefined ? '' : unguardFormula(record[index] ?? '');
  };
  const fail = (code: string, field: CsvField | null, reason?: string): null => {
    errors.push({
      line,
      code,
      field,
      // Stryker disable next-line StringLiteral: every fail() names its field (bad quotes are reported apart), so this value is never read
      value: field ? cell(field) : '',
      ...(reason ? { reason } : {}),
    });
    return null;
  };

  const dateCell = cell('date');
  const date = parseCsvDate(dateCell, options.dateFormat);
  if (date === null) fail('csv/bad-date', 'date', dateCell.trim() === '' ? 'empty' : 'not-a-date');
  else if (date > latest) fail('csv/bad-date', 'date', 'too-far');

  const currencyCell = cell('currency').trim().toUpperCase();
  const currency = currencyCell === '' ? null : currencyCell;
  if (currency !== null && !isCurrencyCode(currency)) fail('csv/bad-currency', 'currency');

  const status = parseStatus(cell('status'));
  if (status === null) fail('csv/bad-status', 'status');
  const paidMinutes = parseMinutes(cell('paidMinutes'));
  if (paidMinutes === null) fail('csv/bad-minutes', 'paidMinutes');
  const unpaidMinutes = parseMinutes(cell('unpaidMinutes'));
  if (unpaidMinutes === null) fail('csv/bad-minutes', 'unpaidMinutes');
  const note = cell('note');
  if (note.length > MAX_NOTE_LENGTH) fail('csv/note-too-long', 'note');
  // A name past the limit is refused on its row, before anything is created: a form field cuts
  // a name at its maxlength, and a stream made from the file would fail only at import.
  let longName = false;
  for (const field of ['member', 'stream', 'platform'] as const) {
    if (cell(field).trim().length > MAX_NAME_LENGTH) {
      fail('csv/name-too-long', field);
      // Stryker disable next-line BooleanLiteral: the error is already pushed, and a row that added one is never kept (errors.length === before)
      longName = true;
    }
  }

  const streamName = cell('stream');
  let resolved: ReturnType<Resolver['resolve']> | null = null;
  if (streamName.trim() === '') fail('csv/missing-stream', 'stream', 'empty');
  else {
    const platform = cell('platform').trim();
    resolved = resolver.resolve(streamName, cell('member'), {
      kind: parseKind(cell('kind')),
      platform: platform === '' ? null : platform,
      currency: currency !== null && isCurrencyCode(currency) ? currency : null,
    });
    if ('error' in resolved) fail(resolved.error, 'stream');
  }

  const parsed = parseCsvAmount(cell('amount'), options.decimalSeparator);
  const amountCurrency =
    currency ?? (resolved && 'stream' in resolved ? resolved.stream.currency : null);
  if ('problem' in parsed) fail('csv/bad-amount', 'amount', parsed.problem);
  else if (amountCurrency !== null && isCurrencyCode(amountCurrency)) {
    const minor = decimalToMinor(parsed.decimal, amountCurrency);
    if (typeof minor !== 'number') fail('csv/bad-amount', 'amount', minor);
  }

  if (
    !resolved ||
    // Stryker disable next-line StringLiteral: a resolve error was pushed above (fail), and a row that added one is never kept
    'error' in resolved ||
    longName ||
    date === null ||
    status === null ||
    // Stryker disable next-line StringLiteral: an amount problem was pushed above (fail), and a row that added one is never kept
    'problem' in parsed
  ) {
    return null;
  }
  return {
    line,
    streamId: 'stream' in resolved ? resolved.stream.id : null,
    newStream: 'newStream' in resolved ? resolved.newStream : null,
    date,
    amount: parsed.decimal,
    currency,
    status,
    paidMinutes: paidMinutes ?? 0,
    unpaidMinutes: unpaidMinutes ?? 0,
    note,
  };
}
