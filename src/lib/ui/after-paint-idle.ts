/**
 * Runs `job` after the next paint, once the main thread is idle (or after `timeout` ms at the
 * latest): a tap that arrives in between is answered first. Returns a cancel function.
 * Without requestIdleCallback (Safari, jsdom) the job runs in the task after the paint.
 */
export function afterPaintIdle(job: () => void, timeout = 300): () => void {
  let idle: number | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(job, { timeout });
    else timer = setTimeout(job, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (idle !== undefined) cancelIdleCallback(idle);
    clearTimeout(timer);
  };
}
