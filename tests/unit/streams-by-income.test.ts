import { describe, expect, it } from 'vitest';
import type { Rollup, Stream } from '../../src/lib/domain/model';
import { streamsByIncome } from '../../src/lib/domain/streams-by-income';

// The stress test's choices (DashboardView): streams with received income in the filter,
// biggest first.
const stream = (id: string, memberId: string, deleted = false) =>
  ({ id, memberId, deletedAt: deleted ? '2026-11-01T00:00:00.000Z' : null }) as Stream;
const row = (streamId: string, memberId: string, baseMinor: number, more: Partial<Rollup> = {}) =>
  ({ streamId, memberId, baseMinor, status: 'received', count: 1, ...more }) as Rollup;

const streams = [stream('a', 'm1'), stream('b', 'm2'), stream('c', 'm1'), stream('d', 'm1', true)];
const rows = [
  row('a', 'm1', 300),
  row('b', 'm2', 500),
  row('a', 'm1', 300), // another month: a's total is 600
  row('c', 'm1', 900, { status: 'pending' }),
  row('c', 'm1', 100, { count: 0 }),
  row('d', 'm1', 5_000),
];

describe('streamsByIncome', () => {
  it('lists the streams with received income, biggest total first', () => {
    expect(streamsByIncome(streams, rows, '').map((s) => s.id)).toEqual(['a', 'b']);
  });

  it("counts only the member's rows when a member is chosen", () => {
    expect(streamsByIncome(streams, rows, 'm2').map((s) => s.id)).toEqual(['b']);
    expect(streamsByIncome(streams, [...rows, row('c', 'm1', 700)], 'm1').map((s) => s.id)).toEqual(
      ['c', 'a'],
    );
  });

  it('leaves out pending rows, emptied rows and deleted streams', () => {
    expect(streamsByIncome(streams, rows, 'm1').map((s) => s.id)).toEqual(['a']);
  });
});
