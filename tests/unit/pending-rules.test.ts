// Issue 28: the rules of pending.ts (pending income per period) that the mutation round found
// unstated. The day is pinned: 5 December 2026.
import { describe, expect, it } from 'vitest';
import type { Rollup } from '../../src/lib/domain/model';
import { completeMonth, monthSoFar } from '../../src/lib/domain/periods';
import { pendingByPeriod, pendingInPeriod, pendingPeriods } from '../../src/lib/domain/pending';

const TODAY = '2026-12-05';
function row(
  streamId: string,
  month: string,
  status: 'received' | 'pending',
  baseMinor: number,
  over: Partial<Rollup> = {},
): Rollup {
  return {
    key: `${streamId}|${month}|IDR|${status}`,
    streamId,
    memberId: 'm',
    month,
    currency: 'IDR',
    status,
    amountMinor: baseMinor,
    baseMinor,
    missingRateCount: 0,
    paidMinutes: 0,
    unpaidMinutes: 0,
    count: 1,
    ...over,
  };
}

describe('pending of a period', () => {
  it('sums the pending rows of its months, with their missing rates, and nothing else', () => {
    const rows = [
      row('a', '2026-11', 'pending', 1_000, { missingRateCount: 2, count: 3 }),
      row('b', '2026-11', 'pending', 500),
      row('a', '2026-11', 'received', 9_000),
      row('a', '2026-10', 'pending', 7_000),
      row('a', '2026-12', 'pending', 7_000),
      // A row whose entries were all taken back holds nothing.
      row('c', '2026-11', 'pending', 4_000, { count: 0, missingRateCount: 1 }),
    ];
    expect(pendingInPeriod(rows, completeMonth(TODAY))).toEqual({
      period: completeMonth(TODAY),
      totalMinor: 1_500,
      missingRateCount: 2,
    });
    expect(pendingInPeriod(rows, completeMonth(TODAY), (id) => id !== 'b')).toMatchObject({
      totalMinor: 1_000,
      missingRateCount: 2,
    });
  });
});

describe('the periods pending is shown for', () => {
  it('this month so far and the last complete month, always, newest first', () => {
    expect(pendingPeriods([], TODAY)).toEqual([monthSoFar(TODAY), completeMonth(TODAY)]);
  });

  it('older months only when some pending older than the last complete month counts', () => {
    const recent = [
      row('a', '2026-11', 'pending', 1),
      row('a', '2026-12', 'pending', 1),
      row('a', '2027-01', 'pending', 1),
      row('a', '2026-03', 'received', 1),
      row('a', '2026-04', 'pending', 1, { count: 0 }),
    ];
    expect(pendingPeriods(recent, TODAY)).toHaveLength(2);
    const older = [...recent, row('b', '2026-06', 'pending', 1), row('a', '2026-08', 'pending', 1)];
    expect(pendingPeriods(older, TODAY, (id) => id !== 'b')[2]!.months).toEqual([
      '2026-08',
      '2026-09',
      '2026-10',
    ]);
    const periods = pendingPeriods(older, TODAY);
    expect(periods).toHaveLength(3);
    expect(periods[2]!.months[0]).toBe('2026-06');
    expect(periods[2]!.months.at(-1)).toBe('2026-10');
    expect(pendingPeriods(older, TODAY, (id) => id === 'c')).toHaveLength(2);
  });

  it('pending per period reads each period with the same filter', () => {
    const rows = [row('a', '2026-05', 'pending', 300), row('b', '2026-07', 'pending', 40)];
    const onlyA = pendingByPeriod(rows, TODAY, (id) => id === 'a');
    expect(onlyA.map((p) => p.totalMinor)).toEqual([0, 0, 300]);
    expect(onlyA[2]!.period.months[0]).toBe('2026-05');
    expect(pendingByPeriod(rows, TODAY).map((p) => p.totalMinor)).toEqual([0, 0, 340]);
  });
});
