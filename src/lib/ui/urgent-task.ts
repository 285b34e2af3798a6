/**
 * Runs `run` in a task of its own, ahead of the tasks already waiting where the browser can
 * (Chromium's `scheduler.postTask` at "user-blocking" priority: the page's module loads and
 * timers wait behind it), elsewhere after a zero timeout. For work that must not join the task
 * that queued it (that task is long enough already) but must not wait behind everything else.
 */
interface Scheduler {
  postTask(run: () => void, options: { priority: 'user-blocking' }): Promise<unknown>;
}

export function inUrgentTask(run: () => void): void {
  const scheduler = (globalThis as { scheduler?: Partial<Scheduler> }).scheduler;
  if (typeof scheduler?.postTask === 'function') {
    // A task that throws only rejects this promise: reported here, as a timer's error would be.
    scheduler.postTask(run, { priority: 'user-blocking' }).catch((error: unknown) => {
      globalThis.reportError?.(error);
    });
  } else {
    setTimeout(run, 0);
  }
}
