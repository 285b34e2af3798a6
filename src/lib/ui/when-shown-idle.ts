import { tick } from 'svelte';

/**
 * Runs `job` once the first screen is up: `shown` has settled (the screen's component loaded),
 * Svelte has rendered it, a frame has painted it, and the page is idle. Work that a first screen
 * does not need (the data layer on a first visit, the service worker and its precache of every
 * file) then no longer competes with that screen for the network and the main thread.
 */
export function whenShownAndIdle(shown: Promise<unknown>, job: () => void): void {
  const idle = () => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(job, { timeout: 3000 });
    else setTimeout(job, 200);
  };
  void shown
    .catch(() => undefined)
    .then(() => tick())
    .then(() => {
      // A hidden page gets no frames.
      if (document.visibilityState === 'hidden') idle();
      else requestAnimationFrame(() => setTimeout(idle, 0));
    });
}
