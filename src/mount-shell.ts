/**
 * When main.ts mounts the shell. Not in the entry chunk's first task: index.html's static header
 * paints first (a module script from the service worker's cache runs before the browser's first
 * frame, so mounting at once would hold the first paint until the whole shell had rendered).
 * On a returning visit, also not before IndexedDB is open and the first reads are asked for
 * (`dataLayer`, from startEarly), at most MOUNT_WAIT_MS: the reads then run while the shell mounts
 * and lays out, where opening the database used to wait for the shell (issue 29, docs/performance.md "Eighth pass"). Either way in a task of its own, so that
 * the mount is not added to the task that ran the data layer's chunk.
 */
export interface MountTiming {
  /** A hidden page gets no frames. */
  hidden: boolean;
  /** Settles once the database is open and the first reads asked for; null on a first visit. */
  dataLayer: Promise<unknown> | null;
  nextFrame: (then: () => void) => void;
}

/**
 * The longest the shell waits for the data layer: a database that never opens (another tab
 * blocking an upgrade) must not leave a blank page, and the shell is what says what went wrong.
 */
export const MOUNT_WAIT_MS = 500;

export function scheduleMount(mount: () => void, timing: MountTiming): void {
  if (timing.hidden && timing.dataLayer === null) {
    mount();
    return;
  }
  const frame = timing.hidden
    ? Promise.resolve()
    : new Promise<void>((resolve) => timing.nextFrame(resolve));
  // Settled either way: a data layer that failed to load is the shell's to report.
  const data =
    timing.dataLayer &&
    Promise.race([
      timing.dataLayer.catch(() => undefined),
      new Promise((wait) => setTimeout(wait, MOUNT_WAIT_MS)),
    ]);
  void Promise.all([data, frame]).then(() => setTimeout(mount, 0));
}
