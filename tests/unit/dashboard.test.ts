import { describe, expect, it } from 'vitest';
import { computeDashboard, type DashboardInput } from '../../src/lib/domain/dashboard';
import type { Rollup, Stream, StreamKind } from '../../src/lib/domain/model';
import { monthIndex, monthKeyAt } from '../../src/lib/domain/months';
import { makePlan, makeRate, makeSaving, makeStream } from './analytics-fixtures';

/**
 * 10 years × 20 streams of rollups (received + pending), the benchmark's size. Speed itself is
 * measured by the benchmark, not asserted here.
 */
function bigHousehold(): DashboardInput {
  const kinds: StreamKind[] = ['formal', 'informal', 'microtask', 'support'];
  const streams: Stream[] = Array.from({ length: 20 }, (_, i) =>
    makeStream({
      id: `s${i}`,
      kind: kinds[i % 4]!,
      memberId: `m${i % 4}`,
      currency: i % 5 === 0 ? 'USD' : 'IDR',
      expected: { amountMinor: 100_000 * (i + 1), cadence: 'monthly', daysPerWeek: 5 },
    }),
  );
  const rollups: Rollup[] = [];
  let seed = 7;
  const rnd = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647;
  for (let m = monthIndex('2016-01'); m <= monthIndex('2025-12'); m++) {
    const month = monthKeyAt(m);
    for (const s of streams) {
      for (const status of ['received', 'pending'] as const) {
        const amountMinor = Math.round(1e6 * (1 + rnd()));
        rollups.push({
          key: `${s.id}|${month}|${s.currency}|${status}`,
          streamId: s.id,
          memberId: s.memberId,
          month,
          currency: s.currency,
          status,
          amountMinor,
          baseMinor: s.currency === 'USD' ? amountMinor * 16_000 : amountMinor,
          missingRateCount: rnd() < 0.002 ? 1 : 0,
          paidMinutes: 600,
          unpaidMinutes: 100,
          count: 3,
        });
      }
    }
  }
  return {
    rollups,
    streams,
    plans: [
      makePlan({ amountMinor: 150_000_000 }),
      makePlan({ amountMinor: 10_000_000, category: 'digital', fundedBy: ['microtask'] }),
    ],
    savings: [makeSaving('2018-03-01', 500_000_000), makeSaving('2023-03-01', 900_000_000)],
    rates: [makeRate('USD', '2010-01-01', '16000')],
    training: [],
    baseCurrency: 'IDR',
    today: '2026-01-15',
    stress: { streamId: 's1', fallPercent: 100 },
  };
}

describe('computeDashboard', () => {
  const input = bigHousehold();

  it('draws 10 years × 20 streams with series aligned month by month', () => {
    const d = computeDashboard(input);
    expect(d.asOf).toBe('2025-12');
    expect(d.inProgressMonth).toBe('2026-01');
    expect(d.series.months).toHaveLength(120);
    for (const key of ['score', 'diversification', 'stability', 'coverage', 'buffer'] as const) {
      expect(d.series[key]).toHaveLength(120);
    }
    expect(d.series.incomeByStream['s3']).toHaveLength(120);
    expect(Object.keys(d.contributions.overTime)).toHaveLength(20);
    expect(d.contributions.overTime['s0']).toHaveLength(120);
    expect(d.contributions.now).toHaveLength(20);
    expect(d.shares).toHaveLength(20);
    expect(d.forecast).toHaveLength(3);
    expect(d.stress!.streamId).toBe('s1');
    expect(d.series.score.at(-1)).toBe(d.resilience.score);
    // Every month's income by kind adds up to the household total.
    d.series.incomeTotal.forEach((total, k) => {
      const sum = Object.values(d.series.incomeByKind).reduce((a, line) => a + line[k]!, 0);
      expect(sum).toBeCloseTo(total, 3);
    });
  });

  it('never shows the in-progress month as the month of the score', () => {
    expect(computeDashboard({ ...input, asOf: '2026-01' }).asOf).toBe('2025-12');
    expect(computeDashboard({ ...input, asOf: '2030-01' }).asOf).toBe('2025-12');
    const past = computeDashboard({ ...input, asOf: '2020-06' });
    expect(past.asOf).toBe('2020-06');
    expect(past.series.months.at(-1)).toBe('2020-06');
    expect(past.resilience.window.from).toBe('2019-07');
  });

  it('counts only the chosen member’s streams as income', () => {
    const d = computeDashboard({ ...input, memberId: 'm1' });
    expect(d.shares.map((s) => s.streamId)).toEqual(['s1', 's5', 's9', 's13', 's17']);
    expect(d.memberId).toBe('m1');
    // The stress test of another member's stream does not apply.
    expect(computeDashboard({ ...input, memberId: 'm0' }).stress).toBeNull();
  });

  it('leaves out soft-deleted streams', () => {
    const streams = input.streams.map((s, i) =>
      i === 0 ? { ...s, deletedAt: '2025-01-01T00:00:00Z' } : s,
    );
    const d = computeDashboard({ ...input, streams });
    expect(d.shares.map((s) => s.streamId)).not.toContain('s0');
  });

  it('counts a savings snapshot taken this month in today’s buffer, not in a past month’s', () => {
    const savings = [...input.savings, makeSaving('2026-01-10', 1_800_000_000)];
    const now = computeDashboard({ ...input, savings });
    // E = 150,000,000 (one essential plan); 1,800,000,000 / 150,000,000 = 12 months.
    expect(now.resilience.inputs.bufferMonths).toBe(12);
    const past = computeDashboard({ ...input, savings, asOf: '2025-11' });
    // At the end of 2025-11 the 2023 snapshot of 900,000,000 is in force: 6 months.
    expect(past.resilience.inputs.bufferMonths).toBe(6);
  });
});
