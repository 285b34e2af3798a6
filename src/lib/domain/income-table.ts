/**
 * Rollup rows → a dense table of base-currency income, one typed array per stream indexed by
 * month column. Built in one pass over the rows so that everything downstream (series, the
 * resilience score per month and per stream) is plain array arithmetic with no filtering or
 * date parsing in its loops.
 */
import { monthIndex, monthKeyAt } from './months';
import type { MonthKey, Rollup, Stream } from './model';

export interface IncomeTable {
  /** Month index (months.ts) of column 0. */
  firstIndex: number;
  /** Column → month key. */
  months: MonthKey[];
  /** Row order: the streams the table was built for, as given. */
  streams: readonly Stream[];
  rowOf: ReadonlyMap<string, number>;
  /** [row][col]: received income in base minor units (entries with a rate only). */
  received: Float64Array[];
  /** [row][col]: pending (earned, not paid out) income in base minor units. */
  pending: Float64Array[];
  /** [row][col]: received entries with no rate in force on their date. */
  receivedMissing: Int32Array[];
  /** [row][col]: pending entries with no rate in force on their date. */
  pendingMissing: Int32Array[];
}

/** The month range (month indexes) of the rows whose stream is a key of `rowOf`; null when none. */
export function monthSpanOfRows(
  rollups: readonly Rollup[],
  rowOf: ReadonlyMap<string, unknown>,
): { min: number; max: number } | null {
  // Month keys order as strings: compare them, and parse only the two ends.
  let min: MonthKey | null = null;
  let max: MonthKey | null = null;
  for (const r of rollups) {
    if (r.count <= 0 || !rowOf.has(r.streamId)) continue;
    if (min === null || r.month < min) min = r.month;
    if (max === null || r.month > max) max = r.month;
  }
  return min === null || max === null ? null : { min: monthIndex(min), max: monthIndex(max) };
}

/**
 * The income table of `streams` from `from` to `to` (both included; by default the months their
 * rows span). Rows of other streams and months outside the range are left out.
 */
export function incomeTable(
  rollups: readonly Rollup[],
  streams: readonly Stream[],
  from?: MonthKey,
  to?: MonthKey,
): IncomeTable {
  const rowOf = new Map<string, number>();
  streams.forEach((s, i) => rowOf.set(s.id, i));
  const range = from === undefined || to === undefined ? monthSpanOfRows(rollups, rowOf) : null;
  const first = from !== undefined ? monthIndex(from) : (range?.min ?? 0);
  const last = to !== undefined ? monthIndex(to) : (range?.max ?? first - 1);
  const width = Math.max(0, last - first + 1);

  const months: MonthKey[] = [];
  for (let c = 0; c < width; c++) months.push(monthKeyAt(first + c));
  const received = streams.map(() => new Float64Array(width));
  const pending = streams.map(() => new Float64Array(width));
  const receivedMissing = streams.map(() => new Int32Array(width));
  const pendingMissing = streams.map(() => new Int32Array(width));

  // Rows share a few hundred month keys at most: parse each once.
  const colOf = new Map<MonthKey, number>();
  for (const r of rollups) {
    const row = rowOf.get(r.streamId);
    if (row === undefined || r.count <= 0) continue;
    let col = colOf.get(r.month);
    if (col === undefined) {
      col = monthIndex(r.month) - first;
      colOf.set(r.month, col);
    }
    if (col < 0 || col >= width) continue;
    if (r.status === 'received') {
      received[row]![col]! += r.baseMinor;
      receivedMissing[row]![col]! += r.missingRateCount;
    } else {
      pending[row]![col]! += r.baseMinor;
      pendingMissing[row]![col]! += r.missingRateCount;
    }
  }
  return {
    firstIndex: first,
    months,
    streams,
    rowOf,
    received,
    pending,
    receivedMissing,
    pendingMissing,
  };
}

/** Column sums of the chosen rows (all rows when `rows` is omitted). */
export function columnTotals(
  table: readonly Float64Array[],
  width: number,
  rows?: readonly number[],
): Float64Array {
  const out = new Float64Array(width);
  const pick = rows ?? table.map((_, i) => i);
  for (const r of pick) {
    const line = table[r]!;
    for (let c = 0; c < width; c++) out[c]! += line[c]!;
  }
  return out;
}

/** Per column: how many entries of the table's streams had no rate (0 everywhere when none). */
export function missingPerMonth(missing: readonly Int32Array[], width: number): Int32Array {
  const out = new Int32Array(width);
  for (const line of missing) for (let c = 0; c < width; c++) out[c]! += line[c]!;
  return out;
}
