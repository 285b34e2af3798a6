/**
 * The resilience kernel (resilience-kernel.ts) against the formulas of docs/resilience.md written
 * out plainly here, month by month and stream by stream, with none of the kernel's shortcuts
 * (running totals, per-month flags, prefix and suffix sums). Any household, any month, any
 * stream scaled or left out: the kernel must give the same numbers (issue 28, mutation testing).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STREAM_KINDS, type StreamKind } from '../../src/lib/domain/model';
import { monthRange } from '../../src/lib/domain/months';
import {
  K,
  componentValues,
  rawScoreOf,
  rawScoresWithoutEach,
  resilienceContext,
  withoutEachScratch,
  type ResilienceContext,
} from '../../src/lib/domain/resilience-kernel';

const RUNS = { numRuns: 300 };

interface Household {
  kinds: StreamKind[];
  /** [stream][month] received income, base minor units (fractions too: scaled tests). */
  income: number[][];
  /** [stream][month] received entries without a rate. */
  missing: number[][];
  historyStart: number;
  essential: (number | null)[];
  /** Per month: no snapshot (undefined), a snapshot without rate (null), or its amount. */
  savings: (number | null | undefined)[];
}

function contextOf(h: Household): ResilienceContext {
  const width = h.essential.length;
  return resilienceContext({
    months: monthRange('2020-01', '2030-12').slice(0, width),
    streams: h.kinds.map((kind, i) => ({ id: `s${i}`, kind })),
    income: h.income.map((line) => Float64Array.from(line)),
    missing: h.missing.map((line) => Int32Array.from(line)),
    historyStart: h.historyStart,
    essential: h.essential,
    savings: h.savings.map((s) =>
      s === undefined ? null : { savingId: 'v', date: '2020-01-01', amountMinor: s },
    ),
  });
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
/** Population standard deviation over its mean. */
function cvOf(xs: readonly number[]): number {
  const mean = sum(xs) / xs.length;
  return Math.sqrt(sum(xs.map((x) => (x - mean) ** 2)) / xs.length) / mean;
}
const clamp01 = (x: number): number => Math.min(Math.max(x, 0), 1);

interface Plain {
  D: number | null;
  S: number | null;
  C: number | null;
  B: number | null;
  total: number;
  mean: number | null;
  n: number;
  flagged: number;
  score: number | null;
}

/**
 * docs/resilience.md, plainly: W is the 12 months ending at m, not before the history starts;
 * a month with an entry without rate stays in W's span but counts for nothing. Stream `scaled`
 * (if any) has its income multiplied by `factor`; whether a stream is steady is read from its
 * own income as recorded (multiplying it by a positive factor does not change its CV).
 */
function plain(h: Household, col: number, scaled = -1, factor = 1): Plain {
  const from = h.historyStart < 0 ? col + 1 : Math.max(h.historyStart, col - 11);
  const span: number[] = [];
  for (let c = from; c <= col; c++) span.push(c);
  const counted = span.filter((c) => h.missing.every((line) => line[c]! === 0));
  const n = counted.length;
  const own = h.income.map((line) => counted.map((c) => line[c]!));
  const lines = own.map((xs, r) => (r === scaled ? xs.map((x) => x * factor) : xs));
  const sums = lines.map(sum);
  const total = sum(sums);
  const mean = n > 0 ? total / n : null;
  const D =
    n > 0 && total > 0 ? clamp01((1 / sum(sums.map((t) => (t / total) ** 2)) - 1) / 3) : null;
  const monthly = counted.map((_, i) => sum(lines.map((xs) => xs[i]!)));
  const S = n >= 3 && mean !== null && mean > 0 ? 1 - Math.min(cvOf(monthly) / 0.6, 1) : null;
  const steady = own.map(
    (xs, r) => h.kinds[r] === 'formal' || (n >= 3 && sum(xs) > 0 && cvOf(xs) < 0.15),
  );
  const stable = sum(sums.filter((_, r) => steady[r]));
  const E = h.essential[col] ?? NaN;
  const C = E > 0 && n > 0 ? Math.min(stable / n / E, 1) : null;
  const s = h.savings[col];
  const B = E > 0 && typeof s === 'number' ? Math.min(Math.max(s, 0) / E / 3, 1) : null;
  const known = [D, S, C, B].filter((x): x is number => x !== null);
  return {
    D,
    S,
    C,
    B,
    total,
    mean,
    n,
    flagged: span.length - n,
    score: known.length > 0 ? (100 * sum(known)) / known.length : null,
  };
}

const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

function kernel(ctx: ResilienceContext, col: number, row = -1, factor = 1): Plain {
  const out = new Float64Array(K.size);
  componentValues(ctx, col, row, factor, out);
  return {
    D: orNull(out[K.D]!),
    S: orNull(out[K.S]!),
    C: orNull(out[K.C]!),
    B: orNull(out[K.B]!),
    total: out[K.total]!,
    mean: orNull(out[K.mean]!),
    n: out[K.n]!,
    flagged: out[K.flagged]!,
    score: orNull(rawScoreOf(out)),
  };
}

/** Equal to 9 significant digits (the kernel sums in another order), or both null. */
function expectSame(actual: Plain, expected: Plain): void {
  for (const key of Object.keys(expected) as (keyof Plain)[]) {
    const a = actual[key];
    const e = expected[key];
    if (e === null || a === null) {
      expect([key, a]).toEqual([key, e]);
    } else {
      expect(Math.abs(a - e), `${key}: ${a} vs ${e}`).toBeLessThanOrEqual(
        1e-9 * Math.max(1, Math.abs(e)),
      );
    }
  }
}

const amountArb = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 1, max: 5_000_000 }),
  // Steady incomes, so that some streams count as stable income.
  fc.constantFrom(1_000_000, 1_050_000, 980_000),
  // Fractions, as when a test scales income.
  fc.integer({ min: 1, max: 500_000_000 }).map((x) => x / 100),
);

const householdArb: fc.Arbitrary<Household> = fc
  .record({ width: fc.integer({ min: 1, max: 16 }), rows: fc.integer({ min: 1, max: 5 }) })
  .chain(({ width, rows }) => {
    const grid = <T>(arb: fc.Arbitrary<T>) =>
      fc.array(fc.array(arb, { minLength: width, maxLength: width }), {
        minLength: rows,
        maxLength: rows,
      });
    return fc.record({
      kinds: fc.array(fc.constantFrom(...STREAM_KINDS), { minLength: rows, maxLength: rows }),
      income: grid(amountArb),
      missing: grid(
        fc.oneof(
          { weight: 9, arbitrary: fc.constant(0) },
          { weight: 1, arbitrary: fc.constant(1) },
        ),
      ),
      historyStart: fc.integer({ min: -1, max: width - 1 }),
      essential: fc.array(
        fc.oneof(fc.constant(null), fc.constant(0), fc.integer({ min: 1, max: 6_000_000 })),
        { minLength: width, maxLength: width },
      ),
      savings: fc.array(
        fc.oneof(
          fc.constant(undefined),
          fc.constant(null),
          fc.integer({ min: -1_000_000, max: 30_000_000 }),
        ),
        { minLength: width, maxLength: width },
      ),
    });
  });

describe('the resilience kernel computes the formulas of docs/resilience.md', () => {
  it('for any household and month: window, D, S, C, B and the score', () => {
    fc.assert(
      fc.property(householdArb, (h) => {
        const ctx = contextOf(h);
        for (let col = 0; col < h.essential.length; col++)
          expectSame(kernel(ctx, col), plain(h, col));
      }),
      RUNS,
    );
  });

  it('with one stream scaled by any factor (the stress test) or left out (its contribution)', () => {
    fc.assert(
      fc.property(
        householdArb,
        fc.nat(),
        fc.oneof(
          fc.constant(0),
          fc.integer({ min: 1, max: 1000 }).map((x) => x / 1000),
        ),
        (h, pick, factor) => {
          const ctx = contextOf(h);
          const row = pick % h.kinds.length;
          for (let col = 0; col < h.essential.length; col++) {
            expectSame(kernel(ctx, col, row, factor), plain(h, col, row, factor));
          }
        },
      ),
      RUNS,
    );
  });

  it("each stream's score without it, all at once, is the score recomputed without that stream", () => {
    fc.assert(
      fc.property(householdArb, (h) => {
        const ctx = contextOf(h);
        const rows = h.kinds.length;
        const out = new Float64Array(rows);
        const scratch = withoutEachScratch(rows);
        // Left dirty from an earlier call: the function must not read what it did not write.
        scratch.fill(7);
        const values = new Float64Array(K.size);
        for (let col = 0; col < h.essential.length; col++) {
          const own = rawScoresWithoutEach(ctx, col, out, scratch, values);
          expect(orNull(own)).toEqual(plain(h, col).score === null ? null : expect.any(Number));
          if (plain(h, col).score !== null) {
            expect(Math.abs(own - plain(h, col).score!)).toBeLessThanOrEqual(1e-9 * 100);
          }
          for (let j = 0; j < rows; j++) {
            const e = plain(h, col, j, 0).score;
            if (e === null) expect(out[j]).toBeNaN();
            else
              expect(Math.abs(out[j]! - e), `col ${col} without s${j}`).toBeLessThanOrEqual(
                1e-9 * 100,
              );
          }
        }
      }),
      RUNS,
    );
  });
});

describe('the window and the steady streams, at their edges', () => {
  const steadyAt = (kinds: StreamKind[], income: number[][], col: number): boolean[] => {
    const ctx = contextOf({
      kinds,
      income,
      missing: income.map((line) => line.map(() => 0)),
      historyStart: 0,
      essential: income[0]!.map(() => 1),
      savings: income[0]!.map(() => undefined),
    });
    return kinds.map((_, r) => ctx.windowStable[col * kinds.length + r] === 1);
  };

  it('W is the last 12 months at most, and empty before the history starts', () => {
    const width = 15;
    const h: Household = {
      kinds: ['informal'],
      income: [Array.from({ length: width }, (_, c) => 10 + c)],
      missing: [Array.from({ length: width }, () => 0)],
      historyStart: 1,
      essential: Array.from({ length: width }, () => 100),
      savings: Array.from({ length: width }, () => undefined),
    };
    const ctx = contextOf(h);
    expect(kernel(ctx, 0).n).toBe(0);
    expect(kernel(ctx, 0).flagged).toBe(0);
    expect(kernel(ctx, 0).D).toBeNull();
    expect(kernel(ctx, 12).n).toBe(12);
    expect(kernel(ctx, 12).total).toBe(sum(h.income[0]!.slice(1, 13)));
    expect(kernel(ctx, 14).total).toBe(sum(h.income[0]!.slice(3, 15)));
    const none = contextOf({ ...h, historyStart: -1 });
    expect(kernel(none, 14).n).toBe(0);
    expect(kernel(none, 14).total).toBe(0);
  });

  it("a window's sum stays exact whatever came before it, fractions too", () => {
    // A huge month, then twelve of 0.1: the window after it holds 1.2, not what is left of
    // (huge + 1.2) − huge.
    const line = [1e15 + 0.5, ...Array.from({ length: 12 }, () => 0.1)];
    const ctx = contextOf({
      kinds: ['informal'],
      income: [line],
      missing: [line.map(() => 0)],
      historyStart: 0,
      essential: line.map(() => 1),
      savings: line.map(() => undefined),
    });
    expect(ctx.windowSums[12]).toBeCloseTo(1.2, 12);
  });

  it('a formal stream is stable income from its first month; another needs 3 months and a CV below 0.15', () => {
    const formal = [5, 0, 9];
    const steady = [100, 100, 100];
    expect(steadyAt(['formal', 'informal'], [formal, steady], 0)).toEqual([true, false]);
    expect(steadyAt(['formal', 'informal'], [formal, steady], 1)).toEqual([true, false]);
    expect(steadyAt(['formal', 'informal'], [formal, steady], 2)).toEqual([true, true]);
    // CV exactly 0.15 (mean 100, deviation 15) is not below it; 14 is.
    expect(steadyAt(['support'], [[85, 115, 85, 115]], 3)).toEqual([false]);
    expect(steadyAt(['support'], [[86, 114, 86, 114]], 3)).toEqual([true]);
    // A stream without income in W is not stable income.
    expect(steadyAt(['microtask'], [[0, 0, 0]], 2)).toEqual([false]);
  });

  it('a month with an entry without rate is in the span but not counted', () => {
    const ctx = contextOf({
      kinds: ['informal', 'support'],
      income: [
        [10, 20, 30, 40],
        [1, 1, 1, 1],
      ],
      missing: [
        [0, 0, 0, 0],
        [0, 1, 0, 0],
      ],
      historyStart: 0,
      essential: [1, 1, 1, 1],
      savings: [undefined, undefined, undefined, undefined],
    });
    expect(Array.from(ctx.flagged)).toEqual([0, 1, 0, 0]);
    expect(kernel(ctx, 3).n).toBe(3);
    expect(kernel(ctx, 3).flagged).toBe(1);
    expect(kernel(ctx, 3).total).toBe(10 + 30 + 40 + 3);
    expect(Array.from(ctx.totals)).toEqual([11, 21, 31, 41]);
  });
});
