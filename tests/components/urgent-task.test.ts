import { afterEach, expect, it, vi } from 'vitest';
import { inUrgentTask } from '../../src/lib/ui/urgent-task';

/** lib/ui/urgent-task.ts: a task of its own, ahead of the waiting ones where the browser can. */

afterEach(() => {
  vi.unstubAllGlobals();
});

it("asks the browser's scheduler for a user-blocking task when there is one", async () => {
  const postTask = vi.fn((run: () => void) => Promise.resolve().then(run));
  vi.stubGlobal('scheduler', { postTask });
  const run = vi.fn();
  inUrgentTask(run);
  expect(run).not.toHaveBeenCalled();
  expect(postTask).toHaveBeenCalledWith(run, { priority: 'user-blocking' });
  await vi.waitFor(() => expect(run).toHaveBeenCalledOnce());
});

it("reports a task's error, as a timer's would be, and leaves no rejection unhandled", async () => {
  const unhandled = vi.fn();
  process.on('unhandledRejection', unhandled);
  const reported = vi.fn();
  vi.stubGlobal('reportError', reported);
  const error = new Error('the task threw');
  vi.stubGlobal('scheduler', { postTask: () => Promise.reject(error) });
  inUrgentTask(() => undefined);
  await new Promise((done) => setTimeout(done, 10));
  process.off('unhandledRejection', unhandled);
  expect(reported).toHaveBeenCalledExactlyOnceWith(error);
  expect(unhandled).not.toHaveBeenCalled();
});

it('runs in a later task without a scheduler, never in the calling one', async () => {
  vi.stubGlobal('scheduler', undefined);
  const run = vi.fn();
  inUrgentTask(run);
  await Promise.resolve();
  expect(run).not.toHaveBeenCalled();
  await new Promise((done) => setTimeout(done, 0));
  expect(run).toHaveBeenCalledOnce();
});
