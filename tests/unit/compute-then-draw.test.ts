// The dashboard's first score: computed in one task, drawn in the next (lib/ui/compute-then-draw.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { computeThenDraw } from '../../src/lib/ui/compute-then-draw';

describe('computeThenDraw', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
  afterEach(() => vi.useRealTimers());

  it('computes in a task of its own and draws in the next one, never in the caller’s', () => {
    const calls: string[] = [];
    computeThenDraw(
      () => calls.push('compute'),
      () => calls.push('draw'),
    );
    expect(calls).toEqual([]);
    vi.advanceTimersToNextTimer();
    expect(calls).toEqual(['compute']);
    vi.advanceTimersToNextTimer();
    expect(calls).toEqual(['compute', 'draw']);
  });

  it('does nothing more once cancelled, before or after computing', () => {
    const early = { compute: vi.fn(), draw: vi.fn() };
    computeThenDraw(early.compute, early.draw)();
    vi.runAllTimers();
    expect(early.compute).not.toHaveBeenCalled();
    expect(early.draw).not.toHaveBeenCalled();

    const late = { compute: vi.fn(), draw: vi.fn() };
    const cancel = computeThenDraw(late.compute, late.draw);
    vi.advanceTimersToNextTimer();
    cancel();
    vi.runAllTimers();
    expect(late.compute).toHaveBeenCalledTimes(1);
    expect(late.draw).not.toHaveBeenCalled();
  });
});
