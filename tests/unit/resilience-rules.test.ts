/**
 * The rules of resilience.ts that the reference households leave unstated: why a component is
 * unknown, the plain inputs the score view shows, the series, the first measured month and the
 * stress test's edges (issue 28, mutation testing). Households are month × stream grids.
 */
import { describe, expect, it } from 'vitest';
import type { StreamKind } from '../../src/lib/domain/model';
import { monthRange } from '../../src/lib/domain/months';
import {
  columnOf,
  firstMeasuredColumn,
  resilienceAtColumn,
  resilienceContext,
  resilienceSeries,
  scoreAtColumn,
  stressTestAtColumn,
  type ResilienceContext,
} from '../../src/lib/domain/resilience';

interface Grid {
  kinds: StreamKind[];
  income: number[][];
  /** Months (columns) with an entry without rate, on the first stream. */
  flagged?: number[];
  historyStart?: number;
  essential?: number | null;
  /** undefined: no snapshot; null: a snapshot without rate. */
  savings?: number | null;
}

function ctxOf(g: Grid): ResilienceContext {
  const width = g.income[0]!.length;
  const months = monthRange('2025-01', '2026-12').slice(0, width);
  const flagged = new Set(g.flagged ?? []);
  return resilienceContext({
    months,
    streams: g.kinds.map((kind, i) => ({ id: `s${i}`, kind })),
    income: g.income.map((line) => Float64Array.from(line)),
    missing: g.income.map((line, r) =>
      Int32Array.from(line, (_, c) => (r === 0 && flagged.has(c) ? 1 : 0)),
    ),
    historyStart: g.historyStart ?? 0,
    essential: months.map(() => (g.essential === undefined ? 1_000 : g.essential)),
    savings: months.map(() =>
      g.savings === undefined
        ? null
        : { savingId: 'v', date: '2025-01-01', amountMinor: g.savings },
    ),
  });
}

const steady = (n: number, x = 1_000): number[] => Array.from({ length: n }, () => x);

describe('why a component is unknown', () => {
  it('no essential costs: coverage and buffer ask for them; with E but no snapshot the buffer asks for savings', () => {
    const none = resilienceAtColumn(
      ctxOf({ kinds: ['formal'], income: [steady(4)], essential: 0, savings: 500 }),
      3,
    );
    expect(none.components.coverage).toEqual({ value: null, reason: 'needs-essentials' });
    expect(none.components.buffer).toEqual({ value: null, reason: 'needs-essentials' });
    const noSnap = resilienceAtColumn(ctxOf({ kinds: ['formal'], income: [steady(4)] }), 3);
    expect(noSnap.components.buffer).toEqual({ value: null, reason: 'needs-savings' });
    expect(noSnap.components.coverage).toEqual({ value: 1, reason: null });
  });

  it('an essential cost or a snapshot without rate asks for a rate', () => {
    const e = resilienceAtColumn(
      ctxOf({ kinds: ['formal'], income: [steady(4)], essential: null, savings: 1 }),
      3,
    );
    expect(e.components.coverage.reason).toBe('needs-rate');
    expect(e.components.buffer.reason).toBe('needs-rate');
    expect(e.inputs.essentialMinor).toBeNull();
    const s = resilienceAtColumn(
      ctxOf({ kinds: ['formal'], income: [steady(4)], savings: null }),
      3,
    );
    expect(s.components.buffer).toEqual({ value: null, reason: 'needs-rate' });
    expect(s.inputs.savingsMinor).toBeNull();
  });

  it('no income at all: diversification, stability and coverage ask for income', () => {
    const r = resilienceAtColumn(ctxOf({ kinds: ['informal'], income: [steady(4, 0)] }), 3);
    expect(r.components.diversification.reason).toBe('needs-income');
    expect(r.components.stability.reason).toBe('needs-income');
    expect(r.components.coverage).toEqual({ value: 0, reason: null });
    expect(r.inputs.shares).toEqual([]);
    expect(r.inputs.dipMonths).toEqual([]);
    expect(r.inputs.hhi).toBeNull();
    expect(r.inputs.effectiveSources).toBeNull();
  });

  it('stability: fewer than 3 months asks for history, unless months without a rate took the rest', () => {
    const short = resilienceAtColumn(ctxOf({ kinds: ['informal'], income: [steady(2)] }), 1);
    expect(short.components.stability.reason).toBe('needs-history');
    const taken = resilienceAtColumn(
      ctxOf({ kinds: ['informal'], income: [steady(3)], flagged: [0] }),
      2,
    );
    expect(taken.components.stability.reason).toBe('needs-rate');
    const allFlagged = resilienceAtColumn(
      ctxOf({ kinds: ['informal'], income: [steady(2)], flagged: [0, 1] }),
      1,
    );
    expect(allFlagged.components.diversification.reason).toBe('needs-rate');
    expect(allFlagged.components.coverage.reason).toBe('needs-rate');
    expect(allFlagged.inputs.meanIncomeMinor).toBeNull();
  });

  it('a known component carries no reason, and the score averages the known ones', () => {
    const r = scoreAtColumn(ctxOf({ kinds: ['formal'], income: [steady(3)], savings: 1_500 }), 2);
    // D 0 (one source), S 1 (steady), C 1, B 0.5: (0 + 1 + 1 + 0.5) / 4.
    expect(r.rawScore).toBe(62.5);
    expect(r.score).toBe(63);
    const { diversification, stability, coverage, buffer } = r.components;
    expect([diversification, stability, coverage, buffer].map((c) => c.reason)).toEqual([
      null,
      null,
      null,
      null,
    ]);
    const nothing = scoreAtColumn(
      ctxOf({ kinds: ['informal'], income: [steady(3, 0)], essential: 0 }),
      2,
    );
    expect(nothing.score).toBeNull();
    expect(nothing.rawScore).toBeNull();
  });
});

describe('the inputs behind the score', () => {
  it("W's months, its months without a rate, shares, steady streams and dips", () => {
    const ctx = ctxOf({
      kinds: ['formal', 'informal'],
      income: [
        [0, 3_000, 3_000, 3_000, 3_000],
        [0, 1_000, 100, 1_000, 1_000],
      ],
      flagged: [4],
      historyStart: 1,
    });
    const r = resilienceAtColumn(ctx, 4);
    expect(r.window).toEqual({
      from: '2025-02',
      to: '2025-05',
      months: ['2025-02', '2025-03', '2025-04'],
      flaggedMonths: ['2025-05'],
    });
    expect(r.inputs.totalIncomeMinor).toBe(11_100);
    expect(r.inputs.meanIncomeMinor).toBe(3_700);
    expect(r.inputs.incomeByMonth).toEqual([4_000, 3_100, 4_000]);
    expect(r.inputs.shares).toEqual([
      { streamId: 's0', share: 9_000 / 11_100, incomeMinor: 9_000 },
      { streamId: 's1', share: 2_100 / 11_100, incomeMinor: 2_100 },
    ]);
    expect(r.inputs.effectiveSources).toBeCloseTo(1 / r.inputs.hhi!, 12);
    expect(r.inputs.stableStreamIds).toEqual(['s0']);
    expect(r.inputs.stableIncomeMinor).toBe(3_000);
    // 0.75 × 3,700 = 2,775: no month below it; at 3,100 the March month is not a dip.
    expect(r.inputs.dipMonths).toEqual([]);
    const dip = resilienceAtColumn(
      ctxOf({ kinds: ['informal'], income: [[4_000, 4_000, 2_000, 4_000]] }),
      3,
    );
    // Mean 3,500; 0.75 × 3,500 = 2,625.
    expect(dip.inputs.dipMonths).toEqual(['2025-03']);
    const edge = resilienceAtColumn(ctxOf({ kinds: ['informal'], income: [[4, 4, 3, 5]] }), 3);
    // Mean 4; exactly 0.75 × 4 = 3 is not below it.
    expect(edge.inputs.dipMonths).toEqual([]);
  });

  it('before the history starts the window is empty', () => {
    const r = resilienceAtColumn(
      ctxOf({ kinds: ['formal'], income: [steady(3)], historyStart: 2 }),
      1,
    );
    expect(r.window.from).toBeNull();
    expect(r.window.to).toBe('2025-02');
    expect(r.window.months).toEqual([]);
  });

  it('savings and buffer months as given', () => {
    const r = resilienceAtColumn(
      ctxOf({ kinds: ['formal'], income: [steady(3)], savings: 2_500 }),
      2,
    );
    expect(r.inputs.savingsMinor).toBe(2_500);
    expect(r.inputs.bufferMonths).toBe(2.5);
    expect(r.inputs.essentialMinor).toBe(1_000);
  });
});

describe('the series and the first measured month', () => {
  const ctx = ctxOf({
    kinds: ['formal', 'informal'],
    income: [steady(5), [0, 0, 500, 600, 400]],
    savings: 3_000,
  });

  it('one value per month from the first column asked to the last, a negative start read as 0', () => {
    const s = resilienceSeries(ctx, -2, 3);
    expect(s.months).toEqual(['2025-01', '2025-02', '2025-03', '2025-04']);
    for (let c = 0; c <= 3; c++) {
      const one = scoreAtColumn(ctx, c);
      expect(s.score[c]).toBe(one.score);
      expect(s.diversification[c]).toBe(one.components.diversification.value);
      expect(s.stability[c]).toBe(one.components.stability.value);
      expect(s.coverage[c]).toBe(one.components.coverage.value);
      expect(s.buffer[c]).toBe(one.components.buffer.value);
    }
    expect(s.stability[1]).toBeNull();
  });

  it('the first column whose window counts 3 months, or −1', () => {
    expect(firstMeasuredColumn(ctx, -5, 4)).toBe(2);
    expect(firstMeasuredColumn(ctx, 3, 4)).toBe(3);
    expect(firstMeasuredColumn(ctx, 0, 1)).toBe(-1);
    expect(columnOf(ctx, '2025-03')).toBe(2);
    expect(columnOf(ctx, '2024-12')).toBe(-1);
  });
});

describe('the stress test', () => {
  const grid: Grid = {
    kinds: ['formal', 'informal'],
    income: [
      [0, 600, 600, 600, 600],
      [300, 300, 300, 300, 300],
    ],
    historyStart: 1,
    savings: 2_000,
  };

  it('the stream stops: remaining income, what savings pay each month, how long they last', () => {
    const t = stressTestAtColumn(ctxOf(grid), 4, 0, 100);
    expect(t.streamId).toBe('s0');
    expect(t.month).toBe('2025-05');
    expect(t.windowFrom).toBe('2025-02');
    expect(t.streamMeanMinor).toBe(600);
    expect(t.meanIncomeBefore).toBe(900);
    expect(t.meanIncomeAfter).toBe(300);
    expect(t.shortfallMinor).toBe(700);
    expect(t.bufferLastsMonths).toBe(2_000 / 700);
    expect(t.bufferLastsMonthsBefore).toBe(2_000 / 100);
    expect(t.bufferReason).toBeNull();
    expect(t.coverageBefore.value).toBe(0.9);
    expect(t.scoreAfter).not.toBeNull();
  });

  it('a fall is read between 0 and 100 percent', () => {
    const ctx = ctxOf(grid);
    expect(stressTestAtColumn(ctx, 4, 0, 150).fallPercent).toBe(100);
    expect(stressTestAtColumn(ctx, 4, 0, 150).meanIncomeAfter).toBe(300);
    expect(stressTestAtColumn(ctx, 4, 0, -20).fallPercent).toBe(0);
    expect(stressTestAtColumn(ctx, 4, 0, -20).meanIncomeAfter).toBe(900);
    expect(stressTestAtColumn(ctx, 4, 0, 50).meanIncomeAfter).toBe(600);
  });

  it('savings last forever while the remaining income covers E; nothing is short', () => {
    const t = stressTestAtColumn(ctxOf({ ...grid, essential: 300 }), 4, 0, 100);
    expect(t.bufferLastsMonths).toBe(Infinity);
    expect(t.shortfallMinor).toBe(0);
    const exact = stressTestAtColumn(ctxOf({ ...grid, essential: 900 }), 4, 0, 0);
    expect(exact.bufferLastsMonths).toBe(Infinity);
    const negative = stressTestAtColumn(ctxOf({ ...grid, savings: -500 }), 4, 0, 100);
    expect(negative.bufferLastsMonths).toBe(0);
  });

  it('says which input it lacks, essentials first, then a rate, then savings, then income', () => {
    expect(
      stressTestAtColumn(ctxOf({ ...grid, essential: 0, savings: null }), 4, 0, 100).bufferReason,
    ).toBe('needs-essentials');
    expect(
      stressTestAtColumn(ctxOf({ ...grid, essential: 0 }), 4, 0, 100).shortfallMinor,
    ).toBeNull();
    expect(stressTestAtColumn(ctxOf({ ...grid, savings: null }), 4, 0, 100).bufferReason).toBe(
      'needs-rate',
    );
    const noSnap = stressTestAtColumn(ctxOf({ ...grid, savings: undefined }), 4, 0, 100);
    expect(noSnap.bufferReason).toBe('needs-savings');
    expect(noSnap.bufferLastsMonths).toBeNull();
    expect(noSnap.bufferLastsMonthsBefore).toBeNull();
    expect(noSnap.savingsMinor).toBeNull();
    const early = stressTestAtColumn(ctxOf({ ...grid, historyStart: 4, flagged: [4] }), 4, 0, 100);
    expect(early.bufferReason).toBe('needs-rate');
    expect(early.flaggedMonths).toBe(1);
    expect(early.streamMeanMinor).toBeNull();
    expect(early.shortfallMinor).toBeNull();
    const empty = stressTestAtColumn(ctxOf({ ...grid, historyStart: -1 }), 4, 0, 100);
    expect(empty.bufferReason).toBe('needs-income');
    expect(empty.windowFrom).toBeNull();
    expect(empty.flaggedMonths).toBe(0);
  });

  it('a stream that had income before the window stopped; one that never had it had not begun', () => {
    const ctx = ctxOf(grid);
    expect(stressTestAtColumn(ctx, 4, 1, 100).streamEarlier).toBe(true);
    expect(stressTestAtColumn(ctx, 4, 0, 100).streamEarlier).toBe(false);
    // Months inside the window do not count as earlier.
    expect(stressTestAtColumn(ctxOf({ ...grid, historyStart: 0 }), 4, 1, 100).streamEarlier).toBe(
      false,
    );
    // An empty window: every month up to m is earlier.
    expect(stressTestAtColumn(ctxOf({ ...grid, historyStart: -1 }), 4, 0, 100).streamEarlier).toBe(
      true,
    );
  });
});
