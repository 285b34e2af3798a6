// Issue 28: the rules of dashboard.ts that the mutation rounds found unstated: the trailing months
// the forecast's medians are taken from, where the history starts, what the month shown reads.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  computeDashboard,
  trailingReceived,
  whatIfDashboard,
  type DashboardInput,
} from '../../src/lib/domain/dashboard';
import { incomeTable } from '../../src/lib/domain/income-table';
import type { Rollup, Stream } from '../../src/lib/domain/model';
import { monthRange } from '../../src/lib/domain/months';
import { makePlan, makeStream } from './analytics-fixtures';
import { householdD } from './reference-households';

const MONTHS = monthRange('2025-01', '2025-12');
function row(
  s: Stream,
  month: string,
  status: 'received' | 'pending',
  baseMinor: number,
  missing: number,
): Rollup {
  return {
    key: `${s.id}|${month}|IDR|${status}`,
    streamId: s.id,
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

describe('the trailing months of the forecast', () => {
  it('are the six complete months up to the last one, from the stream’s start or first entry, null where a rate is missing', () => {
    const cell = fc.record({
      status: fc.constantFrom('received' as const, 'pending' as const),
      baseMinor: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1_000_000 })),
      missing: fc.oneof(fc.constant(0), fc.constant(0), fc.constant(1)),
    });
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 11 }), { nil: null }), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.array(fc.tuple(fc.nat(2), fc.integer({ min: 0, max: 11 }), cell), { maxLength: 12 }),
        fc.integer({ min: 0, max: 11 }),
        (starts, cells, last) => {
          const streams = starts.map((start, i) =>
            makeStream({
              id: `s${i}`,
              kind: 'informal',
              startedOn: start === null ? null : `${MONTHS[start]}-10`,
            }),
          );
          const byKey = new Map<string, Rollup>();
          for (const [i, col, c] of cells) {
            const s = streams[i % streams.length]!;
            const r = row(s, MONTHS[col]!, c.status, c.baseMinor, c.missing);
            byKey.set(r.key, r);
          }
          const rows = [...byKey.values()];
          const table = incomeTable(rows, streams, MONTHS[0], MONTHS[11]);
          const got = trailingReceived(table, MONTHS[last]!);
          streams.forEach((s, i) => {
            const mine = rows.filter((r) => r.streamId === s.id);
            const firstEntry = MONTHS.findIndex((m) =>
              // Income with or without a rate, or pending with one (a pending row without a rate
              // carries no figure the table keeps).
              mine.some(
                (r) =>
                  r.month === m &&
                  (r.baseMinor !== 0 || (r.status === 'received' && r.missingRateCount > 0)),
              ),
            );
            const from = starts[i] !== null ? starts[i]! : firstEntry < 0 ? last + 1 : firstEntry;
            const expected: (number | null)[] = [];
            for (let c = Math.max(last - 5, from, 0); c <= last; c++) {
              const received = mine.filter((r) => r.month === MONTHS[c] && r.status === 'received');
              const missing = received.reduce((a, r) => a + r.missingRateCount, 0);
              expected.push(missing > 0 ? null : received.reduce((a, r) => a + r.baseMinor, 0));
            }
            expect(got.get(s.id)).toEqual(expected);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('this month so far and the month shown', () => {
  const salary = makeStream({ id: 'salary', kind: 'formal' });
  const tasks = makeStream({ id: 'tasks', kind: 'microtask' });
  const input = (rows: Rollup[]): DashboardInput => ({
    rollups: rows,
    streams: [salary, tasks],
    plans: [
      makePlan({
        amountMinor: 100_000,
        category: 'digital',
        fundedBy: ['microtask'],
        dueOn: '2026-01-01',
      }),
    ],
    savings: [],
    rates: [],
    training: [],
    baseCurrency: 'IDR',
    today: '2026-12-05',
  });

  it('this month so far adds every kind’s received income and counts the entries without a rate', () => {
    const d = computeDashboard(
      input([
        row(salary, '2026-12', 'received', 1_000, 0),
        row(tasks, '2026-12', 'received', 500, 2),
        row(tasks, '2026-11', 'received', 140_000, 0),
      ]),
    );
    expect(d.inProgress).toMatchObject({
      month: '2026-12',
      receivedMinor: 1_500,
      byKind: { formal: 1_000, informal: 0, microtask: 500, support: 0 },
      missingRateCount: 2,
    });
  });

  it('earmarked coverage reads the income of the month shown, not of this month', () => {
    const rows = [
      row(tasks, '2026-12', 'received', 999_000, 0),
      row(tasks, '2026-11', 'received', 140_000, 0),
    ];
    const d = computeDashboard(input(rows));
    expect(d.asOf).toBe('2026-11');
    expect(d.earmarked).toHaveLength(1);
    expect(d.earmarked[0]).toMatchObject({
      incomeMinor: 140_000,
      ratio: 1.4,
      incomeIncomplete: false,
    });
    const withMissing = computeDashboard(
      input([...rows, row(salary, '2026-11', 'received', 0, 1)]),
    );
    expect(withMissing.earmarked[0]!.incomeIncomplete).toBe(false);
    const tasksMissing = computeDashboard(
      input([rows[0]!, row(tasks, '2026-11', 'received', 140_000, 1)]),
    );
    expect(tasksMissing.earmarked[0]!.incomeIncomplete).toBe(true);
    expect(tasksMissing.earmarked[0]!.ratio).toBeNull();
  });
});

describe('the dashboard of a what-if', () => {
  it('has the same score, month and member as the dashboard itself', () => {
    const a = makeStream({ id: 'a', kind: 'formal', memberId: 'm1' });
    const b = makeStream({ id: 'b', kind: 'informal', memberId: 'm2' });
    const rows = monthRange('2025-06', '2026-11').flatMap((m, i) => [
      row(a, m, 'received', 1_000_000 + i * 10_000, 0),
      row(b, m, 'received', 300_000 + (i % 3) * 50_000, 0),
    ]);
    for (const memberId of [null, 'm2']) {
      for (const asOf of [undefined, '2026-03']) {
        const input: DashboardInput = {
          rollups: rows,
          streams: [a, b],
          plans: [makePlan({ amountMinor: 800_000 })],
          savings: [],
          rates: [],
          training: [],
          baseCurrency: 'IDR',
          today: '2026-12-05',
          memberId,
          ...(asOf === undefined ? {} : { asOf }),
        };
        const d = computeDashboard(input);
        expect(whatIfDashboard(input)).toEqual({
          resilience: d.resilience,
          asOf: d.asOf,
          memberId: d.memberId,
        });
        expect(d.asOf).toBe(asOf ?? '2026-11');
        expect(d.memberId).toBe(memberId);
      }
    }
  });
});

describe('where the history starts and what it measures', () => {
  const base = (streams: Stream[], rows: Rollup[]): DashboardInput => ({
    rollups: rows,
    streams,
    plans: [makePlan({ amountMinor: 800_000 })],
    savings: [],
    rates: [],
    training: [],
    baseCurrency: 'IDR',
    today: '2025-07-10',
  });

  it('with nothing recorded, starts at the earliest stream start, whatever the streams’ order', () => {
    const late = makeStream({ id: 'late', kind: 'informal', startedOn: '2025-03-20' });
    const early = makeStream({ id: 'early', kind: 'formal', startedOn: '2024-11-02' });
    const later = makeStream({ id: 'later', kind: 'informal', startedOn: '2025-05-01' });
    for (const streams of [
      [early, late, later],
      [late, early, later],
      [later, late, early],
    ]) {
      expect(computeDashboard(base(streams, [])).historyStart).toBe('2024-11');
    }
  });

  it('with no history at all, the series hold the month shown alone', () => {
    const d = computeDashboard(base([makeStream({ id: 'new', kind: 'informal' })], []));
    expect(d.historyStart).toBeNull();
    expect(d.series.months).toEqual(['2025-06']);
    expect(d.series.incomeTotal).toEqual([0]);
  });

  it('measures from the first month whose window counts three months, none before', () => {
    const s = makeStream({ id: 's', kind: 'formal' });
    const rows = (months: string[]) => months.map((m) => row(s, m, 'received', 1_000_000, 0));
    expect(
      computeDashboard(base([s], rows(['2025-01', '2025-02', '2025-03', '2025-04']))).measuredFrom,
    ).toBe('2025-03');
    expect(computeDashboard(base([s], rows(['2025-05', '2025-06']))).measuredFrom).toBeNull();
  });
});

describe('savings groups on the month shown', () => {
  // householdD (reference-households.ts): an arisan of Rp500,000 a month from 10 March, my turn
  // in October, a round paid each month from March to July.
  it('a past month counts the contributions at risk paid by its end', () => {
    expect(computeDashboard({ ...householdD(), asOf: '2025-04' }).groups.atRiskMinor).toBe(
      100_000_000,
    );
  });

  it('the contributions in E are unknown while the group has no rate', () => {
    const input = householdD();
    const groups = input.groups.map((g) => ({ ...g, currency: 'USD' }));
    const d = computeDashboard({ ...input, groups });
    expect(d.groups.contributionsMinor).toBeNull();
  });
});
