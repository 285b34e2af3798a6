// Issue 28: the rules of rollup-series.ts (rollup rows as monthly series per stream, kind, member
// and household, and the months some entry had no rate) that the mutation round found unstated.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rollup, Stream, StreamKind } from '../../src/lib/domain/model';
import { monthlyIncome, rowsBy } from '../../src/lib/domain/rollup-series';
import { makeStream } from './analytics-fixtures';

const STREAMS: Stream[] = [
  makeStream({ id: 'a', kind: 'formal', memberId: 'm1' }),
  makeStream({ id: 'b', kind: 'microtask', memberId: 'm2' }),
  makeStream({ id: 'c', kind: 'formal', memberId: 'm2' }),
];
const MONTHS = ['2025-01', '2025-02', '2025-03'];
function row(
  streamId: string,
  month: string,
  status: 'received' | 'pending',
  baseMinor: number,
  missing = 0,
): Rollup {
  const s = STREAMS.find((x) => x.id === streamId)!;
  return {
    key: `${streamId}|${month}|IDR|${status}`,
    streamId,
    memberId: s.memberId,
    month,
    currency: 'IDR',
    status,
    amountMinor: baseMinor,
    baseMinor,
    missingRateCount: missing,
    paidMinutes: 0,
    unpaidMinutes: 0,
    count: 1 + missing,
  };
}

const rowsArb = fc
  .array(
    fc.record({
      stream: fc.constantFrom('a', 'b', 'c'),
      month: fc.constantFrom(...MONTHS),
      status: fc.constantFrom('received' as const, 'pending' as const),
      baseMinor: fc.integer({ min: 0, max: 1_000_000 }),
      missing: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2 })),
    }),
    { maxLength: 18 },
  )
  .map((specs) => {
    const byKey = new Map<string, Rollup>();
    for (const x of specs) {
      const r = row(x.stream, x.month, x.status, x.baseMinor, x.missing);
      byKey.set(r.key, r);
    }
    return [...byKey.values()];
  });

const sumOf = (rows: Rollup[], status: string, month: string, keep: (r: Rollup) => boolean) =>
  rows
    .filter((r) => r.status === status && r.month === month && keep(r))
    .reduce((a, r) => a + r.baseMinor, 0);
const kindOf = (id: string): StreamKind => STREAMS.find((s) => s.id === id)!.kind;

describe('monthly income series', () => {
  it('per stream, kind, member and household, received and pending apart, month by month', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const income = monthlyIncome(rows, STREAMS, MONTHS[0], MONTHS[2]);
        for (const status of ['received', 'pending'] as const) {
          const s = income[status];
          expect(s.months).toEqual(MONTHS);
          MONTHS.forEach((month, c) => {
            expect(s.total[c]).toBe(sumOf(rows, status, month, () => true));
            for (const st of STREAMS) {
              expect(s.byStream[st.id]![c]).toBe(
                sumOf(rows, status, month, (r) => r.streamId === st.id),
              );
            }
            for (const kind of ['formal', 'informal', 'microtask', 'support'] as const) {
              expect(s.byKind[kind][c]).toBe(
                sumOf(rows, status, month, (r) => kindOf(r.streamId) === kind),
              );
            }
            for (const member of ['m1', 'm2']) {
              expect(s.byMember[member]![c]).toBe(
                sumOf(rows, status, month, (r) => r.memberId === member),
              );
            }
          });
          expect(Object.keys(s.byMember).sort()).toEqual(['m1', 'm2']);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('lists each month with an entry lacking a rate, its counts and only the streams concerned', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const { flagged } = monthlyIncome(rows, STREAMS, MONTHS[0], MONTHS[2]);
        const expected = MONTHS.flatMap((month) => {
          const of = rows.filter((r) => r.month === month);
          const count = (status: string) =>
            of.filter((r) => r.status === status).reduce((a, r) => a + r.missingRateCount, 0);
          const streamIds = STREAMS.map((s) => s.id).filter((id) =>
            of.some((r) => r.streamId === id && r.missingRateCount > 0),
          );
          const receivedMissing = count('received');
          const pendingMissing = count('pending');
          return receivedMissing + pendingMissing > 0
            ? [{ month, receivedMissing, pendingMissing, streamIds }]
            : [];
        });
        expect(flagged).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('rows grouped by a key', () => {
  it('keeps each stream’s row number under its key, in order', () => {
    expect(rowsBy(STREAMS, (s) => s.kind)).toEqual(
      new Map([
        ['formal', [0, 2]],
        ['microtask', [1]],
      ]),
    );
  });
});
