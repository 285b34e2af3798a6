/**
 * Missing inputs make a component unknown with the reason the view turns into a request
 * ("add your essential expenses"), and a missing exchange rate flags its month instead of
 * reading as a month without income.
 */
import { describe, expect, it } from 'vitest';
import { computeDashboard, type DashboardInput } from '../../src/lib/domain/dashboard';
import type { Entry, Plan, Rate, Saving, Stream } from '../../src/lib/domain/model';
import { rollupsFromEntries } from '../../src/lib/domain/rollup';
import {
  makeEntry,
  makePlan,
  makeRate,
  makeSaving,
  makeStream,
  monthlyEntries,
} from './analytics-fixtures';

const wage = makeStream({ id: 'wage', kind: 'formal' });
const gigs = makeStream({ id: 'gigs', kind: 'microtask', currency: 'USD', platform: 'Toloka' });
const sixMonths = {
  '2025-01': 400_000_000,
  '2025-02': 400_000_000,
  '2025-03': 400_000_000,
  '2025-04': 400_000_000,
  '2025-05': 400_000_000,
  '2025-06': 400_000_000,
};

function input(parts: {
  entries: Entry[];
  streams?: Stream[];
  plans?: Plan[];
  savings?: Saving[];
  rates?: Rate[];
  today?: string;
}): DashboardInput {
  const rates = parts.rates ?? [];
  return {
    rollups: rollupsFromEntries(parts.entries, rates, 'IDR'),
    streams: parts.streams ?? [wage, gigs],
    plans: parts.plans ?? [makePlan({ amountMinor: 300_000_000 })],
    savings: parts.savings ?? [makeSaving('2025-01-01', 600_000_000)],
    rates,
    training: [],
    baseCurrency: 'IDR',
    today: parts.today ?? '2025-07-02',
  };
}

describe('missing essentials', () => {
  it('leaves coverage and buffer unknown with needs-essentials when no essential plan exists', () => {
    const d = computeDashboard(
      input({
        entries: monthlyEntries(wage, sixMonths),
        plans: [makePlan({ amountMinor: 50_000_000, category: 'digital' })],
      }),
    );
    const c = d.resilience.components;
    expect(c.coverage).toEqual({ value: null, reason: 'needs-essentials' });
    expect(c.buffer).toEqual({ value: null, reason: 'needs-essentials' });
    // D = 0 (one source), S = 1 (CV 0): the score is their mean, 50, not (0 + 1 + 0 + 0) / 4.
    expect(d.resilience.score).toBe(50);
    expect(d.resilience.inputs.essentialMinor).toBe(0);
    expect(d.series.coverage.every((v) => v === null)).toBe(true);
  });

  it('ignores deleted and one-off essential plans in E', () => {
    const d = computeDashboard(
      input({
        entries: monthlyEntries(wage, sixMonths),
        plans: [
          makePlan({ amountMinor: 300_000_000, deletedAt: '2025-02-01T00:00:00Z' }),
          makePlan({ amountMinor: 300_000_000, cadence: 'once', dueOn: '2025-06-10' }),
        ],
      }),
    );
    expect(d.resilience.components.coverage.reason).toBe('needs-essentials');
  });

  it('asks for a rate when an essential plan is in a currency without one', () => {
    const d = computeDashboard(
      input({
        entries: monthlyEntries(wage, sixMonths),
        plans: [makePlan({ amountMinor: 10_000, currency: 'USD' })],
      }),
    );
    expect(d.resilience.components.coverage).toEqual({ value: null, reason: 'needs-rate' });
    expect(d.resilience.components.buffer).toEqual({ value: null, reason: 'needs-rate' });
  });
});

describe('missing savings', () => {
  it('leaves the buffer unknown with needs-savings before the first snapshot', () => {
    // The only snapshot is dated after the month viewed (2025-05), so none is in force then.
    const d = computeDashboard({
      ...input({
        entries: monthlyEntries(wage, sixMonths),
        savings: [makeSaving('2025-07-01', 1)],
      }),
      asOf: '2025-05',
    });
    expect(d.resilience.components.buffer).toEqual({ value: null, reason: 'needs-savings' });
    expect(d.stress).toBeNull();
    const stressed = computeDashboard({
      ...input({ entries: monthlyEntries(wage, sixMonths), savings: [] }),
      stress: { streamId: 'wage', fallPercent: 100 },
    });
    expect(stressed.stress!.bufferLastsMonths).toBeNull();
    expect(stressed.stress!.bufferReason).toBe('needs-savings');
  });

  it('asks for a rate when the snapshot is in a currency without one', () => {
    const d = computeDashboard(
      input({
        entries: monthlyEntries(wage, sixMonths),
        savings: [makeSaving('2025-01-01', 100_00, { currency: 'USD' })],
      }),
    );
    expect(d.resilience.components.buffer).toEqual({ value: null, reason: 'needs-rate' });
    expect(d.resilience.inputs.savingsMinor).toBeNull();
  });
});

describe('short history', () => {
  it('leaves stability unknown with needs-history for fewer than 3 months', () => {
    const d = computeDashboard(
      input({
        entries: monthlyEntries(wage, { '2025-05': 400_000_000, '2025-06': 300_000_000 }),
      }),
    );
    expect(d.resilience.window.months).toEqual(['2025-05', '2025-06']);
    expect(d.resilience.components.stability).toEqual({ value: null, reason: 'needs-history' });
    expect(d.resilience.inputs.cv).toBeNull();
    // The other components are still known: D 0, C = min(350e6 / 300e6, 1) = 1, B = 2 / 3 → 56.
    expect(d.resilience.rawScore!).toBeCloseTo((100 * (0 + 1 + 2 / 3)) / 3, 9);
  });

  it('leaves diversification unknown with needs-income before any income', () => {
    const d = computeDashboard(input({ entries: [] }));
    expect(d.historyStart).toBeNull();
    expect(d.resilience.components.diversification).toEqual({
      value: null,
      reason: 'needs-income',
    });
    expect(d.resilience.components.stability.reason).toBe('needs-history');
    expect(d.resilience.components.coverage.reason).toBe('needs-income');
    // Only the buffer is known: 600e6 / 300e6 = 2 months → B = 2/3 → 67.
    expect(d.resilience.score).toBe(67);
    expect(d.series.months).toEqual(['2025-06']);
  });

  it('starts history at the first stream start when nothing is recorded yet', () => {
    const started = makeStream({ id: 'new', kind: 'informal', startedOn: '2025-04-20' });
    const d = computeDashboard(input({ entries: [], streams: [started] }));
    expect(d.historyStart).toBe('2025-04');
    expect(d.series.months).toEqual(['2025-04', '2025-05', '2025-06']);
  });

  it('starts history at the first entry, not at a long-ago stream start', () => {
    const old = makeStream({ id: 'old', kind: 'formal', startedOn: '2015-03-01' });
    const d = computeDashboard(input({ entries: monthlyEntries(old, sixMonths), streams: [old] }));
    expect(d.historyStart).toBe('2025-01');
    expect(d.resilience.window.months).toHaveLength(6);
  });
});

describe('missing exchange rates', () => {
  // Wage Rp4,000,000 a month in IDR; gigs in USD: $50 a month. A rate exists only from
  // 2025-03-01, so January and February gigs cannot be converted.
  const rates = [makeRate('USD', '2025-03-01', '16000')];
  const entries = [
    ...monthlyEntries(wage, sixMonths),
    ...monthlyEntries(gigs, {
      '2025-01': 5_000,
      '2025-02': 5_000,
      '2025-03': 5_000,
      '2025-04': 5_000,
      '2025-05': 5_000,
      '2025-06': 5_000,
    }),
  ];

  it('flags the months and leaves them out of W instead of counting them as zero', () => {
    const d = computeDashboard(input({ entries, rates }));
    expect(d.flaggedMonths).toEqual([
      { month: '2025-01', receivedMissing: 1, pendingMissing: 0, streamIds: ['gigs'] },
      { month: '2025-02', receivedMissing: 1, pendingMissing: 0, streamIds: ['gigs'] },
    ]);
    const r = d.resilience;
    expect(r.window.from).toBe('2025-01');
    expect(r.window.flaggedMonths).toEqual(['2025-01', '2025-02']);
    expect(r.window.months).toEqual(['2025-03', '2025-04', '2025-05', '2025-06']);
    // Counted months: 400e6 + 5,000 × 16,000 = 480e6 each → mean 480e6, CV 0, no dips.
    expect(r.inputs.incomeByMonth).toEqual([480_000_000, 480_000_000, 480_000_000, 480_000_000]);
    expect(r.inputs.meanIncomeMinor).toBe(480_000_000);
    expect(r.inputs.cv).toBe(0);
    expect(r.inputs.dipMonths).toEqual([]);
    // Had January and February counted the wage alone (400e6), they would be dips of a
    // lower mean; they are not.
    expect(d.series.flagged).toEqual([true, true, false, false, false, false]);
    // The series still shows what could be converted, marked as flagged.
    expect(d.series.incomeTotal.slice(0, 2)).toEqual([400_000_000, 400_000_000]);
  });

  it('asks for a rate when flagged months leave fewer than 3 to measure volatility', () => {
    const d = computeDashboard(input({ entries, rates, today: '2025-04-05' }));
    // W = Jan..Mar; only March counts.
    expect(d.resilience.window.months).toEqual(['2025-03']);
    expect(d.resilience.components.stability).toEqual({ value: null, reason: 'needs-rate' });
    expect(d.series.stability).toEqual([null, null, null]);
    // January alone: nothing counts → D asks for the rate, not for income.
    const january = computeDashboard({ ...input({ entries, rates }), asOf: '2025-01' });
    expect(january.resilience.components.diversification).toEqual({
      value: null,
      reason: 'needs-rate',
    });
  });

  it('keeps pending entries without a rate out of the pending total, and counts them', () => {
    const pending = makeEntry(gigs, '2025-02-20', 7_000, { status: 'pending' });
    const d = computeDashboard(input({ entries: [...entries, pending], rates }));
    // Pending per period (pending.ts): February's is in the months before the last complete one.
    const february = d.pending.find((p) => p.period.months.includes('2025-02'))!;
    expect(february).toMatchObject({ totalMinor: 0, missingRateCount: 1 });
    expect(d.pending.map((p) => p.missingRateCount).reduce((a, b) => a + b, 0)).toBe(1);
    expect(d.flaggedMonths[1]).toEqual({
      month: '2025-02',
      receivedMissing: 1,
      pendingMissing: 1,
      streamIds: ['gigs'],
    });
  });
});
