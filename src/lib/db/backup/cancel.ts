import { AnyamError } from '../../domain/model';

/**
 * Long jobs (validating a 100,000-row file, building an export) run in slices and give the event
 * loop a turn between slices, so taps and the Cancel button keep working. Never call
 * `yieldToEventLoop` inside a Dexie transaction: a timer is not a Dexie call, so the transaction
 * would see itself idle and commit early.
 */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  // scheduler.yield keeps the task's priority (Chromium 129+); a timer is the portable fallback.
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** The one error every cancelled job throws, so that the UI can tell "cancelled" from "failed". */
export function cancelledError(details: Record<string, unknown> = {}): AnyamError {
  return new AnyamError('import/cancelled', details, 'Cancelled by the user');
}

/** Throws `import/cancelled` once `signal` has been aborted. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError();
}

/** What progress bars receive: a phase (for the label) and how far it is. */
export interface JobProgress {
  phase: 'reading' | 'validating' | 'writing' | 'rollups';
  done: number;
  total: number;
}
export type JobProgressListener = (progress: JobProgress) => void;
