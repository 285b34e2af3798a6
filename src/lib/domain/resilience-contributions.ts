/**
 * What each stream adds to the resilience score: the score minus the score recomputed with that
 * stream's income removed, for one month or as a series.
 */
import {
  K,
  rawScoresWithoutEach,
  withoutEachScratch,
  type ResilienceContext,
} from './resilience-kernel';

export interface StreamContribution {
  streamId: string;
  /** score − score without the stream (both rounded); null when either is unknown. */
  points: number | null;
  /** The same difference before rounding. */
  exact: number | null;
}

/**
 * What each stream adds to the score of column `col`: the score minus the score recomputed with
 * that stream's income removed (same window, same flagged months).
 */
export function contributionsAtColumn(ctx: ResilienceContext, col: number): StreamContribution[] {
  const rows = ctx.streamIds.length;
  const without = new Float64Array(rows);
  const base = rawScoresWithoutEach(
    ctx,
    col,
    without,
    withoutEachScratch(rows),
    new Float64Array(K.size),
  );
  return ctx.streamIds.map((streamId, j) => {
    const w = without[j]!;
    const known = base === base && w === w;
    return {
      streamId,
      points: known ? Math.round(base) - Math.round(w) : null,
      exact: known ? base - w : null,
    };
  });
}

/** Per stream, its contribution (rounded points) in every column from `fromCol` to `toCol`. */
export function contributionSeries(
  ctx: ResilienceContext,
  fromCol: number,
  toCol: number,
): Record<string, (number | null)[]> {
  const rows = ctx.streamIds.length;
  const lines: (number | null)[][] = ctx.streamIds.map(() => []);
  const v = new Float64Array(K.size);
  const without = new Float64Array(rows);
  const scratch = withoutEachScratch(rows);
  for (let c = Math.max(fromCol, 0); c <= toCol; c++) {
    const base = rawScoresWithoutEach(ctx, c, without, scratch, v);
    for (let j = 0; j < rows; j++) {
      const w = without[j]!;
      lines[j]!.push(base === base && w === w ? Math.round(base) - Math.round(w) : null);
    }
  }
  const out: Record<string, (number | null)[]> = {};
  ctx.streamIds.forEach((id, j) => (out[id] = lines[j]!));
  return out;
}
