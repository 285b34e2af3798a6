// @vitest-environment jsdom
/**
 * The toasts' state (issue 24): one message on screen at a time, the others counted behind it,
 * each gone after its own time. Runs inside `$effect.root`, as the band reads it.
 */
import { flushSync } from 'svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { stopWatching, watch } from '../watch.svelte';
import { Toasts } from '../../src/lib/state/toasts.svelte';

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }));
afterEach(() => {
  stopWatching();
  vi.useRealTimers();
});

describe('Toasts', () => {
  it('shows the newest, counts the others, and lets each go after its own time', () => {
    const toasts = new Toasts();
    const seen = watch(() => `${toasts.shown?.text ?? '-'} +${toasts.waiting}`);
    toasts.show('Deleted', { label: 'Undo', run: () => undefined });
    flushSync();
    vi.advanceTimersByTime(1000);
    toasts.show('Saved');
    flushSync();
    // "Saved" goes after 4 s; "Deleted" (with Undo) after 8 s from its own start.
    vi.advanceTimersByTime(4000);
    flushSync();
    vi.advanceTimersByTime(3000);
    flushSync();
    expect(seen).toEqual(['- +0', 'Deleted +0', 'Saved +1', 'Deleted +0', '- +0']);
  });

  it('keeps at most three alive: a fourth pushes out the oldest', () => {
    const toasts = new Toasts();
    for (const text of ['a', 'b', 'c', 'd']) toasts.show(text);
    expect(toasts.items.map((t) => t.text)).toEqual(['b', 'c', 'd']);
    expect(toasts.waiting).toBe(2);
  });

  it('brings the next one forward, and the one shown goes to the back', () => {
    const toasts = new Toasts();
    for (const text of ['a', 'b', 'c']) toasts.show(text);
    toasts.showNext();
    expect(toasts.shown?.text).toBe('b');
    toasts.showNext();
    expect(toasts.shown?.text).toBe('a');
    toasts.showNext();
    expect(toasts.shown?.text).toBe('c');
  });

  it('dismisses one, clears all, and cannot be written from outside', () => {
    const toasts = new Toasts();
    toasts.show('a');
    toasts.show('b');
    toasts.dismiss(toasts.shown!.id);
    expect(toasts.shown?.text).toBe('a');
    toasts.clear();
    expect(toasts.shown).toBeNull();
    expect(() => {
      (toasts as unknown as { items: unknown }).items = [];
    }).toThrow(TypeError);
  });
});
