// Edges of the resilience kernel that resilience-kernel-rules.test.ts's generated households do
// not reach (docs/testing.md, "Mutation testing", third round): a stream's running total past
// 2^53, a household left without income when its only stream is taken out, and a stream with no
// income whose "score without it" must be the household's own to the last bit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthRange } from '../../src/lib/domain/months';
import type { StreamKind } from '../../src/lib/domain/model';
import {
  K,
  componentValues,
  rawScoreOf,
  rawScoresWithoutEach,
  resilienceContext,
  withoutEachScratch,
  type ResilienceContext,
} from '../../src/lib/domain/resilience-kernel';

function contextOf(kinds: StreamKind[], income: number[][], essential = 1, savings = 0) {
  const width = income[0]!.length;
  const months = monthRange('2020-01', '2030-12').slice(0, width);
  return resilienceContext({
    months,
    streams: kinds.map((kind, i) => ({ id: `s${i}`, kind })),
    income: income.map((line) => Float64Array.from(line)),
    missing: income.map((line) => new Int32Array(line.length)),
    historyStart: 0,
    essential: months.map(() => essential),
    savings: months.map(() => ({ savingId: 'v', date: '2020-01-01', amountMinor: savings })),
  });
}

function withoutEach(ctx: ResilienceContext, col: number) {
  const rows = ctx.streamIds.length;
  const out = new Float64Array(rows);
  const base = rawScoresWithoutEach(
    ctx,
    col,
    out,
    withoutEachScratch(rows),
    new Float64Array(K.size),
  );
  return { base, out: Array.from(out) };
}

function scoreWithout(ctx: ResilienceContext, col: number, row: number): number {
  const v = new Float64Array(K.size);
  componentValues(ctx, col, row, 0, v);
  return rawScoreOf(v);
}

describe('the resilience kernel at its edges', () => {
  it("a window's sum of whole minor units stays exact after the stream's running total passed 2^53", () => {
    // Two months of 9 × 10^15 (safe integers whose sum is not), then small irregular months: the
    // last window holds only the small ones, summed exactly.
    const small = [1, 2, 1, 1, 2, 1, 2, 2, 1, 1, 2, 1, 1];
    const ctx = contextOf(['informal'], [[9e15, 9e15, ...small]]);
    const col = small.length + 1;
    expect(ctx.windowSums[col]).toBe(small.slice(1).reduce((a, b) => a + b, 0));
  });

  it('without its only income stream, the score is the mean of the components still known', () => {
    // One stream of 100 a month, E = 50, savings 300 (buffer 2 months of 3: 2/3). Without the
    // stream: no income (D and S unknown), coverage 0, buffer 2/3.
    const ctx = contextOf(['informal'], [[100, 100, 100, 100]], 50, 100);
    const { out } = withoutEach(ctx, 3);
    expect(out[0]).toBeCloseTo((100 * (0 + 2 / 3)) / 2, 10);
    expect(out[0]).toBe(scoreWithout(ctx, 3, 0));
  });

  it("a stream with no income in W leaves the household's own score, to the last bit", () => {
    const month = fc.double({ min: 0.01, max: 1_000, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(fc.array(month, { minLength: 6, maxLength: 6 }), { minLength: 2, maxLength: 4 }),
        fc.nat(),
        (lines, at) => {
          const zero = at % (lines.length + 1);
          const income = [...lines];
          income.splice(zero, 0, [0, 0, 0, 0, 0, 0]);
          const kinds = income.map((_, i): StreamKind => (i % 2 === 0 ? 'informal' : 'formal'));
          const ctx = contextOf(kinds, income, 500, 700);
          const { base, out } = withoutEach(ctx, 5);
          expect(Object.is(out[zero], base)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  // Eleventh round (issue 28): a household with months counted but no stream at all (its streams
  // deleted, its history kept). No income shares means no diversification to score: unknown, not
  // "fully diversified" (an empty sum of squared shares is 0, and 1 / 0 would read as the most
  // sources there can be).
  it('a household without any stream has no diversification, whatever months it counts', () => {
    const months = monthRange('2025-01', '2025-12');
    const ctx = resilienceContext({
      months,
      streams: [],
      income: [],
      missing: [],
      historyStart: 0,
      essential: months.map(() => 50),
      savings: months.map(() => null),
    });
    const v = new Float64Array(K.size);
    componentValues(ctx, 11, -1, 1, v);
    expect(v[K.n]).toBe(12);
    expect(v[K.total]).toBe(0);
    expect(v[K.D]).toBeNaN();
    expect(v[K.hhi]).toBeNaN();
  });

  it('a context of no months has no windows, and building it does not fail', () => {
    const ctx = resilienceContext({
      months: [],
      streams: [{ id: 's0', kind: 'informal' }],
      income: [new Float64Array(0)],
      missing: [new Int32Array(0)],
      historyStart: 0,
      essential: [],
      savings: [],
    });
    expect(ctx.windowSums).toHaveLength(0);
    expect(ctx.windowCount).toHaveLength(0);
  });
});
