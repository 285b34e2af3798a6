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

  it('hands Undo what the write returned', async () => {
    const undo = vi.fn((_done: { id: string }) => Promise.resolve());
    const done = await withUndo(
      () => Promise.resolve({ id: 'e1' }),
      (entry) => `Logged ${entry.id}`,
      undo,
    );
    expect(done).toEqual({ id: 'e1' });
    expect(toasts.items.map((t) => t.text)).toEqual(['Logged e1']);
    await toasts.items[0]!.action!.run();
    expect(undo).toHaveBeenCalledWith({ id: 'e1' });
  });

  it('says "nothing" with no Undo when the write wrote nothing (null)', async () => {
    const undo = vi.fn(() => Promise.resolve());
    await withUndo(() => Promise.resolve(null), 'Received', undo, { nothing: () => 'Already' });
    expect(toasts.items.map((t) => [t.text, t.action])).toEqual([['Already', undefined]]);
  });

  it('gives a refused write to `failed` instead of a toast', async () => {
    const failed = vi.fn();
    const error = new AnyamError('entry/not-found');
    await withUndo(
      () => Promise.reject(error),
      'Deleted',
      () => Promise.resolve(),
      { failed },
    );
    expect(failed).toHaveBeenCalledWith(error);
    expect(toasts.items).toHaveLength(0);
  });
});
