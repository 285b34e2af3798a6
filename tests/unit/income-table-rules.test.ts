// Issue 28 (mutation round): the dense income table every dashboard figure reads
// (income-table.ts): one row per stream as given, one column per month of the range, received
// and pending income and the entries without a rate summed in their own cells.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  columnTotals,
  incomeTable,
  missingPerMonth,
  monthSpanOfRows,
} from '../../src/lib/domain/income-table';
import type { Rollup, Stream } from '../../src/lib/domain/model';
import { addMonths } from '../../src/lib/domain/months';

const at = '2026-01-01T00:00:00.000Z';
const stream = (id: string): Stream => ({
  id,
  createdAt: at,
  updatedAt: at,
  deletedAt: null,
  memberId: 'm',
  name: id,
  kind: 'formal',
  platform: '',
  currency: 'PHP',
  expected: { amountMinor: 0, cadence: 'monthly', daysPerWeek: 5 },
  startedOn: null,
  endedOn: null,
  payDay: null,
  archived: false,
  isSample: false,
});
const rollup = (
  streamId: string,
  month: string,
  status: 'received' | 'pending',
  baseMinor: number,
  over: Partial<Rollup> = {},
): Rollup => ({
  key: `${streamId}|${month}|PHP|${status}`,
  streamId,
  memberId: 'm',
  month,
  currency: 'PHP',
  status,
  amountMinor: baseMinor,
  baseMinor,
  missingRateCount: 0,
  paidMinutes: 0,
  unpaidMinutes: 0,
  count: 1,
  ...over,
});
const A = stream('a');
const B = stream('b');
const list = (a: ArrayLike<number>) => Array.from(a);

describe('the months a table spans', () => {
  it('runs from the earliest to the latest month of the given streams’ rows with entries', () => {
    const rows = [
      rollup('a', '2026-03', 'received', 1),
      rollup('a', '2025-11', 'pending', 1),
      rollup('b', '2026-06', 'received', 1),
      rollup('x', '2024-01', 'received', 1),
      rollup('a', '2024-02', 'received', 0, { count: 0 }),
    ];
    const rowOf = new Map([
      ['a', 0],
      ['b', 1],
    ]);
    expect(monthSpanOfRows(rows, rowOf)).toEqual({ min: 2025 * 12 + 10, max: 2026 * 12 + 5 });
    expect(monthSpanOfRows(rows, new Map([['a', 0]]))).toEqual({
      min: 2025 * 12 + 10,
      max: 2026 * 12 + 2,
    });
    expect(monthSpanOfRows(rows, new Map())).toBeNull();
    expect(monthSpanOfRows([], rowOf)).toBeNull();
  });

  it('a single month is its own start and end', () => {
    expect(monthSpanOfRows([rollup('a', '2026-03', 'received', 1)], new Map([['a', 0]]))).toEqual({
      min: 2026 * 12 + 2,
      max: 2026 * 12 + 2,
    });
  });
});

describe('the income table', () => {
  it('puts received and pending income and entries without a rate in their own cells', () => {
    const rows = [
      rollup('a', '2026-01', 'received', 100, { missingRateCount: 1 }),
      rollup('a', '2026-01', 'received', 5, { key: 'a|2026-01|USD|received', currency: 'USD' }),
      rollup('a', '2026-03', 'pending', 40, { missingRateCount: 2 }),
      rollup('b', '2026-02', 'received', 7),
    ];
    const t = incomeTable(rows, [A, B]);
    expect(t.firstIndex).toBe(2026 * 12);
    expect(t.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(t.streams).toEqual([A, B]);
    expect([...t.rowOf]).toEqual([
      ['a', 0],
      ['b', 1],
    ]);
    expect(t.received.map(list)).toEqual([
      [105, 0, 0],
      [0, 7, 0],
    ]);
    expect(t.pending.map(list)).toEqual([
      [0, 0, 40],
      [0, 0, 0],
    ]);
    expect(t.receivedMissing.map(list)).toEqual([
      [1, 0, 0],
      [0, 0, 0],
    ]);
    expect(t.pendingMissing.map(list)).toEqual([
      [0, 0, 2],
      [0, 0, 0],
    ]);
  });

  it('keeps the rows in the order the streams were given', () => {
    const rows = [rollup('a', '2026-01', 'received', 1), rollup('b', '2026-01', 'received', 2)];
    expect(incomeTable(rows, [B, A]).received.map(list)).toEqual([[2], [1]]);
  });

  it('leaves out rows of other streams, rows without entries and months outside the range', () => {
    const rows = [
      rollup('x', '2026-02', 'received', 1_000),
      rollup('a', '2026-02', 'received', 500, { count: 0 }),
      rollup('a', '2025-12', 'received', 9),
      rollup('a', '2026-01', 'received', 3),
      rollup('a', '2026-03', 'pending', 4),
      rollup('a', '2026-04', 'pending', 8),
    ];
    const t = incomeTable(rows, [A], '2026-01', '2026-03');
    expect(t.months).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(list(t.received[0]!)).toEqual([3, 0, 0]);
    expect(list(t.pending[0]!)).toEqual([0, 0, 4]);
  });

  it('is empty with no rows and no range, and with a range that ends before it starts', () => {
    const empty = incomeTable([], [A]);
    expect(empty.months).toEqual([]);
    expect(empty.received.map(list)).toEqual([[]]);
    expect(
      incomeTable([rollup('a', '2026-01', 'received', 3)], [A], '2026-03', '2026-01').months,
    ).toEqual([]);
  });

  it('with one end given and one not, spans the rows’ months', () => {
    const rows = [rollup('a', '2026-01', 'received', 3), rollup('a', '2026-02', 'received', 4)];
    const t = incomeTable(rows, [A], '2026-02');
    expect(t.months).toEqual(['2026-02']);
    expect(list(t.received[0]!)).toEqual([4]);
    const u = incomeTable(rows, [A], undefined, '2026-01');
    expect(u.months).toEqual(['2026-01']);
    expect(list(u.received[0]!)).toEqual([3]);
  });

  it('sums each stream’s received income of a month exactly as the rows say (property)', () => {
    const monthArb = fc.integer({ min: 0, max: 14 }).map((i) => addMonths('2025-06', i));
    const rowArb = fc.record({
      s: fc.constantFrom('a', 'b', 'x'),
      month: monthArb,
      status: fc.constantFrom<'received' | 'pending'>('received', 'pending'),
      base: fc.integer({ min: -1_000, max: 1_000_000 }),
      missing: fc.integer({ min: 0, max: 3 }),
      count: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 20 }), monthArb, monthArb, (raw, m1, m2) => {
        const from = m1 < m2 ? m1 : m2;
        const to = m1 < m2 ? m2 : m1;
        const rows = raw.map((r, i) =>
          rollup(r.s, r.month, r.status, r.base, {
            key: String(i),
            missingRateCount: r.missing,
            count: r.count,
          }),
        );
        const t = incomeTable(rows, [A, B], from, to);
        t.months.forEach((month, c) => {
          ['a', 'b'].forEach((s, row) => {
            const of = (status: string) =>
              rows.filter(
                (r) => r.streamId === s && r.month === month && r.status === status && r.count > 0,
              );
            const sum = (rs: Rollup[], f: (r: Rollup) => number) =>
              rs.reduce((x, r) => x + f(r), 0);
            expect(t.received[row]![c]).toBe(sum(of('received'), (r) => r.baseMinor));
            expect(t.pending[row]![c]).toBe(sum(of('pending'), (r) => r.baseMinor));
            expect(t.receivedMissing[row]![c]).toBe(sum(of('received'), (r) => r.missingRateCount));
            expect(t.pendingMissing[row]![c]).toBe(sum(of('pending'), (r) => r.missingRateCount));
          });
        });
        expect(t.months[0]).toBe(from);
        expect(t.months.at(-1)).toBe(to);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the table’s column sums', () => {
  const table = [
    Float64Array.from([1, 2, 3]),
    Float64Array.from([10, 20, 30]),
    Float64Array.from([100, 200, 300]),
  ];

  it('add every row by default, or the chosen rows only', () => {
    expect(list(columnTotals(table, 3))).toEqual([111, 222, 333]);
    expect(list(columnTotals(table, 3, [0, 2]))).toEqual([101, 202, 303]);
    expect(list(columnTotals(table, 3, []))).toEqual([0, 0, 0]);
    expect(list(columnTotals(table, 2))).toEqual([111, 222]);
  });

  it('count the entries without a rate per month over every stream', () => {
    const missing = [Int32Array.from([1, 0, 2]), Int32Array.from([0, 3, 1])];
    expect(list(missingPerMonth(missing, 3))).toEqual([1, 3, 3]);
    expect(list(missingPerMonth([], 2))).toEqual([0, 0]);
  });
});
