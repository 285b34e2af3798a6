// When the shell mounts (src/mount-shell.ts, issue 29): after the static header's first frame,
// on a returning visit once the database is open and the first reads are asked for (at most
// MOUNT_WAIT_MS), and always in a task of its own.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MOUNT_WAIT_MS, scheduleMount } from '../../src/mount-shell';

let frames: (() => void)[];
const nextFrame = (then: () => void) => void frames.push(then);
const paintFrame = () => frames.splice(0).forEach((then) => then());

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  frames = [];
});
afterEach(() => vi.useRealTimers());

/** A promise settled by hand. */
function deferred() {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((yes, no) => ((resolve = yes), (reject = no)));
  return { promise, resolve, reject };
}

describe('mounting the shell', () => {
  it('on a first visit, after the first frame and in a task of its own', async () => {
    const mount = vi.fn();
    scheduleMount(mount, { hidden: false, dataLayer: null, nextFrame });
    await vi.advanceTimersByTimeAsync(100);
    expect(mount).not.toHaveBeenCalled();
    paintFrame();
    await Promise.resolve();
    await Promise.resolve();
    expect(mount).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(0);
    expect(mount).toHaveBeenCalledTimes(1);
  });

  it('on a hidden page with nothing to wait for, at once (it gets no frames)', () => {
    const mount = vi.fn();
    scheduleMount(mount, { hidden: true, dataLayer: null, nextFrame });
    expect(mount).toHaveBeenCalledTimes(1);
  });

  it('on a returning visit, not before the data layer has settled, even after the frame', async () => {
    const mount = vi.fn();
    const data = deferred();
    scheduleMount(mount, { hidden: false, dataLayer: data.promise, nextFrame });
    paintFrame();
    await vi.advanceTimersByTimeAsync(MOUNT_WAIT_MS - 50);
    expect(mount).not.toHaveBeenCalled();
    data.resolve();
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
    expect(mount).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(0);
    expect(mount).toHaveBeenCalledTimes(1);
  });

  it('on a returning visit, still after the first frame when the data layer is quicker', async () => {
    const mount = vi.fn();
    scheduleMount(mount, { hidden: false, dataLayer: Promise.resolve(), nextFrame });
    await vi.advanceTimersByTimeAsync(10);
    expect(mount).not.toHaveBeenCalled();
    paintFrame();
    await vi.advanceTimersByTimeAsync(0);
    expect(mount).toHaveBeenCalledTimes(1);
  });

  it('mounts after MOUNT_WAIT_MS when the database never opens', async () => {
    const mount = vi.fn();
    scheduleMount(mount, { hidden: false, dataLayer: new Promise(() => {}), nextFrame });
    paintFrame();
    await vi.advanceTimersByTimeAsync(MOUNT_WAIT_MS - 1);
    expect(mount).not.toHaveBeenCalled();
    // The wait, then the mount's own task.
    await vi.advanceTimersByTimeAsync(2);
    expect(mount).toHaveBeenCalledTimes(1);
  });

  it('mounts when the data layer failed to load, and on a hidden returning visit', async () => {
    const failed = vi.fn();
    const data = deferred();
    scheduleMount(failed, { hidden: false, dataLayer: data.promise, nextFrame });
    paintFrame();
    data.reject(new Error('chunk failed'));
    await vi.advanceTimersByTimeAsync(0);
    expect(failed).toHaveBeenCalledTimes(1);

    const hidden = vi.fn();
    scheduleMount(hidden, { hidden: true, dataLayer: Promise.resolve(), nextFrame });
    expect(hidden).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(0);
    expect(hidden).toHaveBeenCalledTimes(1);
    expect(frames).toEqual([]);
  });
});
