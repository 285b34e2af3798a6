import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AnyamError } from '../../src/lib/domain/model';
import { toasts } from '../../src/lib/state/toasts.svelte';
import { withUndo } from '../../src/lib/ui/with-undo';

beforeEach(() => {
  toasts.clear();
});

describe('withUndo', () => {
  it('offers Undo once the write is done, and Undo runs the undo', async () => {
    const undo = vi.fn(() => Promise.resolve());
    await withUndo(() => Promise.resolve(), 'Plan deleted', undo);
    expect(toasts.items.map((t) => [t.text, t.action?.label])).toEqual([['Plan deleted', 'Undo']]);
    await toasts.items[0]!.action!.run();
    expect(undo).toHaveBeenCalledOnce();
    expect(toasts.items).toHaveLength(1);
  });

  it('says why the write failed, and offers no Undo', async () => {
    const undo = vi.fn(() => Promise.resolve());
    await withUndo(() => Promise.reject(new AnyamError('entry/not-found')), 'Deleted', undo);
    expect(toasts.items).toHaveLength(1);
    expect(toasts.items[0]!.action).toBeUndefined();
    expect(toasts.items[0]!.text).not.toBe('Deleted');
    expect(undo).not.toHaveBeenCalled();
  });

  it('says why an Undo failed instead of letting the error escape', async () => {
    await withUndo(
      () => Promise.resolve(),
      'Rate deleted',
      () => Promise.reject(new Error('gone')),
    );
    await expect(toasts.items[0]!.action!.run()).resolves.toBeUndefined();
    expect(toasts.items.at(-1)!.text).toMatch(/Something went wrong/);
  });
});
