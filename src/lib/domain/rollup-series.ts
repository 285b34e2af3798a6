/**
 * Rollup rows → monthly income series in the base currency: per stream, per kind, per member and
 * for the household, `received` and `pending` kept apart, and the months where some entry had no
 * rate listed (their totals are incomplete, never silently zero).
 */
import { columnTotals, incomeTable, type IncomeTable } from './income-table';
import { STREAM_KINDS, type MonthKey, type Rollup, type Stream, type StreamKind } from './model';

export interface MonthlySeries {
  months: MonthKey[];
  byStream: Record<string, number[]>;
  byKind: Record<StreamKind, number[]>;
  byMember: Record<string, number[]>;
  total: number[];
}

export interface FlaggedMonth {
  month: MonthKey;
  /** Received entries with no rate in force on their date (left out of the base totals). */
  receivedMissing: number;
  /** Pending entries with no rate in force on their date. */
  pendingMissing: number;
  /** The streams those entries belong to. */
  streamIds: string[];
}

export interface MonthlyIncome {
  received: MonthlySeries;
  pending: MonthlySeries;
  flagged: FlaggedMonth[];
}

/** Row numbers of the table's streams grouped by `keyOf`. */
export function rowsBy<K extends string>(
  streams: readonly Stream[],
  keyOf: (s: Stream) => K,
): Map<K, number[]> {
  const groups = new Map<K, number[]>();
  streams.forEach((s, i) => {
    const key = keyOf(s);
    const rows = groups.get(key);
    if (rows) rows.push(i);
    else groups.set(key, [i]);
  });
  return groups;
}

function seriesOf(table: IncomeTable, lines: Float64Array[]): MonthlySeries {
  const width = table.months.length;
  const byStream: Record<string, number[]> = {};
  table.streams.forEach((s, i) => (byStream[s.id] = Array.from(lines[i]!)));
  const byKind = {} as Record<StreamKind, number[]>;
  const kindRows = rowsBy(table.streams, (s) => s.kind);
  for (const kind of STREAM_KINDS) {
    byKind[kind] = Array.from(columnTotals(lines, width, kindRows.get(kind) ?? []));
  }
  const byMember: Record<string, number[]> = {};
  for (const [member, rows] of rowsBy(table.streams, (s) => s.memberId)) {
    byMember[member] = Array.from(columnTotals(lines, width, rows));
  }
  return {
    months: [...table.months],
    byStream,
    byKind,
    byMember,
    total: Array.from(columnTotals(lines, width)),
  };
}

/** The months of the table where some entry (received or pending) had no rate. */
export function flaggedMonthsOf(table: IncomeTable): FlaggedMonth[] {
  const out: FlaggedMonth[] = [];
  table.months.forEach((month, c) => {
    let receivedMissing = 0;
    let pendingMissing = 0;
    const streamIds: string[] = [];
    table.streams.forEach((s, r) => {
      const rm = table.receivedMissing[r]![c]!;
      const pm = table.pendingMissing[r]![c]!;
      receivedMissing += rm;
      pendingMissing += pm;
      if (rm + pm > 0) streamIds.push(s.id);
    });
    if (receivedMissing + pendingMissing > 0) {
      out.push({ month, receivedMissing, pendingMissing, streamIds });
    }
  });
  return out;
}

/**
 * Monthly income series of `streams` (the caller picks them: a member's, or the live ones) from
 * `from` to `to`, by default the months their rows span.
 */
export function monthlyIncome(
  rollups: readonly Rollup[],
  streams: readonly Stream[],
  from?: MonthKey,
  to?: MonthKey,
): MonthlyIncome {
  const table = incomeTable(rollups, streams, from, to);
  return {
    received: seriesOf(table, table.received),
    pending: seriesOf(table, table.pending),
    flagged: flaggedMonthsOf(table),
  };
}
