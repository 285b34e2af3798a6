/**
 * Turning CSV text into records with papaparse, a slice at a time, plus the column mapping the
 * user confirms (and the UI remembers). Pure: no Dexie.
 *
 * Slicing: papaparse is synchronous on a string, and 100,000 rows at once would freeze the page
 * for a noticeable moment. The text is cut at line breaks that lie outside quoted fields (an
 * even number of '"' before the break: RFC 4180 escapes a quote by doubling it, so the parity
 * says whether we are inside a field), each slice is parsed on its own, and the caller yields
 * to the event loop between slices. A record never spans two slices, so numbering stays exact.
 */
import Papa from 'papaparse';
import { AnyamError } from '../../domain/model';

/** Fields of an entry a CSV column can fill. */
export const CSV_FIELDS = [
  'date',
  'amount',
  'currency',
  'stream',
  'member',
  'kind',
  'platform',
  'status',
  'paidMinutes',
  'unpaidMinutes',
  'note',
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/** Without these an entry cannot be made. */
export const REQUIRED_FIELDS: readonly CsvField[] = ['date', 'amount', 'stream'];

/** Field → the header of the column that fills it (null: not in the file). The UI stores it. */
export type CsvMapping = Record<CsvField, string | null>;

/** Header words people use, per field, in English, Indonesian, Filipino and Vietnamese. */
const SYNONYMS: Readonly<Record<CsvField, readonly string[]>> = {
  date: ['date', 'day', 'tanggal', 'tgl', 'petsa', 'araw', 'ngay', 'transactiondate'],
  amount: ['amount', 'jumlah', 'nominal', 'nilai', 'halaga', 'sotien', 'tien', 'income'],
  currency: ['currency', 'ccy', 'matauang', 'pera', 'salapi', 'tiente', 'loaitien'],
  stream: [
    'stream',
    'incomestream',
    'source',
    'sumber',
    'sumberpendapatan',
    'pinagkukunan',
    'pinagmulan',
    'nguonthu',
    'nguon',
  ],
  member: ['member', 'person', 'who', 'anggota', 'miyembro', 'kasapi', 'thanhvien', 'nguoi'],
  kind: ['kind', 'type', 'jenis', 'uri', 'klase', 'loai'],
  platform: ['platform', 'employer', 'platforma', 'pemberikerja', 'amo', 'nentang', 'chulaodong'],
  status: ['status', 'katayuan', 'trangthai'],
  paidMinutes: [
    'paidminutes',
    'minutespaid',
    'menitdibayar',
    'bayadnaminuto',
    'minutongbayad',
    'phutcotra',
    'phutduoctra',
  ],
  unpaidMinutes: [
    'unpaidminutes',
    'minutesunpaid',
    'menittidakdibayar',
    'dibayadnaminuto',
    'minutonghindibayad',
    'phutkhongtra',
    'phutkhongduoctra',
  ],
  note: ['note', 'notes', 'memo', 'description', 'catatan', 'keterangan', 'tala', 'ghichu'],
};

/** 'Số tiền' → 'sotien', 'Paid minutes' → 'paidminutes'. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * A first mapping for `headers`: each field takes the first unused header whose normalised
 * text is one of its synonyms. Our own export's headers map fully.
 */
export function guessMapping(headers: readonly string[]): CsvMapping {
  const used = new Set<number>();
  const mapping = Object.fromEntries(CSV_FIELDS.map((f) => [f, null])) as CsvMapping;
  for (const field of CSV_FIELDS) {
    const index = headers.findIndex(
      (h, i) => !used.has(i) && SYNONYMS[field].includes(normalizeHeader(h)),
    );
    if (index >= 0) {
      used.add(index);
      mapping[field] = headers[index]!;
    }
  }
  return mapping;
}

/** Column index per mapped field; csv/missing-column when a required or mapped one is absent. */
export function resolveColumns(
  headers: readonly string[],
  mapping: CsvMapping,
): Partial<Record<CsvField, number>> {
  const columns: Partial<Record<CsvField, number>> = {};
  for (const field of CSV_FIELDS) {
    const header = mapping[field];
    if (header === null || header === undefined) {
      if (REQUIRED_FIELDS.includes(field)) {
        throw new AnyamError('csv/missing-column', { field, column: null, line: 1 });
      }
      continue;
    }
    const index = headers.indexOf(header);
    if (index < 0) throw new AnyamError('csv/missing-column', { field, column: header, line: 1 });
    columns[field] = index;
  }
  return columns;
}

// ---------------------------------------------------------------------------------------------
// Slices and records

export type Newline = '\r\n' | '\n' | '\r';

/** Characters per slice: ~2,500 typical rows, one short task (docs/performance.md). */
export const SLICE_CHARS = 250_000;

/**
 * [start, end) ranges of `text`, each ending just after a `newline` outside quotes (or at the
 * end of the text). A quote left open runs to the end, where papaparse reports it.
 */
export function* csvSlices(
  text: string,
  sliceChars = SLICE_CHARS,
  newline: Newline = '\n',
): Generator<[number, number]> {
  let start = 0;
  while (start < text.length) {
    const target = start + sliceChars;
    // Stryker disable next-line BlockStatement: a shortcut: without it the search finds no line break past the end and the same last slice is yielded
    if (target >= text.length) {
      yield [start, text.length];
      return;
    }
    let scanned = start;
    let quotes = 0;
    let cut = -1;
    let at = text.indexOf(newline, Math.max(target - newline.length, start));
    while (at >= 0) {
      // Stryker disable next-line AssignmentOperator: only the count's parity is read, and −n has the parity of n
      quotes += countQuotes(text, scanned, at);
      scanned = at;
      if (quotes % 2 === 0) {
        cut = at + newline.length;
        break;
      }
      at = text.indexOf(newline, at + newline.length);
    }
    if (cut < 0) {
      yield [start, text.length];
      return;
    }
    yield [start, cut];
    start = cut;
  }
}

function countQuotes(text: string, from: number, to: number): number {
  let n = 0;
  // Stryker disable next-line UpdateOperator: only the count's parity is read, and −n has the parity of n
  for (let i = text.indexOf('"', from); i >= 0 && i < to; i = text.indexOf('"', i + 1)) n++;
  return n;
}

/** Papa's guess among , ; tab and |, from the first lines. */
export function detectDelimiter(text: string): string {
  // Stryker disable next-line StringLiteral: papaparse always reports a delimiter (',' when it cannot guess), so the fallback is never read
  return sniff(text).meta.delimiter || ',';
}

/**
 * The file's line break, guessed once from its start: papaparse would otherwise guess per slice,
 * and a slice that starts inside a note holding a lone '\r' could be read with the wrong one.
 */
export function detectNewline(text: string): Newline {
  const linebreak = sniff(text).meta.linebreak;
  return linebreak === '\r\n' || linebreak === '\r' ? linebreak : '\n';
}

function sniff(text: string) {
  return Papa.parse<string[]>(text.slice(0, 65_536), {
    preview: 50,
    delimitersToGuess: [',', ';', '\t', '|'],
  });
}

export interface SliceRecords {
  /** Cells of each record, in file order. Empty lines are kept (as ['']) so lines count right. */
  records: string[][];
  /** Index (0-based) of a record papaparse found malformed (an unclosed quote), per record. */
  malformed: Set<number>;
}

/** The records of one slice (its trailing line break dropped so Papa adds no empty record). */
export function parseSlice(
  text: string,
  delimiter: string,
  newline: Newline = '\r\n',
): SliceRecords {
  const body = text.endsWith(newline) ? text.slice(0, -newline.length) : text;
  if (body === '') return { records: text === '' ? [] : [['']], malformed: new Set() };
  const result = Papa.parse<string[]>(body, { delimiter, newline, skipEmptyLines: false });
  const malformed = new Set<number>();
  for (const error of result.errors) if (error.row !== undefined) malformed.add(error.row);
  return { records: result.data, malformed };
}

export function isEmptyRecord(record: readonly string[]): boolean {
  return record.every((cell) => cell.trim() === '');
}

export interface CsvPreview {
  delimiter: string;
  headers: string[];
  /** The first rows after the header, as text. */
  rows: string[][];
  /** What guessMapping made of the headers, for the mapping form's first state. */
  guessedMapping: CsvMapping;
}

/** The header and first `rows` rows of `text`; csv/empty when there is no header. */
export function previewCsv(
  text: string,
  options: { rows?: number; delimiter?: string } = {},
): CsvPreview {
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const wanted = options.rows ?? 10;
  const result = Papa.parse<string[]>(text.slice(0, 1_000_000), {
    delimiter,
    preview: wanted + 20,
    skipEmptyLines: 'greedy',
  });
  const [headers, ...rows] = result.data;
  if (!headers || isEmptyRecord(headers)) throw new AnyamError('csv/empty');
  const trimmed = headers.map((h) => h.trim());
  return {
    delimiter,
    headers: trimmed,
    rows: rows.slice(0, wanted),
    guessedMapping: guessMapping(trimmed),
  };
}
