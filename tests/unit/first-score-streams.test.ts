import { describe, expect, it } from 'vitest';
import { streamsOfScore, type FirstScore } from '../../src/lib/domain/first-score';
import type { Stream } from '../../src/lib/domain/model';

// Issue 29: while the worker's score stands in for the live rows, the stress test's choices come
// from it, biggest first: its default must be the stream the worker's stress test was computed
// for, not the household's first-added stream.
const stream = (id: string) => ({ id }) as Stream;
const score = (streamIds: string[]) => ({ streamIds }) as FirstScore;

describe('streamsOfScore', () => {
  it("lists the household's streams in the score's order", () => {
    const household = [stream('a'), stream('b'), stream('c')];
    expect(streamsOfScore(score(['c', 'a']), household).map((s) => s.id)).toEqual(['c', 'a']);
  });

  it('leaves out a stream the household no longer lists, and gives none without a score', () => {
    expect(streamsOfScore(score(['gone', 'b']), [stream('b')]).map((s) => s.id)).toEqual(['b']);
    expect(streamsOfScore(null, [stream('b')])).toEqual([]);
  });
});
