// @vitest-environment jsdom
/**
 * Quick add's state (issue 24): the one way into the entry form. Private fields, read-only
 * getters, methods for changes; runs inside `$effect.root`, as the dialog reads it.
 */
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { stopWatching, watch } from '../watch.svelte';
import { QuickAdd } from '../../src/lib/state/quick-add.svelte';

afterEach(() => {
  stopWatching();
});

describe('QuickAdd', () => {
  it('opens on the start it is given, and closes', () => {
    const quickAdd = new QuickAdd();
    const seen = watch(() => [quickAdd.open, quickAdd.start.streamId ?? null] as const);
    quickAdd.show({ streamId: 's1', date: '2026-11-03', amountMinor: 500 });
    flushSync();
    expect(quickAdd.start).toEqual({ streamId: 's1', date: '2026-11-03', amountMinor: 500 });
    quickAdd.close();
    flushSync();
    quickAdd.show();
    flushSync();
    expect(quickAdd.start).toEqual({});
    expect(seen).toEqual([
      [false, null],
      [true, 's1'],
      [false, 's1'],
      [true, null],
    ]);
  });

  it('counts what the form wrote, for a view that is not live', () => {
    const quickAdd = new QuickAdd();
    const seen = watch(() => quickAdd.saves);
    quickAdd.wrote();
    flushSync();
    quickAdd.wrote();
    flushSync();
    expect(seen).toEqual([0, 1, 2]);
  });

  it('has no setters: its state changes only through show, close and wrote', () => {
    const quickAdd = new QuickAdd();
    for (const field of ['open', 'start', 'saves']) {
      expect(() => {
        (quickAdd as unknown as Record<string, unknown>)[field] = 1;
      }).toThrow(TypeError);
    }
    expect(quickAdd.open).toBe(false);
  });
});
